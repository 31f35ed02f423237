"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil, Play, Trash2 } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { AdminDeleteQueryDocument, AdminRunQueryDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { useAdminErrorText } from "@/lib/admin/errors";
import { AUDIT_KEY, SAVED_QUERIES_KEY } from "@/lib/admin/keys";
import { buttonVariants } from "@/components/ui/button-variants";
import { Panel } from "@/components/app/ui/panel";
import { ConfirmDialog } from "@/components/app/ui/dialog";
import { CodeBox } from "@/components/app/ui/copy";
import { useToast } from "@/components/app/ui/toast";
import { QueryError } from "@/components/admin/queries/query-error";
import { QueryResult } from "@/components/admin/queries/query-result";
import type { QueryLimits, SavedQuery } from "@/components/admin/queries/queries-page";

/** One saved query: what it answers, its SQL, and the ways to run, rewrite or delete it; its last run below. */
export function QueryView({ query, limits, onEdit, onDeleted }: { query: SavedQuery; limits: QueryLimits; onEdit: () => void; onDeleted: () => void }) {
  const t = useT("admin");
  const c = useT("common");
  const f = useFormat();
  const toast = useToast();
  const errorText = useAdminErrorText();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);

  const run = useMutation({
    mutationFn: () => gql(AdminRunQueryDocument, { id: query.id }).then((d) => d.adminRunQuery),
    // Each run is in the audit log.
    onSettled: () => void client.invalidateQueries({ queryKey: AUDIT_KEY }),
  });
  const remove = useMutation({
    mutationFn: () => gql(AdminDeleteQueryDocument, { id: query.id }),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: SAVED_QUERIES_KEY });
      void client.invalidateQueries({ queryKey: AUDIT_KEY });
      toast.ok(t("queryDeleted", { name: query.name }));
      onDeleted();
    },
  });

  return (
    <>
      <Panel
        title={<span data-testid="query-title">{query.name}</span>}
        description={query.description || undefined}
        actions={
          <>
            <button
              type="button"
              className={buttonVariants({ size: "sm" })}
              disabled={run.isPending}
              aria-busy={run.isPending || undefined}
              onClick={() => run.mutate()}
              data-testid="query-run"
            >
              <Play aria-hidden />
              {run.isPending ? t("queryRunning") : t("queryRun")}
            </button>
            <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} onClick={onEdit} data-testid="query-edit">
              <Pencil aria-hidden />
              {c("edit")}
            </button>
            <button
              type="button"
              className={`${buttonVariants({ variant: "outline", size: "sm" })} text-destructive hover:text-destructive`}
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
              data-testid="query-delete"
            >
              <Trash2 aria-hidden />
              {c("delete")}
            </button>
          </>
        }
        data-testid="query-view"
      >
        <div className="flex flex-col gap-3">
          <CodeBox code={query.sql} file="SQL" wrap testId="query-sql-view" />
          <p className="text-xs text-muted-foreground">
            {t("querySavedBy", { who: query.updatedBy, when: f.dateTime(query.updatedAt) })}
          </p>
        </div>
      </Panel>
      {run.error ? (
        <QueryError error={run.error} testId="query-run-error" />
      ) : run.data ? (
        <QueryResult result={run.data} limits={limits} stale={run.isPending} />
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("queryDeleteTitle", { name: query.name })}
        body={t("queryDeleteBody")}
        confirm={t("queryDeleteConfirm")}
        cancel={c("cancel")}
        closeLabel={c("close")}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        testId="query-delete-confirm"
      >
        {remove.error ? (
          <p role="alert" className="mb-2 text-sm text-destructive">
            {errorText(remove.error)}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
