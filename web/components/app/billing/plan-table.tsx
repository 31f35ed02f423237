"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { formatIdr } from "@/lib/plans";
import { cx } from "@/lib/cx";
import { Panel } from "@/components/app/ui/panel";
import type { BillingPlan } from "@/components/app/billing/billing-page";

/** Every plan side by side, from the API (cheapest first), with the user's own marked. */
export function PlanTable({ plans, currentId }: { plans: BillingPlan[]; currentId: string }) {
  const t = useT("billing");
  const f = useFormat();
  const count = (n: number | null | undefined, none: string) => (n === null || n === undefined ? none : f.int(n));
  return (
    <Panel title={t("compareTitle")} description={t("compareLead")}>
      <div className="-mx-5 overflow-x-auto rounded-b-xl outline-none focus-visible:ring-2 focus-visible:ring-ring" role="region" aria-label={t("compareTitle")} tabIndex={0}>
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
              <th scope="col" className="px-5 py-3 text-right font-medium">{t("colRpm")}</th>
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
                  data-current={current ? "true" : undefined}
                >
                  <th scope="row" className="px-5 py-3 font-medium">
                    <span className="flex flex-wrap items-center gap-2">
                      {plan.name}
                      {current ? (
                        <span className="rounded-full bg-primary px-2 py-0.5 text-xs font-medium text-primary-foreground">{t("yourPlan")}</span>
                      ) : null}
                    </span>
                  </th>
                  <td className="px-3 py-3 text-right tabular-nums whitespace-nowrap">
                    {plan.priceIdr === null || plan.priceIdr === undefined ? t("priceCustom") : plan.priceIdr === 0 ? t("priceFree") : formatIdr(plan.priceIdr)}
                  </td>
                  <td className="px-3 py-3 text-right tabular-nums">{count(plan.monthlyRequests, t("unlimited"))}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{count(plan.maxOauthAccounts, t("unlimited"))}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{count(plan.maxProviders, t("allProviders"))}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{count(plan.maxMembers, t("custom"))}</td>
                  <td className="px-5 py-3 text-right tabular-nums">{count(plan.requestsPerMinute, t("custom"))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
