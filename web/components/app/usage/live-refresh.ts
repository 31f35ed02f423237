"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useThrottledLive } from "@/lib/app/live";

export const USAGE_KEY = ["usagePage"] as const;
export const OPTIONS_KEY = [...USAGE_KEY, "options"] as const;
export const SUMMARY_KEY = [...USAGE_KEY, "summary"] as const;
export const SERIES_KEY = [...USAGE_KEY, "series"] as const;
export const LOGS_KEY = [...USAGE_KEY, "logs"] as const;
export const LOG_KEY = [...USAGE_KEY, "log"] as const;

/**
 * Each stored request refreshes the log, the totals and the charts without a reload, at most
 * once a second. A log the user has paged back through (more than one page loaded) is left
 * as it is: refetching every loaded page each second would never settle.
 */
export function useLiveRefresh(intervalMs = 1_000) {
  const client = useQueryClient();
  useThrottledLive(() => {
    // An in-flight refetch is left to finish rather than cancelled and started again.
    const keep = { cancelRefetch: false };
    void client.invalidateQueries(
      { queryKey: LOGS_KEY, predicate: (q) => ((q.state.data as { pages?: unknown[] } | undefined)?.pages?.length ?? 1) <= 1 },
      keep,
    );
    void client.invalidateQueries({ queryKey: SUMMARY_KEY }, keep);
    void client.invalidateQueries({ queryKey: SERIES_KEY }, keep);
  }, intervalMs);
}
