"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { usePlanName } from "@/lib/admin/plans";
import { Panel } from "@/components/app/ui/panel";
import { StateBadge } from "@/components/app/billing/state-badge";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { DataTable, td, th } from "@/components/admin/ui/table";
import type { UserDetail } from "@/components/admin/user/user-page";

type Period = UserDetail["periods"][number];

/** Where a period stands: revoked and lapsed say so; otherwise upcoming, running or over by its dates. */
export function periodState(period: Period, now: number) {
  if (period.revokedAt) return "revoked";
  if (period.lapsedAt) return "lapsed";
  if (new Date(period.startsAt).getTime() > now) return "upcoming";
  return new Date(period.endsAt).getTime() > now ? "running" : "ended";
}

/** Badge colours by the billing states they resemble. */
const BADGE_STATE = { running: "paid", upcoming: "open", ended: "void", lapsed: "void", revoked: "failed" } as const;

/** Paid or granted months of a plan, newest first. */
export function Periods({ periods }: { periods: UserDetail["periods"] }) {
  const t = useT("admin");
  const f = useFormat();
  const planName = usePlanName();
  // Taken once: states follow the page's data, not the clock, between refreshes.
  const [now] = useState(Date.now);
  return (
    <Panel title={t("periodsTitle")} description={t("periodsLead")}>
      {periods.length === 0 ? (
        <EmptyNote>{t("periodsEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("periodsTitle")}
          minWidth="min-w-[32rem]"
          testId="user-periods"
          head={
            <>
              <th scope="col" className={th}>{t("colPlan")}</th>
              <th scope="col" className={th}>{t("colStarts")}</th>
              <th scope="col" className={th}>{t("colEnds")}</th>
              <th scope="col" className={th}>{t("colStatus")}</th>
            </>
          }
        >
          {periods.map((period) => {
            const state = periodState(period, now);
            return (
              <tr key={period.id}>
                <th scope="row" className={`${td} font-medium`}>{planName(period.planId)}</th>
                <td className={`${td} whitespace-nowrap`}>{f.dateTime(period.startsAt)}</td>
                <td className={`${td} whitespace-nowrap`}>{f.dateTime(period.endsAt)}</td>
                <td className={td}>
                  <StateBadge state={BADGE_STATE[state]} label={t(`period_${state}`)} testId="period-state" />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Panel>
  );
}
