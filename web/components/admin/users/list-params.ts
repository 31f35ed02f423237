"use client";

import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { AdminUserFilter, AdminUserSort, AdminUserStatus } from "@/lib/gql/generated/graphql";

export const STATUSES: AdminUserStatus[] = ["ANY", "ACTIVE", "SUSPENDED", "UNVERIFIED"];
const SORTS: AdminUserSort[] = ["NEWEST", "OLDEST", "EMAIL"];

export type ListParams = { search: string; planId: string; status: AdminUserStatus; sort: AdminUserSort; page: number };

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The API's filter for the list's params (an empty search or plan: any). */
export function toFilter(params: ListParams): AdminUserFilter {
  return { search: params.search || null, planId: params.planId || null, status: params.status, sort: params.sort };
}

/**
 * The list's search, filters, sort and page live in the address (`?q=&plan=&status=&sort=&page=`),
 * so the back button from a user's page returns to the same list, and a list can be shared.
 */
export function useListParams(): [ListParams, (change: Partial<ListParams>) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo<ListParams>(
    () => ({
      search: search.get("q") ?? "",
      planId: search.get("plan") ?? "",
      status: pick(search.get("status"), STATUSES, "ANY"),
      sort: pick(search.get("sort"), SORTS, "NEWEST"),
      page: Math.max(0, Number.parseInt(search.get("page") ?? "0", 10) || 0),
    }),
    [search],
  );
  const update = useCallback(
    (change: Partial<ListParams>) => {
      // Any other change starts the list again from its first page.
      const next = { ...params, page: 0, ...change };
      const query = new URLSearchParams();
      if (next.search) query.set("q", next.search);
      if (next.planId) query.set("plan", next.planId);
      if (next.status !== "ANY") query.set("status", next.status);
      if (next.sort !== "NEWEST") query.set("sort", next.sort);
      if (next.page > 0) query.set("page", String(next.page));
      const qs = query.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
  return [params, update];
}
