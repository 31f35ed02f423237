"use client";

import { useCallback } from "react";
import { useHasT, useT } from "@/lib/i18n/client";

/** A log entry's kind as stored (`upstream_timeout`, `sign_in_locked`) in words; an unknown kind as stored. */
export function useLogKindName() {
  const t = useT("admin");
  const has = useHasT();
  return useCallback((kind: string) => (has(`admin.logKind.${kind}`) ? t(`logKind.${kind}`) : kind), [t, has]);
}
