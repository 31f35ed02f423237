"use client";

import { useEffect, useRef } from "react";
import { subscribe } from "@/lib/gql/live";
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
