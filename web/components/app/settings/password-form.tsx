"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { ChangePasswordDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { authPath } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, FormError } from "@/components/app/ui/field";
import { Panel } from "@/components/app/ui/panel";
import { useErrorText } from "@/lib/app/errors";
import { useToast } from "@/components/app/ui/toast";
import { MAX_PASSWORD, MIN_PASSWORD } from "@/components/app/settings/errors";

type Problems = { current?: string; next?: string; confirm?: string };

/** Current, new and repeated password; the API signs out every other session. */
export function PasswordForm({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const t = useT("settings");
  const c = useT("common");
  const locale = useLocale();
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const change = useMutation({
    mutationFn: () => gql(ChangePasswordDocument, { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      // The API signed every other session out.
      void client.invalidateQueries({ queryKey: ["sessions"] });
      setCurrent("");
      setNext("");
      setConfirm("");
      toast.ok(t("passwordChanged"));
    },
  });
  const check = (): Problems => ({
    current: current ? undefined : t("errors.currentPasswordMissing"),
    next:
      next.length < MIN_PASSWORD
        ? t("errors.passwordTooShort", { n: MIN_PASSWORD })
        : next.length > MAX_PASSWORD
          ? t("errors.passwordTooLong", { max: MAX_PASSWORD })
          : undefined,
    confirm: next && confirm !== next ? t("errors.passwordMismatch") : undefined,
  });
  if (!hasPassword) {
    // Google-only accounts set a first password through the emailed link.
    return (
      <Panel title={t("passwordTitle")}>
        <p className="text-sm text-muted-foreground">
          {t("noPassword")}{" "}
          <Link href={authPath(locale, "forgot-password")} className="font-medium text-foreground underline underline-offset-4">
            {t("noPasswordLink")}
          </Link>
        </p>
      </Panel>
    );
  }
  return (
    <Panel title={t("passwordTitle")} description={t("passwordLead")}>
      <form
        className="flex max-w-xl flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const found = check();
          setProblems(found);
          if (!found.current && !found.next && !found.confirm) change.mutate();
        }}
      >
        {/* Tells password managers which account the new password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          label={t("currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={problems.current}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <Field
          label={t("newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t("newPasswordHint", { n: MIN_PASSWORD })}
          error={problems.next}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <Field
          label={t("confirmPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={problems.confirm}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <FormError>{change.error ? errorText(change.error) : null}</FormError>
        <div>
          <button type="submit" className={buttonVariants()} disabled={change.isPending} data-testid="password-save">
            {change.isPending ? c("saving") : t("passwordSave")}
          </button>
        </div>
      </form>
    </Panel>
  );
}
