"use client";

import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AccountValueDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";

/**
 * What the requests served by the user's subscriptions (OAuth connections) would have cost at
 * the catalog's API prices this period: the honest "value of your subscriptions".
 */
export function SubscriptionValue({ from, connections }: { from: string; connections: { id: string; kind: string }[] }) {
  const t = useT("overview");
  const f = useFormat();
  const value = useQuery({
    queryKey: ["accountValue", from],
    // Up to the end of the current hour (ranges are whole hours), taken at each fetch.
    queryFn: () =>
      gql(AccountValueDocument, { range: { from, to: new Date(Date.now() + 3_600_000).toISOString() } }).then((d) => d.usageSummary.groups),
  });
  const oauth = new Set(connections.filter((c) => c.kind === "OAUTH").map((c) => c.id));
  const served = value.data?.filter((g) => g.group && oauth.has(g.group)) ?? [];
  const nanos = served.reduce((sum, g) => sum + g.totals.costNanos, 0);
  const requests = served.reduce((sum, g) => sum + g.totals.requests, 0);
  return (
    <div className="flex min-w-0 flex-col gap-2 rounded-xl border border-border bg-card p-5 shadow-sm">
      <p className="text-sm text-muted-foreground">{t("valueTitle")}</p>
      <p className="text-3xl font-semibold tracking-tight tabular-nums">{value.isPending ? "…" : value.error ? "—" : f.usdNanos(nanos)}</p>
      <p className="text-xs text-muted-foreground">{value.error ? t("loadFailed") : oauth.size === 0 ? t("valueNone") : t("valueLead", { n: f.int(requests) })}</p>
    </div>
  );
}
