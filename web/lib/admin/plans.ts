"use client";

import { useCallback } from "react";
import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminPlansDocument } from "@/lib/gql/generated/graphql";
import { PLANS_KEY } from "@/lib/admin/keys";

/** The plans (id and name) the server sells, for filters, labels and the plan picker. */
export function usePlans() {
  return useQuery({
    queryKey: PLANS_KEY,
    queryFn: () => gql(AdminPlansDocument).then((d) => d.plans),
    staleTime: Infinity,
  });
}

/** A plan's name by its id; the id itself until the plans have loaded (or for a retired plan). */
export function usePlanName() {
  const plans = usePlans().data;
  return useCallback((id: string) => plans?.find((p) => p.id === id)?.name ?? id, [plans]);
}
