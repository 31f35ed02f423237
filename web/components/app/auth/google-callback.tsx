"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { CompleteGoogleDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { appPath, authPath } from "@/lib/app/paths";
import { FormError } from "@/components/app/ui/field";
import { Loading } from "@/components/app/ui/panel";
import { AuthCard } from "@/components/app/auth/auth-card";

/** Where Google sends the browser back: finishes the sign-in and opens the dashboard. */
export function GoogleCallback() {
  const t = useT("auth");
  const locale = useLocale();
  const params = useSearchParams();
  const errorText = useErrorText();
  const code = params.get("code") ?? "";
  const state = params.get("state") ?? "";
  const complete = useMutation({
    mutationFn: () => gql(CompleteGoogleDocument, { code, state }),
    onSuccess: () => location.replace(appPath(locale)),
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !code || !state) return;
    started.current = true;
    complete.mutate();
  }, [code, state, complete]);
  const failed = !code || !state || complete.error;
  return (
    <AuthCard title={t("googleTitle")}>
      {failed ? (
        <>
          <FormError>{complete.error ? errorText(complete.error) : t("googleMissing")}</FormError>
          <Link href={authPath(locale, "signin")} className="mt-4 inline-block text-sm text-primary underline-offset-4 hover:underline">
            {t("backToSignIn")}
          </Link>
        </>
      ) : (
        <Loading label={t("googleWorking")} rows={1} />
      )}
    </AuthCard>
  );
}
