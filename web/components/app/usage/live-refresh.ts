"use client";

import { useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useLiveUsage } from "@/lib/app/live";

export const USAGE_KEY = ["usagePage"] as const;
export const OPTIONS_KEY = [...USAGE_KEY, "options"] as const;
export const SUMMARY_KEY = [...USAGE_KEY, "summary"] as const;
export const SERIES_KEY = [...USAGE_KEY, "series"] as const;
export const LOGS_KEY = [...USAGE_KEY, "logs"] as const;
export const LOG_KEY = [...USAGE_KEY, "log"] as const;

/**
 * Each stored request refreshes the log, the totals and the charts without a reload, at most
 * once a second: a burst of requests costs one refetch now and one at the end of the second.
 */
export function useLiveRefresh(intervalMs = 1_000) {
  const client = useQueryClient();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useLiveUsage(() => {
    const run = () => {
      timer.current = null;
      last.current = Date.now();
      void client.invalidateQueries({ queryKey: LOGS_KEY });
      void client.invalidateQueries({ queryKey: SUMMARY_KEY });
      void client.invalidateQueries({ queryKey: SERIES_KEY });
    };
    if (timer.current) return;
    const wait = last.current + intervalMs - Date.now();
    if (wait <= 0) run();
    else timer.current = setTimeout(run, wait);
  });
}
