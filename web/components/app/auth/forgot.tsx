"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { RequestPasswordResetDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useHydrated } from "@/lib/app/hydrated";
import { authPath } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { AuthCard } from "@/components/app/auth/auth-card";

export function ForgotForm() {
  const t = useT("auth");
  const locale = useLocale();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => gql(RequestPasswordResetDocument, { email: email.trim() }) });
  return (
    <AuthCard title={t("forgotTitle")} lead={t("forgotLead")}>
      {request.isSuccess ? (
        <p role="status" className="rounded-lg border border-success/40 bg-success/10 px-3 py-3 text-sm">
          {t("forgotSent", { email: email.trim() })}
        </p>
      ) : (
        <form
          method="post"
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate();
          }}
        >
          <Field label={t("email")} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <FormError>{request.error ? errorText(request.error) : null}</FormError>
          <button type="submit" className={buttonVariants({ size: "lg" })} disabled={!hydrated || request.isPending}>
            {t("forgotSubmit")}
          </button>
        </form>
      )}
      <p className="mt-6 text-center text-sm">
        <Link href={authPath(locale, "signin")} className="text-primary underline-offset-4 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </AuthCard>
  );
}
