"use client";

import { useMemo, useState } from "react";
import { DatabaseZap } from "lucide-react";
import { cx } from "@/lib/cx";
import { useIntlTag, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { EmptyState, Panel } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { FilterField } from "@/components/admin/ui/search-form";
import { DataTable, SortHeader, td, th } from "@/components/admin/ui/table";
import type { SavedQuery } from "@/components/admin/queries/queries-page";

type Sort = "name" | "updated";

/**
 * Every saved query, one dense row each, filtered as the operator types (the list is the
 * server's whole list: nothing to ask again) and sorted by name or by the last change.
 */
export function QueryList({ queries, selectedId, onSelect }: { queries: SavedQuery[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const t = useT("admin");
  const f = useFormat();
  const tag = useIntlTag();
  const [text, setText] = useState("");
  const [sort, setSort] = useState<Sort>("name");
  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    const matching = needle
      ? queries.filter((q) => [q.name, q.description, q.updatedBy].some((s) => s.toLocaleLowerCase().includes(needle)))
      : queries;
    const collator = new Intl.Collator(tag, { numeric: true, sensitivity: "base" });
    return [...matching].sort((a, b) => (sort === "name" ? collator.compare(a.name, b.name) : b.updatedAt.localeCompare(a.updatedAt)));
  }, [queries, text, sort, tag]);

  if (queries.length === 0) {
    return (
      <Panel>
        <EmptyState icon={<DatabaseZap aria-hidden />} title={t("queriesEmpty")} body={t("queriesEmptyBody")} />
      </Panel>
    );
  }
  return (
    <Panel
      title={t("queriesListTitle")}
      description={t("queriesCount", { n: f.int(queries.length) })}
      actions={
        <FilterField label={t("queriesFilter")} placeholder={t("queriesFilterPlaceholder")} value={text} onChange={setText} testId="queries-filter" />
      }
    >
      {shown.length === 0 ? (
        <EmptyNote>{t("queriesNoMatch")}</EmptyNote>
      ) : (
        <DataTable
          label={t("queriesListTitle")}
          minWidth="min-w-[52rem]"
          testId="query-list"
          head={
            <>
              <SortHeader label={t("colName")} order={sort === "name" ? "ascending" : "none"} onClick={() => setSort("name")} />
              <th scope="col" className={th}>{t("colDescription")}</th>
              <th scope="col" className={th}>{t("colUpdatedBy")}</th>
              <SortHeader label={t("colUpdated")} order={sort === "updated" ? "descending" : "none"} onClick={() => setSort("updated")} />
            </>
          }
        >
          {shown.map((q) => {
            const current = q.id === selectedId;
            return (
              <tr key={q.id} className={cx(current ? "bg-primary/5" : "hover:bg-muted/40")} data-testid="query-row" data-name={q.name}>
                <th scope="row" className={`${td} font-normal`}>
                  <button
                    type="button"
                    onClick={() => onSelect(q.id)}
                    aria-current={current || undefined}
                    className="block max-w-72 truncate rounded text-left font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring aria-[current=true]:text-foreground"
                    data-testid="query-open"
                  >
                    {q.name}
                  </button>
                </th>
                <td className={`${td} text-muted-foreground`}>
                  <span className="line-clamp-2 max-w-xl break-words">{q.description || "—"}</span>
                </td>
                <td className={td}>
                  <span className="block max-w-56 truncate" title={q.updatedBy}>
                    {q.updatedBy}
                  </span>
                </td>
                <td className={`${td} whitespace-nowrap text-muted-foreground`}>
                  <time dateTime={q.updatedAt} title={f.dateTime(q.updatedAt)}>
                    {f.ago(q.updatedAt)}
                  </time>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Panel>
  );
}
