"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Activity, SearchX } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { UsageFilterOptionsDocument, UsagePageSeriesDocument, UsagePageSummaryDocument, type UsageGroup } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { appPath } from "@/lib/app/paths";
import { cx } from "@/lib/cx";
import { buttonVariants } from "@/components/ui/button-variants";
import { EmptyState, Panel, Skeleton } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { LiveBadge } from "@/components/app/overview/recent";
import { Breakdown } from "@/components/app/usage/breakdown";
import { FilterBar } from "@/components/app/usage/filters";
import { OPTIONS_KEY, SERIES_KEY, SUMMARY_KEY, useLiveRefresh } from "@/components/app/usage/live-refresh";
import { RangePicker } from "@/components/app/usage/range-picker";
import { RequestLog } from "@/components/app/usage/request-log";
import { Stats } from "@/components/app/usage/stats";
import { UsageCharts } from "@/components/app/usage/usage-charts";
import {
  NO_FILTERS,
  apiRange,
  bounds,
  bucketFor,
  defaultOffset,
  hasFilters,
  usageFilter,
  zoneLabel,
  type Filters,
  type RangeChoice,
} from "@/components/app/usage/range";

/** Usage: totals, charts and the request log of a range, in the user's time zone, live. */
export function UsagePage() {
  const t = useT("usage");
  const locale = useLocale();
  const [choice, setChoice] = useState<RangeChoice>({ kind: "24h" });
  // WIB for Indonesian; the browser's zone (whole hours) for English.
  const [offset, setOffset] = useState(() => defaultOffset(locale));
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [groupBy, setGroupBy] = useState<UsageGroup>("PROVIDER");

  const range = useMemo(() => apiRange(choice, offset), [choice, offset]);
  const logWindow = useMemo(() => bounds(choice, offset), [choice, offset]);
  const bucket = bucketFor(choice);
  const filter = useMemo(() => usageFilter(filters), [filters]);

  const options = useQuery({
    queryKey: [...OPTIONS_KEY, range],
    queryFn: () => gql(UsageFilterOptionsDocument, { range }),
    placeholderData: keepPreviousData,
  });
  const summary = useQuery({
    queryKey: [...SUMMARY_KEY, range, filter, groupBy],
    queryFn: () => gql(UsagePageSummaryDocument, { range, filter, groupBy }),
    placeholderData: keepPreviousData,
  });
  const series = useQuery({
    queryKey: [...SERIES_KEY, range, bucket, filter, groupBy, offset],
    queryFn: () => gql(UsagePageSeriesDocument, { range, bucket, filter, groupBy, utcOffsetMinutes: offset }),
    placeholderData: keepPreviousData,
  });
  useLiveRefresh();

  const retry = () => {
    void summary.refetch();
    void series.refetch();
  };
  const failed = (summary.isError && !summary.data) || (series.isError && !series.data);
  const empty = summary.data?.summary.totals.requests === 0;
  const updating = summary.isPlaceholderData || series.isPlaceholderData;

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <>
            <LiveBadge />
            <span className="rounded-full bg-muted px-3 py-1 text-xs text-muted-foreground" data-testid="usage-zone-label">
              {t("zoneShown", { zone: zoneLabel(offset) })}
            </span>
          </>
        }
      />
      <RangePicker choice={choice} offset={offset} onChoice={setChoice} onOffset={setOffset} />
      <Panel className="mb-6">
        <FilterBar filters={filters} onFilters={setFilters} groupBy={groupBy} onGroupBy={setGroupBy} options={options.data} />
      </Panel>

      <div aria-busy={updating || undefined} className={cx("transition-opacity", updating && "opacity-60")} data-testid="usage-summary">
        {failed ? (
          <Panel className="mb-6">
            <p role="alert" className="text-sm text-destructive">
              {t("loadFailed")}{" "}
              <button type="button" className="underline" onClick={retry} data-testid="usage-retry">
                {t("retry")}
              </button>
            </p>
          </Panel>
        ) : summary.isPending || series.isPending ? (
          <SummarySkeleton label={t("loading")} />
        ) : empty ? (
          <Panel className="mb-6">
            {hasFilters(filters) ? (
              <EmptyState
                icon={<SearchX aria-hidden />}
                title={t("emptyFilteredTitle")}
                body={t("emptyFilteredBody")}
                action={
                  <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => setFilters(NO_FILTERS)}>
                    {t("clearFilters")}
                  </button>
                }
              />
            ) : (
              <EmptyState
                icon={<Activity aria-hidden />}
                title={t("emptyTitle")}
                body={t("emptyBody")}
                action={
                  <Link href={appPath(locale, "keys")} className={buttonVariants()} data-testid="usage-empty-action">
                    {t("emptyAction")}
                  </Link>
                }
              />
            )}
          </Panel>
        ) : summary.data && series.data ? (
          <>
            <Stats totals={summary.data.summary.totals} />
            <UsageCharts series={series.data} summary={summary.data} groupBy={groupBy} offset={offset} />
            <Breakdown groups={summary.data.breakdown.groups} groupBy={groupBy} />
          </>
        ) : null}
      </div>

      <RequestLog filters={filters} window={logWindow} offset={offset} options={options.data} />
    </>
  );
}

function SummarySkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="mb-6 flex flex-col gap-6">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-28 w-full rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-80 w-full rounded-xl" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-64 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    </div>
  );
}
