"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { RecentRequestsDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { appPath } from "@/lib/app/paths";
import { useLiveStatus } from "@/lib/app/live";
import { EmptyState, Loading, Panel, StatusDot } from "@/components/app/ui/panel";

export const RECENT_KEY = ["recentRequests"] as const;

/** The last 10 requests; the overview's live subscription refreshes it as requests land. */
export function RecentActivity() {
  const t = useT("overview");
  const f = useFormat();
  const locale = useLocale();
  const recent = useQuery({ queryKey: RECENT_KEY, queryFn: () => gql(RecentRequestsDocument, { first: 10 }).then((d) => d.requestLogs.items) });
  return (
    <Panel
      title={t("recentTitle")}
      description={t("recentLead")}
      actions={
        <>
          <LiveBadge />
          <Link href={appPath(locale, "usage")} className="text-sm text-primary underline-offset-4 hover:underline">
            {t("recentAll")}
          </Link>
        </>
      }
    >
      {recent.isPending ? (
        <Loading label={t("loading")} />
      ) : recent.error ? (
        <p role="alert" className="text-sm text-destructive">
          {t("loadFailed")}{" "}
          <button type="button" className="underline" onClick={() => recent.refetch()}>
            {t("retry")}
          </button>
        </p>
      ) : recent.data.length === 0 ? (
        <EmptyState icon={<Activity aria-hidden />} title={t("recentEmpty")} body={t("recentEmptyBody")} />
      ) : (
        <ul className="-my-2 divide-y divide-border/60" data-testid="recent-activity">
          {recent.data.map((r) => (
            <li key={r.id} className="flex items-center gap-3 py-2.5 text-sm">
              <StatusDot tone={r.statusCode < 400 ? "ok" : "bad"} />
              <span className="min-w-0 flex-1 truncate font-medium" data-testid="recent-model">
                {r.model}
              </span>
              <span className="hidden text-muted-foreground sm:inline">{r.provider ?? "—"}</span>
              <span className="tabular-nums text-muted-foreground">{r.statusCode}</span>
              <span className="hidden tabular-nums text-muted-foreground md:inline">{t("tokens", { n: f.int(r.promptTokens + r.completionTokens) })}</span>
              <span className="tabular-nums text-muted-foreground">{f.int(r.latencyMs)} ms</span>
              <time dateTime={r.createdAt} className="w-24 text-right text-xs text-muted-foreground">
                {f.time(r.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** Says whether new requests will appear by themselves. */
export function LiveBadge() {
  const t = useT("overview");
  const status = useLiveStatus();
  return (
    <span className="flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="live-status" data-state={status}>
      <StatusDot tone={status === "connected" ? "ok" : "off"} />
      {status === "connected" ? t("live") : t("liveOff")}
    </span>
  );
}
