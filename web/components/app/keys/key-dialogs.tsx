"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { CreateApiKeyDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { Field, FormError } from "@/components/app/ui/field";
import { CodeBox } from "@/components/app/ui/copy";
import { useToast } from "@/components/app/ui/toast";

export function CreateKeyDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (s: { name: string; secret: string }) => void;
}) {
  const t = useT("keys");
  const c = useT("common");
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => gql(CreateApiKeyDocument, { name: name.trim() || t("defaultName") }),
    onSuccess: (d) => {
      onOpenChange(false);
      setName("");
      onCreated({ name: d.createApiKey.key.name, secret: d.createApiKey.secret });
      toast.ok(t("created_toast", { name: d.createApiKey.key.name }));
      void client.invalidateQueries({ queryKey: ["apiKeys"] });
      void client.invalidateQueries({ queryKey: ["overview"] });
    },
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("createTitle")} description={t("createLead")} closeLabel={c("close")}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field label={t("name")} name="name" placeholder={t("namePlaceholder")} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        <FormError>{create.error ? errorText(create.error) : null}</FormError>
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => onOpenChange(false)}>
            {c("cancel")}
          </button>
          <button type="submit" className={buttonVariants()} disabled={create.isPending}>
            {t("create")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The secret, once: copy it now, Satu keeps only a digest. */
export function SecretDialog({ secret, onClose }: { secret: { name: string; secret: string } | null; onClose: () => void }) {
  const t = useT("keys");
  const c = useT("common");
  return (
    <Dialog open={secret !== null} onOpenChange={(o) => (o ? null : onClose())} title={t("secretTitle", { name: secret?.name ?? "" })} closeLabel={c("close")}>
      <p className="mb-3 flex items-start gap-2 rounded-lg border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
        <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
        {t("secretWarning")}
      </p>
      <CodeBox code={secret?.secret ?? ""} testId="new-secret" />
      <p className="mt-3 text-sm text-muted-foreground">{t("secretNext")}</p>
      <div className="mt-4 flex justify-end">
        <button type="button" className={buttonVariants()} onClick={onClose}>
          {t("secretDone")}
        </button>
      </div>
    </Dialog>
  );
}
