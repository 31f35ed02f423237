"use client";

import { CreditCard } from "lucide-react";
import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { formatIdr } from "@/lib/plans";
import { EmptyState, Panel } from "@/components/app/ui/panel";
import { StateBadge } from "@/components/app/billing/state-badge";
import type { Payment } from "@/components/app/billing/billing-page";

/** Every attempt to pay through Midtrans (one order id each), newest first. */
export function PaymentList({ payments }: { payments: Payment[] }) {
  const t = useT("billing");
  const has = useHasT();
  const f = useFormat();
  const state = (s: string) => (has(`billing.paymentState.${s}`) ? t(`paymentState.${s}`) : s);
  const method = (m: string) => (has(`billing.paymentType.${m}`) ? t(`paymentType.${m}`) : m);
  return (
    <Panel title={t("paymentsTitle")} description={t("paymentsLead")} data-testid="payments">
      {payments.length === 0 ? (
        <EmptyState icon={<CreditCard aria-hidden className="size-6" />} title={t("paymentsEmpty")} />
      ) : (
        <div className="@container">
          <ul className="-my-3 divide-y divide-border/60" data-testid="payment-list">
            {payments.map((p) => {
              const started = f.dateTime(p.createdAt);
              const updated = f.dateTime(p.updatedAt);
              return (
                <li
                  key={p.orderId}
                  className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 py-3 text-sm @2xl:grid-cols-[9rem_minmax(0,1fr)_auto] @2xl:gap-x-6"
                  data-testid="payment-row"
                  data-order={p.orderId}
                  data-state={p.state}
                >
                  <span className="font-semibold tabular-nums">{formatIdr(p.amount)}</span>
                  <span className="justify-self-end @2xl:order-3">
                    <StateBadge state={p.state} label={state(p.state)} testId="payment-state" />
                  </span>
                  <div className="col-span-2 min-w-0 @2xl:order-2 @2xl:col-span-1">
                    <p className="font-mono text-xs break-all">{p.orderId}</p>
                    <p className="text-xs text-muted-foreground">
                      {p.paymentType ? `${method(p.paymentType)} · ` : ""}
                      {t("paymentStarted", { when: started })}
                      {updated !== started ? `, ${t("paymentUpdated", { when: updated })}` : ""}
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Panel>
  );
}
