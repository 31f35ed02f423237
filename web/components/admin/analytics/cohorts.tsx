"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { AdminAnalyticsQuery } from "@/lib/gql/generated/graphql";
import { Panel } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { DataTable, td, th } from "@/components/admin/ui/table";

type Cohort = AdminAnalyticsQuery["adminAnalytics"]["cohorts"][number];

/**
 * Each week's sign-ups and the share of them that sent requests in each week since. Cells are
 * shaded by that share (at most 40% of the primary colour, so the figure stays readable).
 */
export function CohortsPanel({ cohorts }: { cohorts: Cohort[] }) {
  const t = useT("admin");
  const f = useFormat();
  const weeks = Math.max(0, ...cohorts.map((c) => c.activeByWeek.length));
  return (
    <Panel title={t("cohortsTitle")} description={t("cohortsLead")}>
      {cohorts.length === 0 ? (
        <EmptyNote>{t("cohortsEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("cohortsTitle")}
          minWidth="min-w-[40rem]"
          testId="cohorts"
          head={
            <>
              <th scope="col" className={th}>{t("colCohort")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colUsers")}</th>
              {Array.from({ length: weeks }, (_, i) => (
                <th key={i} scope="col" className={`${th} text-center`}>{t("weekN", { n: i })}</th>
              ))}
            </>
          }
        >
          {cohorts.map((cohort) => (
            <tr key={cohort.weekStart} data-testid="cohort-row">
              <th scope="row" className={`${td} font-medium whitespace-nowrap`}>{f.date(cohort.weekStart)}</th>
              <td className={`${td} text-right tabular-nums`}>{f.int(cohort.users)}</td>
              {Array.from({ length: weeks }, (_, i) => {
                const active = cohort.activeByWeek[i];
                // Weeks that have not come yet for a young cohort stay empty.
                if (active === undefined) return <td key={i} className={td} />;
                const share = cohort.users > 0 ? active / cohort.users : 0;
                return (
                  <td
                    key={i}
                    className={`${td} text-center tabular-nums`}
                    style={{ background: `color-mix(in oklch, var(--primary) ${Math.round(share * 40)}%, transparent)` }}
                    title={t("cohortCell", { active: f.int(active), users: f.int(cohort.users) })}
                  >
                    {f.percent(share)}
                  </td>
                );
              })}
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
