"use client";

import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { isUnauthenticated } from "@/lib/gql/client";
import { subscribe } from "@/lib/gql/live";
import { AdminLiveCountersDocument, type AdminLiveCountersSubscription } from "@/lib/gql/generated/graphql";
import { useLiveStatus } from "@/lib/app/live";
import { ADMIN_ME_KEY } from "@/lib/admin/keys";

export type LiveCounters = AdminLiveCountersSubscription["adminLiveCounters"];

/**
 * - `live`: the socket is open and the counters came through it;
 * - `connecting`: nothing has come yet;
 * - `off`: the socket closed (it keeps trying again) or the server ended the stream: the
 *   figures on screen are the last ones that came, or the page's own.
 */
export type LiveState = "live" | "connecting" | "off";

/**
 * The Overview's counters over the tab's one websocket (`lib/gql/live.ts`, the dashboard's),
 * while mounted: the server sends them when they change (it looks every 2 s) and at least once
 * a minute. A session signed out elsewhere asks `adminMe` again, which takes the shell to sign-in.
 */
export function useAdminLiveCounters(): { counters: LiveCounters | null; state: LiveState } {
  const client = useQueryClient();
  const status = useLiveStatus();
  const [counters, setCounters] = useState<LiveCounters | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(
    () =>
      subscribe(
        AdminLiveCountersDocument,
        {},
        (d) => {
          setCounters(d.adminLiveCounters);
          setFailed(false);
        },
        (e) => {
          setFailed(true);
          if (isUnauthenticated(e)) void client.invalidateQueries({ queryKey: ADMIN_ME_KEY });
        },
      ),
    [client],
  );
  const state: LiveState = failed || status === "closed" ? "off" : status === "connected" && counters ? "live" : counters ? "off" : "connecting";
  return { counters, state };
}
