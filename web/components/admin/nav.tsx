"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BarChart3, FileWarning, Gauge, HeartPulse, ScrollText, Users, Wallet } from "lucide-react";
import { cx } from "@/lib/cx";
import { useLocale, useT } from "@/lib/i18n/client";
import { adminPath } from "@/lib/app/paths";
import type { AdminSection } from "@/lib/gql/generated/graphql";
import { opens, type Operator } from "@/lib/admin/session";

/**
 * The panel's pages and the section each belongs to; sections without a page are not listed.
 * A role's first page is where its sign-in lands: Users before Health, so support starts there.
 */
export const ADMIN_PAGES = [
  { page: "", section: "OVERVIEW", key: "overview", icon: Gauge },
  { page: "users", section: "USERS", key: "users", icon: Users },
  { page: "health", section: "HEALTH", key: "health", icon: HeartPulse },
  { page: "finance", section: "FINANCE", key: "finance", icon: Wallet },
  { page: "logs", section: "LOGS", key: "logs", icon: FileWarning },
  { page: "audit", section: "LOGS", key: "audit", icon: ScrollText },
  { page: "analytics", section: "ANALYTICS", key: "analytics", icon: BarChart3 },
] as const satisfies readonly { page: string; section: AdminSection; key: string; icon: unknown }[];

/** The pages the operator's role opens, in the panel's order. */
export function pagesFor(operator: Operator) {
  return ADMIN_PAGES.filter((p) => opens(operator, p.section));
}

export function AdminNav({ operator }: { operator: Operator }) {
  const t = useT("admin");
  const locale = useLocale();
  const pathname = usePathname() || adminPath(locale);
  return (
    <nav aria-label={t("nav")} className="overflow-x-auto px-2 pb-2 lg:px-3 lg:pb-0">
      <ul className="flex gap-1 lg:flex-col" data-testid="admin-nav">
        {pagesFor(operator).map(({ page, key, icon: Icon }) => {
          const href = adminPath(locale, page);
          const active = page === "" ? pathname === href : pathname.startsWith(href);
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                data-testid={`admin-nav-${key}`}
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
      </ul>
    </nav>
  );
}
