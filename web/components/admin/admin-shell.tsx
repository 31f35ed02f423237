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
import { LogoMark } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import { LocaleSwitch } from "@/components/locale-switch";
import { Skeleton } from "@/components/app/ui/panel";
import { AdminNav } from "@/components/admin/nav";
import { NotFoundView } from "@/components/admin/not-found";
import { RoleBadge } from "@/components/admin/ui/badges";

/**
 * The operators' frame. It asks `adminMe` before anything else and shows only skeletons until
 * it answers: signed out → sign-in (and back here), not an operator → a plain "not found".
 */
export function AdminShell({ children }: { children: React.ReactNode }) {
  const t = useT("admin");
  const shell = useT("shell");
  const c = useT("common");
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
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring"
      >
        {shell("skip")}
      </a>
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
          ) : me.error && !unauthenticated ? (
            <p role="alert" className="text-sm text-destructive">
              {t("loadFailed")}{" "}
              <button type="button" className="underline" onClick={() => me.refetch()}>
                {c("retry")}
              </button>
            </p>
          ) : (
            <div role="status" aria-label={t("loading")} className="flex flex-col gap-4">
              <Skeleton className="h-8 w-56" />
              <Skeleton className="h-32 w-full" />
              <Skeleton className="h-64 w-full" />
            </div>
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
    // The column's colour and border run the page's whole height; its contents stay in view.
    <aside className="border-b border-border bg-card/40 lg:border-r lg:border-b-0">
      <div className="flex flex-col lg:sticky lg:top-0 lg:h-dvh">
        <div className="flex h-14 items-center gap-2 px-4 lg:h-16">
          <Link
            href={adminPath(locale)}
            className="flex items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60"
          >
            <LogoMark className="size-7" />
            <span>Satu</span>
            <span className="rounded-md bg-primary/10 px-1.5 py-0.5 text-xs font-medium text-primary">{t("badge")}</span>
          </Link>
        </div>
        {operator ? <AdminNav operator={operator} /> : <NavSkeleton />}
        <div className="mt-auto hidden px-3 pb-4 lg:block">
          <Link href={appPath(locale)} className={`${buttonVariants({ variant: "ghost", size: "sm" })} w-full justify-start`} data-testid="admin-back">
            <ArrowLeft aria-hidden />
            {t("backToDashboard")}
          </Link>
        </div>
      </div>
    </aside>
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

function TopControls() {
  const t = useT("shell");
  const locale = useLocale();
  const other = locale === "id" ? "en" : "id";
  return (
    <>
      <LocaleSwitch
        current={locale}
        target={other}
        short={other.toUpperCase()}
        label={t("switchLanguage")}
        className={buttonVariants({ variant: "ghost", size: "sm" })}
      />
      <ThemeToggle label={t("theme")} />
    </>
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
