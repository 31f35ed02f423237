"use client";

import { useCallback } from "react";
import { useHasT, useT } from "@/lib/i18n/client";
import { StatusDot } from "@/components/app/ui/panel";

type Standing = { suspendedAt: string | null; emailVerified: boolean };

/** Suspended before unverified: a suspension is what support needs to see first. */
export function standingOf(user: Standing) {
  return user.suspendedAt ? "SUSPENDED" : user.emailVerified ? "ACTIVE" : "UNVERIFIED";
}

/** A user's standing as a pill: the dot is decoration, the words say it. */
export function StandingBadge({ user }: { user: Standing }) {
  const t = useT("admin");
  const standing = standingOf(user);
  const tone = standing === "SUSPENDED" ? "bad" : standing === "UNVERIFIED" ? "warn" : "ok";
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs font-medium whitespace-nowrap"
      data-testid="user-standing"
      data-standing={standing}
    >
      <StatusDot tone={tone} />
      {t(`status_${standing}`)}
    </span>
  );
}

/** A platform role in words, from the API's enum (`SUPER_ADMIN`) or as stored (`super_admin`). */
export function useRoleName() {
  const t = useT("admin");
  const has = useHasT();
  return useCallback(
    (role: string) => {
      const key = `role_${role.toUpperCase()}`;
      return has(`admin.${key}`) ? t(key) : role;
    },
    [t, has],
  );
}

/** The pill beside an operator's email. */
export function RoleBadge({ role }: { role: string }) {
  const roleName = useRoleName();
  return (
    <span className="shrink-0 rounded-full bg-primary/10 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-primary" data-testid="role-badge">
      {roleName(role)}
    </span>
  );
}
