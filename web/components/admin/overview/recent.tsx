"use client";

import { ArrowRight } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { usePlanName } from "@/lib/admin/plans";
import { Panel } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { StandingBadge } from "@/components/admin/ui/badges";
import { DataTable, td, th } from "@/components/admin/ui/table";
import { UserLink } from "@/components/admin/ui/cells";
import type { Overview } from "@/components/admin/overview/kpis";

export function RecentSignUps({ users }: { users: Overview["recentSignUps"] }) {
  const t = useT("admin");
  const f = useFormat();
  const planName = usePlanName();
  return (
    <Panel title={t("signUpsTitle")} description={t("signUpsLead")}>
      {users.length === 0 ? (
        <EmptyNote>{t("signUpsEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("signUpsTitle")}
          minWidth="min-w-[30rem]"
          testId="recent-sign-ups"
          head={
            <>
              <th scope="col" className={th}>{t("colEmail")}</th>
              <th scope="col" className={th}>{t("colPlan")}</th>
              <th scope="col" className={th}>{t("colStatus")}</th>
              <th scope="col" className={th}>{t("colCreated")}</th>
            </>
          }
        >
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" className={`${td} font-normal`}>
                <UserLink id={user.id} email={user.email} width="max-w-80" />
              </th>
              <td className={td}>{planName(user.planId)}</td>
              <td className={td}>
                <StandingBadge user={user} />
              </td>
              <td className={`${td} whitespace-nowrap text-muted-foreground`}>
                <time dateTime={user.createdAt} title={f.dateTime(user.createdAt)}>
                  {f.ago(user.createdAt)}
                </time>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}

export function RecentPlanChanges({ changes }: { changes: Overview["recentPlanChanges"] }) {
  const t = useT("admin");
  const f = useFormat();
  const planName = usePlanName();
  return (
    <Panel title={t("planChangesTitle")} description={t("planChangesLead")}>
      {changes.length === 0 ? (
        <EmptyNote>{t("planChangesEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("planChangesTitle")}
          minWidth="min-w-[30rem]"
          testId="recent-plan-changes"
          head={
            <>
              <th scope="col" className={th}>{t("colEmail")}</th>
              <th scope="col" className={th}>{t("colChange")}</th>
              <th scope="col" className={th}>{t("colWhen")}</th>
            </>
          }
        >
          {changes.map((change) => (
            <tr key={`${change.userId}-${change.at}`}>
              <th scope="row" className={`${td} font-normal`}>
                <UserLink id={change.userId} email={change.email} width="max-w-80" />
              </th>
              <td className={`${td} whitespace-nowrap`}>
                {planName(change.fromPlan)}
                <ArrowRight aria-hidden className="mx-1.5 inline size-3.5 text-muted-foreground" />
                <span className="sr-only"> {t("to")} </span>
                {planName(change.toPlan)}
              </td>
              <td className={`${td} whitespace-nowrap text-muted-foreground`}>
                <time dateTime={change.at} title={f.dateTime(change.at)}>
                  {f.ago(change.at)}
                </time>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
