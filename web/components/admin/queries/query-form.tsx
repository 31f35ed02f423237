"use client";

import { useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { GqlError, gql } from "@/lib/gql/client";
import { AdminSaveQueryDocument, type AdminSavedQueriesQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { useAdminErrorText } from "@/lib/admin/errors";
import { AUDIT_KEY, SAVED_QUERIES_KEY } from "@/lib/admin/keys";
import { DESCRIPTION_MAX, NAME_MAX, draftProblems, type QueryDraft } from "@/lib/admin/queries";
import { buttonVariants } from "@/components/ui/button-variants";
import { Panel } from "@/components/app/ui/panel";
import { Field, TextAreaField } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { QueryError } from "@/components/admin/queries/query-error";
import type { SavedQuery } from "@/components/admin/queries/queries-page";

/** The refusals that belong to one field; the rest (the SQL failed or ran too long) show under the form. */
const FIELD_OF: Record<string, keyof QueryDraft> = {
  query_name: "name",
  query_name_taken: "name",
  query_description: "description",
  query_too_long: "sql",
};

/**
 * A new query (`query` null) or a rewrite of one. The server runs the SQL once before it keeps
 * it, so a query that fails is never saved: its error shows here, the draft stays.
 */
export function QueryForm({ query, onDone }: { query: SavedQuery | null; onDone: (saved: SavedQuery | null) => void }) {
  const t = useT("admin");
  const c = useT("common");
  const f = useFormat();
  const toast = useToast();
  const errorText = useAdminErrorText();
  const client = useQueryClient();
  const [draft, setDraft] = useState<QueryDraft>({ name: query?.name ?? "", description: query?.description ?? "", sql: query?.sql ?? "" });
  // Say what is wrong with a field only once the operator tried to save.
  const [tried, setTried] = useState(false);
  const nameBox = useRef<HTMLInputElement>(null);
  useEffect(() => nameBox.current?.focus(), []);

  const save = useMutation({
    mutationFn: () => gql(AdminSaveQueryDocument, { input: { id: query?.id ?? null, ...draft } }).then((d) => d.adminSaveQuery),
    onSuccess: (saved) => {
      client.setQueryData<AdminSavedQueriesQuery>(SAVED_QUERIES_KEY, (old) =>
        old ? { ...old, adminSavedQueries: [...old.adminSavedQueries.filter((q) => q.id !== saved.id), saved] } : old,
      );
      void client.invalidateQueries({ queryKey: SAVED_QUERIES_KEY });
      void client.invalidateQueries({ queryKey: AUDIT_KEY });
      toast.ok(t("querySaved", { name: saved.name }));
      onDone(saved);
    },
  });

  const problems = tried ? draftProblems(draft) : [];
  const refused = save.error instanceof GqlError && save.error.reason ? FIELD_OF[save.error.reason] : undefined;
  const fieldError = (field: keyof QueryDraft, own: string | null) => own ?? (refused === field ? errorText(save.error) : null);
  const set = (field: keyof QueryDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft((d) => ({ ...d, [field]: e.target.value }));

  return (
    <Panel title={query ? t("queryEditTitle", { name: query.name }) : t("queryNewTitle")} description={t("queryFormLead")} data-testid="query-form">
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (draftProblems(draft).length === 0) save.mutate();
        }}
      >
        <div className="grid gap-4 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
          <Field
            ref={nameBox}
            label={t("queryName")}
            value={draft.name}
            onChange={set("name")}
            maxLength={NAME_MAX}
            required
            hint={t("queryNameHint", { max: f.int(NAME_MAX) })}
            error={fieldError("name", problems.includes("name") ? t("reasons.query_name") : null)}
            data-testid="query-name"
          />
          <TextAreaField
            label={t("queryDescription")}
            value={draft.description}
            onChange={set("description")}
            rows={2}
            maxLength={DESCRIPTION_MAX}
            hint={t("queryDescriptionHint", { max: f.int(DESCRIPTION_MAX) })}
            error={fieldError("description", problems.includes("description") ? t("reasons.query_description") : null)}
            data-testid="query-description"
          />
        </div>
        <TextAreaField
          mono
          label={t("querySql")}
          value={draft.sql}
          onChange={set("sql")}
          rows={10}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          required
          hint={t("querySqlHint")}
          error={fieldError("sql", problems.includes("sql") ? t("querySqlRequired") : problems.includes("sqlLong") ? t("reasons.query_too_long") : null)}
          data-testid="query-sql"
        />
        {save.error && !refused ? <QueryError error={save.error} testId="query-save-error" /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => onDone(null)}>
            {c("cancel")}
          </button>
          <button type="submit" className={buttonVariants()} disabled={save.isPending} aria-busy={save.isPending || undefined} data-testid="query-save">
            {save.isPending ? t("querySaving") : t("querySave")}
          </button>
        </div>
      </form>
    </Panel>
  );
}
