"use client";

import { useEffect } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { AdminUserDocument, type AdminUserDetailFieldsFragment } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { adminPath } from "@/lib/app/paths";
import { userKey } from "@/lib/admin/keys";
import { takeImpersonationFlash } from "@/lib/app/impersonation";
import { useToast } from "@/components/app/ui/toast";
import { Loading, Panel } from "@/components/app/ui/panel";
import { PageHeader } from "@/components/app/ui/page-header";
import { LoadError } from "@/components/admin/ui/load-error";
import { StandingBadge } from "@/components/admin/ui/badges";
import { AuditTable } from "@/components/admin/audit/audit-table";
import { UserActions } from "@/components/admin/user/actions";
import { Profile, Usage } from "@/components/admin/user/profile";
import { Connections } from "@/components/admin/user/connections";
import { Invoices } from "@/components/admin/user/invoices";
import { Periods } from "@/components/admin/user/periods";
import { Teams } from "@/components/admin/user/teams";

export type UserDetail = AdminUserDetailFieldsFragment;

/** One user whole, and what support may do about them. */
export function UserPage({ id }: { id: string }) {
  const t = useT("admin");
  const locale = useLocale();
  const detail = useQuery({ queryKey: userKey(id), queryFn: () => gql(AdminUserDocument, { id }).then((d) => d.adminUser) });
  useViewEndedNote();
  return (
    <>
      <Link
        href={adminPath(locale, "users")}
        className="mb-3 inline-flex items-center gap-1.5 text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t("backToUsers")}
      </Link>
      {detail.isPending ? (
        <Loading label={t("loading")} rows={6} />
      ) : detail.error ? (
        <>
          <PageHeader title={t("userTitle")} />
          <LoadError error={detail.error} onRetry={() => detail.refetch()} />
        </>
      ) : (
        <UserView detail={detail.data} />
      )}
    </>
  );
}

/** Back from a view of the user's dashboard: says it ended, or that its 30 minutes ran out. */
function useViewEndedNote() {
  const t = useT("admin");
  const toast = useToast();
  useEffect(() => {
    const flash = takeImpersonationFlash();
    if (flash?.why === "ended") toast.ok(t("viewEnded", { email: flash.email }));
    if (flash?.why === "expired") toast.error(t("viewExpired", { email: flash.email }));
  }, [t, toast]);
}

function UserView({ detail }: { detail: UserDetail }) {
  const t = useT("admin");
  const { user } = detail;
  return (
    <>
      <div className="mb-6 min-w-0">
        <div className="flex flex-wrap items-center gap-3">
          <h1 tabIndex={-1} className="min-w-0 text-2xl font-semibold tracking-tight break-words outline-none">
            {user.email}
          </h1>
          <StandingBadge user={user} />
        </div>
        {user.displayName ? <p className="mt-1 text-sm text-muted-foreground">{user.displayName}</p> : null}
      </div>
      <UserActions detail={detail} />
      <div className="mt-6 flex flex-col gap-6">
        <Usage usage={detail.usage30d} />
        <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Profile detail={detail} />
          <Teams teams={detail.teams} />
        </div>
        <Connections connections={detail.connections} />
        <div className="grid items-start gap-6 2xl:grid-cols-2">
          <Periods periods={detail.periods} />
          <Invoices invoices={detail.invoices} />
        </div>
        <Panel title={t("userAuditTitle")} description={t("userAuditLead")}>
          <AuditTable entries={detail.audit} showTarget={false} testId="user-audit" />
        </Panel>
      </div>
    </>
  );
}
