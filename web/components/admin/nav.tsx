"use client";

import { BarChart3, DatabaseZap, FileWarning, Gauge, HeartPulse, ScrollText, Users, Wallet } from "lucide-react";
import { useLocale, useT } from "@/lib/i18n/client";
import { adminPath } from "@/lib/app/paths";
import type { AdminSection } from "@/lib/gql/generated/graphql";
import { opens, type Operator } from "@/lib/admin/session";
import { SideNav, SideNavLink } from "@/components/app/ui/frame";

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
  { page: "queries", section: "SAVED_QUERIES", key: "queries", icon: DatabaseZap },
] as const satisfies readonly { page: string; section: AdminSection; key: string; icon: unknown }[];

/** The pages the operator's role opens, in the panel's order. */
export function pagesFor(operator: Operator) {
  return ADMIN_PAGES.filter((p) => opens(operator, p.section));
}

export function AdminNav({ operator }: { operator: Operator }) {
  const t = useT("admin");
  const locale = useLocale();
  return (
    <SideNav at="lg" label={t("nav")} testId="admin-nav">
      {pagesFor(operator).map(({ page, key, icon }) => (
        <SideNavLink key={key} href={adminPath(locale, page)} exact={page === ""} icon={icon} label={t(`nav_${key}`)} testId={`admin-nav-${key}`} />
      ))}
    </SideNav>
  );
}
