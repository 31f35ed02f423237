"use client";

import type { AdminOverviewQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { Stat } from "@/components/admin/ui/stat";

export type Overview = AdminOverviewQuery["adminOverview"];

/** Money and subscriptions on the first row, traffic on the second. */
export function Kpis({ overview }: { overview: Overview }) {
  const t = useT("admin");
  const f = useFormat();
  const users = overview.usersByPlan.reduce((sum, p) => sum + p.users, 0);
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="admin-kpis">
      <Stat label={t("kpiMrr")} value={f.idr(overview.mrrIdr)} detail={t("kpiMrrDetail")} testId="kpi-mrr" />
      <Stat label={t("kpiSubscriptions")} value={f.int(overview.activeSubscriptions)} detail={t("kpiSubscriptionsDetail")} testId="kpi-subscriptions" />
      <Stat label={t("kpiUsers")} value={f.int(users)} detail={t("kpiUsersDetail")} testId="kpi-users" />
      <Stat label={t("kpiRequests24h")} value={f.int(overview.requests.last24h)} testId="kpi-requests-24h" />
      <Stat label={t("kpiRequests7d")} value={f.int(overview.requests.last7d)} testId="kpi-requests-7d" />
      <Stat label={t("kpiRequests30d")} value={f.int(overview.requests.last30d)} testId="kpi-requests-30d" />
    </div>
  );
}
