"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Activity, KeyRound, Plug } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { OverviewDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { appPath } from "@/lib/app/paths";
import { useThrottledLive } from "@/lib/app/live";
import { buttonVariants } from "@/components/ui/button-variants";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { Meter } from "@/components/app/ui/meter";
import { Onboarding } from "@/components/app/overview/onboarding";
import { RecentActivity, RECENT_KEY } from "@/components/app/overview/recent";
import { SubscriptionValue } from "@/components/app/overview/value";

export const OVERVIEW_KEY = ["overview"] as const;

/** Local midnight today → the end of this hour (the API's ranges are whole hours). */
function today() {
  const from = new Date();
  from.setHours(0, 0, 0, 0);
  return { from: from.toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
}

/** The local date, so "today" moves on at midnight on a tab left open. */
function localDay() {
  const d = new Date();
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

export function OverviewPage() {
  const t = useT("overview");
  const f = useFormat();
  const locale = useLocale();
  const client = useQueryClient();
  // The range is taken when the query runs, so refetches hours later still count up to now.
  const overview = useQuery({ queryKey: [...OVERVIEW_KEY, localDay()], queryFn: () => gql(OverviewDocument, { today: today() }) });

  // Stored requests refresh the counters and the activity list without a reload, at most
  // once a second; an in-flight refetch is left to finish rather than restarted.
  useThrottledLive(() => {
    const keep = { cancelRefetch: false };
    void client.invalidateQueries({ queryKey: OVERVIEW_KEY }, keep);
    void client.invalidateQueries({ queryKey: RECENT_KEY }, keep);
    void client.invalidateQueries({ queryKey: ["accountValue"] }, keep);
  });

  const data = overview.data;
  const plan = data?.myPlan;
  const activeConnections = data?.connections.filter((c) => c.status === "ACTIVE" || c.status === "REFRESHING").length ?? 0;
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          plan ? (
            <Link href={appPath(locale, "billing")} className="rounded-full bg-primary/10 px-3 py-1 text-sm font-medium text-primary" data-testid="plan-badge">
              {t("plan", { plan: plan.plan.name })}
            </Link>
          ) : null
        }
      />
      {data ? (
        <Onboarding
          connections={data.connections.length}
          keys={data.apiKeys.filter((k) => k.status === "ACTIVE").length}
          requests={plan?.requestsUsed ?? 0}
        />
      ) : null}
      {overview.isPending ? (
        <Loading label={t("loading")} rows={2} />
      ) : overview.error ? (
        <p role="alert" className="text-sm text-destructive">
          {t("loadFailed")}{" "}
          <button type="button" className="underline" onClick={() => overview.refetch()}>
            {t("retry")}
          </button>
        </p>
      ) : plan && data ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <Stat label={t("today")} value={f.int(data.today.totals.requests)} testId="requests-today">
            <p className="text-xs text-muted-foreground">{t("errors", { n: f.int(data.today.totals.errors) })}</p>
          </Stat>
          <Stat label={t("month")} value={f.int(plan.requestsUsed)} testId="requests-month">
            {plan.requestsLimit ? (
              <Meter value={plan.requestsUsed} max={plan.requestsLimit} label={t("quota", { used: f.int(plan.requestsUsed), max: f.int(plan.requestsLimit) })} />
            ) : (
              <p className="text-xs text-muted-foreground">{t("unlimited")}</p>
            )}
          </Stat>
          <Stat label={t("connections")} value={f.int(activeConnections)}>
            <p className="text-xs text-muted-foreground">
              {plan.plan.maxProviders
                ? t("providersOf", { used: plan.providersUsed, max: plan.plan.maxProviders, plan: plan.plan.name })
                : t("providersUnlimited", { used: plan.providersUsed })}
            </p>
          </Stat>
          <SubscriptionValue from={plan.periodStart} connections={data.connections} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <RecentActivity />
        <Panel title={t("quickTitle")}>
          <div className="flex flex-col gap-2">
            <Link href={appPath(locale, "connections")} className={buttonVariants({ variant: "outline" }) + " justify-start"}>
              <Plug aria-hidden />
              {t("quickConnect")}
            </Link>
            <Link href={appPath(locale, "keys")} className={buttonVariants({ variant: "outline" }) + " justify-start"}>
              <KeyRound aria-hidden />
              {t("quickKey")}
            </Link>
            <Link href={appPath(locale, "usage")} className={buttonVariants({ variant: "outline" }) + " justify-start"}>
              <Activity aria-hidden />
              {t("quickUsage")}
            </Link>
          </div>
        </Panel>
      </div>
    </>
  );
}

function Stat({ label, value, children, testId }: { label: string; value: string; children?: React.ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-2 rounded-xl border border-border bg-card p-5 shadow-sm">
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="text-3xl font-semibold tracking-tight tabular-nums" data-testid={testId}>
        {value}
      </p>
      {children}
    </div>
  );
}
