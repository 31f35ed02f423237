"use client";

import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import { EXPORT_PAGE_SIZE, collectRows, type Row } from "@/lib/admin/export";

/** One page of a log that the admin API answers newest first, with the cursor of older entries. */
export type LogPage<T, C> = { items: T[]; nextBefore?: C | null };

const PAGE_SIZE = 50;

/**
 * A log newest first (the Logs tabs, the audit log), a page at a time: `entries` are the
 * pages so far; `fetchNextPage` asks for older ones while `hasNextPage`.
 */
export function useNewestFirst<T, C>(queryKey: QueryKey, fetchPage: (before: C | null, first: number) => Promise<LogPage<T, C>>) {
  const log = useInfiniteQuery({
    queryKey,
    // The first page asks for the newest (null), each next one for what is older than the last.
    queryFn: ({ pageParam }) => fetchPage(pageParam as C | null, PAGE_SIZE),
    initialPageParam: null as C | null,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  return { log, entries: log.data?.pages.flatMap((page) => page.items) ?? [] };
}

/** What a log's body needs of its query (`PagedLog`). */
export type NewestFirst = {
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
};

/** Every entry of the same log, page by page from the newest, for an export. */
export function collectNewestFirst<T extends Row, C>(fetchPage: (before: C | null, first: number) => Promise<LogPage<T, C>>) {
  return collectRows(async (before: C | "newest") => {
    const page = await fetchPage(before === "newest" ? null : before, EXPORT_PAGE_SIZE);
    return { rows: page.items, next: page.nextBefore ?? null };
  }, "newest" as C | "newest");
}
