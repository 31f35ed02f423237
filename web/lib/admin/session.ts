"use client";

import { useQuery } from "@tanstack/react-query";
import { gql, GqlError } from "@/lib/gql/client";
import { AdminMeDocument, type AdminMeQuery, type AdminSection } from "@/lib/gql/generated/graphql";
import { ADMIN_ME_KEY } from "@/lib/admin/keys";

export type Operator = AdminMeQuery["adminMe"];

/**
 * The signed-in operator, or an error: UNAUTHENTICATED (signed out) or NOT_FOUND (not an
 * operator). Those answers are final, so only an unreachable or failing server is asked again.
 */
export function useAdminMe({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ADMIN_ME_KEY,
    queryFn: () => gql(AdminMeDocument).then((d) => d.adminMe),
    enabled,
    staleTime: 60_000,
    retry: (count, error) => error instanceof GqlError && ["NETWORK", "INTERNAL"].includes(error.code) && count < 2,
  });
}

/** Whether the operator's role opens `section` (the API refuses the rest with FORBIDDEN). */
export function opens(operator: Operator | undefined, section: AdminSection) {
  return operator?.sections.includes(section) ?? false;
}
