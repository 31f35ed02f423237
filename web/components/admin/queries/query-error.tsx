"use client";

import { TriangleAlert } from "lucide-react";
import { GqlError } from "@/lib/gql/client";
import { useT } from "@/lib/i18n/client";
import { useAdminErrorText } from "@/lib/admin/errors";
import { FormError } from "@/components/app/ui/field";

/**
 * Why saving or running a query failed. The database's own words (`query_failed`: SQL and
 * English, as Postgres or SQLite said them) stand verbatim under a heading in the operator's
 * language; every other refusal is translated by its reason.
 */
export function QueryError({ error, testId }: { error: unknown; testId: string }) {
  const t = useT("admin");
  const errorText = useAdminErrorText();
  if (!(error instanceof GqlError && error.reason === "query_failed")) {
    return (
      <div data-testid={testId} data-reason={error instanceof GqlError ? error.reason : undefined}>
        <FormError>{errorText(error)}</FormError>
      </div>
    );
  }
  return (
    <div
      role="alert"
      className="flex gap-3 rounded-lg border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
      data-testid={testId}
      data-reason="query_failed"
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
      <div className="min-w-0">
        <p className="font-medium text-destructive">{t("queryFailedTitle")}</p>
        <pre lang="en" className="mt-1 font-mono text-xs whitespace-pre-wrap break-words" data-testid="query-db-error">
          {error.message}
        </pre>
      </div>
    </div>
  );
}
