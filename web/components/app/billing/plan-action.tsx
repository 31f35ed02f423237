"use client";

import { useState } from "react";
import { CalendarClock, Loader2, Mail } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { formatIdr } from "@/lib/plans";
import { CONTACT_EMAIL } from "@/lib/site";
import { buttonVariants } from "@/components/ui/button-variants";
import type { CheckoutApi } from "@/components/app/billing/checkout";
import { UpgradeDialog } from "@/components/app/billing/upgrade-dialog";
import { DowngradeDialog } from "@/components/app/billing/downgrade-dialog";
import type { BillingPlan, SubscriptionStatus } from "@/components/app/billing/billing-page";

type Variant = "row" | "card";

/**
 * One plan's button in the plan table. Without a running paid period a priced plan is paid for
 * at once (Snap). While one runs, a dearer plan opens the upgrade's figures (credit included)
 * before paying, and a cheaper one is scheduled for the period's end; Enterprise is by email.
 */
export function PlanAction({
  plan,
  current,
  period,
  open,
  checkout,
  variant,
}: {
  plan: BillingPlan;
  /** The plan the user is on (absent: an unknown one). */
  current: BillingPlan | undefined;
  period: SubscriptionStatus["period"];
  /** A subscription invoice for this plan is still open: paying continues it. */
  open: boolean;
  checkout: CheckoutApi;
  variant: Variant;
}) {
  const t = useT("billing");
  const f = useFormat();
  const [dialog, setDialog] = useState(false);
  const testId = (name: string) => (variant === "row" ? `plan-${name}` : `plan-card-${name}`);
  if (current?.id === plan.id) return null;
  const price = plan.priceIdr;
  if (price === null || price === undefined) {
    return (
      <a
        href={`mailto:${CONTACT_EMAIL}?subject=${encodeURIComponent(t("mailSubject"))}`}
        className={buttonVariants({ variant: "ghost", size: "sm" })}
        aria-label={t("contactLabel", { plan: plan.name })}
        data-testid={testId("contact")}
      >
        <Mail aria-hidden />
        {t("contactUs")}
      </a>
    );
  }
  if (price <= 0) return null;
  // A custom-priced (Enterprise) plan counts as the top: every other one is a switch down.
  const currentPrice = current?.priceIdr ?? Number.POSITIVE_INFINITY;
  const up = price > currentPrice;
  const vars = { plan: plan.name, price: formatIdr(price) };

  if (period && !up) {
    if (period.atEnd === "DOWNGRADE" && period.nextPlan.id === plan.id) {
      return (
        <span className="inline-flex items-center gap-1.5 text-xs font-medium text-muted-foreground" data-testid="plan-scheduled">
          <CalendarClock aria-hidden className="size-4" />
          {t("scheduledFrom", { date: f.date(period.endsAt) })}
        </span>
      );
    }
    return (
      <>
        <button
          type="button"
          className={buttonVariants({ variant: "outline", size: "sm" })}
          disabled={checkout.leaving}
          aria-label={t("downgradeLabel", vars)}
          onClick={() => setDialog(true)}
          data-testid={testId("downgrade")}
          data-plan={plan.id}
        >
          {t("downgrade")}
        </button>
        <DowngradeDialog plan={plan} current={current?.name ?? ""} endsAt={period.endsAt} open={dialog} onOpenChange={setDialog} />
      </>
    );
  }

  const busy = checkout.leaving && checkout.plan === plan.id;
  const button = (
    <button
      type="button"
      className={buttonVariants({ variant: open || up ? "default" : "outline", size: "sm" })}
      disabled={checkout.leaving}
      aria-busy={(busy && !period) || undefined}
      aria-label={t(open ? "continueLabel" : up ? "upgradeLabel" : "switchLabel", vars)}
      onClick={() => (period ? setDialog(true) : checkout.start(plan.id))}
      data-testid={testId("checkout")}
      data-plan={plan.id}
    >
      {busy && !period ? <Loader2 aria-hidden className="animate-spin motion-reduce:animate-none" /> : null}
      {t(open ? "continuePay" : up ? "upgrade" : "switchTo")}
    </button>
  );
  if (!period) return button;
  return (
    <>
      {button}
      <UpgradeDialog plan={plan} current={current?.name ?? ""} open={dialog} onOpenChange={setDialog} checkout={checkout} />
    </>
  );
}
