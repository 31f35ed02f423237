"use client";

import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, MailWarning } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { ResendVerificationDocument, type MeQuery } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { buttonVariants } from "@/components/ui/button-variants";
import { Panel } from "@/components/app/ui/panel";
import { useToast } from "@/components/app/ui/toast";

/** The sign-in address, whether it is confirmed, and the link again when it is not. */
export function EmailPanel({ me }: { me: MeQuery["me"] }) {
  const t = useT("settings");
  const toast = useToast();
  const errorText = useErrorText();
  const resend = useMutation({
    mutationFn: () => gql(ResendVerificationDocument),
    onSuccess: () => toast.ok(t("verifySent", { email: me.email })),
    onError: (e) => toast.error(errorText(e)),
  });
  return (
    <Panel title={t("emailTitle")} description={t("emailLead")}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <div className="min-w-0 flex-[1_1_14rem]">
          <p className="text-sm text-muted-foreground">{t("emailLabel")}</p>
          <p className="font-medium wrap-anywhere" data-testid="settings-email">
            {me.email}
          </p>
        </div>
        {me.emailVerified ? (
          <p className="flex items-center gap-1.5 text-sm font-medium text-success" data-testid="email-status">
            <CheckCircle2 aria-hidden className="size-4" />
            {t("verified")}
          </p>
        ) : (
          <p className="flex items-center gap-1.5 text-sm font-medium text-warning" data-testid="email-status">
            <MailWarning aria-hidden className="size-4" />
            {t("unverified")}
          </p>
        )}
      </div>
      {me.emailVerified ? null : (
        <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-border/70 pt-4">
          <p className="min-w-0 flex-[1_1_16rem] text-sm text-muted-foreground">{t("unverifiedBody")}</p>
          <button
            type="button"
            className={buttonVariants({ variant: "outline" })}
            disabled={resend.isPending}
            onClick={() => resend.mutate()}
            data-testid="resend-verification"
          >
            {t("resend")}
          </button>
        </div>
      )}
    </Panel>
  );
}
