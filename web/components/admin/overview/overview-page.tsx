"use client";

import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminOverviewDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { OVERVIEW_KEY } from "@/lib/admin/keys";
import { Loading } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { SectionGate } from "@/components/admin/section-gate";
import { LoadError } from "@/components/admin/ui/load-error";
import { Kpis } from "@/components/admin/overview/kpis";
import { ChurnByPlan, UsersByPlan } from "@/components/admin/overview/plans";
import { RecentPlanChanges, RecentSignUps } from "@/components/admin/overview/recent";

/** The business at a glance: revenue, subscriptions, traffic, plans, churn, who just arrived. */
export function OverviewPage() {
  return (
    <SectionGate section="OVERVIEW" home>
      <Overview />
    </SectionGate>
  );
}

function Overview() {
  const t = useT("admin");
  const overview = useQuery({ queryKey: OVERVIEW_KEY, queryFn: () => gql(AdminOverviewDocument).then((d) => d.adminOverview) });
  return (
    <>
      <PageHeader title={t("overviewTitle")} lead={t("overviewLead")} />
      {overview.isPending ? (
        <Loading label={t("loading")} rows={4} />
      ) : overview.error ? (
        <LoadError error={overview.error} onRetry={() => overview.refetch()} />
      ) : (
        <div className="flex flex-col gap-6">
          <Kpis overview={overview.data} />
          <div className="grid items-start gap-6 xl:grid-cols-2">
            <UsersByPlan rows={overview.data.usersByPlan} />
            <ChurnByPlan rows={overview.data.churn} />
          </div>
          <div className="grid items-start gap-6 2xl:grid-cols-2">
            <RecentSignUps users={overview.data.recentSignUps} />
            <RecentPlanChanges changes={overview.data.recentPlanChanges} />
          </div>
        </div>
      )}
    </>
  );
}
