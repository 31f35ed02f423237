"use client";

import { useT } from "@/lib/i18n/client";
import type { ProviderHealth } from "@/lib/gql/generated/graphql";
import { StatusDot } from "@/components/app/ui/panel";

const TONE = { HEALTHY: "ok", DEGRADED: "warn", DOWN: "bad", IDLE: "off" } as const;

/** A provider's state as a pill: the dot's colour helps, the word says it. */
export function HealthBadge({ status }: { status: ProviderHealth }) {
  const t = useT("admin");
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs font-medium whitespace-nowrap"
      data-testid="health-status"
      data-status={status}
    >
      <StatusDot tone={TONE[status]} />
      {t(`health_${status}`)}
    </span>
  );
}
