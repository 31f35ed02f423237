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
import { LogoMark } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import { LocaleSwitch } from "@/components/locale-switch";
import { Skeleton } from "@/components/app/ui/panel";
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
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring"
        >
          {t("skip")}
        </a>
        <aside className="border-b border-border bg-card/40 md:sticky md:top-0 md:h-dvh md:border-r md:border-b-0">
          <div className="flex h-14 items-center gap-2 px-4 md:h-16">
            <Link href={appPath(locale)} className="flex items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60">
              <LogoMark className="size-7" />
              <span>Satu</span>
            </Link>
            <div className="ml-auto flex items-center gap-1 md:hidden">
              <TopControls />
            </div>
          </div>
          {/* A view shows the user's own workspace only: the tab's choice of team is the operator's. */}
          {signedIn && !view ? (
            <div className="px-2 pb-2 md:px-3 md:pb-3">
              <WorkspaceSwitcher />
            </div>
          ) : null}
          <nav aria-label={t("nav")} className="overflow-x-auto px-2 pb-2 md:px-3 md:pb-0">
            <ul className="flex gap-1 md:flex-col">
              {NAV.map(({ page, key, icon: Icon }) => {
                const href = appPath(locale, page);
                const active = page === "" ? pathname === href : pathname.startsWith(href);
                return (
                  <li key={key}>
                    <Link
                      href={href}
                      aria-current={active ? "page" : undefined}
                      className={cx(
                        "flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm whitespace-nowrap outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/60",
                        active ? "bg-primary/10 font-medium text-foreground" : "text-muted-foreground hover:bg-muted hover:text-foreground",
                      )}
                    >
                      <Icon aria-hidden className={cx("size-4", active && "text-primary")} />
                      {t(`nav_${key}`)}
                    </Link>
                  </li>
                );
              })}
              {operator ? (
                <li className="md:mt-2 md:border-t md:border-border md:pt-2">
                  <Link
                    href={adminPath(locale)}
                    className="flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm whitespace-nowrap text-muted-foreground outline-none transition-colors hover:bg-muted hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60"
                    data-testid="nav-admin"
                  >
                    <ShieldCheck aria-hidden className="size-4" />
                    {t("nav_admin")}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        </aside>
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
          ) : me.error && !unauthenticated ? (
            <p role="alert" className="text-sm text-destructive">
              {t("loadFailed")}{" "}
              <button type="button" className="underline" onClick={() => me.refetch()}>
                {t("retry")}
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
