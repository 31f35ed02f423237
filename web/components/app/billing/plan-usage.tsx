"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { Meter } from "@/components/app/ui/meter";
import { Panel } from "@/components/app/ui/panel";
import type { MyPlan } from "@/components/app/billing/billing-page";

/** This period's use of each limit of the plan; a null limit is unlimited. */
export function PlanUsage({ myPlan }: { myPlan: MyPlan }) {
  const t = useT("billing");
  const f = useFormat();
  const { plan } = myPlan;
  return (
    <Panel title={t("usageTitle")} description={t("usageLead")} data-testid="plan-usage">
      <ul className="flex flex-col divide-y divide-border/70">
        <Row label={t("requests")}>
          <Used used={myPlan.requestsUsed} max={myPlan.requestsLimit} text={(used, max) => t("requestsOf", { used, max })} unlimited={(used) => t("requestsUnlimited", { used })} />
        </Row>
        <Row label={t("providers")}>
          <Used used={myPlan.providersUsed} max={plan.maxProviders} text={(used, max) => t("providersOf", { used, max })} unlimited={(used) => t("providersUnlimited", { used })} />
        </Row>
        <Row label={t("oauthAccounts")} hint={t("oauthAccountsHint")}>
          <Used
            used={myPlan.oauthAccountsUsed}
            max={plan.maxOauthAccounts}
            text={(used, max) => t("oauthAccountsOf", { used, max })}
            unlimited={(used) => t("oauthAccountsUnlimited", { used })}
          />
        </Row>
        <Row label={t("rpm")} hint={t("rateHint")}>
          <p className="text-sm font-medium tabular-nums">{myPlan.requestsPerMinute === null || myPlan.requestsPerMinute === undefined ? t("unlimited") : t("rpmValue", { n: f.int(myPlan.requestsPerMinute) })}</p>
        </Row>
        <Row label={t("tpm")}>
          <p className="text-sm font-medium tabular-nums">{myPlan.tokensPerMinute === null || myPlan.tokensPerMinute === undefined ? t("unlimited") : t("tpmValue", { n: f.int(myPlan.tokensPerMinute) })}</p>
        </Row>
      </ul>
    </Panel>
  );
}

function Row({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <li className="grid gap-2 py-3 first:pt-0 last:pb-0 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:gap-4">
      <div className="min-w-0">
        <p className="text-sm font-medium">{label}</p>
        {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      </div>
      <div className="min-w-0 sm:pt-0.5">{children}</div>
    </li>
  );
}

/** A meter against the cap, or the count and "unlimited" when there is none. */
function Used({
  used,
  max,
  text,
  unlimited,
}: {
  used: number;
  max: number | null | undefined;
  text: (used: string, max: string) => string;
  unlimited: (used: string) => string;
}) {
  const f = useFormat();
  if (max === null || max === undefined) return <p className="text-sm font-medium tabular-nums">{unlimited(f.int(used))}</p>;
  return <Meter value={used} max={max} label={text(f.int(used), f.int(max))} />;
}
