"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { usePercent } from "@/components/app/usage/zone-format";
import type { UsagePageSummaryQuery } from "@/lib/gql/generated/graphql";

type Totals = UsagePageSummaryQuery["summary"]["totals"];

/** The range's totals: requests, tokens, cost, latency. */
export function Stats({ totals }: { totals: Totals }) {
  const t = useT("usage");
  const f = useFormat();
  const pct = usePercent();
  const ms = (n: number | null | undefined) => (n == null ? "—" : t("ms", { n: f.int(n) }));
  return (
    <div className="mb-6 grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4" data-testid="usage-stats">
      <Stat label={t("statRequests")} value={f.int(totals.requests)} testId="stat-requests">
        {t("statErrors", { n: f.int(totals.errors), rate: pct(totals.requests > 0 ? totals.errors / totals.requests : 0) })}
      </Stat>
      <Stat label={t("statTokens")} value={f.compact(totals.promptTokens + totals.completionTokens)} testId="stat-tokens">
        {t("statTokensDetail", {
          input: f.compact(totals.promptTokens),
          output: f.compact(totals.completionTokens),
          cached: f.compact(totals.cachedTokens),
        })}
      </Stat>
      <Stat label={t("statCost")} value={f.usdNanos(totals.costNanos)} testId="stat-cost">
        {t("statCostDetail")}
      </Stat>
      <Stat label={t("statLatency")} value={ms(totals.latencyMsP50)} testId="stat-latency">
        {t("statLatencyDetail", { p95: ms(totals.latencyMsP95) })}
      </Stat>
    </div>
  );
}

function Stat({ label, value, children, testId }: { label: string; value: string; children?: React.ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5 rounded-xl border border-border bg-card p-4 shadow-sm sm:p-5">
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="truncate text-2xl font-semibold tracking-tight tabular-nums sm:text-3xl" data-testid={testId}>
        {value}
      </p>
      {children ? <p className="text-xs text-muted-foreground">{children}</p> : null}
    </div>
  );
}
