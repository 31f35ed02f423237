"use client";

import { useCallback } from "react";
import { GqlError } from "@/lib/gql/client";
import { useHasT, useT } from "@/lib/i18n/client";

/**
 * The user's-language text for an API error: by `reason` when the API gives one, else by
 * `code`; input errors without a reason keep the API's own sentence (it says what was wrong).
 */
export function useErrorText() {
  const t = useT("common");
  const has = useHasT();
  return useCallback(
    (error: unknown): string => {
      if (!(error instanceof GqlError)) return t("errors.INTERNAL");
      if (error.reason && has(`common.reasons.${error.reason}`)) return t(`reasons.${error.reason}`, error.details);
      switch (error.code) {
        case "BAD_USER_INPUT":
        case "PLAN_LIMIT":
        case "PROVIDER_ERROR":
          return error.message;
        case "RATE_LIMITED":
          return t("errors.RATE_LIMITED", { seconds: error.retryAfter ?? 60 });
        default:
          return has(`common.errors.${error.code}`) ? t(`errors.${error.code}`) : error.message;
      }
    },
    [t, has],
  );
}
