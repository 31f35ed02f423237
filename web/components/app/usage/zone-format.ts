"use client";

import { useMemo } from "react";
import { useIntlTag } from "@/lib/i18n/client";
import { ianaZone } from "@/components/app/usage/range";

/** Times in the page's chosen zone (WIB by default), not the browser's. */
export function useZoneFormat(offset: number) {
  const tag = useIntlTag();
  return useMemo(() => {
    const timeZone = ianaZone(offset);
    const dateTime = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: "medium", timeStyle: "medium" });
    const short = new Intl.DateTimeFormat(tag, { timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    const hour = new Intl.DateTimeFormat(tag, { timeZone, hour: "2-digit", minute: "2-digit" });
    const day = new Intl.DateTimeFormat(tag, { timeZone, day: "numeric", month: "short" });
    const dayHour = new Intl.DateTimeFormat(tag, { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" });
    return {
      /** "12 Des 2026 14.03.07" */
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** "12 Des 14.03", for table rows */
      short: (iso: string) => short.format(new Date(iso)),
      /** A chart bucket's label: its hour (or weekday and hour over several days), or its day. */
      bucket: (iso: string, bucket: "HOUR" | "DAY", days: number) =>
        bucket === "DAY" ? day.format(new Date(iso)) : days > 1 ? dayHour.format(new Date(iso)) : hour.format(new Date(iso)),
    };
  }, [tag, offset]);
}

/** "12,5%" / "12.5%": shares and error rates. */
export function usePercent() {
  const tag = useIntlTag();
  return useMemo(() => {
    const pct = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 });
    return (share: number) => pct.format(share);
  }, [tag]);
}

/** Axis ticks in dollars from nano-dollars, to 3 significant digits ("$0.0125"). */
export function useUsdAxis() {
  const tag = useIntlTag();
  return useMemo(() => {
    const usd = new Intl.NumberFormat(tag, { style: "currency", currency: "USD", maximumSignificantDigits: 3 });
    return (nanos: number) => usd.format(nanos / 1e9);
  }, [tag]);
}
