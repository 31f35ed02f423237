"use client";

import { useCallback } from "react";
import { GqlError } from "@/lib/gql/client";
import { useErrorText } from "@/lib/app/errors";
import { useT } from "@/lib/i18n/client";

/** The API's rules (api/src/graphql/passwords.rs, entities/src/users.rs), checked here first. */
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 200;
export const MAX_DISPLAY_NAME = 80;

// The account mutations answer input errors with an English sentence and no `reason`
// (api/src/graphql/account.rs, passwords.rs). These are the ones a person can cause here;
// anything else keeps the shared text (useErrorText).
const KNOWN: [RegExp, string, Record<string, number>?][] = [
  [/^The current password is incorrect/, "errors.currentPasswordWrong"],
  [/^The password is incorrect/, "errors.passwordWrong"],
  [/^confirmEmail does not match/, "errors.emailMismatch"],
  [/^The password is too weak: use at least/, "errors.passwordTooShort", { n: MIN_PASSWORD }],
  [/^The password is too weak: it is one of the most guessed/, "errors.passwordCommon"],
  [/^The password is too weak: it contains your email/, "errors.passwordHasEmail"],
  [/^The password is longer than/, "errors.passwordTooLong", { max: MAX_PASSWORD }],
  [/display name/i, "errors.displayNameInvalid", { max: MAX_DISPLAY_NAME }],
];

export function useSettingsErrorText() {
  const t = useT("settings");
  const errorText = useErrorText();
  return useCallback(
    (error: unknown): string => {
      if (error instanceof GqlError && error.code === "BAD_USER_INPUT" && !error.reason) {
        const known = KNOWN.find(([pattern]) => pattern.test(error.message));
        if (known) return t(known[1], known[2]);
      }
      return errorText(error);
    },
    [t, errorText],
  );
}
