"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server-rendered HTML and until React runs in the browser. Forms keep their
 * submit button disabled until then: a native submit of the static HTML would put the
 * password in the address bar.
 */
export function useHydrated() {
  return useSyncExternalStore(never, () => true, () => false);
}
