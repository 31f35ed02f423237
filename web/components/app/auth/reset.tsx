"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { ResetPasswordDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useHydrated } from "@/lib/app/hydrated";
import { authPath } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { AuthCard } from "@/components/app/auth/auth-card";

const MIN_PASSWORD = 10;

export function ResetForm() {
  const t = useT("auth");
  const locale = useLocale();
  const token = useSearchParams().get("token") ?? "";
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [revokeKeys, setRevokeKeys] = useState(false);
  const reset = useMutation({
    mutationFn: () => gql(ResetPasswordDocument, { token, newPassword: password, revokeApiKeys: revokeKeys }),
    onSuccess: () => router.push(`${authPath(locale, "signin")}?reset=1`),
  });
  if (!token) {
    return (
      <AuthCard title={t("resetTitle")}>
        <FormError>{t("resetNoToken")}</FormError>
        <Link href={authPath(locale, "forgot-password")} className={buttonVariants({ variant: "outline" }) + " mt-4 w-full"}>
          {t("resetAgain")}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("resetTitle")} lead={t("resetLead")}>
      <form
          method="post"
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const issue = password.length < MIN_PASSWORD ? t("passwordTooShort", { n: MIN_PASSWORD }) : password !== confirm ? t("passwordMismatch") : null;
          setProblem(issue);
          if (!issue) reset.mutate();
        }}
      >
        <Field
          label={t("newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("passwordHint", { n: MIN_PASSWORD })}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Field
          label={t("confirmPassword")}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={problem}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <label className="flex cursor-pointer items-start gap-3 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-[var(--primary)]"
            checked={revokeKeys}
            onChange={(e) => setRevokeKeys(e.target.checked)}
            data-testid="reset-revoke-keys"
          />
          <span>
            <span className="font-medium">{t("resetRevokeKeys")}</span>
            <span className="block text-muted-foreground">{t("resetRevokeKeysHint")}</span>
          </span>
        </label>
        <FormError>{reset.error ? errorText(reset.error) : null}</FormError>
        <button type="submit" className={buttonVariants({ size: "lg" })} disabled={!hydrated || reset.isPending}>
          {t("resetSubmit")}
        </button>
      </form>
    </AuthCard>
  );
}
