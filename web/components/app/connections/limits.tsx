"use client";

import Link from "next/link";
import type { ConnectionsQuery } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { appPath } from "@/lib/app/paths";
import { Meter } from "@/components/app/ui/meter";

type Limits = ConnectionsQuery["connectionLimits"];

/** "2/5 accounts used (Starter)": the plan's caps on subscriptions and providers. */
export function ConnectionLimits({ limits, plan }: { limits: Limits; plan: string }) {
  const t = useT("connections");
  const locale = useLocale();
  const full =
    (limits.oauthAccountsMax !== null && limits.oauthAccountsUsed >= limits.oauthAccountsMax) ||
    (limits.providersMax !== null && limits.providersUsed >= limits.providersMax);
  return (
    <section aria-label={t("limitsTitle")} className="mb-6 rounded-xl border border-border bg-card p-5 text-card-foreground shadow-sm" data-testid="connection-limits">
      <div className="grid gap-4 sm:grid-cols-2">
        <Cap used={limits.oauthAccountsUsed} max={limits.oauthAccountsMax} of="accounts" plan={plan} />
        <Cap used={limits.providersUsed} max={limits.providersMax} of="providers" plan={plan} />
      </div>
      {full ? (
        <p className="mt-3 text-sm text-muted-foreground">
          {t("limitsFull")}{" "}
          <Link href={appPath(locale, "billing")} className="font-medium text-primary underline-offset-4 hover:underline">
            {t("seePlans")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function Cap({ used, max, of, plan }: { used: number; max: number | null; of: "accounts" | "providers"; plan: string }) {
  const t = useT("connections");
  if (max === null) {
    return <p className="self-end text-sm text-muted-foreground">{t(`${of}Unlimited`, { used, plan })}</p>;
  }
  return <Meter value={used} max={max} label={t(`${of}Used`, { used, max, plan })} />;
}
