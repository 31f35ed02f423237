"use client";

import { useT } from "@/lib/i18n/client";
import type { AdminHealthQuery, AdminWindowStatsFieldsFragment } from "@/lib/gql/generated/graphql";
import { useProviderName } from "@/lib/admin/providers";
import { Panel } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { DataTable, td, th } from "@/components/admin/ui/table";
import { HealthBadge } from "@/components/admin/health/health-badge";
import { WINDOWS, useFigures } from "@/components/admin/health/figures";

type ProviderRow = AdminHealthQuery["adminHealth"]["providers"][number];

/** Each provider's state, its three windows side by side, and its connections in trouble. */
export function ProvidersTable({ providers }: { providers: ProviderRow[] }) {
  const t = useT("admin");
  const providerName = useProviderName();
  return (
    <Panel title={t("healthProviders")} description={t("healthProvidersLead")}>
      {providers.length === 0 ? (
        <EmptyNote>{t("healthProvidersEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("healthProviders")}
          minWidth="min-w-[60rem]"
          testId="health-providers"
          head={
            <>
              <th scope="col" className={th}>{t("colProvider")}</th>
              <th scope="col" className={th}>{t("colStatus")}</th>
              {WINDOWS.map((w) => (
                <th key={w} scope="col" className={th}>{t(`window_${w}`)}</th>
              ))}
              <th scope="col" className={th}>{t("colConnections")}</th>
            </>
          }
        >
          {providers.map((row) => (
            <tr key={row.provider} data-testid="health-provider" data-provider={row.provider}>
              <th scope="row" className={`${td} font-medium`}>{providerName(row.provider)}</th>
              <td className={td}>
                <HealthBadge status={row.status} />
              </td>
              {WINDOWS.map((w) => (
                <td key={w} className={td}>
                  <WindowFigures stats={row.windows[w]} />
                </td>
              ))}
              <td className={td}>
                <ConnectionProblems row={row} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}

/** Requests, then error rate and p95 under them: what tells a slow provider from a failing one. */
function WindowFigures({ stats }: { stats: AdminWindowStatsFieldsFragment }) {
  const t = useT("admin");
  const n = useFigures();
  return (
    <span className="block whitespace-nowrap tabular-nums">
      {t("requestsN", { n: n.int(stats.requests) })}
      <span className="block text-xs text-muted-foreground">
        {t("errorsShort", { rate: n.rate(stats.errorRate) })} · p95 {n.ms(stats.p95Ms)}
      </span>
    </span>
  );
}

/** The connections count, and only the problems there are (expired, failing, failed refreshes). */
function ConnectionProblems({ row }: { row: ProviderRow }) {
  const t = useT("admin");
  const n = useFigures();
  const problems = [
    ["connExpired", row.expiredConnections],
    ["connFailing", row.failingConnections],
    ["connRefreshFailures", row.refreshFailures24H],
  ] as const;
  const shown = problems.filter(([, count]) => count > 0);
  return (
    <span className="block whitespace-nowrap tabular-nums">
      {t("connectionsN", { n: n.int(row.connections) })}
      {shown.length === 0 ? (
        <span className="block text-xs text-muted-foreground">{t("connNoProblems")}</span>
      ) : (
        shown.map(([key, count]) => (
          <span key={key} className="block text-xs font-medium text-destructive">
            {t(key, { n: n.int(count) })}
          </span>
        ))
      )}
    </span>
  );
}
