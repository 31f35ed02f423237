"use client";

import { useMutation } from "@tanstack/react-query";
import { MailWarning } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { ResendVerificationDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useToast } from "@/components/app/ui/toast";

/** Shown until the email is confirmed, with a way to get the link again. */
export function VerifyBanner() {
  const t = useT("shell");
  const toast = useToast();
  const errorText = useErrorText();
  const resend = useMutation({
    mutationFn: () => gql(ResendVerificationDocument),
    onSuccess: () => toast.ok(t("verifySent")),
    onError: (e) => toast.error(errorText(e)),
  });
  return (
    <div className="mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-warning/40 bg-warning/10 px-4 py-3 text-sm">
      <MailWarning aria-hidden className="size-4 text-warning" />
      <p className="min-w-0 flex-1">{t("verifyBanner")}</p>
      <button type="button" className="font-medium underline underline-offset-4" disabled={resend.isPending} onClick={() => resend.mutate()}>
        {t("verifyResend")}
      </button>
    </div>
  );
}
