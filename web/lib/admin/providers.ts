"use client";

import { useCallback } from "react";
import { useHasT, useT } from "@/lib/i18n/client";

/**
 * A provider as the admin API names it (`anthropic`, `openai-compatible`) in words; "" is a
 * request refused before any provider was chosen; a provider this page does not know stays as named.
 */
export function useProviderName() {
  const t = useT("admin");
  const has = useHasT();
  return useCallback(
    (name: string) => {
      if (!name) return t("providerNone");
      const key = `provider.${name.toUpperCase().replace(/-/g, "_")}`;
      return has(`admin.${key}`) ? t(key) : name;
    },
    [t, has],
  );
}
