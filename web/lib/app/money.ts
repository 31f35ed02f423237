"use client";

import { useCallback, useMemo } from "react";
import { useIntlTag } from "@/lib/i18n/client";
import { useServerInfo } from "@/lib/app/session";

/** US dollars (estimated costs and budgets, as the catalog prices them) with their Rupiah at
 * the server's rate (`serverInfo.idrPerUsd`): "US$12.50 · Rp206.250". */
export function useMoney() {
  const tag = useIntlTag();
  const info = useServerInfo();
  const rate = info.data?.idrPerUsd;
  const fmt = useMemo(
    () => ({
      usd: new Intl.NumberFormat(tag, { style: "currency", currency: "USD", maximumFractionDigits: 2 }),
      // "Rp" in English too (not "IDR"): the symbol Indonesians read.
      idr: new Intl.NumberFormat(tag, { style: "currency", currency: "IDR", currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 }),
    }),
    [tag],
  );
  const usd = useCallback((dollars: number) => fmt.usd.format(dollars), [fmt]);
  const idr = useCallback((dollars: number) => (rate ? fmt.idr.format(dollars * rate) : null), [fmt, rate]);
  const both = useCallback(
    (dollars: number) => {
      const rupiah = idr(dollars);
      return rupiah ? `${usd(dollars)} · ${rupiah}` : usd(dollars);
    },
    [usd, idr],
  );
  return { usd, idr, both, rate };
}
