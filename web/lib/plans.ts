/** The five plans. Numbers come from the limits issue; change them here only. */
export type PlanId = "free" | "starter" | "pro" | "team" | "enterprise";

export type Plan = {
  id: PlanId;
  /** Monthly price; null for "custom" (enterprise). */
  idr: number | null;
  usd: number | null;
  /** Requests per month; null = unlimited. */
  requests: number | null;
  /** OAuth accounts; null = unlimited. */
  oauthAccounts: number | null;
  /** Providers; null = all. */
  providers: number | null;
  /** Team members; null = custom. */
  members: number | null;
  /** Default rate limits; null = custom. */
  rpm: number | null;
  tpm: number | null;
  recommended?: boolean;
};

export const PLANS: Plan[] = [
  { id: "free", idr: 0, usd: 0, requests: 1_000, oauthAccounts: 1, providers: 1, members: 1, rpm: 20, tpm: 200_000 },
  { id: "starter", idr: 49_000, usd: 2.99, requests: 10_000, oauthAccounts: 5, providers: 2, members: 1, rpm: 60, tpm: 1_000_000 },
  { id: "pro", idr: 99_000, usd: 5.99, requests: 50_000, oauthAccounts: null, providers: null, members: 1, rpm: 240, tpm: 4_000_000, recommended: true },
  { id: "team", idr: 299_000, usd: 17.99, requests: 200_000, oauthAccounts: null, providers: null, members: 10, rpm: 600, tpm: 10_000_000 },
  { id: "enterprise", idr: null, usd: null, requests: null, oauthAccounts: null, providers: null, members: null, rpm: null, tpm: null },
];

export type Currency = "IDR" | "USD";

/** Rp 49.000 (Indonesian grouping) whatever the page's language. */
export function formatIdr(amount: number): string {
  return "Rp " + new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(amount);
}

/** Like formatIdr, with a minus sign before "Rp" for credit notes and refunds: −Rp 49.000. */
export function formatIdrSigned(amount: number): string {
  return amount < 0 ? "\u2212" + formatIdr(-amount) : formatIdr(amount);
}

/** US$2.99 in English, US$2,99 in Indonesian. */
export function formatUsd(amount: number, locale: string): string {
  const n = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US", {
    minimumFractionDigits: amount === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount);
  return "US$" + n;
}

export function formatPrice(plan: Plan, currency: Currency, locale: string): string | null {
  if (currency === "IDR") return plan.idr === null ? null : formatIdr(plan.idr);
  return plan.usd === null ? null : formatUsd(plan.usd, locale);
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US").format(n);
}

/** 100K, 1M, 3M (Indonesian uses "rb"/"jt" for these, which reads oddly for tokens). */
export function formatCompact(n: number): string {
  if (n >= 1_000_000) return `${n / 1_000_000}M`;
  if (n >= 1_000) return `${n / 1_000}K`;
  return String(n);
}
