import { currentWorkspace } from "@/lib/app/workspace";
import type { RequestLogFilter, UsageBucket, UsageFilter, UsageRange } from "@/lib/gql/generated/graphql";

// Ranges, time zones and filters of the Usage page: plain functions, no React.

export type Preset = "24h" | "7d" | "30d";
/** A preset, or whole local days `from`..`to` (both included, `YYYY-MM-DD`) in the page's zone. */
export type RangeChoice = { kind: Preset } | { kind: "custom"; from: string; to: string };

export const PRESETS: Preset[] = ["24h", "7d", "30d"];
const PRESET_API = { "24h": "LAST_24H", "7d": "LAST_7D", "30d": "LAST_30D" } as const;
const PRESET_HOURS = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 } as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The API's limit for a custom range. */
export const MAX_DAYS = 400;

/** WIB, where most users are; the API needs whole hours between −12 and +14. */
export const WIB = 420;

/** The browser's offset east of UTC, rounded to whole hours. */
export function browserOffset(): number {
  const minutes = -new Date().getTimezoneOffset();
  return Math.min(840, Math.max(-720, Math.round(minutes / 60) * 60));
}

export function defaultOffset(locale: "id" | "en"): number {
  return locale === "id" ? WIB : browserOffset();
}

const INDONESIA: Record<number, string> = { 420: "WIB", 480: "WITA", 540: "WIT" };

/** "UTC+7", "UTC−5", "UTC". */
export function utcLabel(offset: number) {
  if (offset === 0) return "UTC";
  const hours = Math.abs(offset / 60);
  return `UTC${offset > 0 ? "+" : "−"}${hours}`;
}

/** "WIB (UTC+7)" or "UTC+2". */
export function zoneLabel(offset: number) {
  const name = INDONESIA[offset];
  return name ? `${name} (${utcLabel(offset)})` : utcLabel(offset);
}

/** The IANA zone for a whole-hour offset, for Intl (its sign is the other way round). */
export function ianaZone(offset: number) {
  if (offset === 0) return "UTC";
  const hours = offset / 60;
  return `Etc/GMT${hours > 0 ? "-" : "+"}${Math.abs(hours)}`;
}

/** Today's date (`YYYY-MM-DD`) in the zone `offset` minutes east of UTC. */
export function todayIn(offset: number, now = Date.now()) {
  return new Date(now + offset * 60_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` minus `days`, as a date string. */
export function addDays(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Local midnight of `date` in the zone, as an instant. */
function midnight(date: string, offset: number) {
  return Date.parse(`${date}T00:00:00Z`) - offset * 60_000;
}

/** Days in a custom range (both ends included), or null when it is not a valid one. */
export function customDays(from: string, to: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / DAY) + 1;
}

export type CustomProblem = "order" | "tooLong" | "invalid" | null;

export function customProblem(from: string, to: string): CustomProblem {
  const days = customDays(from, to);
  if (days === null) return "invalid";
  if (days < 1) return "order";
  if (days > MAX_DAYS) return "tooLong";
  return null;
}

/** The instants a choice covers: custom days from local midnight to the midnight after `to`. */
export function bounds(choice: RangeChoice, offset: number, now = Date.now()): { from: string; to: string | null } {
  if (choice.kind === "custom") {
    return {
      from: new Date(midnight(choice.from, offset)).toISOString(),
      to: new Date(midnight(choice.to, offset) + DAY).toISOString(),
    };
  }
  // Presets end with the current hour, as the API counts them; the log keeps its end open so
  // requests arriving now are listed.
  const hourStart = Math.floor(now / HOUR) * HOUR;
  return { from: new Date(hourStart - (PRESET_HOURS[choice.kind] - 1) * HOUR).toISOString(), to: null };
}

export function apiRange(choice: RangeChoice, offset: number): UsageRange {
  if (choice.kind === "custom") {
    const b = bounds(choice, offset);
    return { from: b.from, to: b.to };
  }
  return { preset: PRESET_API[choice.kind] };
}

/** Hourly points for ranges up to 8 days (what the API reads hourly), else daily. */
export function bucketFor(choice: RangeChoice): UsageBucket {
  if (choice.kind === "custom") return (customDays(choice.from, choice.to) ?? 99) <= 8 ? "HOUR" : "DAY";
  return PRESET_HOURS[choice.kind] <= 8 * 24 ? "HOUR" : "DAY";
}

/** The page's filter: one key, provider, model and/or connection ("" = any). */
/** `memberId`: in a team workspace, one member's requests. */
export type Filters = { apiKeyId: string; provider: string; model: string; accountId: string; memberId: string };
export const NO_FILTERS: Filters = { apiKeyId: "", provider: "", model: "", accountId: "", memberId: "" };
export type StatusFilter = "" | "OK" | "ERROR";

export function hasFilters(f: Filters) {
  return Boolean(f.apiKeyId || f.provider || f.model || f.accountId || f.memberId);
}

export function usageFilter(f: Filters): UsageFilter | null {
  if (!hasFilters(f)) return null;
  return {
    apiKeyId: f.apiKeyId || null,
    provider: f.provider || null,
    model: f.model || null,
    accountId: f.accountId || null,
    memberId: f.memberId || null,
  };
}

export function logFilter(f: Filters, status: StatusFilter, window: { from: string; to: string | null }): RequestLogFilter {
  return {
    ...usageFilter(f),
    status: status || null,
    from: window.from,
    to: window.to,
  };
}

/** `/api/usage/export?format=…` for the log's current filter (same parameters as the log). */
export function exportHref(format: "csv" | "json", filter: RequestLogFilter) {
  const q = new URLSearchParams({ format });
  if (filter.from) q.set("from", filter.from);
  if (filter.to) q.set("to", filter.to);
  if (filter.model) q.set("model", filter.model);
  if (filter.provider) q.set("provider", filter.provider);
  if (filter.apiKeyId) q.set("apiKeyId", filter.apiKeyId);
  if (filter.accountId) q.set("accountId", filter.accountId);
  if (filter.memberId) q.set("memberId", filter.memberId);
  // A download link cannot carry the workspace header.
  const workspace = currentWorkspace();
  if (workspace) q.set("workspace", workspace);
  if (filter.status) q.set("status", filter.status.toLowerCase());
  return `/api/usage/export?${q.toString()}`;
}
