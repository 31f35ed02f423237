import { exportName } from "@/lib/admin/export";

// The Saved queries page's pure parts: the server's bounds on a query, a result's file names,
// its JSON, and the order of its rows when a column header sorts them.

/** The server's bounds (services/src/admin/saved_queries.rs), checked here first so a typo costs no round trip. */
export const NAME_MAX = 80;
export const DESCRIPTION_MAX = 500;
export const SQL_MAX = 20_000;

export type QueryDraft = { name: string; description: string; sql: string };
export type DraftProblem = "name" | "description" | "sql" | "sqlLong";

/** What is wrong with a draft before it is sent, field by field (the server trims as here). */
export function draftProblems({ name, description, sql }: QueryDraft): DraftProblem[] {
  const chars = (s: string) => [...s.trim()].length;
  const problems: DraftProblem[] = [];
  if (chars(name) < 1 || chars(name) > NAME_MAX) problems.push("name");
  if (chars(description) > DESCRIPTION_MAX) problems.push("description");
  if (chars(sql) < 1) problems.push("sql");
  else if (chars(sql) > SQL_MAX) problems.push("sqlLong");
  return problems;
}

/** `Users by plan` → `users-by-plan`: a file name's part, in plain ASCII. */
export function slug(name: string) {
  const s = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s || "query";
}

/** `satu-query-users-by-plan-2026-12-06.csv`: the query's name and the day it ran. */
export function resultFileName(name: string, format: "csv" | "json") {
  return exportName(`query-${slug(name)}`, format);
}

/**
 * The rows as objects by column name, NULL kept as null. A name that repeats (`SELECT 1 AS a,
 * 2 AS a`) gets `_2`, `_3`, so no cell is lost.
 */
export function resultObjects(columns: string[], rows: (string | null)[][]) {
  const seen = new Map<string, number>();
  const keys = columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c}_${n}`;
  });
  return rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])));
}

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** Whether every value of a column reads as a number (such columns align right and sort by value). */
export function numericColumn(rows: (string | null)[][], index: number) {
  let any = false;
  for (const row of rows) {
    const cell = row[index];
    if (cell === null) continue;
    if (!NUMBER.test(cell)) return false;
    any = true;
  }
  return any;
}

export type SortOrder = { column: number; direction: "ascending" | "descending" } | null;

/** The rows in `order`: numbers by value, text as a person reads it, NULLs last either way. */
export function sortRows(rows: (string | null)[][], order: SortOrder, numeric: boolean, collator: Intl.Collator) {
  if (!order) return rows;
  const { column, direction } = order;
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (numeric ? Number(x) - Number(y) : collator.compare(x, y));
  });
}

/** The rows with a cell that contains `text` (any case); all of them for an empty filter. */
export function filterRows(rows: (string | null)[][], text: string) {
  const needle = text.trim().toLocaleLowerCase();
  if (!needle) return rows;
  return rows.filter((row) => row.some((cell) => cell !== null && cell.toLocaleLowerCase().includes(needle)));
}
