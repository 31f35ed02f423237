"use client";

import { useEffect, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { ExternalLink, Loader2 } from "lucide-react";
import { gql, GqlError } from "@/lib/gql/client";
import { PollOAuthDocument, StartOAuthDocument, type ProviderName } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { cx } from "@/lib/cx";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field } from "@/components/app/ui/field";
import { CopyButton } from "@/components/app/ui/copy";
import { useToast } from "@/components/app/ui/toast";
import { countdown, MutationError, useInvalidateConnections, useNow } from "@/components/app/connections/shared";

type Flow = { flowId: string; userCode: string; uri: string; prefilled: boolean; startedAt: number; expiresAt: number; intervalSecs: number };
type Phase = { state: "waiting"; intervalSecs: number; slowed: boolean; offline: boolean } | { state: "expired" } | { state: "failed"; error: unknown };

/**
 * Device sign-in: show the code and where to enter it, then poll every `intervalSecs` (the
 * interval the last answer gave: it grows when the provider says slow_down) until approved,
 * denied or expired. Polling stops when this unmounts (the dialog closes or the way changes).
 */
export function DeviceFlow({ provider, onDone }: { provider: ProviderName; onDone: () => void }) {
  const t = useT("connections");
  const toast = useToast();
  const invalidate = useInvalidateConnections();
  const [label, setLabel] = useState("");
  const [flow, setFlow] = useState<Flow | null>(null);
  const [phase, setPhase] = useState<Phase>({ state: "waiting", intervalSecs: 5, slowed: false, offline: false });

  const start = useMutation({
    mutationFn: () => gql(StartOAuthDocument, { provider, device: true, label: label.trim() || null }),
    onSuccess: (d) => {
      const s = d.startOAuthConnection;
      const intervalSecs = Math.max(1, s.intervalSecs ?? 5);
      const startedAt = Date.now();
      setFlow({
        flowId: s.flowId,
        userCode: s.userCode ?? "",
        uri: s.verificationUriComplete ?? s.verificationUri ?? "",
        prefilled: Boolean(s.verificationUriComplete),
        startedAt,
        expiresAt: startedAt + (s.expiresInSecs ?? 900) * 1000,
        intervalSecs,
      });
      setPhase({ state: "waiting", intervalSecs, slowed: false, offline: false });
    },
  });

  // The latest "connected" handler, for the polling loop (which outlives renders).
  const onConnected = useRef<(name: string) => void>(() => {});
  useEffect(() => {
    onConnected.current = (name: string) => {
      toast.ok(t("connected", { name }));
      invalidate();
      onDone();
    };
  });

  useEffect(() => {
    if (!flow) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let interval = flow.intervalSecs;
    const later = (secs: number) => {
      timer = setTimeout(poll, secs * 1000);
    };
    const poll = async () => {
      if (stopped) return;
      if (Date.now() >= flow.expiresAt) {
        setPhase({ state: "expired" });
        return;
      }
      try {
        const answer = (await gql(PollOAuthDocument, { flowId: flow.flowId })).pollOAuthConnection;
        if (stopped) return;
        if (answer.connected) {
          onConnected.current(answer.connection?.label ?? t(`provider.${provider}`));
          return;
        }
        const slowed = answer.intervalSecs > interval;
        interval = Math.max(1, answer.intervalSecs);
        setPhase((p) => ({ state: "waiting", intervalSecs: interval, slowed: slowed || (p.state === "waiting" && p.slowed), offline: false }));
        later(interval);
      } catch (e) {
        if (stopped) return;
        if (e instanceof GqlError && e.code === "NETWORK") {
          // Our server was briefly unreachable: keep trying until the code expires.
          setPhase((p) => (p.state === "waiting" ? { ...p, offline: true } : p));
          later(interval);
        } else if (e instanceof GqlError && e.code === "RATE_LIMITED") {
          later(Math.max(interval, e.retryAfter ?? interval));
        } else if (e instanceof GqlError && e.code === "NOT_FOUND") {
          setPhase({ state: "expired" });
        } else {
          setPhase({ state: "failed", error: e });
        }
      }
    };
    later(interval);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [flow, provider, t]);

  const waiting = flow !== null && phase.state === "waiting";
  const now = useNow(waiting);

  if (!flow) {
    return (
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <Field label={t("labelOptional")} hint={t("labelHint")} name="label" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
        <MutationError error={start.error} />
        <div className="flex justify-end">
          <button type="submit" className={buttonVariants()} disabled={start.isPending} data-testid="device-start">
            {start.isPending ? t("starting") : t("device.start")}
          </button>
        </div>
      </form>
    );
  }

  // `now` ticks only while waiting: until its first tick it is the time this form was opened,
  // which would show more time than the code has.
  const left = flow.expiresAt - Math.max(now, flow.startedAt);
  const expired = phase.state === "expired" || (phase.state === "waiting" && left <= 0);
  const name = t(`provider.${provider}`);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <ol className="flex min-w-0 list-decimal flex-col gap-3 pl-5 text-sm marker:font-semibold marker:text-muted-foreground">
        <li className="pl-1">
          <p>{t("device.step1", { provider: name })}</p>
          {flow.uri ? (
            <>
              <a
                href={flow.uri}
                target="_blank"
                rel="noopener noreferrer"
                className={cx(buttonVariants(), "mt-2 max-w-full")}
                data-testid="device-link"
              >
                <ExternalLink aria-hidden />
                {t("device.open")}
                <span className="sr-only"> {t("newTab")}</span>
              </a>
              <p className="mt-1 font-mono text-xs break-all text-muted-foreground">{flow.uri}</p>
            </>
          ) : null}
        </li>
        <li className="pl-1">
          <p>{flow.prefilled ? t("device.step2Prefilled") : t("device.step2")}</p>
          <div className="mt-2 flex flex-wrap items-center gap-3 rounded-lg border border-border bg-muted/50 px-4 py-3">
            <p className="min-w-0 font-mono text-2xl font-semibold tracking-[0.2em] break-all sm:text-3xl" data-testid="device-code">
              {flow.userCode}
            </p>
            <CopyButton text={flow.userCode} label={t("device.copyCode")} className="border border-border" />
          </div>
        </li>
        <li className="pl-1">{t("device.step3")}</li>
      </ol>

      {phase.state === "failed" ? (
        <div className="flex flex-col gap-2" data-testid="device-failed">
          <p className="text-sm font-medium text-destructive">{t("device.failed")}</p>
          <MutationError error={phase.error} />
        </div>
      ) : expired ? (
        <p role="alert" className="rounded-lg border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive" data-testid="device-expired">
          {t("device.expired")}
        </p>
      ) : (
        <div className="flex flex-col gap-1 rounded-lg border border-border px-3 py-2 text-sm" data-testid="device-waiting">
          <p className="flex items-center gap-2" role="status">
            <Loader2 aria-hidden className="size-4 shrink-0 animate-spin text-muted-foreground" />
            {phase.state === "waiting" && phase.offline ? t("device.offline") : t("device.waiting")}
          </p>
          {phase.state === "waiting" && phase.slowed ? (
            <p className="text-warning" data-testid="device-slow">
              {t("device.slowDown", { n: phase.intervalSecs })}
            </p>
          ) : null}
          <p className="text-xs text-muted-foreground">
            <span className="tabular-nums">{t("device.expiresIn", { left: countdown(left) })}</span>
            {phase.state === "waiting" ? ` · ${t("device.every", { n: phase.intervalSecs })}` : null}
          </p>
        </div>
      )}

      <div className="flex flex-wrap justify-end gap-2">
        {expired || phase.state === "failed" ? (
          <button type="button" className={buttonVariants()} onClick={() => start.mutate()} disabled={start.isPending} data-testid="device-restart">
            {start.isPending ? t("starting") : t("device.newCode")}
          </button>
        ) : null}
      </div>
      <MutationError error={start.error} />
    </div>
  );
}
