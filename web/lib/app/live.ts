"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { isUnauthenticated } from "@/lib/gql/client";
import { liveStatus, subscribe, type LiveStatus } from "@/lib/gql/live";
import { UsageEventsDocument, type UsageEventsSubscription } from "@/lib/gql/generated/graphql";

export type LiveEvent = UsageEventsSubscription["usageEvents"];

/**
 * Calls `onEvent` for each of the user's requests as it is stored, while mounted. A session
 * signed out elsewhere ends the stream with UNAUTHENTICATED: `me` is asked again, and its
 * failure sends the shell to the sign-in page.
 */
export function useLiveUsage(onEvent: (event: LiveEvent) => void) {
  const handler = useRef(onEvent);
  const client = useQueryClient();
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(
    () =>
      subscribe(
        UsageEventsDocument,
        {},
        (d) => handler.current(d.usageEvents),
        (e) => {
          if (isUnauthenticated(e)) void client.invalidateQueries({ queryKey: ["me"] });
        },
      ),
    [client],
  );
}

/**
 * Runs `refresh` after stored requests, at most once per `intervalMs`: a burst of requests
 * costs one refresh at once and one at the end of the interval, never one per request.
 */
export function useThrottledLive(refresh: () => void, intervalMs = 1_000) {
  const latest = useRef(refresh);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = refresh;
  });
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
      latest.current();
    };
    if (timer.current) return;
    const wait = last.current + intervalMs - Date.now();
    if (wait <= 0) run();
    else timer.current = setTimeout(run, wait);
  });
}

/** "connected" while live events can arrive. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveStatus.subscribe, liveStatus.get, () => "connecting");
}
