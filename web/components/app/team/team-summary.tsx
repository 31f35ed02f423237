"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { useMoney } from "@/lib/app/money";
import { Meter } from "@/components/app/ui/meter";
import type { Team } from "@/components/app/team/queries";

/** The team's period at a glance: seats, shared quota, cost against the budget. */
export function TeamSummary({ team }: { team: Team }) {
  const t = useT("team");
  const f = useFormat();
  const money = useMoney();
  const quota = team.plan.monthlyRequests;
  return (
    <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="team-summary">
      <Card label={t("seats")} value={team.seatsMax ? t("seatsOf", { used: f.int(team.seatsUsed), max: f.int(team.seatsMax) }) : f.int(team.seatsUsed)}>
        {team.seatsMax ? <Meter value={team.seatsUsed} max={team.seatsMax} label={t("seatsMeter", { n: f.int(Math.max(team.seatsMax - team.seatsUsed, 0)) })} /> : null}
      </Card>
      <Card label={t("requests")} value={f.int(team.requestsThisPeriod)}>
        {quota ? (
          <Meter value={team.requestsThisPeriod} max={quota} label={t("quotaMeter", { max: f.int(quota) })} />
        ) : (
          <p className="text-xs text-muted-foreground">{t("noQuota")}</p>
        )}
      </Card>
      <Card label={t("cost")} value={money.usd(team.costUsdThisPeriod)} testId="team-cost">
        <p className="-mt-1 text-xs text-muted-foreground">{money.idr(team.costUsdThisPeriod)}</p>
        {team.budgetUsd != null ? (
          <Meter value={team.costUsdThisPeriod} max={team.budgetUsd} label={t("budgetMeter", { budget: money.both(team.budgetUsd) })} />
        ) : (
          <p className="text-xs text-muted-foreground">{t("noBudget")}</p>
        )}
      </Card>
      <Card label={t("period")} value={f.date(team.period.end)}>
        <p className="text-xs text-muted-foreground">{t("periodSince", { start: f.date(team.period.start) })}</p>
      </Card>
    </div>
  );
}

function Card({ label, value, testId, children }: { label: string; value: string; testId?: string; children?: React.ReactNode }) {
  return (
    <section className="flex min-w-0 flex-col gap-2 rounded-xl border border-border bg-card p-4 shadow-sm" data-testid={testId}>
      <h2 className="text-sm text-muted-foreground">{label}</h2>
      <p className="truncate text-2xl font-semibold tabular-nums">{value}</p>
      {children}
    </section>
  );
}
