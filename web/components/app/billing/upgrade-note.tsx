"use client";

import { Mail } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { useMe } from "@/lib/app/session";
import { CONTACT_EMAIL } from "@/lib/site";
import { buttonVariants } from "@/components/ui/button-variants";
import { Panel } from "@/components/app/ui/panel";

/**
 * How to change plan: online through Midtrans from the plan table when the server takes
 * payments, else (and for Enterprise) by email from the account's address.
 */
export function UpgradeNote({ billingEnabled, className }: { billingEnabled: boolean; className?: string }) {
  const t = useT("billing");
  const me = useMe();
  const subject = t("mailSubject");
  const body = me.data ? t("mailBody", { email: me.data.email }) : "";
  const href = `mailto:${CONTACT_EMAIL}?subject=${encodeURIComponent(subject)}${body ? `&body=${encodeURIComponent(body)}` : ""}`;
  return (
    <Panel id="upgrade" title={t("upgradeTitle")} className={className} data-testid="upgrade-note" data-billing={billingEnabled ? "on" : "off"}>
      <div className="flex flex-col gap-3 text-sm">
        {billingEnabled ? (
          <>
            <p>{t("paymentOn")}</p>
            <p className="text-muted-foreground">{t("enterpriseHow")}</p>
          </>
        ) : (
          <p>{t("paymentOffHow")}</p>
        )}
        <div>
          <a href={href} className={buttonVariants({ variant: "outline" })} data-testid="upgrade-contact">
            <Mail aria-hidden />
            {t("contact", { email: CONTACT_EMAIL })}
          </a>
        </div>
      </div>
    </Panel>
  );
}
