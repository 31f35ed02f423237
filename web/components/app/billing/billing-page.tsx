"use client";

import { Suspense } from "react";
import { useSearchParams } from "next/navigation";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { BillingDocument, BillingHistoryDocument, type BillingHistoryQuery, type BillingQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { CurrentPlan } from "@/components/app/billing/current-plan";
import { PlanUsage } from "@/components/app/billing/plan-usage";
import { PlanTable } from "@/components/app/billing/plan-table";
import { UpgradeNote } from "@/components/app/billing/upgrade-note";
import { InvoiceTable } from "@/components/app/billing/invoice-table";
import { PaymentList } from "@/components/app/billing/payment-list";
import { PaymentReturn } from "@/components/app/billing/payment-return";
import { PausedNotice } from "@/components/app/billing/paused-notice";

export type BillingPlan = BillingQuery["plans"][number];
export type MyPlan = BillingQuery["myPlan"];
export type SubscriptionStatus = BillingQuery["subscriptionStatus"];
export type Invoice = BillingHistoryQuery["invoices"][number];
export type Payment = BillingHistoryQuery["payments"][number];
/** The plan, limits and plans; the history's key starts with it, so invalidating it refetches both. */
export const BILLING_KEY = ["billing"] as const;
export const HISTORY_KEY = ["billing", "history"] as const;

export function BillingPage() {
  const t = useT("billing");
  const billing = useQuery({ queryKey: BILLING_KEY, queryFn: () => gql(BillingDocument) });
  const history = useQuery({ queryKey: HISTORY_KEY, queryFn: () => gql(BillingHistoryDocument) });
  const data = billing.data;
  // A subscription invoice still open for a plan: paying for that plan again continues it.
  const openPlanIds = new Set((history.data?.invoices ?? []).filter((i) => i.kind === "subscription" && i.status === "open" && i.planId).map((i) => i.planId as string));
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {/* Back from Midtrans's Snap page with ?order_id=…: the order's state, from the API. */}
      <Suspense>
        <ReturnFromSnap />
      </Suspense>
      {billing.isPending ? (
        <div className="flex flex-col gap-6">
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <Panel title={t("currentTitle")}>
              <Loading label={t("loading")} rows={2} />
            </Panel>
            <Panel title={t("usageTitle")}>
              <Loading label={t("loading")} rows={4} />
            </Panel>
          </div>
          <Panel title={t("compareTitle")}>
            <Loading label={t("loading")} rows={5} />
          </Panel>
        </div>
      ) : billing.error || !data ? (
        <Panel>
          <p role="alert" className="text-sm text-destructive">
            {t("loadFailed")}{" "}
            <button type="button" className="underline" onClick={() => billing.refetch()}>
              {t("retry")}
            </button>
          </p>
        </Panel>
      ) : (
        <div className="flex flex-col gap-6">
          <PausedNotice count={data.subscriptionStatus.pausedConnections} />
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <CurrentPlan myPlan={data.myPlan} plans={data.plans} billingEnabled={data.billingEnabled} status={data.subscriptionStatus} />
            <PlanUsage myPlan={data.myPlan} />
          </div>
          <PlanTable
            plans={data.plans}
            currentId={data.myPlan.plan.id}
            billingEnabled={data.billingEnabled}
            openPlanIds={openPlanIds}
            period={data.subscriptionStatus.period}
          />
          <UpgradeNote billingEnabled={data.billingEnabled} />
          <History history={history} billingEnabled={data.billingEnabled} />
        </div>
      )}
    </>
  );
}

function ReturnFromSnap() {
  const orderId = useSearchParams().get("order_id");
  return orderId ? <PaymentReturn key={orderId} orderId={orderId} /> : null;
}

/**
 * Invoices, then the payment attempts. On a server that takes no payments the two empty lists
 * would only add noise: they show once there is something in them.
 */
function History({ history, billingEnabled }: { history: UseQueryResult<BillingHistoryQuery>; billingEnabled: boolean }) {
  const t = useT("billing");
  if (history.isPending) {
    if (!billingEnabled) return null;
    return (
      <Panel title={t("invoicesTitle")}>
        <Loading label={t("historyLoading")} rows={3} />
      </Panel>
    );
  }
  if (history.error || !history.data) {
    return (
      <Panel title={t("invoicesTitle")}>
        <p role="alert" className="text-sm text-destructive">
          {t("historyFailed")}{" "}
          <button type="button" className="underline" onClick={() => history.refetch()}>
            {t("retry")}
          </button>
        </p>
      </Panel>
    );
  }
  const { invoices, payments } = history.data;
  if (!billingEnabled && invoices.length === 0 && payments.length === 0) return null;
  // Empty, the two are small enough to sit side by side; with rows, each takes the full width.
  return (
    <div className={invoices.length === 0 ? "grid gap-6 lg:grid-cols-2" : "flex flex-col gap-6"}>
      <InvoiceTable invoices={invoices} />
      <PaymentList payments={payments} />
    </div>
  );
}
