"use client";

import { useCallback, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { Plus, ShieldCheck } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { AdminSavedQueriesDocument, type AdminSavedQueriesQuery } from "@/lib/gql/generated/graphql";
import { useIntlTag, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { SAVED_QUERIES_KEY } from "@/lib/admin/keys";
import { buttonVariants } from "@/components/ui/button-variants";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { SectionGate } from "@/components/admin/section-gate";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { LoadError } from "@/components/admin/ui/load-error";
import { QueryList } from "@/components/admin/queries/query-list";
import { QueryForm } from "@/components/admin/queries/query-form";
import { QueryView } from "@/components/admin/queries/query-view";

export type SavedQuery = AdminSavedQueriesQuery["adminSavedQueries"][number];
export type QueryLimits = AdminSavedQueriesQuery["adminSavedQueryLimits"];

export function QueriesPage() {
  return (
    <SectionGate section="SAVED_QUERIES">
      <SavedQueries />
    </SectionGate>
  );
}

/** The query chosen lives in the address (`?id=`): Back and a shared link open the same one. */
function useSelected(): [string | null, (id: string | null) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const id = useSearchParams().get("id");
  const select = useCallback((next: string | null) => router.replace(next ? `${pathname}?id=${next}` : pathname, { scroll: false }), [router, pathname]);
  return [id, select];
}

/**
 * Named read-only SQL for the questions the other pages do not answer: the list, the chosen
 * query with its SQL and its last run, and the form that writes a new one or rewrites it.
 */
function SavedQueries() {
  const t = useT("admin");
  const saved = useQuery({ queryKey: SAVED_QUERIES_KEY, queryFn: () => gql(AdminSavedQueriesDocument) });
  const [selectedId, select] = useSelected();
  const [mode, setMode] = useState<"view" | "new" | "edit">("view");
  const queries = saved.data?.adminSavedQueries ?? [];
  const selected = queries.find((q) => q.id === selectedId) ?? null;
  const limits = saved.data?.adminSavedQueryLimits;

  const done = (query: SavedQuery | null) => {
    setMode("view");
    if (query) select(query.id);
  };

  return (
    <>
      <PageHeader
        title={t("queriesTitle")}
        lead={t("queriesLead")}
        actions={
          <button type="button" className={buttonVariants()} onClick={() => setMode("new")} disabled={mode === "new"} data-testid="query-new">
            <Plus aria-hidden />
            {t("queryNew")}
          </button>
        }
      />
      {limits ? <LimitsNote limits={limits} /> : null}
      {saved.isPending ? (
        <Loading label={t("loading")} rows={4} />
      ) : saved.error ? (
        <LoadError error={saved.error} onRetry={() => saved.refetch()} />
      ) : (
        <div className="flex flex-col gap-6">
          <QueryList
            queries={queries}
            selectedId={mode === "new" ? null : selected?.id ?? null}
            onSelect={(id) => {
              setMode("view");
              select(id);
            }}
          />
          {mode === "new" ? (
            <QueryForm key="new" query={null} onDone={done} />
          ) : selected && mode === "edit" ? (
            <QueryForm key={selected.id} query={selected} onDone={done} />
          ) : selected && limits ? (
            // A rewrite starts afresh: the last run was of the SQL before it.
            <QueryView key={`${selected.id}-${selected.updatedAt}`} query={selected} limits={limits} onEdit={() => setMode("edit")} onDeleted={() => select(null)} />
          ) : queries.length > 0 ? (
            <Panel>
              <EmptyNote>{t("queryChoose")}</EmptyNote>
            </Panel>
          ) : null}
        </div>
      )}
    </>
  );
}

/** What one run may take, from the server: said once, above everything it applies to. */
function LimitsNote({ limits }: { limits: QueryLimits }) {
  const t = useT("admin");
  const f = useFormat();
  const tag = useIntlTag();
  const seconds = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(limits.timeoutMs / 1000);
  return (
    <p className="-mt-3 mb-6 flex flex-wrap items-center gap-2 text-sm text-muted-foreground" data-testid="query-limits">
      <ShieldCheck aria-hidden className="size-4 shrink-0 text-primary" />
      <span className="font-medium text-foreground">{t("queryLimits", { rows: f.int(limits.maxRows), seconds })}</span>
      <span>{t("queryLimitsCells", { chars: f.int(limits.maxCellChars) })}</span>
    </p>
  );
}
