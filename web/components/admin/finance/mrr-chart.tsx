"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { AdminFinanceQuery } from "@/lib/gql/generated/graphql";
import { Panel } from "@/components/app/ui/panel";
import { ChartBox, Lines } from "@/components/app/usage/chart-frame";

type Point = AdminFinanceQuery["adminFinance"]["mrrSeries"][number];

/** A `NaiveDate` (YYYY-MM-DD) at noon UTC: formatted as that same day in any time zone near Jakarta's. */
const dayIso = (day: string) => `${day}T12:00:00Z`;

/** MRR at the end of each day of the window (Recharts, loaded on demand, animation off). */
export function MrrChart({ series }: { series: Point[] }) {
  const t = useT("admin");
  const f = useFormat();
  const data = series.map((p) => ({ label: f.date(dayIso(p.day)).replace(/,? \d{4}$/, ""), full: f.date(dayIso(p.day)), mrr: p.mrrIdr }));
  const last = series.at(-1);
  return (
    <Panel title={t("mrrTitle")} description={last ? t("mrrLead", { mrr: f.idr(last.mrrIdr) }) : undefined}>
      <ChartBox label={t("mrrChartLabel", { from: data[0]?.full ?? "—", to: data.at(-1)?.full ?? "—", mrr: last ? f.idr(last.mrrIdr) : "—" })} testId="mrr-chart">
        <Lines
          data={data}
          series={[{ key: "mrr", name: t("colMrr"), color: "var(--primary)" }]}
          format={f.idr}
          axisFormat={(n) => f.compact(n)}
          axisWidth={56}
        />
      </ChartBox>
    </Panel>
  );
}
