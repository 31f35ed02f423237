"use client";

import { useState } from "react";
import Link from "next/link";
import { Check } from "lucide-react";
import { cx } from "@/lib/cx";
import { buttonVariants } from "@/components/ui/button-variants";
import { ToggleGroup, ToggleGroupItem } from "@/components/ui/toggle-group";
import type { Currency } from "@/lib/plans";

export type PricingCard = {
  id: string;
  name: string;
  blurb: string;
  cta: string;
  href: string;
  /** Formatted prices, or null for a custom price. */
  idr: string | null;
  usd: string | null;
  features: string[];
  recommended: boolean;
};

export function PricingTable({
  cards,
  initialCurrency,
  labels,
}: {
  cards: PricingCard[];
  initialCurrency: Currency;
  labels: { currency: string; idr: string; usd: string; perMonth: string; custom: string; customNote: string; recommended: string };
}) {
  const [currency, setCurrency] = useState<Currency>(initialCurrency);
  return (
    <div className="space-y-8">
      <div className="flex justify-center">
        <ToggleGroup
          value={currency}
          onValueChange={(v) => setCurrency(v as Currency)}
          aria-label={labels.currency}
          data-testid="currency-toggle"
        >
          <ToggleGroupItem value="IDR">{labels.idr}</ToggleGroupItem>
          <ToggleGroupItem value="USD">{labels.usd}</ToggleGroupItem>
        </ToggleGroup>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="pricing">
        {cards.map((c) => {
          const price = currency === "IDR" ? c.idr : c.usd;
          return (
            <li
              key={c.id}
              data-plan={c.id}
              className={cx(
                "relative flex flex-col rounded-2xl border bg-card p-5 shadow-sm",
                c.recommended ? "border-primary ring-2 ring-primary/40 lg:-my-3 lg:py-8" : "border-border",
              )}
            >
              {c.recommended && (
                <span className="absolute -top-3 left-1/2 -translate-x-1/2 rounded-full bg-primary px-3 py-0.5 text-xs font-semibold text-primary-foreground">
                  {labels.recommended}
                </span>
              )}
              <h3 className="text-base font-semibold">{c.name}</h3>
              <p className="mt-1 text-sm text-muted-foreground lg:min-h-15">{c.blurb}</p>
              <p className="mt-4 flex flex-wrap items-baseline gap-x-1">
                {price === null ? (
                  <span className="text-2xl font-semibold tracking-tight">{labels.custom}</span>
                ) : (
                  <>
                    <span data-testid="price" className="text-2xl font-semibold tracking-tight tabular-nums lg:text-xl xl:text-2xl">
                      {price}
                    </span>
                    <span className="text-sm text-muted-foreground">{labels.perMonth}</span>
                  </>
                )}
              </p>
              {price === null && <p className="text-sm text-muted-foreground">{labels.customNote}</p>}
              <Link
                href={c.href}
                className={cx(buttonVariants({ variant: c.recommended ? "default" : "outline" }), "mt-5 w-full")}
              >
                {c.cta}
              </Link>
              <ul className="mt-5 space-y-2.5 text-sm">
                {c.features.map((f) => (
                  <li key={f} className="flex gap-2">
                    <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
                    <span>{f}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
