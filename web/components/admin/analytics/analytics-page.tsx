"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminAnalyticsDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { ANALYTICS_KEY } from "@/lib/admin/keys";
import { useProviderName } from "@/lib/admin/providers";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { SelectField } from "@/components/app/ui/field";
import { SectionGate } from "@/components/admin/section-gate";
import { LoadError } from "@/components/admin/ui/load-error";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { BarList } from "@/components/admin/ui/bar-list";
import { FunnelPanel } from "@/components/admin/analytics/funnel";
import { CohortsPanel } from "@/components/admin/analytics/cohorts";

const PERIODS = [7, 30, 90, 365] as const;
/** Two months of weekly cohorts: long enough to see retention settle. */
const WEEKS = 8;

export function AnalyticsPage() {
  return (
    <SectionGate section="ANALYTICS">
      <Analytics />
    </SectionGate>
  );
}

/** How people come, stay and what they use. */
function Analytics() {
  const t = useT("admin");
  const [days, setDays] = useState<number>(30);
  const analytics = useQuery({
    queryKey: [...ANALYTICS_KEY, days],
    queryFn: () => gql(AdminAnalyticsDocument, { days, weeks: WEEKS }).then((d) => d.adminAnalytics),
  });
  return (
    <>
      <PageHeader
        title={t("analyticsTitle")}
        lead={t("analyticsLead")}
        actions={
          <SelectField label={t("period")} value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="analytics-days">
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t("lastDays", { days: d })}
              </option>
            ))}
          </SelectField>
        }
      />
      {analytics.isPending ? (
        <Loading label={t("loading")} rows={6} />
      ) : analytics.error ? (
        <LoadError error={analytics.error} onRetry={() => analytics.refetch()} />
      ) : (
        <div className="flex flex-col gap-6">
          <div className="grid items-start gap-6 xl:grid-cols-2">
            <FunnelPanel funnel={analytics.data.funnel} days={days} />
            <CohortsPanel cohorts={analytics.data.cohorts} />
          </div>
          <div className="grid items-start gap-6 xl:grid-cols-2">
            <Popularity title={t("providersTitle")} shares={analytics.data.providers} providers testId="popular-providers" />
            <Popularity title={t("modelsTitle")} shares={analytics.data.models} testId="popular-models" />
          </div>
        </div>
      )}
    </>
  );
}

/** Requests by provider or by model, most used first, with each one's share of the total. */
function Popularity({ title, shares, providers, testId }: { title: string; shares: { name: string; requests: number }[]; providers?: boolean; testId: string }) {
  const t = useT("admin");
  const f = useFormat();
  const providerName = useProviderName();
  const total = shares.reduce((sum, s) => sum + s.requests, 0);
  const bars = shares.map((s) => ({
    key: s.name,
    label: providers ? providerName(s.name) : s.name || "—",
    value: s.requests,
    shown: f.int(s.requests),
    note: total > 0 ? f.percent(s.requests / total) : undefined,
  }));
  return (
    <Panel title={title} description={t("popularityLead")}>
      {bars.length === 0 ? <EmptyNote>{t("popularityEmpty")}</EmptyNote> : <BarList bars={bars} label={title} testId={testId} />}
    </Panel>
  );
}
