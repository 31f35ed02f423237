"use client";

import { useState } from "react";
import { gql } from "@/lib/gql/client";
import { AdminAuditDocument, type AdminAuditFilter } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { AUDIT_KEY } from "@/lib/admin/keys";
import { collectNewestFirst, useNewestFirst } from "@/lib/admin/newest-first";
import { Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { SectionGate } from "@/components/admin/section-gate";
import { ExportButtons } from "@/components/admin/ui/export-buttons";
import { PagedLog } from "@/components/admin/ui/paged-log";
import { AuditFilters } from "@/components/admin/audit/audit-filters";
import { AuditTable } from "@/components/admin/audit/audit-table";

const EXPORT_COLUMNS = ["id", "createdAt", "actorEmail", "actorRole", "action", "targetKind", "targetId", "targetLabel", "reason", "ip", "before", "after"];

/** A page of the entries matching `filter`, older than `before`. */
function auditPage(filter: AdminAuditFilter) {
  return (before: number | null, first: number) => gql(AdminAuditDocument, { filter, before, first }).then((d) => d.adminAudit);
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
  const { log, entries } = useNewestFirst([...AUDIT_KEY, filter], auditPage(filter));
  return (
    <>
      <PageHeader
        title={t("auditTitle")}
        lead={t("auditLead")}
        actions={<ExportButtons what="audit" columns={EXPORT_COLUMNS} collect={() => collectNewestFirst(auditPage(filter))} />}
      />
      <Panel>
        <AuditFilters filter={filter} onChange={setFilter} />
      </Panel>
      <Panel className="mt-6" aria-busy={log.isFetching || undefined}>
        <PagedLog log={log} shown={entries.length} loadingRows={6} moreTestId="audit-more">
          <AuditTable entries={entries} testId="audit-log" />
        </PagedLog>
      </Panel>
    </>
  );
}
