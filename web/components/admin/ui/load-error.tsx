"use client";

import { useT } from "@/lib/i18n/client";
import { useAdminErrorText } from "@/lib/admin/errors";

/** A query that failed: why, in the operator's language, and a way to ask again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const c = useT("common");
  const errorText = useAdminErrorText();
  return (
    <p role="alert" className="text-sm text-destructive">
      {errorText(error)}{" "}
      <button type="button" className="underline" onClick={onRetry}>
        {c("retry")}
      </button>
    </p>
  );
}
