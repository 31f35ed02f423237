"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { UsageGroup, UsagePageSummaryQuery } from "@/lib/gql/generated/graphql";
import { Panel } from "@/components/app/ui/panel";
import { useGroupName } from "@/components/app/usage/usage-charts";

type Group = UsagePageSummaryQuery["breakdown"]["groups"][number];

/** The range's totals per key, provider, model or connection, busiest first. */
export function Breakdown({ groups, groupBy }: { groups: Group[]; groupBy: UsageGroup }) {
  const t = useT("usage");
  const f = useFormat();
  const name = useGroupName();
  const ms = (n: number | null | undefined) => (n == null ? "—" : t("ms", { n: f.int(n) }));
  const th = "px-3 py-2 text-right font-medium";
  const td = "px-3 py-2.5 text-right tabular-nums";
  return (
    <Panel title={t("breakdownTitle", { group: t(`groupIn_${groupBy}`) })} description={t("breakdownLead")} className="mb-6">
      <div className="relative -mx-5 overflow-x-auto" data-testid="usage-breakdown">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only">{t("breakdownTitle", { group: t(`groupIn_${groupBy}`) })}</caption>
          <thead className="text-xs text-muted-foreground">
            <tr className="border-b border-border">
              <th scope="col" className="px-5 py-2 font-medium">
                {t(`group_${groupBy}`)}
              </th>
              <th scope="col" className={th}>{t("colRequests")}</th>
              <th scope="col" className={th}>{t("colErrors")}</th>
              <th scope="col" className={th}>{t("colTokensIn")}</th>
              <th scope="col" className={th}>{t("colTokensOut")}</th>
              <th scope="col" className={th}>{t("colCost")}</th>
              <th scope="col" className={th}>p50</th>
              <th scope="col" className="px-5 py-2 text-right font-medium">p95</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g, i) => (
              <tr key={g.group ?? `none-${i}`} className="border-b border-border/60 last:border-0" data-testid="breakdown-row">
                <th scope="row" className="max-w-64 truncate px-5 py-2.5 font-medium" title={name(g)}>
                  {name(g)}
                </th>
                <td className={td}>{f.int(g.totals.requests)}</td>
                <td className={td}>{f.int(g.totals.errors)}</td>
                <td className={td}>{f.int(g.totals.promptTokens)}</td>
                <td className={td}>{f.int(g.totals.completionTokens)}</td>
                <td className={td}>{f.usdNanos(g.totals.costNanos)}</td>
                <td className={td}>{ms(g.totals.latencyMsP50)}</td>
                <td className="px-5 py-2.5 text-right tabular-nums">{ms(g.totals.latencyMsP95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
