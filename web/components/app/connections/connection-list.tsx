"use client";

import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { StatusDot } from "@/components/app/ui/panel";
import { CONNECTIONS_KEY, countdown, Tag, useNow, type Connection } from "@/components/app/connections/shared";
import { RowActions } from "@/components/app/connections/row-actions";

const TONE = {
  ACTIVE: "ok",
  REFRESHING: "warn",
  ERROR: "bad",
  EXPIRED: "bad",
  REVOKED: "off",
  DISABLED: "off",
  PAUSED: "warn",
} as const;

export function ConnectionList({ connections }: { connections: Connection[] }) {
  const t = useT("connections");
  return (
    <ul aria-label={t("listTitle")} className="-my-2 divide-y divide-border">
      {connections.map((c) => (
        <ConnectionRow key={c.id} connection={c} />
      ))}
    </ul>
  );
}

function ConnectionRow({ connection: c }: { connection: Connection }) {
  const t = useT("connections");
  const f = useFormat();
  const identity = [c.identityEmail, c.planType ? t("planType", { plan: c.planType }) : null].filter(Boolean).join(" · ");
  return (
    <li className="flex min-w-0 flex-col gap-3 py-4 lg:flex-row lg:items-start lg:justify-between" data-testid="connection-row" data-status={c.status}>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <h3 className="min-w-0 font-medium break-words">{c.label}</h3>
          <Tag>{t(`provider.${c.provider}`)}</Tag>
          <Tag>{t(`kind.${c.kind}`)}</Tag>
        </div>
        {identity ? <p className="text-sm break-words text-muted-foreground">{identity}</p> : null}
        <Status connection={c} />
        <p className="text-xs break-words text-muted-foreground">
          {[
            c.models.length ? t("models", { models: c.models.join(", ") }) : c.reachableModels ? null : t("modelsAll"),
            t("weight", { n: c.weight }),
            t("priority", { n: c.priority }),
            c.baseUrl ? t("baseUrlIs", { url: c.baseUrl }) : null,
            c.lastUsedAt ? t("lastUsed", { when: f.ago(c.lastUsedAt) }) : t("neverUsed"),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {!c.models.length && c.reachableModels ? <ReachableModels connection={c} /> : null}
        {c.modelsError ? (
          <p className="text-xs break-words text-warning" data-testid="connection-models-error">
            {t("modelsCheckError", { error: c.modelsError })}
          </p>
        ) : null}
        {c.kind === "OAUTH" && (c.tokenExpiresAt || c.lastRefreshedAt) ? (
          <p className="text-xs break-words text-muted-foreground">
            {[
              c.lastRefreshedAt ? t("lastRefreshed", { when: f.ago(c.lastRefreshedAt) }) : null,
              c.tokenExpiresAt ? t("tokenExpires", { when: f.dateTime(c.tokenExpiresAt) }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        ) : null}
        {c.cooldowns.length ? <Cooldowns cooldowns={c.cooldowns} /> : null}
      </div>
      <RowActions connection={c} />
    </li>
  );
}

/** What the provider last listed for the connection, folded: lists run to hundreds of names. */
function ReachableModels({ connection: c }: { connection: Connection }) {
  const t = useT("connections");
  const f = useFormat();
  const models = c.reachableModels ?? [];
  const when = c.modelsRefreshedAt ? f.ago(c.modelsRefreshedAt) : "";
  return (
    <details className="text-xs text-muted-foreground" data-testid="connection-reachable-models">
      <summary className="cursor-pointer rounded-sm select-none hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring">
        {t(models.length === 1 ? "modelsReachedOne" : "modelsReached", { n: models.length, when })}
      </summary>
      <ul aria-label={t("modelsReachedTitle")} className="mt-1 flex max-h-40 flex-wrap gap-1 overflow-y-auto">
        {models.map((m) => (
          <li key={m} className="rounded border border-border px-1.5 py-0.5 font-mono break-all">
            {m}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Status({ connection: c }: { connection: Connection }) {
  const t = useT("connections");
  const f = useFormat();
  const tone = TONE[c.status];
  const showError = c.lastError && (c.status === "ERROR" || c.status === "EXPIRED" || c.status === "REVOKED");
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <StatusDot tone={tone} />
        <span
          className={
            tone === "ok" ? "font-medium text-success" : tone === "warn" ? "font-medium text-warning" : tone === "bad" ? "font-medium text-destructive" : "font-medium text-muted-foreground"
          }
          data-testid="connection-status"
        >
          {t(`status.${c.status}`)}
        </span>
        {c.status !== "ACTIVE" ? <span className="text-muted-foreground">{t(`statusHelp.${c.status}`)}</span> : null}
      </p>
      {showError ? (
        <p className="rounded-md bg-destructive/10 px-2 py-1 text-xs break-words text-destructive" data-testid="connection-error">
          {c.lastError}
          {c.lastErrorAt ? <span className="text-muted-foreground"> · {f.ago(c.lastErrorAt)}</span> : null}
        </p>
      ) : null}
      {c.nextAttemptAt && c.status !== "DISABLED" && c.status !== "REVOKED" ? <NextAttempt at={c.nextAttemptAt} /> : null}
    </div>
  );
}

function NextAttempt({ at }: { at: string }) {
  const t = useT("connections");
  const f = useFormat();
  const client = useQueryClient();
  const now = useNow();
  const left = Date.parse(at) - now;
  const due = left <= 0;
  // Once the retry is due, look again a little later to show how it went.
  useEffect(() => {
    if (!due) return;
    const id = setTimeout(() => void client.invalidateQueries({ queryKey: CONNECTIONS_KEY }), 5_000);
    return () => clearTimeout(id);
  }, [due, client]);
  return (
    <p className="text-xs text-muted-foreground" aria-live="off">
      {left > 0 ? (
        <>
          {t("nextAttempt", { time: f.time(at) })} <span className="tabular-nums">({t("inTime", { left: countdown(left) })})</span>
        </>
      ) : (
        t("retryingNow")
      )}
    </p>
  );
}

function Cooldowns({ cooldowns }: { cooldowns: Connection["cooldowns"] }) {
  const t = useT("connections");
  const has = useHasT();
  const f = useFormat();
  const now = useNow();
  const live = cooldowns.filter((c) => Date.parse(c.until) > now);
  if (live.length === 0) return null;
  return (
    <div className="mt-1 rounded-lg border border-warning/40 bg-warning/10 px-3 py-2" data-testid="cooldowns">
      <p className="text-xs font-medium text-warning">{t("cooldownsTitle")}</p>
      <ul className="mt-1 flex flex-col gap-1">
        {live.map((c) => (
          <li key={c.model} className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-xs" data-testid="cooldown">
            <span className="min-w-0 font-mono break-all">{c.model && c.model !== "*" ? c.model : t("allModels")}</span>
            <span className="text-muted-foreground">{has(`connections.cooldownReason.${c.reason}`) ? t(`cooldownReason.${c.reason}`) : c.reason}</span>
            <span className="font-medium tabular-nums">{t("inTime", { left: countdown(Date.parse(c.until) - now) })}</span>
            <span className="text-muted-foreground">{t("until", { time: f.time(c.until) })}</span>
            {c.failures > 1 ? <span className="text-muted-foreground">{t("failures", { n: c.failures })}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
