"use client";

import { CalendarDays } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { formatIdr } from "@/lib/plans";
import { Panel } from "@/components/app/ui/panel";
import { PeriodStatus } from "@/components/app/billing/period-status";
import type { BillingPlan, MyPlan, SubscriptionStatus } from "@/components/app/billing/billing-page";

/**
 * The plan's name and monthly price, the billing period the counters cover, and, for a paid
 * period, what happens when it ends. "How to change plan" leads to the plan table's pay
 * buttons, or to how to ask by email when there are none.
 */
export function CurrentPlan({
  myPlan,
  plans,
  billingEnabled,
  status,
}: {
  myPlan: MyPlan;
  plans: BillingPlan[];
  billingEnabled: boolean;
  status: SubscriptionStatus;
}) {
  const t = useT("billing");
  const f = useFormat();
  const price = plans.find((p) => p.id === myPlan.plan.id)?.priceIdr ?? myPlan.plan.priceIdr;
  return (
    <Panel title={t("currentTitle")} data-testid="plan-current">
      <div className="flex flex-col gap-4">
        <div>
          <p className="text-2xl font-semibold tracking-tight" data-testid="plan-name">
            {myPlan.plan.name}
          </p>
          <p className="mt-1 text-lg tabular-nums">
            {price === null || price === undefined ? (
              t("priceCustom")
            ) : price === 0 ? (
              t("priceFree")
            ) : (
              <>
                {formatIdr(price)}
                <span className="text-sm text-muted-foreground">{t("perMonth")}</span>
              </>
            )}
          </p>
        </div>
        <dl className="text-sm">
          <div className="min-w-0">
            <dt className="flex items-center gap-2 text-muted-foreground">
              <CalendarDays aria-hidden className="size-4 shrink-0" />
              {t("period")}
            </dt>
            <dd className="pl-6 font-medium">
              {f.date(myPlan.periodStart)} – {f.date(myPlan.periodEnd)}
            </dd>
          </div>
        </dl>
        <p className="-mt-2 pl-6 text-xs text-muted-foreground">{t("resets", { when: f.dateTime(myPlan.periodEnd) })}</p>
        {status.period ? <PeriodStatus status={status} period={status.period} billingEnabled={billingEnabled} /> : null}
        <a href={billingEnabled ? "#plans" : "#upgrade"} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          {t("howToUpgrade")}
        </a>
      </div>
    </Panel>
  );
}
