"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { UserRoundSearch } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { AdminUsersDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { USERS_KEY } from "@/lib/admin/keys";
import { EXPORT_PAGE_SIZE, collectRows } from "@/lib/admin/export";
import { EmptyState, Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { ExportButtons } from "@/components/admin/ui/export-buttons";
import { LoadError } from "@/components/admin/ui/load-error";
import { UserFilters } from "@/components/admin/users/user-filters";
import { UsersTable } from "@/components/admin/users/users-table";
import { Pagination } from "@/components/admin/users/pagination";
import { toFilter, useListParams, type ListParams } from "@/components/admin/users/list-params";

const PAGE_SIZE = 50;
const EXPORT_COLUMNS = ["id", "email", "displayName", "planId", "platformRole", "emailVerified", "suspendedAt", "createdAt", "lastActiveAt", "mrrIdr", "extraRequests", "extraRequestsUntil"];

/** Every user matching `params`, page by page, for an export. */
function collectUsers(params: ListParams) {
  const filter = toFilter(params);
  return collectRows(async (offset: number) => {
    const page = (await gql(AdminUsersDocument, { filter, first: EXPORT_PAGE_SIZE, offset })).adminUsers;
    const end = offset + page.items.length;
    return { rows: page.items, next: end < page.total ? end : null };
  }, 0);
}

export function UsersPage() {
  const t = useT("admin");
  const [params, update] = useListParams();
  const users = useQuery({
    queryKey: [...USERS_KEY, params],
    queryFn: () => gql(AdminUsersDocument, { filter: toFilter(params), first: PAGE_SIZE, offset: params.page * PAGE_SIZE }).then((d) => d.adminUsers),
    // The previous page stays on screen while the next one loads: no jump to a skeleton.
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title={t("usersTitle")}
        lead={t("usersLead")}
        actions={<ExportButtons what="users" columns={EXPORT_COLUMNS} collect={() => collectUsers(params)} />}
      />
      <Panel>
        <UserFilters params={params} onChange={update} />
      </Panel>
      <Panel className="mt-6" aria-busy={users.isFetching || undefined}>
        {users.isPending ? (
          <Loading label={t("loading")} rows={6} />
        ) : users.error ? (
          <LoadError error={users.error} onRetry={() => users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <EmptyState icon={<UserRoundSearch aria-hidden />} title={t("usersEmpty")} body={t("usersEmptyBody")} />
        ) : (
          <>
            <UsersTable users={users.data.items} sort={params.sort} onSort={(sort) => update({ sort })} />
            <Pagination page={params.page} pageSize={PAGE_SIZE} shown={users.data.items.length} total={users.data.total} onPage={(page) => update({ page })} />
          </>
        )}
      </Panel>
    </>
  );
}
