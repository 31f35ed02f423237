"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { useMoney } from "@/lib/app/money";
import { usePlanName } from "@/lib/admin/plans";
import { Panel } from "@/components/app/ui/panel";
import { CopyButton } from "@/components/app/ui/copy";
import { useRoleName } from "@/components/admin/ui/badges";
import { Stat } from "@/components/admin/ui/stat";
import type { UserDetail } from "@/components/admin/user/user-page";

/** One labelled value of the profile list. */
function Item({ label, children, wide, testId }: { label: string; children: React.ReactNode; wide?: boolean; testId?: string }) {
  return (
    <div className={wide ? "flex min-w-0 flex-col gap-0.5 sm:col-span-2" : "flex min-w-0 flex-col gap-0.5"}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Who the user is and how they stand: account, plan, sign-in and activity. */
export function Profile({ detail }: { detail: UserDetail }) {
  const t = useT("admin");
  const f = useFormat();
  const planName = usePlanName();
  const roleName = useRoleName();
  const { user } = detail;
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{f.dateTime(iso)}</time> : "—");
  return (
    <Panel title={t("profileTitle")}>
      <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="user-profile">
        <Item label={t("colEmail")} wide>
          {user.email}
        </Item>
        <Item label={t("name")}>{user.displayName || "—"}</Item>
        <Item label={t("colPlan")} testId="profile-plan">
          {planName(user.planId)}
        </Item>
        <Item label={t("platformRole")}>{user.platformRole ? roleName(user.platformRole) : t("noPlatformRole")}</Item>
        <Item label={t("verified")}>{user.emailVerified ? t("yes") : t("no")}</Item>
        <Item label={t("suspendedSince")} testId="profile-suspended">
          {when(user.suspendedAt)}
        </Item>
        <Item label={t("colCreated")}>{when(user.createdAt)}</Item>
        <Item label={t("colLastActive")}>{user.lastActiveAt ? when(user.lastActiveAt) : t("never")}</Item>
        <Item label={t("colMrr")}>{f.idr(user.mrrIdr)}</Item>
        <Item label={t("extraRequests")} testId="profile-extra">
          {user.extraRequests && user.extraRequestsUntil
            ? t("extraRequestsUntil", { n: f.int(user.extraRequests), when: f.dateTime(user.extraRequestsUntil) })
            : "—"}
        </Item>
        <Item label={t("language")}>{detail.locale ? t(`locale_${detail.locale}`) : "—"}</Item>
        <Item label={t("googleSignIn")}>{detail.signsInWithGoogle ? t("yes") : t("no")}</Item>
        <Item label={t("userId")} wide>
          <span className="flex min-w-0 items-center gap-1">
            <code className="truncate font-mono text-xs">{user.id}</code>
            <CopyButton text={user.id} label={t("copyId")} className="-my-1 shrink-0" />
          </span>
        </Item>
      </dl>
    </Panel>
  );
}

/** Requests, errors and estimated cost over the last 30 days. */
export function Usage({ usage }: { usage: UserDetail["usage30d"] }) {
  const t = useT("admin");
  const f = useFormat();
  const money = useMoney();
  const errorShare = usage.requests > 0 ? usage.errors / usage.requests : 0;
  return (
    <section aria-label={t("usageTitle")} className="grid gap-4 sm:grid-cols-3" data-testid="user-usage">
      <Stat label={t("usageRequests")} value={f.int(usage.requests)} />
      <Stat label={t("usageErrors")} value={f.int(usage.errors)} detail={t("usageErrorShare", { share: f.percent(errorShare) })} />
      <Stat label={t("usageCost")} value={money.usd(usage.costUsd)} detail={money.idr(usage.costUsd) ?? undefined} />
    </section>
  );
}
