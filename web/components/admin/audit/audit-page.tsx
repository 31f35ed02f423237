"use client";

import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminAuditDocument, type AdminAuditFilter } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { AUDIT_KEY } from "@/lib/admin/keys";
import { EXPORT_PAGE_SIZE, collectRows } from "@/lib/admin/export";
import { buttonVariants } from "@/components/ui/button-variants";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { SectionGate } from "@/components/admin/section-gate";
import { ExportButtons } from "@/components/admin/ui/export-buttons";
import { LoadError } from "@/components/admin/ui/load-error";
import { AuditFilters } from "@/components/admin/audit/audit-filters";
import { AuditTable } from "@/components/admin/audit/audit-table";

const PAGE_SIZE = 50;
const EXPORT_COLUMNS = ["id", "createdAt", "actorEmail", "actorRole", "action", "targetKind", "targetId", "targetLabel", "reason", "ip", "before", "after"];

/** Every entry matching `filter`, newest first, page by page, for an export. */
function collectEntries(filter: AdminAuditFilter) {
  return collectRows(async (before: number | "newest") => {
    const page = (await gql(AdminAuditDocument, { filter, before: before === "newest" ? null : before, first: EXPORT_PAGE_SIZE })).adminAudit;
    return { rows: page.items, next: page.nextBefore ?? null };
  }, "newest" as const);
}

export function AuditPage() {
  return (
    <SectionGate section="LOGS">
      <AuditLog />
    </SectionGate>
  );
}

/** Everything operators did, newest first, filtered by words or by action. */
function AuditLog() {
  const t = useT("admin");
  const [filter, setFilter] = useState<AdminAuditFilter>({});
  const log = useInfiniteQuery({
    queryKey: [...AUDIT_KEY, filter],
    queryFn: ({ pageParam }) => gql(AdminAuditDocument, { filter, before: pageParam, first: PAGE_SIZE }).then((d) => d.adminAudit),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title={t("auditTitle")}
        lead={t("auditLead")}
        actions={<ExportButtons what="audit" columns={EXPORT_COLUMNS} collect={() => collectEntries(filter)} />}
      />
      <Panel>
        <AuditFilters filter={filter} onChange={setFilter} />
      </Panel>
      <Panel className="mt-6" aria-busy={log.isFetching || undefined}>
        {log.isPending ? (
          <Loading label={t("loading")} rows={6} />
        ) : log.error && entries.length === 0 ? (
          <LoadError error={log.error} onRetry={() => log.refetch()} />
        ) : (
          <>
            <AuditTable entries={entries} testId="audit-log" />
            {log.hasNextPage ? (
              <div className="mt-4 flex justify-center">
                <button
                  type="button"
                  className={buttonVariants({ variant: "outline", size: "sm" })}
                  disabled={log.isFetchingNextPage}
                  onClick={() => log.fetchNextPage()}
                  data-testid="audit-more"
                >
                  {log.isFetchingNextPage ? t("loading") : t("loadMore")}
                </button>
              </div>
            ) : null}
          </>
        )}
      </Panel>
    </>
  );
}
