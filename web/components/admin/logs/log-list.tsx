"use client";

import { gql } from "@/lib/gql/client";
import { AdminLogsDocument, type AdminLogKind } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { LOGS_KEY } from "@/lib/admin/keys";
import { collectNewestFirst, useNewestFirst } from "@/lib/admin/newest-first";
import { ExportButtons } from "@/components/admin/ui/export-buttons";
import { PagedLog } from "@/components/admin/ui/paged-log";
import { LogsTable } from "@/components/admin/logs/logs-table";

const EXPORT_COLUMNS = ["at", "kind", "userId", "email", "provider", "model", "statusCode", "detail", "ip", "requestId"];

/** A page of `kind` (and `provider`), older than `before`. */
function logPage(kind: AdminLogKind, provider: string | null) {
  return (before: string | null, first: number) => gql(AdminLogsDocument, { kind, provider, before, first }).then((d) => d.adminLogs);
}

/** One kind of log, newest first, with older entries a click away and its own export. */
export function LogList({ kind, provider, label }: { kind: AdminLogKind; provider: string | null; label: string }) {
  const t = useT("admin");
  const { log, entries } = useNewestFirst([...LOGS_KEY, kind, provider], logPage(kind, provider));
  return (
    <div className="flex flex-col gap-4" aria-busy={log.isFetching || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">{t(`logLead_${kind}`)}</p>
        <div className="flex gap-2">
          <ExportButtons what={`logs-${kind.toLowerCase().replace(/_/g, "-")}`} columns={EXPORT_COLUMNS} collect={() => collectNewestFirst(logPage(kind, provider))} />
        </div>
      </div>
      <div>
        <PagedLog log={log} shown={entries.length} loadingRows={5} moreTestId="logs-more">
          <LogsTable entries={entries} label={label} />
        </PagedLog>
      </div>
    </div>
  );
}
