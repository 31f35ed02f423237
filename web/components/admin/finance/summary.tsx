"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { AdminFinanceQuery } from "@/lib/gql/generated/graphql";
import { usePlanName } from "@/lib/admin/plans";
import { Panel } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { Stat } from "@/components/admin/ui/stat";
import { DataTable, td, th } from "@/components/admin/ui/table";

type Finance = AdminFinanceQuery["adminFinance"];

/** Refunds over the window, and what a paying subscription brings now and over its life. */
export function FinanceStats({ finance, days }: { finance: Finance; days: number }) {
  const t = useT("admin");
  const f = useFormat();
  return (
    <section aria-label={t("financeFigures")} className="grid gap-4 md:grid-cols-3" data-testid="finance-stats">
      <Stat label={t("kpiRefunded")} value={f.idr(finance.refundedIdr)} detail={t("kpiRefundedDetail", { days })} testId="kpi-refunded" />
      <Stat label={t("kpiArpu")} value={f.idr(finance.arpuIdr)} detail={t("kpiArpuDetail")} testId="kpi-arpu" />
      <Stat
        label={t("kpiLtv")}
        value={finance.ltvEstimateIdr === null ? "—" : f.idr(finance.ltvEstimateIdr)}
        // Nobody churned: lifetime value would divide by zero, so there is no estimate to show.
        detail={finance.ltvEstimateIdr === null ? t("kpiLtvNone") : t("kpiLtvDetail")}
        testId="kpi-ltv"
      />
    </section>
  );
}

/** Paid invoices over the window by plan: how many and their Rupiah before PPN. */
export function RevenueByPlan({ rows, days }: { rows: Finance["revenueByPlan"]; days: number }) {
  const t = useT("admin");
  const f = useFormat();
  const planName = usePlanName();
  const total = rows.reduce((sum, r) => sum + r.netIdr, 0);
  return (
    <Panel title={t("revenueTitle")} description={t("revenueLead", { days })}>
      {rows.length === 0 ? (
        <EmptyNote>{t("revenueEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("revenueTitle")}
          minWidth="min-w-[24rem]"
          testId="revenue-by-plan"
          head={
            <>
              <th scope="col" className={th}>{t("colPlan")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colInvoices")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colNet")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colShare")}</th>
            </>
          }
        >
          {rows.map((row) => (
            <tr key={row.planId}>
              <th scope="row" className={`${td} font-medium`}>{planName(row.planId)}</th>
              <td className={`${td} text-right tabular-nums`}>{f.int(row.invoices)}</td>
              <td className={`${td} text-right tabular-nums`}>{f.idr(row.netIdr)}</td>
              <td className={`${td} text-right tabular-nums`}>{total > 0 ? f.percent(row.netIdr / total) : "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
