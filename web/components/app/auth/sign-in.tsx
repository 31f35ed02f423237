"use client";

import { useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { LogInDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useHydrated } from "@/lib/app/hydrated";
import { authPath, safeNext } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { AuthCard } from "@/components/app/auth/auth-card";
import { GoogleButton } from "@/components/app/auth/google-button";

export function SignInForm() {
  const t = useT("auth");
  const locale = useLocale();
  const params = useSearchParams();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const logIn = useMutation({
    mutationFn: () => gql(LogInDocument, { email: email.trim(), password }),
    onSuccess: () => location.assign(safeNext(params.get("next"), locale)),
  });
  return (
    <AuthCard title={t("signInTitle")} lead={params.get("reset") ? t("resetDoneLead") : t("signInLead")}>
      <GoogleButton />
      <form
          method="post"
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          logIn.mutate();
        }}
      >
        <Field label={t("email")} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label={t("password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Link href={authPath(locale, "forgot-password")} className="-mt-2 self-end text-sm text-primary underline-offset-4 hover:underline">
          {t("forgotLink")}
        </Link>
        <FormError>{logIn.error ? errorText(logIn.error) : null}</FormError>
        <button type="submit" className={buttonVariants({ size: "lg" })} disabled={!hydrated || logIn.isPending}>
          {logIn.isPending ? t("signingIn") : t("signInSubmit")}
        </button>
      </form>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        {t("noAccount")}{" "}
        <Link href={authPath(locale, "signup")} className="font-medium text-primary underline-offset-4 hover:underline">
          {t("signUpLink")}
        </Link>
      </p>
    </AuthCard>
  );
}
