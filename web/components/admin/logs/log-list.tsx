"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminLogsDocument, type AdminLogKind } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { LOGS_KEY } from "@/lib/admin/keys";
import { EXPORT_PAGE_SIZE, collectRows } from "@/lib/admin/export";
import { buttonVariants } from "@/components/ui/button-variants";
import { Loading } from "@/components/app/ui/panel";
import { ExportButtons } from "@/components/admin/ui/export-buttons";
import { LoadError } from "@/components/admin/ui/load-error";
import { LogsTable } from "@/components/admin/logs/logs-table";

const PAGE_SIZE = 50;
const EXPORT_COLUMNS = ["at", "kind", "userId", "email", "provider", "model", "statusCode", "detail", "ip", "requestId"];

/** Every entry of `kind` (and `provider`), newest first, page by page, for an export. */
function collectEntries(kind: AdminLogKind, provider: string | null) {
  return collectRows(async (before: string | "newest") => {
    const page = (await gql(AdminLogsDocument, { kind, provider, before: before === "newest" ? null : before, first: EXPORT_PAGE_SIZE })).adminLogs;
    return { rows: page.items, next: page.nextBefore ?? null };
  }, "newest" as const);
}

/** One kind of log, newest first, with older entries a click away and its own export. */
export function LogList({ kind, provider, label }: { kind: AdminLogKind; provider: string | null; label: string }) {
  const t = useT("admin");
  const log = useInfiniteQuery({
    queryKey: [...LOGS_KEY, kind, provider],
    queryFn: ({ pageParam }) => gql(AdminLogsDocument, { kind, provider, before: pageParam, first: PAGE_SIZE }).then((d) => d.adminLogs),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="flex flex-col gap-4" aria-busy={log.isFetching || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">{t(`logLead_${kind}`)}</p>
        <div className="flex gap-2">
          <ExportButtons what={`logs-${kind.toLowerCase().replace(/_/g, "-")}`} columns={EXPORT_COLUMNS} collect={() => collectEntries(kind, provider)} />
        </div>
      </div>
      {log.isPending ? (
        <Loading label={t("loading")} rows={5} />
      ) : log.error && entries.length === 0 ? (
        <LoadError error={log.error} onRetry={() => log.refetch()} />
      ) : (
        <>
          <LogsTable entries={entries} label={label} />
          {log.hasNextPage ? (
            <div className="flex justify-center">
              <button
                type="button"
                className={buttonVariants({ variant: "outline", size: "sm" })}
                disabled={log.isFetchingNextPage}
                onClick={() => log.fetchNextPage()}
                data-testid="logs-more"
              >
                {log.isFetchingNextPage ? t("loading") : t("loadMore")}
              </button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
