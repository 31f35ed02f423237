"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { LogOutDocument, MeDocument, ServerInfoDocument } from "@/lib/gql/generated/graphql";

export const ME_KEY = ["me"] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => gql(MeDocument).then((d) => d.me) });
}

export function useServerInfo() {
  return useQuery({
    queryKey: ["serverInfo"],
    queryFn: () => gql(ServerInfoDocument).then((d) => d.serverInfo),
    staleTime: Infinity,
  });
}

/**
 * Ends the session, forgets every cached answer and leaves for the sign-in page. A failure
 * (network, stale page) is thrown to the caller: leaving would look signed out while the
 * session cookie still works.
 */
export function useSignOut(to: string) {
  const client = useQueryClient();
  return async () => {
    await gql(LogOutDocument);
    client.clear();
    location.assign(to);
  };
}
