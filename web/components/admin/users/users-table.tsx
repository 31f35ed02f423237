"use client";

import Link from "next/link";
import { useLocale, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { adminPath } from "@/lib/app/paths";
import type { AdminUserFieldsFragment, AdminUserSort } from "@/lib/gql/generated/graphql";
import { usePlanName } from "@/lib/admin/plans";
import { RoleBadge, StandingBadge } from "@/components/admin/ui/badges";
import { DataTable, SortHeader, td, th, type Order } from "@/components/admin/ui/table";

/** Users, one dense row each; the email opens the user's page. */
export function UsersTable({ users, sort, onSort }: { users: AdminUserFieldsFragment[]; sort: AdminUserSort; onSort: (sort: AdminUserSort) => void }) {
  const t = useT("admin");
  const f = useFormat();
  const locale = useLocale();
  const planName = usePlanName();
  const created: Order = sort === "NEWEST" ? "descending" : sort === "OLDEST" ? "ascending" : "none";
  return (
    <DataTable
      label={t("usersTitle")}
      minWidth="min-w-[60rem]"
      testId="users-table"
      head={
        <>
          <SortHeader label={t("colEmail")} order={sort === "EMAIL" ? "ascending" : "none"} onClick={() => onSort("EMAIL")} />
          <th scope="col" className={th}>{t("colPlan")}</th>
          <th scope="col" className={th}>{t("colStatus")}</th>
          <th scope="col" className={`${th} text-right`}>{t("colMrr")}</th>
          <SortHeader label={t("colCreated")} order={created} onClick={() => onSort(sort === "NEWEST" ? "OLDEST" : "NEWEST")} />
          <th scope="col" className={th}>{t("colLastActive")}</th>
        </>
      }
    >
      {users.map((user) => (
        <tr key={user.id} className="hover:bg-muted/40" data-testid="user-row" data-email={user.email}>
          <th scope="row" className={`${td} font-normal`}>
            <span className="flex max-w-96 min-w-0 items-center gap-2">
              <Link
                href={`${adminPath(locale, "users")}?id=${user.id}`}
                className="min-w-0 truncate font-medium text-primary underline-offset-4 hover:underline"
                data-testid="user-link"
              >
                {user.email}
              </Link>
              {user.platformRole ? <RoleBadge role={user.platformRole} /> : null}
            </span>
            {user.displayName ? <span className="block max-w-96 truncate text-xs text-muted-foreground">{user.displayName}</span> : null}
          </th>
          <td className={td}>{planName(user.planId)}</td>
          <td className={td}>
            <StandingBadge user={user} />
          </td>
          <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{user.mrrIdr > 0 ? f.idr(user.mrrIdr) : "—"}</td>
          <td className={`${td} whitespace-nowrap text-muted-foreground`}>
            <time dateTime={user.createdAt}>{f.date(user.createdAt)}</time>
          </td>
          <td className={`${td} whitespace-nowrap text-muted-foreground`}>
            {user.lastActiveAt ? (
              <time dateTime={user.lastActiveAt} title={f.dateTime(user.lastActiveAt)}>
                {f.ago(user.lastActiveAt)}
              </time>
            ) : (
              t("never")
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
