"use client";

import { useCallback } from "react";
import { GqlError } from "@/lib/gql/client";
import { useHasT, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";

/**
 * An admin action's error in the operator's language: the panel's own reasons first
 * (`reason_required`, `self_suspension`, `no_period`, …), then the dashboard's, then the API's
 * sentence.
 */
export function useAdminErrorText() {
  const t = useT("admin.reasons");
  const has = useHasT();
  const errorText = useErrorText();
  return useCallback(
    (error: unknown) =>
      error instanceof GqlError && error.reason && has(`admin.reasons.${error.reason}`) ? t(error.reason) : errorText(error),
    [t, has, errorText],
  );
}
