"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { UsageGroup, UsagePageSeriesQuery, UsagePageSummaryQuery } from "@/lib/gql/generated/graphql";
import { Panel } from "@/components/app/ui/panel";
import { ChartBox, Donut, Legend, Lines, StackedBars } from "@/components/app/usage/chart-frame";
import type { Row, Series } from "@/components/app/usage/charts";
import { zoneLabel } from "@/components/app/usage/range";
import { usePercent, useUsdAxis, useZoneFormat } from "@/components/app/usage/zone-format";

export const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)"];
const OTHER = "var(--muted-foreground)";
const TOP = COLORS.length;
const DAY_MS = 86_400_000;

type Named = { group?: string | null; label?: string | null };

/** A group's readable name; no group: refused before reaching a provider or connection. */
export function useGroupName() {
  const t = useT("usage");
  return (g: Named) => g.label || g.group || t("unrouted");
}

/** Every chart of the range: requests by group over time, shares, tokens, cost, latency. */
export function UsageCharts({
  series,
  summary,
  groupBy,
  offset,
}: {
  series: UsagePageSeriesQuery;
  summary: UsagePageSummaryQuery;
  groupBy: UsageGroup;
  offset: number;
}) {
  const t = useT("usage");
  const f = useFormat();
  const z = useZoneFormat(offset);
  const pct = usePercent();
  const usdAxis = useUsdAxis();
  const name = useGroupName();
  const { grouped } = series;
  const bucket = grouped.bucket;
  const days = Math.round((Date.parse(grouped.to) - Date.parse(grouped.from)) / DAY_MS);
  const zone = zoneLabel(offset);
  const per = t(bucket === "HOUR" ? "perHour" : "perDay", { zone });
  const ms = (n: number) => t("ms", { n: f.int(n) });

  // Requests over time, stacked: the busiest groups in colour, the rest as "other".
  const top = grouped.series.slice(0, TOP);
  const rest = grouped.series.slice(TOP);
  const stacks: Series[] = top.map((s, i) => ({ key: `s${i}`, name: name(s), color: COLORS[i] }));
  if (rest.length) stacks.push({ key: "other", name: t("other", { n: rest.length }), color: OTHER });
  const labels = (at: string): Pick<Row, "label" | "full"> => ({
    label: z.bucket(at, bucket, days),
    full: bucket === "DAY" ? z.bucket(at, "DAY", 0) : z.short(at),
  });
  const axis = (grouped.series[0]?.points ?? series.overall.series[0]?.points ?? []).map((p) => p.at);
  const requestRows: Row[] = axis.map((at, i) => {
    const row: Row = { ...labels(at) };
    top.forEach((s, j) => (row[`s${j}`] = s.points[i]?.totals.requests ?? 0));
    if (rest.length) row.other = rest.reduce((sum, s) => sum + (s.points[i]?.totals.requests ?? 0), 0);
    return row;
  });
  const groupTotals = grouped.series.map((s) => s.points.reduce((sum, p) => sum + p.totals.requests, 0));

  // Tokens, cost and latency from the ungrouped series.
  const overall = series.overall.series[0]?.points ?? [];
  const tokenRows: Row[] = overall.map((p) => ({
    ...labels(p.at),
    input: p.totals.promptTokens,
    output: p.totals.completionTokens,
    cached: p.totals.cachedTokens,
  }));
  const costRows: Row[] = overall.map((p) => ({ ...labels(p.at), cost: p.totals.costNanos }));
  const latencyRows: Row[] = overall.map((p) => ({ ...labels(p.at), p50: p.totals.latencyMsP50 ?? null, p95: p.totals.latencyMsP95 ?? null }));
  const hasLatency = overall.some((p) => p.totals.latencyMsP50 != null);

  // Shares by provider (donut) and by model (bars).
  const providers = summary.byProvider.groups;
  const providerTotal = providers.reduce((sum, g) => sum + g.totals.requests, 0);
  const slices = providers.slice(0, TOP).map((g, i) => ({ name: name(g), value: g.totals.requests, color: COLORS[i] }));
  if (providers.length > TOP) {
    slices.push({ name: t("other", { n: providers.length - TOP }), value: providers.slice(TOP).reduce((sum, g) => sum + g.totals.requests, 0), color: OTHER });
  }
  const models = summary.byModel.groups;
  const modelMax = Math.max(1, ...models.map((g) => g.totals.requests));
  const shownModels = models.slice(0, 8);

  const tokenSeries: Series[] = [
    { key: "input", name: t("tokensIn"), color: "var(--chart-2)" },
    { key: "output", name: t("tokensOut"), color: "var(--chart-1)" },
    { key: "cached", name: t("tokensCached"), color: "var(--chart-3)" },
  ];
  const latencySeries: Series[] = [
    { key: "p50", name: "p50", color: "var(--chart-2)" },
    { key: "p95", name: "p95", color: "var(--chart-1)" },
  ];
  const totalCost = summary.summary.totals.costNanos;

  return (
    <div className="mb-6 flex flex-col gap-6">
      <Panel title={t("chartRequests")} description={t("chartRequestsLead", { per, group: t(`groupIn_${groupBy}`) })}>
        <ChartBox
          label={t("chartRequestsAlt", { n: f.int(summary.summary.totals.requests), per })}
          className="h-64 w-full sm:h-72"
          testId="usage-chart-requests"
        >
          <StackedBars data={requestRows} series={stacks} format={(n) => f.int(n)} axisFormat={(n) => f.compact(n)} />
        </ChartBox>
        <Legend
          items={[
            ...top.map((s, i) => ({ name: name(s), color: COLORS[i], value: f.int(groupTotals[i]) })),
            ...(rest.length
              ? [{ name: t("other", { n: rest.length }), color: OTHER, value: f.int(groupTotals.slice(TOP).reduce((a, b) => a + b, 0)) }]
              : []),
          ]}
        />
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t("chartProviders")} description={t("chartProvidersLead")}>
          <div className="flex flex-col items-center gap-4 sm:flex-row">
            <ChartBox label={t("chartProvidersAlt", { list: slices.map((s) => `${s.name} ${f.int(s.value)}`).join(", ") })} className="h-48 w-48 shrink-0" testId="usage-chart-providers">
              <Donut data={slices} format={(n) => f.int(n)} />
            </ChartBox>
            <ul className="flex w-full min-w-0 flex-col gap-2 text-sm">
              {slices.map((s) => (
                <li key={s.name} className="flex items-center gap-2">
                  <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: s.color }} />
                  <span className="min-w-0 flex-1 truncate">{s.name}</span>
                  <span className="tabular-nums">{f.int(s.value)}</span>
                  <span className="w-14 text-right tabular-nums text-muted-foreground">{pct(providerTotal ? s.value / providerTotal : 0)}</span>
                </li>
              ))}
            </ul>
          </div>
        </Panel>

        <Panel title={t("chartModels")} description={models.length > shownModels.length ? t("chartModelsMore", { n: shownModels.length, total: models.length }) : t("chartModelsLead")}>
          <ul className="flex flex-col gap-3" data-testid="usage-chart-models">
            {shownModels.map((g, i) => (
              <li key={g.group ?? `none-${i}`} className="min-w-0 text-sm">
                <div className="flex items-baseline justify-between gap-3">
                  <span className="min-w-0 truncate font-medium" title={name(g)}>
                    {name(g)}
                  </span>
                  <span className="shrink-0 tabular-nums text-muted-foreground">
                    {t("modelLine", { n: f.int(g.totals.requests), cost: f.usdNanos(g.totals.costNanos) })}
                  </span>
                </div>
                <div aria-hidden className="mt-1 h-2 overflow-hidden rounded-full bg-muted">
                  <div className="h-full rounded-full bg-chart-2" style={{ width: `${Math.max(1, (g.totals.requests / modelMax) * 100)}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </Panel>

        <Panel title={t("chartTokens")} description={per}>
          <ChartBox label={t("chartTokensAlt", { per })} className="h-56 w-full" testId="usage-chart-tokens">
            <Lines data={tokenRows} series={tokenSeries} format={(n) => f.int(n)} axisFormat={(n) => f.compact(n)} />
          </ChartBox>
          <Legend items={tokenSeries.map((s) => ({ name: s.name, color: s.color }))} />
        </Panel>

        <Panel
          title={t("chartCost")}
          description={per}
          actions={
            <span className="text-lg font-semibold tabular-nums" data-testid="usage-cost-total">
              {f.usdNanos(totalCost)}
            </span>
          }
        >
          <ChartBox label={t("chartCostAlt", { total: f.usdNanos(totalCost), per })} className="h-56 w-full" testId="usage-chart-cost">
            <StackedBars
              data={costRows}
              series={[{ key: "cost", name: t("cost"), color: "var(--primary)" }]}
              format={(n) => f.usdNanos(n)}
              axisFormat={usdAxis}
              axisWidth={64}
            />
          </ChartBox>
          <p className="mt-3 text-xs text-muted-foreground">{t("chartCostNote")}</p>
        </Panel>
      </div>

      <Panel title={t("chartLatency")} description={t("chartLatencyLead", { per })}>
        {hasLatency ? (
          <>
            <ChartBox label={t("chartLatencyAlt", { per })} className="h-56 w-full" testId="usage-chart-latency">
              <Lines data={latencyRows} series={latencySeries} format={ms} axisFormat={(n) => f.compact(n)} />
            </ChartBox>
            <Legend items={latencySeries.map((s) => ({ name: s.name, color: s.color }))} />
          </>
        ) : (
          <p className="text-sm text-muted-foreground">{t("noLatency")}</p>
        )}
      </Panel>
    </div>
  );
}
