"use client";

import { useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { CheckoutQuoteDocument, type CheckoutQuoteQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { formatIdr, formatIdrSigned } from "@/lib/plans";
import { cx } from "@/lib/cx";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { FormError } from "@/components/app/ui/field";
import { Loading } from "@/components/app/ui/panel";
import type { CheckoutApi } from "@/components/app/billing/checkout";
import type { BillingPlan } from "@/components/app/billing/billing-page";

type Quote = NonNullable<CheckoutQuoteQuery["checkoutQuote"]>;

/**
 * An upgrade while a paid period runs: what it costs now (the price, the credit for the
 * current plan's unused days, PPN, the total), asked from `checkoutQuote` when the dialog
 * opens, then Pay → Snap.
 */
export function UpgradeDialog({
  plan,
  current,
  open,
  onOpenChange,
  checkout,
}: {
  plan: BillingPlan;
  current: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  checkout: CheckoutApi;
}) {
  const t = useT("billing");
  const common = useT("common");
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("upgradeDialogTitle", { plan: plan.name })}
      description={t("upgradeDialogLead", { plan: plan.name, current })}
      closeLabel={common("close")}
    >
      {/* Mounted only while open: each opening asks for the figures of that moment. */}
      <QuoteBody plan={plan} current={current} checkout={checkout} onCancel={() => onOpenChange(false)} />
    </Dialog>
  );
}

function QuoteBody({ plan, current, checkout, onCancel }: { plan: BillingPlan; current: string; checkout: CheckoutApi; onCancel: () => void }) {
  const t = useT("billing");
  const common = useT("common");
  const errorText = useErrorText();
  const quote = useQuery({
    queryKey: ["billing", "quote", plan.id],
    queryFn: () => gql(CheckoutQuoteDocument, { plan: plan.id }).then((d) => d.checkoutQuote),
    staleTime: 0,
  });
  const q = quote.data;
  return (
    <div className="flex flex-col gap-4" data-testid="upgrade-dialog">
      {quote.isPending ? (
        <Loading label={t("quoteLoading")} rows={3} />
      ) : quote.error ? (
        <FormError>
          {errorText(quote.error)}{" "}
          <button type="button" className="underline" onClick={() => quote.refetch()}>
            {t("retry")}
          </button>
        </FormError>
      ) : !q ? (
        <FormError>{t("quoteUnavailable")}</FormError>
      ) : (
        <QuoteLines quote={q} plan={plan.name} current={current} />
      )}
      <FormError>{checkout.error}</FormError>
      {checkout.leaving ? (
        <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 aria-hidden className="size-4 animate-spin motion-reduce:animate-none" />
          {t("redirecting")}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonVariants({ variant: "outline" })} onClick={onCancel}>
          {common("cancel")}
        </button>
        <button
          type="button"
          className={buttonVariants()}
          disabled={!q || checkout.leaving}
          aria-busy={checkout.leaving || undefined}
          onClick={() => checkout.start(plan.id)}
          data-testid="upgrade-pay"
        >
          {checkout.leaving ? <Loader2 aria-hidden className="animate-spin motion-reduce:animate-none" /> : null}
          {q ? t("payAmount", { price: formatIdr(q.total) }) : t("continuePay")}
        </button>
      </div>
    </div>
  );
}

/** The invoice to be: the plan, the credit, PPN (included in the prices, or added), the total. */
function QuoteLines({ quote: q, plan, current }: { quote: Quote; plan: string; current: string }) {
  const t = useT("billing");
  // Prices include PPN (the default): price − credit is what is paid, PPN a part of it.
  const included = q.total === q.price - q.credit;
  return (
    <div className="flex flex-col gap-2">
      <dl className="flex flex-col text-sm" data-testid="quote">
        <Line label={t("quotePlan", { plan })} value={formatIdr(q.price)} testId="quote-price" />
        {q.credit > 0 ? (
          <Line label={t("quoteCredit", { days: q.creditDays, plan: current })} value={formatIdrSigned(-q.credit)} testId="quote-credit" tone="credit" />
        ) : null}
        {included ? (
          q.ppn > 0 ? <Line label={t("quotePpnIncluded")} value={formatIdr(q.ppn)} testId="quote-ppn" tone="muted" /> : null
        ) : (
          <>
            <Line label={t("quoteSubtotal")} value={formatIdr(q.net)} tone="muted" />
            <Line label={t("quotePpn")} value={formatIdr(q.ppn)} testId="quote-ppn" tone="muted" />
          </>
        )}
        <Line label={t("quoteTotal")} value={formatIdr(q.total)} testId="quote-total" tone="total" />
      </dl>
      {q.invoiceNumber ? <p className="text-xs text-muted-foreground">{t("quoteOpen", { number: q.invoiceNumber })}</p> : null}
      <p className="text-xs text-muted-foreground">{t("quoteNote", { plan })}</p>
    </div>
  );
}

function Line({ label, value, testId, tone }: { label: string; value: string; testId?: string; tone?: "credit" | "muted" | "total" }) {
  return (
    <div
      className={cx(
        "flex items-baseline justify-between gap-4 py-1.5",
        tone === "total" && "mt-1 border-t border-border pt-2.5 text-base font-semibold",
        tone === "muted" && "text-muted-foreground",
      )}
      data-testid={testId}
    >
      <dt className="min-w-0">{label}</dt>
      <dd className={cx("shrink-0 tabular-nums", tone === "credit" && "font-medium text-success")}>{value}</dd>
    </div>
  );
}
