"use client";

import { useMemo, useState } from "react";
import { Download, TriangleAlert } from "lucide-react";
import { cx } from "@/lib/cx";
import type { AdminRunQueryMutation } from "@/lib/gql/generated/graphql";
import { useIntlTag, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { saveFile } from "@/lib/admin/export";
import { filterRows, numericColumn, resultFileName, resultObjects, sortRows, type SortOrder } from "@/lib/admin/queries";
import { buttonVariants } from "@/components/ui/button-variants";
import { Panel } from "@/components/app/ui/panel";
import { useToast } from "@/components/app/ui/toast";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { FilterField } from "@/components/admin/ui/search-form";
import { DataTable, SortHeader, td } from "@/components/admin/ui/table";
import type { QueryLimits } from "@/components/admin/queries/queries-page";

type Result = AdminRunQueryMutation["adminRunQuery"];

/** Ascending, descending, then the order the query gave. */
function nextOrder(order: SortOrder, column: number): SortOrder {
  if (order?.column !== column) return { column, direction: "ascending" };
  return order.direction === "ascending" ? { column, direction: "descending" } : null;
}

/**
 * A run's table as the database answered it: every cell as text, NULL marked as such (not an
 * empty string), numbers to the right. Sorting and the filter work on the rows in the page;
 * the downloads hold them all, as the server sent them.
 */
export function QueryResult({ result, limits, stale }: { result: Result; limits: QueryLimits; stale: boolean }) {
  const t = useT("admin");
  const f = useFormat();
  const tag = useIntlTag();
  const toast = useToast();
  const [order, setOrder] = useState<SortOrder>(null);
  const [text, setText] = useState("");
  const numeric = useMemo(() => result.columns.map((_, i) => numericColumn(result.rows, i)), [result]);
  const rows = useMemo(() => {
    const collator = new Intl.Collator(tag, { numeric: true });
    return sortRows(filterRows(result.rows, text), order, order ? numeric[order.column] : false, collator);
  }, [result, text, order, numeric, tag]);
  const name = result.query.name;

  const download = (format: "csv" | "json") => {
    const body = format === "csv" ? result.csv : JSON.stringify(resultObjects(result.columns, result.rows), null, 2);
    saveFile(resultFileName(name, format), body, format);
    toast.ok(t("exported", { n: f.int(result.rows.length) }));
  };

  return (
    <Panel
      title={t("queryResultTitle")}
      description={
        <span data-testid="query-result-summary">
          {t("queryResultSummary", { n: f.int(result.rows.length), ms: f.int(result.elapsedMs) })}
        </span>
      }
      actions={
        <>
          <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} onClick={() => download("csv")} data-testid="query-csv">
            <Download aria-hidden />
            {t("queryDownloadCsv")}
          </button>
          <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} onClick={() => download("json")} data-testid="query-json">
            <Download aria-hidden />
            {t("export_json")}
          </button>
        </>
      }
      aria-busy={stale || undefined}
      className={cx(stale && "opacity-60")}
      data-testid="query-result"
    >
      <div className="flex flex-col gap-4">
        {result.truncated ? (
          <p className="flex items-start gap-2 rounded-lg border border-warning/50 bg-warning/10 px-3 py-2 text-sm" data-testid="query-truncated">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
            {t("queryTruncated", { n: f.int(limits.maxRows) })}
          </p>
        ) : null}
        {result.rows.length > 0 ? (
          <div className="flex flex-wrap items-end justify-between gap-3">
            <FilterField label={t("queryFilterRows")} placeholder={t("queryFilterRowsPlaceholder")} value={text} onChange={setText} testId="query-result-filter" />
            {text.trim() ? (
              <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="query-result-shown">
                {t("queryRowsShown", { shown: f.int(rows.length), n: f.int(result.rows.length) })}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="min-w-0">
          <DataTable
            label={t("queryResultOf", { name })}
            minWidth="min-w-max"
            testId="query-result-table"
            head={result.columns.map((column, i) => (
              <SortHeader
                key={i}
                label={column}
                order={order?.column === i ? order.direction : "none"}
                onClick={() => setOrder(nextOrder(order, i))}
                className={cx("font-mono normal-case", numeric[i] && "text-right")}
              />
            ))}
          >
            {rows.map((row, r) => (
              <tr key={r} data-testid="query-result-row">
                {row.map((cell, i) => (
                  <td key={i} className={cx(td, numeric[i] && "text-right tabular-nums")}>
                    {cell === null ? (
                      <span className="rounded bg-muted px-1 py-0.5 font-mono text-[11px] text-muted-foreground" data-null>
                        NULL
                      </span>
                    ) : (
                      <span className="block max-w-md break-words whitespace-pre-wrap">{cell}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
          {result.rows.length === 0 ? (
            <div className="mt-4">
              <EmptyNote>{t("queryNoRows")}</EmptyNote>
            </div>
          ) : rows.length === 0 ? (
            <div className="mt-4">
              <EmptyNote>{t("queryNoRowsMatch")}</EmptyNote>
            </div>
          ) : null}
        </div>
      </div>
    </Panel>
  );
}
