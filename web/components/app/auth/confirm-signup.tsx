"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { GqlError, gql } from "@/lib/gql/client";
import { CompleteSignUpDocument, SignUpEmailDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useHydrated } from "@/lib/app/hydrated";
import { appPath, authPath } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { Loading } from "@/components/app/ui/panel";
import { AuthCard } from "@/components/app/auth/auth-card";

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

/**
 * The page the sign-up email links to: says whose sign-up the link is, asks for the password
 * chosen at sign-up, and creates the account (its email confirmed by this very link).
 */
export function ConfirmSignUp() {
  const t = useT("auth");
  const token = useSearchParams().get("token") ?? "";
  const pending = useQuery({
    queryKey: ["signUpEmail", token],
    queryFn: () => gql(SignUpEmailDocument, { token }).then((d) => d.signUpEmail ?? null),
    enabled: token !== "",
    staleTime: Infinity,
  });
  if (!token) return <Unusable message={t("verifyNoToken")} />;
  if (pending.isPending) {
    return (
      <AuthCard title={t("confirmTitle")}>
        <Loading label={t("confirmChecking")} rows={2} />
      </AuthCard>
    );
  }
  if (pending.isError) return <CheckFailed error={pending.error} retry={() => void pending.refetch()} />;
  if (pending.data === null) return <Unusable message={t("confirmInvalid")} />;
  return <ConfirmForm token={token} email={pending.data} />;
}

function ConfirmForm({ token, email }: { token: string; email: string }) {
  const t = useT("auth");
  const locale = useLocale();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [empty, setEmpty] = useState(false);
  const complete = useMutation({
    mutationFn: () => gql(CompleteSignUpDocument, { token, password }),
    onSuccess: () => router.push(`${appPath(locale)}?welcome=1`),
  });
  const code = complete.error instanceof GqlError ? complete.error.code : null;
  // Used or expired since the page opened (another tab, 48 hours): the same advice as on arrival.
  if (code === "INVALID_TOKEN") return <Unusable message={t("confirmInvalid")} />;
  return (
    <AuthCard title={t("confirmTitle")} lead={t("confirmLead")}>
      <form
        method="post"
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setEmpty(password === "");
          if (password !== "") complete.mutate();
        }}
      >
        {/* Read-only, and named "username" so a password manager files the password under it. */}
        <Field label={t("email")} name="username" type="email" autoComplete="username" readOnly value={email} data-testid="confirm-email" />
        <Field
          label={t("confirmPasswordLabel")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          hint={t("confirmPasswordHint")}
          error={empty ? t("confirmPasswordEmpty") : null}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError>
          {code === "CONFLICT" ? (
            <>
              {t("confirmConflict")}{" "}
              <Link href={authPath(locale, "signin")} className="font-medium underline underline-offset-4">
                {t("signInLink")}
              </Link>
            </>
          ) : complete.error ? (
            errorText(complete.error)
          ) : null}
        </FormError>
        <button type="submit" className={buttonVariants({ size: "lg" })} disabled={!hydrated || complete.isPending || complete.isSuccess}>
          {complete.isPending || complete.isSuccess ? t("creating") : t("confirmSubmit")}
        </button>
      </form>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        {t("confirmForgot")}{" "}
        <Link href={authPath(locale, "signup")} className={linkClass}>
          {t("confirmSignUpAgain")}
        </Link>
      </p>
    </AuthCard>
  );
}

/** A link that cannot create an account (incomplete, unknown, used, expired): what to do now. */
function Unusable({ message }: { message: string }) {
  const t = useT("auth");
  const locale = useLocale();
  return (
    <AuthCard title={t("confirmTitle")}>
      <FormError>{message}</FormError>
      <Link href={authPath(locale, "signup")} className={buttonVariants({ size: "lg" }) + " mt-4 w-full"}>
        {t("confirmSignUpAgain")}
      </Link>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        {t("confirmDoneAlready")}{" "}
        <Link href={authPath(locale, "signin")} className={linkClass}>
          {t("signInLink")}
        </Link>
      </p>
    </AuthCard>
  );
}

/** The link could not be checked (network, rate limit): say so and offer to try again. */
function CheckFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT("auth");
  const common = useT("common");
  const errorText = useErrorText();
  return (
    <AuthCard title={t("confirmTitle")}>
      <FormError>{errorText(error)}</FormError>
      <button type="button" className={buttonVariants({ variant: "outline" }) + " mt-4 w-full"} onClick={retry}>
        {common("retry")}
      </button>
    </AuthCard>
  );
}
