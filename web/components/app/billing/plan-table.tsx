"use client";

import { Info, Loader2 } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { formatIdr } from "@/lib/plans";
import { cx } from "@/lib/cx";
import { FormError } from "@/components/app/ui/field";
import { Panel } from "@/components/app/ui/panel";
import { useCheckout } from "@/components/app/billing/checkout";
import { PlanAction } from "@/components/app/billing/plan-action";
import type { BillingPlan, SubscriptionStatus } from "@/components/app/billing/billing-page";

/**
 * Every plan side by side, from the API (cheapest first), with the user's own marked. When the
 * server takes payments, each plan with a price (not the current one) has a button: pay for it
 * on Midtrans's Snap page, or, while a paid period runs, see an upgrade's figures first or
 * schedule a cheaper plan for the period's end (`PlanAction`).
 */
export function PlanTable({
  plans,
  currentId,
  billingEnabled,
  openPlanIds,
  period,
}: {
  plans: BillingPlan[];
  currentId: string;
  billingEnabled: boolean;
  /** Plans with a subscription invoice still open: their button continues that payment. */
  openPlanIds: Set<string>;
  /** The paid period in force (null: none runs, plans are bought outright). */
  period: SubscriptionStatus["period"];
}) {
  const t = useT("billing");
  const f = useFormat();
  const checkout = useCheckout();
  const currentPlan = plans.find((p) => p.id === currentId);
  // The current plan and Free have no button; a priced plan pays, a custom-priced one is by email.
  const hasAction = (plan: BillingPlan) => plan.id !== currentId && (plan.priceIdr === null || plan.priceIdr === undefined || plan.priceIdr > 0);
  const count = (n: number | null | undefined, none: string) => (n === null || n === undefined ? none : f.int(n));

  const priceText = (plan: BillingPlan) =>
    plan.priceIdr === null || plan.priceIdr === undefined ? t("priceCustom") : plan.priceIdr === 0 ? t("priceFree") : formatIdr(plan.priceIdr);

  const action = (plan: BillingPlan, variant: "row" | "card") => (
    <PlanAction plan={plan} current={currentPlan} period={period} open={openPlanIds.has(plan.id)} checkout={checkout} variant={variant} />
  );

  return (
    <Panel id="plans" className="scroll-mt-6" title={t("compareTitle")} description={t("compareLead")}>
      <div className="flex flex-col gap-4">
        {billingEnabled ? null : (
          <p className="flex items-start gap-2 rounded-lg border border-border bg-muted/60 px-3 py-2.5 text-sm font-medium" data-testid="billing-off">
            <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
            {t("paymentOff")}
          </p>
        )}
        <FormError>{checkout.error}</FormError>
        {checkout.leaving ? (
          <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="checkout-redirecting">
            <Loader2 aria-hidden className="size-4 animate-spin motion-reduce:animate-none" />
            {t("redirecting")}
          </p>
        ) : null}
        {/* A table where the panel is wide enough for it, one card per plan where it is not (phones). */}
        <div className="@container">
          <div
            className="-mx-5 hidden overflow-x-auto rounded-b-xl outline-none focus-visible:ring-2 focus-visible:ring-ring @3xl:block"
            role="region"
            aria-label={t("compareTitle")}
            tabIndex={0}
          >
            <table className="w-full min-w-[44rem] text-left text-sm" data-testid="plan-table">
              <caption className="sr-only">{t("compareTitle")}</caption>
              <thead className="text-xs whitespace-nowrap text-muted-foreground">
                <tr className="border-b border-border">
                  <th scope="col" className="px-5 py-3 font-medium">{t("colPlan")}</th>
                  <th scope="col" className="px-3 py-3 text-right font-medium">{t("colPrice")}</th>
                  <th scope="col" className="px-3 py-3 text-right font-medium">{t("colRequests")}</th>
                  <th scope="col" className="px-3 py-3 text-right font-medium">{t("colOauth")}</th>
                  <th scope="col" className="px-3 py-3 text-right font-medium">{t("colProviders")}</th>
                  <th scope="col" className="px-3 py-3 text-right font-medium">{t("colMembers")}</th>
                  <th scope="col" className={cx("px-3 py-3 text-right font-medium", !billingEnabled && "pr-5")}>{t("colRpm")}</th>
                  {billingEnabled ? (
                    <th scope="col" className="px-5 py-3 text-right font-medium">
                      <span className="sr-only">{t("colAction")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {plans.map((plan) => {
                  const current = plan.id === currentId;
                  return (
                    <tr
                      key={plan.id}
                      className={cx("border-b border-border/60 last:border-0", current && "bg-primary/5")}
                      aria-current={current ? "true" : undefined}
                      data-testid="plan-row"
                      data-plan={plan.id}
                      data-current={current ? "true" : undefined}
                    >
                      <th scope="row" className="px-5 py-3 font-medium">
                        <span className="flex flex-wrap items-center gap-2">
                          {plan.name}
                          {current ? <YourPlan label={t("yourPlan")} /> : null}
                        </span>
                      </th>
                      <td className="px-3 py-3 text-right tabular-nums whitespace-nowrap">{priceText(plan)}</td>
                      <td className="px-3 py-3 text-right tabular-nums">{count(plan.monthlyRequests, t("unlimited"))}</td>
                      <td className="px-3 py-3 text-right tabular-nums">{count(plan.maxOauthAccounts, t("unlimited"))}</td>
                      <td className="px-3 py-3 text-right tabular-nums">{count(plan.maxProviders, t("allProviders"))}</td>
                      <td className="px-3 py-3 text-right tabular-nums">{count(plan.maxMembers, t("custom"))}</td>
                      <td className={cx("px-3 py-3 text-right tabular-nums", !billingEnabled && "pr-5")}>{count(plan.requestsPerMinute, t("custom"))}</td>
                      {billingEnabled ? <td className="px-5 py-2 text-right whitespace-nowrap">{hasAction(plan) ? action(plan, "row") : null}</td> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ul className="-my-1 flex flex-col divide-y divide-border/60 @3xl:hidden" aria-label={t("compareTitle")} data-testid="plan-cards">
            {plans.map((plan) => {
              const current = plan.id === currentId;
              const button = billingEnabled && hasAction(plan) ? action(plan, "card") : null;
              return (
                <li
                  key={plan.id}
                  className={cx("flex flex-col gap-3 py-4", current && "-mx-5 bg-primary/5 px-5")}
                  aria-current={current ? "true" : undefined}
                  data-testid="plan-card"
                  data-plan={plan.id}
                >
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                    <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold">
                      {plan.name}
                      {current ? <YourPlan label={t("yourPlan")} /> : null}
                    </h3>
                    <p className="text-sm font-medium tabular-nums">
                      {priceText(plan)}
                      {plan.priceIdr ? <span className="font-normal text-muted-foreground">{t("perMonth")}</span> : null}
                    </p>
                  </div>
                  <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-xs">
                    <Limit label={t("colRequests")} value={count(plan.monthlyRequests, t("unlimited"))} />
                    <Limit label={t("colOauth")} value={count(plan.maxOauthAccounts, t("unlimited"))} />
                    <Limit label={t("colProviders")} value={count(plan.maxProviders, t("allProviders"))} />
                    <Limit label={t("colMembers")} value={count(plan.maxMembers, t("custom"))} />
                    <Limit label={t("colRpm")} value={count(plan.requestsPerMinute, t("custom"))} />
                  </dl>
                  {button ? <div>{button}</div> : null}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </Panel>
  );
}

function YourPlan({ label }: { label: string }) {
  return <span className="rounded-full bg-primary px-2 py-0.5 text-xs font-medium text-primary-foreground">{label}</span>;
}

function Limit({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}
