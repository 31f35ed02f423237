"use client";

import { useState } from "react";
import { ArrowRightLeft, Ban, CalendarPlus, Eye, LogOut, MailCheck, PackagePlus, ShieldCheck } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { opens, useAdminMe } from "@/lib/admin/session";
import { buttonVariants } from "@/components/ui/button-variants";
import { ActionDialog } from "@/components/admin/user/action-dialog";
import type { UserAction } from "@/components/admin/user/perform";
import type { UserDetail } from "@/components/admin/user/user-page";

const ICONS = { suspend: Ban, unsuspend: ShieldCheck, plan: ArrowRightLeft, extend: CalendarPlus, grant: PackagePlus, signOut: LogOut, verify: MailCheck, impersonate: Eye };

/** What support may do to the user; each asks for a reason in a dialog first. */
export function UserActions({ detail }: { detail: UserDetail }) {
  const t = useT("admin");
  const [open, setOpen] = useState<UserAction | null>(null);
  const canView = opens(useAdminMe().data, "IMPERSONATION");
  const { user } = detail;
  const actions: UserAction[] = [
    ...(canView ? (["impersonate"] as const) : []),
    user.suspendedAt ? "unsuspend" : "suspend",
    "plan",
    "extend",
    "grant",
    "signOut",
    // Only an unverified address has a link to resend.
    ...(user.emailVerified ? [] : (["verify"] as const)),
  ];
  return (
    <>
      <div role="group" aria-label={t("actionsLabel")} className="flex flex-wrap gap-2" data-testid="user-actions">
        {actions.map((action) => {
          const Icon = ICONS[action];
          return (
            <button
              key={action}
              type="button"
              className={buttonVariants({ variant: action === "suspend" ? "destructive" : "outline", size: "sm" })}
              onClick={() => setOpen(action)}
              data-testid={`action-${action}`}
            >
              <Icon aria-hidden />
              {t(`action_${action}`)}
            </button>
          );
        })}
      </div>
      <ActionDialog action={open} detail={detail} onClose={() => setOpen(null)} />
    </>
  );
}
