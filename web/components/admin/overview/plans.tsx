"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { usePlanName } from "@/lib/admin/plans";
import { Panel } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { DataTable, td, th } from "@/components/admin/ui/table";
import type { Overview } from "@/components/admin/overview/kpis";

/** How many users each plan has, with their share of all users as a bar. */
export function UsersByPlan({ rows }: { rows: Overview["usersByPlan"] }) {
  const t = useT("admin");
  const f = useFormat();
  const planName = usePlanName();
  const total = rows.reduce((sum, r) => sum + r.users, 0);
  return (
    <Panel title={t("byPlanTitle")} description={t("byPlanLead")}>
      {rows.length === 0 ? (
        <EmptyNote>{t("byPlanEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("byPlanTitle")}
          minWidth="min-w-[24rem]"
          testId="users-by-plan"
          head={
            <>
              <th scope="col" className={th}>{t("colPlan")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colUsers")}</th>
              <th scope="col" className={`${th} w-1/2`}>{t("colShare")}</th>
            </>
          }
        >
          {rows.map((row) => {
            const share = total > 0 ? row.users / total : 0;
            return (
              <tr key={row.planId}>
                <th scope="row" className={`${td} font-medium`}>{planName(row.planId)}</th>
                <td className={`${td} text-right tabular-nums`}>{f.int(row.users)}</td>
                <td className={td}>
                  <span className="flex items-center gap-2">
                    <span aria-hidden className="h-2 flex-1 overflow-hidden rounded-full bg-muted">
                      <span className="block h-full rounded-full bg-primary" style={{ width: `${share * 100}%` }} />
                    </span>
                    <span className="w-12 text-right text-xs text-muted-foreground tabular-nums">{f.percent(share)}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Panel>
  );
}

/** Of each plan's paying users 30 days ago, how many pay nothing now. */
export function ChurnByPlan({ rows }: { rows: Overview["churn"] }) {
  const t = useT("admin");
  const f = useFormat();
  const planName = usePlanName();
  return (
    <Panel title={t("churnTitle")} description={t("churnLead")}>
      {rows.length === 0 ? (
        <EmptyNote>{t("churnEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("churnTitle")}
          minWidth="min-w-[24rem]"
          testId="churn-by-plan"
          head={
            <>
              <th scope="col" className={th}>{t("colPlan")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colAtStart")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colLost")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colChurn")}</th>
            </>
          }
        >
          {rows.map((row) => (
            <tr key={row.planId}>
              <th scope="row" className={`${td} font-medium`}>{planName(row.planId)}</th>
              <td className={`${td} text-right tabular-nums`}>{f.int(row.subscribersAtStart)}</td>
              <td className={`${td} text-right tabular-nums`}>{f.int(row.lost)}</td>
              <td className={`${td} text-right font-medium tabular-nums`}>{f.percent(row.rate)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
