"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { liveStatus, subscribe, type LiveStatus } from "@/lib/gql/live";
import { UsageEventsDocument, type UsageEventsSubscription } from "@/lib/gql/generated/graphql";

export type LiveEvent = UsageEventsSubscription["usageEvents"];

/** Calls `onEvent` for each of the user's requests as it is stored, while mounted. */
export function useLiveUsage(onEvent: (event: LiveEvent) => void) {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => subscribe(UsageEventsDocument, {}, (d) => handler.current(d.usageEvents)), []);
}

/** "connected" while live events can arrive. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveStatus.subscribe, liveStatus.get, () => "connecting");
}
