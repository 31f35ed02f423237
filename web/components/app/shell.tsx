"use client";

import { useEffect } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { Activity, CreditCard, Gauge, KeyRound, LogOut, Plug, Settings, ShieldCheck, UserRound, Users } from "lucide-react";
import { cx } from "@/lib/cx";
import { THEME_STORAGE_KEY } from "@/lib/theme";
import { useT, useLocale } from "@/lib/i18n/client";
import { isUnauthenticated } from "@/lib/gql/client";
import { adminPath, appPath, authPath } from "@/lib/app/paths";
import { useMe, useSignOut } from "@/lib/app/session";
import { useAdminMe } from "@/lib/admin/session";
import { useImpersonation } from "@/lib/app/impersonation";
import { buttonVariants } from "@/components/ui/button-variants";
import { Skeleton } from "@/components/app/ui/panel";
import { BrandLink, FrameFallback, SideColumn, SideNav, SideNavLink, SkipLink, TopControls } from "@/components/app/ui/frame";
import { VerifyBanner } from "@/components/app/verify-banner";
import { ImpersonationBanner } from "@/components/app/impersonation-banner";
import { WorkspaceSwitcher } from "@/components/app/workspace-switcher";
import { useToast } from "@/components/app/ui/toast";
import { useErrorText } from "@/lib/app/errors";

const NAV = [
  { page: "", key: "overview", icon: Gauge },
  { page: "connections", key: "connections", icon: Plug },
  { page: "keys", key: "keys", icon: KeyRound },
  { page: "usage", key: "usage", icon: Activity },
  { page: "team", key: "team", icon: Users },
  { page: "billing", key: "billing", icon: CreditCard },
  { page: "settings", key: "settings", icon: Settings },
] as const;

/** The signed-in frame: navigation, account menu, and a guard that sends strangers to sign in. */
export function AppShell({ children }: { children: React.ReactNode }) {
  const t = useT("shell");
  const locale = useLocale();
  const pathname = usePathname() || appPath(locale);
  const me = useMe();
  const unauthenticated = isUnauthenticated(me.error);
  const view = useImpersonation();

  useEffect(() => {
    // A view that stopped working takes the tab back to the panel (lib/gql/client.ts), not to sign-in.
    if (!unauthenticated || view) return;
    const next = encodeURIComponent(pathname + location.search);
    location.replace(`${authPath(locale, "signin")}?next=${next}`);
  }, [unauthenticated, locale, pathname, view]);

  // ThemeScript chose the theme when the document loaded; arriving from sign-up by client
  // navigation, the dashboard's dark default still applies while the user has not picked.
  useEffect(() => {
    try {
      if (localStorage.getItem(THEME_STORAGE_KEY)) return;
    } catch {
      return;
    }
    const root = document.documentElement;
    root.classList.add("dark");
    root.classList.remove("light");
    root.style.colorScheme = "dark";
  }, []);

  const signedIn = me.data && !unauthenticated;
  // Operators get a way into the admin panel; for everyone else `adminMe` is "not found".
  // Not in support's view of a user: the view's session cannot open the panel.
  const operator = useAdminMe({ enabled: !!signedIn && !view }).data;
  return (
    <>
      {view ? <ImpersonationBanner view={view} /> : null}
      <div className="min-h-dvh bg-background md:grid md:grid-cols-[15rem_minmax(0,1fr)]">
        <SkipLink />
        <SideColumn
          at="md"
          brand={<BrandLink href={appPath(locale)} />}
          brandExtra={
            <div className="ml-auto flex items-center gap-1 md:hidden">
              <TopControls />
            </div>
          }
        >
          {/* A view shows the user's own workspace only: the tab's choice of team is the operator's. */}
          {signedIn && !view ? (
            <div className="px-2 pb-2 md:px-3 md:pb-3">
              <WorkspaceSwitcher />
            </div>
          ) : null}
          <SideNav at="md" label={t("nav")}>
            {NAV.map(({ page, key, icon }) => (
              <SideNavLink key={key} href={appPath(locale, page)} exact={page === ""} icon={icon} label={t(`nav_${key}`)} />
            ))}
            {operator ? (
              <SideNavLink
                href={adminPath(locale)}
                active={false}
                icon={ShieldCheck}
                label={t("nav_admin")}
                className="md:mt-2 md:border-t md:border-border md:pt-2"
                testId="nav-admin"
              />
            ) : null}
          </SideNav>
        </SideColumn>
        <div className="flex min-w-0 flex-col">
          <header className="hidden h-16 items-center justify-end gap-2 border-b border-border px-6 md:flex">
            <TopControls />
            {signedIn ? <AccountMenu email={me.data.email} planId={me.data.planId} /> : <Skeleton className="h-9 w-40" />}
          </header>
          <main id="main" className="mx-auto w-full max-w-6xl min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">
            {signedIn ? (
              <>
                {!me.data.emailVerified ? <VerifyBanner /> : null}
                {children}
              </>
            ) : (
              <FrameFallback failed={!!me.error && !unauthenticated} loading={t("loading")} loadFailed={t("loadFailed")} onRetry={() => me.refetch()} />
            )}
          </main>
          {signedIn ? (
            <div className="border-t border-border px-4 py-3 md:hidden">
              <AccountMenu email={me.data.email} planId={me.data.planId} />
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}

function AccountMenu({ email, planId }: { email: string; planId: string }) {
  const t = useT("shell");
  const locale = useLocale();
  const signOut = useSignOut(authPath(locale, "signin"));
  const toast = useToast();
  const errorText = useErrorText();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className={cx(buttonVariants({ variant: "outline", size: "sm" }), "max-w-72 gap-2")}
        data-testid="account-menu"
      >
        <UserRound aria-hidden />
        <span className="truncate">{email}</span>
        <span className="rounded-full bg-primary/10 px-2 py-0.5 text-xs font-medium text-primary capitalize">{planId}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-48 rounded-lg border border-border bg-card p-1 text-sm shadow-lg">
          <DropdownMenu.Item asChild className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 outline-none data-[highlighted]:bg-muted">
            <Link href={appPath(locale, "settings")}>
              <Settings aria-hidden className="size-4" />
              {t("nav_settings")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item
            className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 outline-none data-[highlighted]:bg-muted"
            onSelect={() => signOut().catch((e: unknown) => toast.error(errorText(e)))}
            data-testid="sign-out"
          >
            <LogOut aria-hidden className="size-4" />
            {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
