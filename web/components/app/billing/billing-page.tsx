"use client";

import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { BillingDocument, type BillingQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { CurrentPlan } from "@/components/app/billing/current-plan";
import { PlanUsage } from "@/components/app/billing/plan-usage";
import { PlanTable } from "@/components/app/billing/plan-table";
import { UpgradeNote } from "@/components/app/billing/upgrade-note";

export type BillingPlan = BillingQuery["plans"][number];
export type MyPlan = BillingQuery["myPlan"];
export const BILLING_KEY = ["billing"] as const;

export function BillingPage() {
  const t = useT("billing");
  const billing = useQuery({ queryKey: BILLING_KEY, queryFn: () => gql(BillingDocument) });
  const data = billing.data;
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
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
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <CurrentPlan myPlan={data.myPlan} plans={data.plans} />
            <PlanUsage myPlan={data.myPlan} />
          </div>
          <PlanTable plans={data.plans} currentId={data.myPlan.plan.id} />
        </div>
      )}
      <UpgradeNote className="mt-6" />
    </>
  );
}
