"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { SignUpDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useHydrated } from "@/lib/app/hydrated";
import { appPath, authPath } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { AuthCard } from "@/components/app/auth/auth-card";
import { GoogleButton } from "@/components/app/auth/google-button";

const MIN_PASSWORD = 10;

export function SignUpForm() {
  const t = useT("auth");
  const locale = useLocale();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const signUp = useMutation({
    mutationFn: () => gql(SignUpDocument, { email: email.trim(), password, displayName: name.trim() || null, locale }),
    onSuccess: () => router.push(`${appPath(locale)}?welcome=1`),
  });
  return (
    <AuthCard title={t("signUpTitle")} lead={t("signUpLead")}>
      <GoogleButton />
      <form
          method="post"
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const short = password.length < MIN_PASSWORD;
          setTooShort(short);
          if (!short) signUp.mutate();
        }}
      >
        <Field label={t("name")} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        <Field
          label={t("email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          label={t("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("passwordHint", { n: MIN_PASSWORD })}
          error={tooShort ? t("passwordTooShort", { n: MIN_PASSWORD }) : null}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError>{signUp.error ? errorText(signUp.error) : null}</FormError>
        <button type="submit" className={buttonVariants({ size: "lg" })} disabled={!hydrated || signUp.isPending}>
          {signUp.isPending ? t("creating") : t("signUpSubmit")}
        </button>
        <p className="text-center text-xs text-muted-foreground">{t("terms")}</p>
      </form>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        {t("haveAccount")}{" "}
        <Link href={authPath(locale, "signin")} className="font-medium text-primary underline-offset-4 hover:underline">
          {t("signInLink")}
        </Link>
      </p>
    </AuthCard>
  );
}
