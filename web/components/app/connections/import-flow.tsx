"use client";

import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { FileJson, Upload, X } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { ImportCredentialsDocument, type ProviderName } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { cx } from "@/lib/cx";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { CREDENTIAL_FILES, MutationError, useInvalidateConnections } from "@/components/app/connections/shared";

/** Credential files are a few KiB; anything far bigger is the wrong file. */
const MAX_BYTES = 256 * 1024;

type Picked = { name: string; size: number; contents: string };

/**
 * Import the file a provider's official CLI wrote after signing in. The file is read in the
 * browser (File.text()) and sent once with importCredentials; its contents are never logged
 * and are forgotten when the dialog closes.
 */
export function ImportFlow({ provider, onDone }: { provider: ProviderName; onDone: () => void }) {
  const t = useT("connections");
  const toast = useToast();
  const invalidate = useInvalidateConnections();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [label, setLabel] = useState("");
  const path = CREDENTIAL_FILES[provider] ?? "";

  const send = useMutation({
    // The file holds refresh tokens: not kept in the mutation cache after the dialog closes.
    gcTime: 0,
    mutationFn: (contents: string) => gql(ImportCredentialsDocument, { provider, contents, label: label.trim() || null }),
    onSuccess: (d) => {
      setPicked(null);
      toast.ok(t("connected", { name: d.importCredentials.label }));
      invalidate();
      onDone();
    },
  });

  const read = async (file: File | undefined) => {
    send.reset();
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setPicked(null);
      setProblem(t("import.tooLarge", { name: file.name }));
      return;
    }
    try {
      const contents = await file.text();
      try {
        JSON.parse(contents);
      } catch {
        setPicked(null);
        setProblem(t("import.notJson", { name: file.name }));
        return;
      }
      setPicked({ name: file.name, size: file.size, contents });
    } catch {
      setPicked(null);
      setProblem(t("import.readFailed", { name: file.name }));
    }
  };

  return (
    <form
      className="flex min-w-0 flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked) send.mutate(picked.contents);
        else setProblem(t("import.noFile"));
      }}
    >
      <div className="rounded-lg border border-border bg-muted/40 px-3 py-2 text-sm">
        <p>{t(`import.where.${provider}`)}</p>
        <p className="mt-1 font-mono text-xs break-all" data-testid="import-path">
          {path}
        </p>
        <p className="mt-1 text-xs text-muted-foreground">{t("import.hidden")}</p>
      </div>

      <div
        className={cx(
          "flex min-w-0 flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors",
          dragging ? "border-primary bg-primary/5" : "border-border",
        )}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void read(e.dataTransfer.files[0]);
        }}
        data-testid="import-drop"
      >
        {picked ? (
          <div className="flex max-w-full min-w-0 items-center gap-2 text-sm">
            <FileJson aria-hidden className="size-5 shrink-0 text-primary" />
            <span className="min-w-0 font-medium break-all" data-testid="import-file-name">
              {picked.name}
            </span>
            <span className="shrink-0 text-muted-foreground">{t("import.size", { kb: Math.max(1, Math.round(picked.size / 1024)) })}</span>
            <button
              type="button"
              className={buttonVariants({ variant: "ghost", size: "icon" })}
              onClick={() => {
                setPicked(null);
                send.reset();
                if (input.current) input.current.value = "";
              }}
              aria-label={t("import.clear", { name: picked.name })}
            >
              <X aria-hidden />
            </button>
          </div>
        ) : (
          <>
            <Upload aria-hidden className="size-6 text-muted-foreground" />
            <p className="text-sm text-muted-foreground">{t("import.drop")}</p>
          </>
        )}
        <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} onClick={() => input.current?.click()}>
          {picked ? t("import.chooseOther") : t("import.choose")}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => void read(e.target.files?.[0])}
          data-testid="import-file"
        />
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      ) : null}

      <Field label={t("labelOptional")} hint={t("labelHint")} name="label" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
      <p className="text-xs text-muted-foreground">{t("import.privacy")}</p>
      <MutationError error={send.error} />
      <div className="flex justify-end">
        <button type="submit" className={buttonVariants()} disabled={send.isPending || !picked} data-testid="import-submit">
          {send.isPending ? t("connecting") : t("import.submit")}
        </button>
      </div>
    </form>
  );
}
