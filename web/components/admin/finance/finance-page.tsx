"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminFinanceDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { FINANCE_KEY } from "@/lib/admin/keys";
import { Loading } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { SelectField } from "@/components/app/ui/field";
import { SectionGate } from "@/components/admin/section-gate";
import { LoadError } from "@/components/admin/ui/load-error";
import { MrrChart } from "@/components/admin/finance/mrr-chart";
import { FinanceStats, RevenueByPlan } from "@/components/admin/finance/summary";
import { PaymentsPanel } from "@/components/admin/finance/payments-panel";
import { InvoicesPanel } from "@/components/admin/finance/invoices-panel";

const PERIODS = [30, 90, 365] as const;

export function FinancePage() {
  return (
    <SectionGate section="FINANCE">
      <Finance />
    </SectionGate>
  );
}

/** Revenue over a window, then every payment and invoice. */
function Finance() {
  const t = useT("admin");
  const [days, setDays] = useState<number>(30);
  const finance = useQuery({
    queryKey: [...FINANCE_KEY, days],
    queryFn: () => gql(AdminFinanceDocument, { days }).then((d) => d.adminFinance),
  });
  return (
    <>
      <PageHeader
        title={t("financeTitle")}
        lead={t("financeLead")}
        actions={
          <SelectField label={t("period")} value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="finance-days">
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t("lastDays", { days: d })}
              </option>
            ))}
          </SelectField>
        }
      />
      <div className="flex flex-col gap-6">
        {finance.isPending ? (
          <Loading label={t("loading")} rows={4} />
        ) : finance.error ? (
          <LoadError error={finance.error} onRetry={() => finance.refetch()} />
        ) : (
          <>
            <FinanceStats finance={finance.data} days={days} />
            <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
              <MrrChart series={finance.data.mrrSeries} />
              <RevenueByPlan rows={finance.data.revenueByPlan} days={days} />
            </div>
          </>
        )}
        <PaymentsPanel />
        <InvoicesPanel />
      </div>
    </>
  );
}
