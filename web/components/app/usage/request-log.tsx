"use client";

import { useMemo, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Activity, SearchX } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { UsageRequestLogsDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { buttonVariants } from "@/components/ui/button-variants";
import { SelectField } from "@/components/app/ui/field";
import { EmptyState, Loading, Panel, StatusDot } from "@/components/app/ui/panel";
import { ExportLinks } from "@/components/app/usage/export-links";
import { LogDetail } from "@/components/app/usage/log-detail";
import { LOGS_KEY } from "@/components/app/usage/live-refresh";
import { hasFilters, logFilter, zoneLabel, type Filters, type StatusFilter } from "@/components/app/usage/range";
import { useZoneFormat } from "@/components/app/usage/zone-format";
import type { Options } from "@/components/app/usage/filters";

const PAGE = 50;

/** The range's requests, newest first, 50 at a time; new ones appear live (see useLiveRefresh). */
export function RequestLog({
  filters,
  window: logWindow,
  offset,
  options,
}: {
  filters: Filters;
  window: { from: string; to: string | null };
  offset: number;
  options: Options | undefined;
}) {
  const t = useT("usage");
  const f = useFormat();
  const z = useZoneFormat(offset);
  const [status, setStatus] = useState<StatusFilter>("");
  const [detail, setDetail] = useState<{ id: string | null; open: boolean }>({ id: null, open: false });
  const filter = useMemo(() => logFilter(filters, status, logWindow), [filters, status, logWindow]);
  const logs = useInfiniteQuery({
    queryKey: [...LOGS_KEY, filter],
    queryFn: ({ pageParam }) => gql(UsageRequestLogsDocument, { filter, first: PAGE, after: pageParam }).then((d) => d.requestLogs),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  const keys = useMemo(() => new Map((options?.apiKeys ?? []).map((k) => [k.id, k.name])), [options]);
  const connections = useMemo(() => new Map((options?.connections ?? []).map((c) => [c.id, c.label])), [options]);
  const keyName = (id: string | null | undefined) => (id ? (keys.get(id) ?? t("unknownKey")) : "—");
  // In a team: whose key sent it.
  const members = useMemo(() => new Map((options?.currentTeam?.members ?? []).map((m) => [m.userId, m.displayName || m.email])), [options]);
  const connectionName = (id: string | null | undefined) => (id ? (connections.get(id) ?? t("unknownConnection")) : "—");
  const items = logs.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasFilters(filters) || status !== "";
  const ms = (n: number | null | undefined) => (n == null ? "—" : t("ms", { n: f.int(n) }));

  return (
    <Panel title={t("logTitle")} description={t("logLead", { zone: zoneLabel(offset) })} actions={<ExportLinks filter={filter} />} data-testid="request-log">
      <SelectField
        label={t("filterStatus")}
        value={status}
        onChange={(e) => setStatus(e.target.value as StatusFilter)}
        className="mb-4 w-full sm:w-56"
        data-testid="filter-status"
      >
        <option value="">{t("all")}</option>
        <option value="OK">{t("statusOk")}</option>
        <option value="ERROR">{t("statusError")}</option>
      </SelectField>
      {logs.isPending ? (
        <Loading label={t("logLoading")} rows={5} />
      ) : logs.isError && !logs.data ? (
        <p role="alert" className="text-sm text-destructive">
          {t("loadFailed")}{" "}
          <button type="button" className="underline" onClick={() => logs.refetch()}>
            {t("retry")}
          </button>
        </p>
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState icon={<SearchX aria-hidden />} title={t("logEmptyFiltered")} body={t("logEmptyFilteredBody")} />
        ) : (
          <EmptyState icon={<Activity aria-hidden />} title={t("logEmpty")} body={t("logEmptyBody")} />
        )
      ) : (
        <>
          <div className="relative -mx-5 overflow-x-auto" data-testid="request-log-table">
            <table className="w-full min-w-[60rem] text-left text-sm">
              <caption className="sr-only">{t("logTitle")}</caption>
              <thead className="text-xs text-muted-foreground">
                <tr className="border-b border-border">
                  <th scope="col" className="px-5 py-2 font-medium">{t("colTime")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("colModel")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("colProvider")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("colKey")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">{t("colTokens")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("colLatency")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("colTtft")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("colStatus")}</th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">{t("colCost")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => {
                  const ok = r.statusCode < 400 && !r.errorKind;
                  return (
                    <tr
                      key={r.id}
                      className="cursor-pointer border-b border-border/60 last:border-0 hover:bg-muted/50"
                      data-testid="request-row"
                      data-status={ok ? "ok" : "error"}
                      onClick={() => setDetail({ id: r.id, open: true })}
                    >
                      <td className="px-5 py-2.5 whitespace-nowrap">
                        <button
                          type="button"
                          className="rounded text-left tabular-nums underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
                          aria-label={t("openDetail", { model: r.model, time: z.short(r.createdAt) })}
                          onClick={(e) => {
                            e.stopPropagation();
                            setDetail({ id: r.id, open: true });
                          }}
                        >
                          <time dateTime={r.createdAt}>{z.short(r.createdAt)}</time>
                        </button>
                      </td>
                      <td className="max-w-56 truncate px-3 py-2.5 font-medium" title={r.model}>
                        {r.model}
                      </td>
                      <td className="px-3 py-2.5 text-muted-foreground">{r.provider ?? "—"}</td>
                      <td className="max-w-40 truncate px-3 py-2.5 text-muted-foreground">
                        {keyName(r.apiKeyId)}
                        {r.memberId ? (
                          <span className="block truncate text-xs" data-testid="request-member">
                            {members.get(r.memberId) ?? r.memberId}
                          </span>
                        ) : null}
                      </td>
                      <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">
                        {f.int(r.promptTokens)} / {f.int(r.completionTokens)}
                      </td>
                      <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{ms(r.latencyMs)}</td>
                      <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums text-muted-foreground">{ms(r.ttftMs)}</td>
                      <td className="px-3 py-2.5 whitespace-nowrap">
                        <span className="inline-flex items-center gap-2" title={r.errorKind ?? undefined}>
                          <StatusDot tone={ok ? "ok" : "bad"} />
                          <span className="tabular-nums">{r.statusCode}</span>
                          <span className="sr-only">{ok ? t("statusOk") : t("statusError")}</span>
                        </span>
                      </td>
                      <td className="px-5 py-2.5 text-right whitespace-nowrap tabular-nums">{f.usdNanos(r.costNanos)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
            <span aria-live="polite">{t("logShown", { n: f.int(items.length) })}</span>
            {logs.hasNextPage ? (
              <button
                type="button"
                className={buttonVariants({ variant: "outline", size: "sm" })}
                disabled={logs.isFetchingNextPage}
                onClick={() => logs.fetchNextPage()}
                data-testid="load-more"
              >
                {logs.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
              </button>
            ) : (
              <span>{t("logEnd")}</span>
            )}
          </div>
          {logs.isFetchNextPageError ? (
            <p role="alert" className="mt-2 text-sm text-destructive">
              {t("loadFailed")}{" "}
              <button type="button" className="underline" onClick={() => logs.fetchNextPage()}>
                {t("retry")}
              </button>
            </p>
          ) : null}
        </>
      )}
      <LogDetail
        id={detail.id}
        open={detail.open}
        onClose={() => setDetail((d) => ({ ...d, open: false }))}
        offset={offset}
        keyName={keyName}
        connectionName={connectionName}
      />
    </Panel>
  );
}
