"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { LucideIcon } from "lucide-react";
import { cx } from "@/lib/cx";
import { useLocale, useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";
import { LogoMark } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import { LocaleSwitch } from "@/components/locale-switch";
import { Skeleton } from "@/components/app/ui/panel";

// The parts the dashboard's frame (components/app/shell.tsx) and the admin panel's
// (components/admin/admin-shell.tsx) share: the skip link, the sidebar column and its nav, the
// language and theme controls, and what stands in the main area until the session answers.
// The dashboard lays its sidebar out from `md`, the panel (made for a desktop) from `lg`.

export type FrameBreakpoint = "md" | "lg";

/**
 * The height of what sits above the frame and stays on screen (support's view banner sets it,
 * `components/app/impersonation-banner.tsx`): the sticky sidebar starts below it instead of
 * sliding under it.
 */
export const FRAME_TOP_VAR = "--frame-top";

// Whole class names per breakpoint (Tailwind only sees literal strings).
const COLUMN = {
  md: {
    aside: "border-b border-border bg-card/40 md:border-r md:border-b-0",
    inner: "flex flex-col md:sticky md:top-[var(--frame-top,0px)] md:h-[calc(100dvh_-_var(--frame-top,0px))]",
    head: "flex h-14 items-center gap-2 px-4 md:h-16",
    nav: "overflow-x-auto px-2 pb-2 md:px-3 md:pb-0",
    list: "flex gap-1 md:flex-col",
  },
  lg: {
    aside: "border-b border-border bg-card/40 lg:border-r lg:border-b-0",
    inner: "flex flex-col lg:sticky lg:top-[var(--frame-top,0px)] lg:h-[calc(100dvh_-_var(--frame-top,0px))]",
    head: "flex h-14 items-center gap-2 px-4 lg:h-16",
    nav: "overflow-x-auto px-2 pb-2 lg:px-3 lg:pb-0",
    list: "flex gap-1 lg:flex-col",
  },
} as const;

const navItem =
  "flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm whitespace-nowrap outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/60";

/** The first stop of a keyboard: straight to the page's content. */
export function SkipLink() {
  const t = useT("shell");
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring"
    >
      {t("skip")}
    </a>
  );
}

/**
 * The sidebar: its colour and border run the page's whole height; its contents (the brand at
 * the top, `children` below) stay in view while the page scrolls, below any banner above the frame.
 */
export function SideColumn({
  at,
  brand,
  brandExtra,
  children,
}: {
  at: FrameBreakpoint;
  brand: React.ReactNode;
  /** Beside the brand (the dashboard's controls on a phone). */
  brandExtra?: React.ReactNode;
  children: React.ReactNode;
}) {
  const c = COLUMN[at];
  return (
    <aside className={c.aside}>
      <div className={c.inner}>
        <div className={c.head}>
          {brand}
          {brandExtra}
        </div>
        {children}
      </div>
    </aside>
  );
}

/** The mark and the name, linking home; the panel adds its badge. */
export function BrandLink({ href, badge }: { href: string; badge?: string }) {
  return (
    <Link
      href={href}
      className="flex items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60"
      data-testid="frame-brand"
    >
      <LogoMark className="size-7" />
      <span>Satu</span>
      {badge ? <span className="rounded-md bg-primary/10 px-1.5 py-0.5 text-xs font-medium text-primary">{badge}</span> : null}
    </Link>
  );
}

/** The sidebar's list of pages: a row on a narrow screen, a column from `at` up. */
export function SideNav({ at, label, testId, children }: { at: FrameBreakpoint; label: string; testId?: string; children: React.ReactNode }) {
  return (
    <nav aria-label={label} className={COLUMN[at].nav}>
      <ul className={COLUMN[at].list} data-testid={testId}>
        {children}
      </ul>
    </nav>
  );
}

/**
 * One page in the sidebar. It is the current page when the address is its own (the section's
 * home, `exact`) or below it; `active={false}` for a link out of the frame.
 */
export function SideNavLink({
  href,
  label,
  icon: Icon,
  exact,
  active,
  className,
  testId,
}: {
  href: string;
  label: string;
  icon: LucideIcon;
  exact?: boolean;
  active?: boolean;
  className?: string;
  testId?: string;
}) {
  const pathname = usePathname() || "";
  const current = active ?? (exact ? pathname === href : pathname.startsWith(href));
  return (
    <li className={className}>
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        data-testid={testId}
        className={cx(navItem, current ? "bg-primary/10 font-medium text-foreground" : "text-muted-foreground hover:bg-muted hover:text-foreground")}
      >
        <Icon aria-hidden className={cx("size-4", current && "text-primary")} />
        {label}
      </Link>
    </li>
  );
}

/** The language switch and the theme toggle, in the header (and the dashboard's phone sidebar). */
export function TopControls() {
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

/**
 * The main area before the session answered: skeletons with an accessible name, or, when
 * asking failed for another reason than being signed out, why and a way to ask again.
 */
export function FrameFallback({
  failed,
  loading,
  loadFailed,
  onRetry,
}: {
  failed: boolean;
  loading: string;
  loadFailed: string;
  onRetry: () => void;
}) {
  const c = useT("common");
  if (failed) {
    return (
      <p role="alert" className="text-sm text-destructive">
        {loadFailed}{" "}
        <button type="button" className="underline" onClick={onRetry}>
          {c("retry")}
        </button>
      </p>
    );
  }
  return (
    <div role="status" aria-label={loading} className="flex flex-col gap-4">
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-32 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
