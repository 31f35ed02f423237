"use client";

import type { AdminOverviewQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { useAdminLiveCounters, type LiveCounters, type LiveState } from "@/lib/admin/live";
import { StatusDot } from "@/components/app/ui/panel";
import { Stat } from "@/components/admin/ui/stat";

export type Overview = AdminOverviewQuery["adminOverview"];

/** The live figures, as far as the page's own query knows them (it has no sign-ups or errors of the day). */
function fromOverview(overview: Overview): Omit<LiveCounters, "signUps24h" | "errors24h" | "at"> {
  return {
    users: overview.usersByPlan.reduce((sum, p) => sum + p.users, 0),
    activeSubscriptions: overview.activeSubscriptions,
    mrrIdr: overview.mrrIdr,
    requests24h: overview.requests.last24h,
  };
}

/**
 * The business right now, at the top of the Overview: money and subscriptions on the first
 * row, people and traffic on the second, updated as the server sends them. Until the first
 * update (or when the socket fails) the page's own figures stand, and "—" where it has none.
 */
export function Kpis({ overview }: { overview: Overview }) {
  const t = useT("admin");
  const f = useFormat();
  const { counters, state } = useAdminLiveCounters();
  const now = counters ?? fromOverview(overview);
  const signUps = counters?.signUps24h;
  const errors = counters?.errors24h;
  const maybe = (n: number | undefined) => (n === undefined ? "—" : f.int(n));
  return (
    <section aria-labelledby="live-strip-heading" className="flex flex-col gap-3" data-testid="live-strip">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="live-strip-heading" className="text-sm font-medium text-muted-foreground">
          {t("liveTitle")}
        </h2>
        <LiveIndicator state={state} at={counters?.at ?? null} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="admin-kpis">
        <Stat label={t("kpiMrr")} value={f.idr(now.mrrIdr)} detail={t("kpiMrrDetail")} testId="kpi-mrr" />
        <Stat label={t("kpiSubscriptions")} value={f.int(now.activeSubscriptions)} detail={t("kpiSubscriptionsDetail")} testId="kpi-subscriptions" />
        <Stat label={t("kpiUsers")} value={f.int(now.users)} detail={t("kpiUsersDetail")} testId="kpi-users" />
        <Stat label={t("kpiSignUps24h")} value={maybe(signUps)} detail={t("kpiSignUps24hDetail")} testId="kpi-sign-ups-24h" />
        <Stat
          label={t("kpiRequests24h")}
          value={f.int(now.requests24h)}
          // The longer windows are the page's, read when it loaded: they barely move in a minute.
          detail={t("kpiRequestsDetail", { week: f.int(overview.requests.last7d), month: f.int(overview.requests.last30d) })}
          testId="kpi-requests-24h"
        />
        <Stat
          label={t("kpiErrors24h")}
          value={maybe(errors)}
          detail={errors === undefined ? undefined : now.requests24h > 0 ? t("kpiErrors24hDetail", { share: f.percent(errors / now.requests24h) }) : t("kpiErrors24hNone")}
          testId="kpi-errors-24h"
        />
      </div>
    </section>
  );
}

/**
 * Whether the figures follow the server, and when they were read. Not a live region: an
 * announcement every few seconds would drown a screen reader; the time is there when read.
 */
function LiveIndicator({ state, at }: { state: LiveState; at: string | null }) {
  const t = useT("admin");
  const f = useFormat();
  const text =
    state === "live" && at
      ? t("liveOn", { time: f.time(at) })
      : state === "connecting"
        ? t("liveConnecting")
        : at
          ? t("liveOff", { time: f.time(at) })
          : t("liveOffPage");
  return (
    <p className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="live-state" data-state={state}>
      <span className="relative flex size-2">
        {state === "live" ? <span aria-hidden className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-60 motion-reduce:hidden" /> : null}
        <StatusDot tone={state === "live" ? "ok" : state === "connecting" ? "off" : "warn"} />
      </span>
      {at ? <time dateTime={at}>{text}</time> : <span>{text}</span>}
    </p>
  );
}
