"use client";

import { useQuery, type QueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { CurrentTeamDocument, type CurrentTeamQuery } from "@/lib/gql/generated/graphql";

export type Team = NonNullable<CurrentTeamQuery["currentTeam"]>;
export type Member = Team["members"][number];

export const TEAM_KEY = ["currentTeam"] as const;
export const INVITES_KEY = ["teamInvites"] as const;
export const AUDIT_KEY = ["teamAudit"] as const;

export function useCurrentTeam() {
  return useQuery({ queryKey: TEAM_KEY, queryFn: () => gql(CurrentTeamDocument).then((d) => d.currentTeam) });
}

/** Owners and admins manage members, connections, keys and budgets. */
export function manages(role: Team["role"]) {
  return role === "OWNER" || role === "ADMIN";
}

/** "12.5" → 12.5, "" → null; anything else (negative, not a number) → undefined. */
export function parseAmount(text: string): number | null | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** "50" → 50, "" → null; not a whole number ≥ 1 → undefined. */
export function parseCount(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= 1 && value <= 2_147_483_647 ? value : undefined;
}

/** After a change to the team: its page's data and the audit log that recorded it. */
export function refreshTeam(client: QueryClient) {
  for (const queryKey of [TEAM_KEY, INVITES_KEY, AUDIT_KEY]) void client.invalidateQueries({ queryKey });
}
