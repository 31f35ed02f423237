"use client";

import { useEffect } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ArrowLeft, Monitor, ShieldCheck } from "lucide-react";
import { GqlError, isUnauthenticated } from "@/lib/gql/client";
import { useLocale, useT } from "@/lib/i18n/client";
import { adminPath, appPath, authPath } from "@/lib/app/paths";
import { useAdminMe, type Operator } from "@/lib/admin/session";
import { buttonVariants } from "@/components/ui/button-variants";
import { Skeleton } from "@/components/app/ui/panel";
import { BrandLink, FrameFallback, SideColumn, SkipLink, TopControls } from "@/components/app/ui/frame";
import { AdminNav } from "@/components/admin/nav";
import { NotFoundView } from "@/components/admin/not-found";
import { RoleBadge } from "@/components/admin/ui/badges";

/**
 * The operators' frame. It asks `adminMe` before anything else and shows only skeletons until
 * it answers: signed out → sign-in (and back here), not an operator → a plain "not found".
 */
export function AdminShell({ children }: { children: React.ReactNode }) {
  const t = useT("admin");
  const locale = useLocale();
  const pathname = usePathname() || adminPath(locale);
  const me = useAdminMe();
  const unauthenticated = isUnauthenticated(me.error);

  useEffect(() => {
    if (!unauthenticated) return;
    const next = encodeURIComponent(pathname + location.search);
    location.replace(`${authPath(locale, "signin")}?next=${next}`);
  }, [unauthenticated, locale, pathname]);

  if (me.error instanceof GqlError && me.error.code === "NOT_FOUND") return <NotFoundView />;

  const operator = unauthenticated ? undefined : me.data;
  return (
    <div className="min-h-dvh bg-background lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <SkipLink />
      <Sidebar operator={operator} />
      <div className="flex min-w-0 flex-col">
        <header className="flex min-h-14 flex-wrap items-center justify-end gap-2 border-b border-border px-4 py-2 lg:h-16 lg:flex-nowrap lg:px-6 lg:py-0">
          <Link href={appPath(locale)} className={`${buttonVariants({ variant: "ghost", size: "sm" })} mr-auto lg:hidden`}>
            <ArrowLeft aria-hidden />
            {t("backToDashboard")}
          </Link>
          <TopControls />
          {operator ? <OperatorBadge operator={operator} /> : <Skeleton className="h-9 w-48" />}
        </header>
        <DesktopNote />
        <main id="main" className="w-full min-w-0 flex-1 px-4 py-6 lg:px-8 lg:py-8">
          {operator ? (
            children
          ) : (
            <FrameFallback failed={!!me.error && !unauthenticated} loading={t("loading")} loadFailed={t("loadFailed")} onRetry={() => me.refetch()} />
          )}
        </main>
      </div>
    </div>
  );
}

/** The panel's name, the pages the role opens, and the way back to the dashboard. */
function Sidebar({ operator }: { operator: Operator | undefined }) {
  const t = useT("admin");
  const locale = useLocale();
  return (
    <SideColumn at="lg" brand={<BrandLink href={adminPath(locale)} badge={t("badge")} />}>
      {operator ? <AdminNav operator={operator} /> : <NavSkeleton />}
      <div className="mt-auto hidden px-3 pb-4 lg:block">
        <Link href={appPath(locale)} className={`${buttonVariants({ variant: "ghost", size: "sm" })} w-full justify-start`} data-testid="admin-back">
          <ArrowLeft aria-hidden />
          {t("backToDashboard")}
        </Link>
      </div>
    </SideColumn>
  );
}

function NavSkeleton() {
  return (
    <div aria-hidden className="flex gap-1 px-2 pb-2 lg:flex-col lg:px-3">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-9 w-28 lg:w-full" />
      ))}
    </div>
  );
}

/** Who is signed in to the panel and with which role: every action is recorded under it. */
function OperatorBadge({ operator }: { operator: Operator }) {
  return (
    <p className="flex max-w-80 min-w-0 items-center gap-2 rounded-lg border border-border px-3 py-1.5 text-sm" data-testid="admin-operator">
      <ShieldCheck aria-hidden className="size-4 shrink-0 text-primary" />
      <span className="truncate">{operator.email}</span>
      <RoleBadge role={operator.role} />
    </p>
  );
}

/** The panel is laid out for a desktop: below 1024 px it still works, and says so. */
function DesktopNote() {
  const t = useT("admin");
  return (
    <p className="flex items-center gap-2 border-b border-border bg-muted/60 px-4 py-2 text-sm text-muted-foreground lg:hidden" data-testid="admin-desktop-note">
      <Monitor aria-hidden className="size-4 shrink-0" />
      {t("desktopNote")}
    </p>
  );
}
