"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { AdminAnalyticsQuery } from "@/lib/gql/generated/graphql";
import { Panel } from "@/components/app/ui/panel";
import { BarList } from "@/components/admin/ui/bar-list";

type Funnel = AdminAnalyticsQuery["adminAnalytics"]["funnel"];
const STEPS = ["signedUp", "connected", "requested", "paid"] as const;

/** From sign-up to paying: each step's users, and the share of the step before that got there. */
export function FunnelPanel({ funnel, days }: { funnel: Funnel; days: number }) {
  const t = useT("admin");
  const f = useFormat();
  const bars = STEPS.map((step, i) => {
    const before = i > 0 ? funnel[STEPS[i - 1]] : null;
    return {
      key: step,
      label: t(`funnel_${step}`),
      value: funnel[step],
      shown: f.int(funnel[step]),
      // The first step has nothing before it; a step after an empty one has no rate.
      note: before === null ? undefined : before > 0 ? t("conversion", { rate: f.percent(funnel[step] / before) }) : "—",
    };
  });
  return (
    <Panel title={t("funnelTitle")} description={t("funnelLead", { days })}>
      <BarList bars={bars} label={t("funnelTitle")} testId="funnel" />
    </Panel>
  );
}
