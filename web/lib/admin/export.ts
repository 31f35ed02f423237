/** The most rows one export gathers: enough for support's questions, small enough for a tab. */
export const EXPORT_CAP = 5_000;

/** The admin API's largest page: an export gathers the rows in as few requests as it allows. */
export const EXPORT_PAGE_SIZE = 200;

export type ExportFormat = "csv" | "json";
export type Row = Record<string, string | number | boolean | null | undefined>;

/**
 * Pages through `fetchPage` (each answers its rows and the cursor of the next page, null at
 * the end) until the end or `cap` rows. `capped` says rows were left out.
 */
export async function collectRows<C>(
  fetchPage: (cursor: C) => Promise<{ rows: Row[]; next: C | null }>,
  first: C,
  cap = EXPORT_CAP,
): Promise<{ rows: Row[]; capped: boolean }> {
  const rows: Row[] = [];
  let cursor: C | null = first;
  while (cursor !== null && rows.length < cap) {
    const page = await fetchPage(cursor);
    rows.push(...page.rows);
    cursor = page.rows.length > 0 ? page.next : null;
  }
  return { rows: rows.slice(0, cap), capped: rows.length > cap || cursor !== null };
}

/**
 * A spreadsheet cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at
 * the start: an email or a reason typed by anyone) is prefixed with an apostrophe.
 */
function cell(value: Row[string]): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row of `columns` (the API's field names, stable for scripts). */
export function toCsv(columns: string[], rows: Row[]): string {
  const lines = [columns.join(","), ...rows.map((row) => columns.map((c) => cell(row[c])).join(","))];
  return lines.join("\r\n") + "\r\n";
}

/** Hands `text` to the browser as a downloaded file. */
export function saveFile(filename: string, text: string, format: ExportFormat) {
  const type = format === "csv" ? "text/csv;charset=utf-8" : "application/json";
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  // The click has started the download; the object URL can go once this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `satu-users-2026-12-06.csv`: what it holds and the day it was taken. */
export function exportName(what: string, format: ExportFormat) {
  return `satu-${what}-${new Date().toISOString().slice(0, 10)}.${format}`;
}
