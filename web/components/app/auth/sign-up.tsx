"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { MailCheck } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { SignUpDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useHydrated } from "@/lib/app/hydrated";
import { authPath } from "@/lib/app/paths";
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
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [tooShort, setTooShort] = useState(false);
  // The address the link went to (the field may be edited after going back to the form).
  const [sentTo, setSentTo] = useState<string | null>(null);
  // Set by "use a different email": the form's email field takes the focus when it is back.
  const focusEmail = useRef(false);
  // The API answers the same whether or not the address has an account, so this page does too.
  const signUp = useMutation({
    mutationFn: (to: string) => gql(SignUpDocument, { email: to, password, displayName: name.trim() || null, locale }),
    onSuccess: (_, to) => setSentTo(to),
  });
  if (sentTo) {
    return (
      <AuthCard title={t("signUpSentTitle")}>
        <div role="status" data-testid="signup-sent" className="flex gap-3 rounded-lg border border-success/40 bg-success/10 px-3 py-3 text-sm">
          <MailCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-success" />
          <div className="flex min-w-0 flex-col gap-2">
            <p className="break-words">{t("signUpSent", { email: sentTo })}</p>
            <p>{t("signUpSentSpam")}</p>
          </div>
        </div>
        <button
          type="button"
          className={buttonVariants({ variant: "outline" }) + " mt-4 w-full"}
          onClick={() => {
            signUp.reset();
            focusEmail.current = true;
            setSentTo(null);
          }}
        >
          {t("signUpOtherEmail")}
        </button>
        <p className="mt-6 text-center text-sm text-muted-foreground">
          {t("haveAccount")}{" "}
          <Link href={authPath(locale, "signin")} className="font-medium text-primary underline-offset-4 hover:underline">
            {t("signInLink")}
          </Link>
        </p>
      </AuthCard>
    );
  }
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
          if (!short) signUp.mutate(email.trim());
        }}
      >
        <Field label={t("name")} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        <Field
          label={t("email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          ref={(el) => {
            if (el && focusEmail.current) {
              focusEmail.current = false;
              el.focus();
              el.select();
            }
          }}
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
          {signUp.isPending ? t("signUpSending") : t("signUpSubmit")}
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
