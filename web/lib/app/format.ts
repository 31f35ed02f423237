"use client";

import { useMemo } from "react";
import { useIntlTag } from "@/lib/i18n/client";

/** Number, money and time formatting in the page's language. */
export function useFormat() {
  const tag = useIntlTag();
  return useMemo(() => {
    const int = new Intl.NumberFormat(tag);
    const compact = new Intl.NumberFormat(tag, { notation: "compact", maximumFractionDigits: 1 });
    const usd = new Intl.NumberFormat(tag, { style: "currency", currency: "USD", maximumFractionDigits: 4 });
    const usd2 = new Intl.NumberFormat(tag, { style: "currency", currency: "USD", maximumFractionDigits: 2 });
    // "Rp" in English too (not "IDR"): the symbol Indonesians read (as in lib/app/money.ts).
    const idr = new Intl.NumberFormat(tag, { style: "currency", currency: "IDR", currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 });
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" });
    const date = new Intl.DateTimeFormat(tag, { dateStyle: "medium" });
    const time = new Intl.DateTimeFormat(tag, { timeStyle: "medium" });
    const relative = new Intl.RelativeTimeFormat(tag, { numeric: "auto" });
    return {
      int: (n: number) => int.format(n),
      compact: (n: number) => compact.format(n),
      /** nano-dollars → "$0.0012" */
      usdNanos: (nanos: number) => (nanos >= 10_000_000 ? usd2 : usd).format(nanos / 1e9),
      /** Rupiah amounts as the API counts them (whole Rupiah). */
      idr: (rupiah: number) => idr.format(rupiah),
      /** 0.125 → "12.5%" */
      percent: (ratio: number) => percent.format(ratio),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
      ago: (iso: string) => {
        const secs = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
        const abs = Math.abs(secs);
        if (abs < 60) return relative.format(secs, "second");
        if (abs < 3600) return relative.format(Math.round(secs / 60), "minute");
        if (abs < 86400) return relative.format(Math.round(secs / 3600), "hour");
        return relative.format(Math.round(secs / 86400), "day");
      },
    };
  }, [tag]);
}
