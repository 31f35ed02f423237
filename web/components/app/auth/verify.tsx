"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { VerifyEmailDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { appPath } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { FormError } from "@/components/app/ui/field";
import { Loading } from "@/components/app/ui/panel";
import { AuthCard } from "@/components/app/auth/auth-card";

/** The page the verification email links to: confirms once, says how it went. */
export function VerifyEmail() {
  const t = useT("auth");
  const locale = useLocale();
  const token = useSearchParams().get("token") ?? "";
  const errorText = useErrorText();
  const verify = useMutation({ mutationFn: () => gql(VerifyEmailDocument, { token }) });
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    verify.mutate();
  }, [token, verify]);
  return (
    <AuthCard title={t("verifyTitle")}>
      {!token ? (
        <FormError>{t("verifyNoToken")}</FormError>
      ) : verify.isSuccess ? (
        <p role="status" className="flex items-center gap-2 text-sm">
          <CheckCircle2 aria-hidden className="size-5 text-success" />
          {t("verifyDone")}
        </p>
      ) : verify.error ? (
        <FormError>{errorText(verify.error)}</FormError>
      ) : (
        <Loading label={t("verifying")} rows={1} />
      )}
      <Link href={appPath(locale)} className={buttonVariants({ size: "lg" }) + " mt-6 w-full"}>
        {t("toDashboard")}
      </Link>
    </AuthCard>
  );
}
