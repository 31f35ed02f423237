"use client";

import { useT } from "@/lib/i18n/client";
import type { AdminHealthWindowsFieldsFragment, AdminWindowStatsFieldsFragment } from "@/lib/gql/generated/graphql";
import { WINDOWS, useFigures } from "@/components/admin/health/figures";

/** The whole platform over 5 minutes, an hour and a day: one card each. */
export function PlatformCards({ windows }: { windows: AdminHealthWindowsFieldsFragment }) {
  const t = useT("admin");
  return (
    <section aria-label={t("healthPlatform")} className="grid gap-4 md:grid-cols-3" data-testid="health-platform">
      {WINDOWS.map((w) => (
        <WindowCard key={w} title={t(`window_${w}`)} stats={windows[w]} />
      ))}
    </section>
  );
}

function WindowCard({ title, stats }: { title: string; stats: AdminWindowStatsFieldsFragment }) {
  const t = useT("admin");
  const n = useFigures();
  const rows: [string, string][] = [
    [t("colErrors"), n.int(stats.errors)],
    [t("errorRate"), n.rate(stats.errorRate)],
    ["p50", n.ms(stats.p50Ms)],
    ["p95", n.ms(stats.p95Ms)],
    ["p99", n.ms(stats.p99Ms)],
  ];
  return (
    <div className="flex min-w-0 flex-col gap-3 rounded-xl border border-border bg-card p-5 shadow-sm">
      <h2 className="text-sm text-muted-foreground">{title}</h2>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-3xl font-semibold tracking-tight tabular-nums">{n.rate(stats.successRate)}</span>
        <span className="text-sm text-muted-foreground">{t("successRate")}</span>
      </p>
      <p className="text-sm">{t("requestsN", { n: n.int(stats.requests) })}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
