"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Trash2 } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { DeleteAccountDocument } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { Field, FormError } from "@/components/app/ui/field";
import { Panel } from "@/components/app/ui/panel";

/** Deleting the account, behind a dialog that wants the email typed out (and the password). */
export function DangerZone({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const t = useT("settings");
  const [open, setOpen] = useState(false);
  return (
    <Panel title={t("dangerTitle")} description={t("dangerLead")} className="border-destructive/50">
      <div className="flex flex-wrap items-center gap-3">
        <p className="min-w-0 flex-[1_1_16rem] text-sm text-muted-foreground">{t("deleteBody")}</p>
        <button type="button" className={buttonVariants({ variant: "destructive" })} onClick={() => setOpen(true)} data-testid="delete-account">
          <Trash2 aria-hidden />
          {t("deleteAccount")}
        </button>
      </div>
      <DeleteDialog email={email} hasPassword={hasPassword} open={open} onOpenChange={setOpen} />
    </Panel>
  );
}

function DeleteDialog({
  email,
  hasPassword,
  open,
  onOpenChange,
}: {
  email: string;
  hasPassword: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT("settings");
  const c = useT("common");
  const locale = useLocale();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [typed, setTyped] = useState("");
  const [password, setPassword] = useState("");
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  const remove = useMutation({
    mutationFn: () => gql(DeleteAccountDocument, { confirmEmail: typed.trim(), password: password || null }),
    onSuccess: () => {
      // The session is gone with the account: forget every cached answer and leave the app
      // with a full page load (nothing of the signed-in app may stay in memory).
      client.clear();
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose (see above)
      location.assign(`/${locale}/`);
    },
  });
  const close = (o: boolean) => {
    if (remove.isPending || remove.isSuccess) return;
    onOpenChange(o);
    if (!o) {
      setTyped("");
      setPassword("");
      remove.reset();
    }
  };
  return (
    <Dialog open={open} onOpenChange={close} title={t("deleteTitle")} description={t("deleteLead")} closeLabel={c("close")}>
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !remove.isPending) remove.mutate();
        }}
      >
        <p className="flex items-start gap-2 rounded-lg border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
          {t("deleteWarning")}
        </p>
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          label={t("deleteTypeEmail", { email })}
          name="confirmEmail"
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          placeholder={email}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoFocus
        />
        {/* Accounts that only sign in with Google have no password to give. */}
        {hasPassword ? (
          <Field
            label={t("deletePassword")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            hint={t("deletePasswordHint")}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        ) : null}
        <FormError>{remove.error ? errorText(remove.error) : null}</FormError>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => close(false)} disabled={remove.isPending}>
            {c("cancel")}
          </button>
          <button
            type="submit"
            className={buttonVariants({ variant: "destructive" })}
            disabled={!matches || remove.isPending || remove.isSuccess}
            data-testid="delete-confirm"
          >
            {remove.isPending ? t("deleting") : t("deleteConfirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
