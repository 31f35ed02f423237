"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AddApiKeyConnectionDocument, type ProviderName } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { MutationError, splitModels, useInvalidateConnections } from "@/components/app/connections/shared";

/** An API key (checked with the provider by the server before it is stored). */
export function ApiKeyForm({ provider, onDone }: { provider: ProviderName; onDone: () => void }) {
  const t = useT("connections");
  const toast = useToast();
  const invalidate = useInvalidateConnections();
  const [apiKey, setApiKey] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [label, setLabel] = useState("");
  const [models, setModels] = useState("");
  const compatible = provider === "OPENAI_COMPATIBLE";

  const add = useMutation({
    // The provider key is not kept in the mutation cache after the form closes.
    gcTime: 0,
    mutationFn: () =>
      gql(AddApiKeyConnectionDocument, {
        provider,
        apiKey: apiKey.trim(),
        baseUrl: compatible ? baseUrl.trim() || null : null,
        label: label.trim() || null,
        models: splitModels(models),
      }),
    onSuccess: (d) => {
      setApiKey("");
      toast.ok(t("connected", { name: d.addApiKeyConnection.label }));
      invalidate();
      onDone();
    },
  });

  return (
    <form
      className="flex min-w-0 flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Field
        label={t("apiKey.key")}
        hint={t(`apiKey.keyHint.${provider}`)}
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
        data-testid="api-key-input"
      />
      {compatible ? (
        <Field
          label={t("apiKey.baseUrl")}
          hint={t("apiKey.baseUrlHint")}
          name="baseUrl"
          type="url"
          inputMode="url"
          placeholder="https://api.example.com/v1"
          required
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          data-testid="api-key-base-url"
        />
      ) : null}
      <Field label={t("labelOptional")} hint={t("labelHint")} name="label" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
      <Field
        label={t("modelsLabel")}
        hint={compatible ? t("apiKey.modelsHintCompatible") : t("modelsHint")}
        name="models"
        placeholder={t("modelsPlaceholder")}
        value={models}
        onChange={(e) => setModels(e.target.value)}
      />
      <MutationError error={add.error} />
      <div className="flex justify-end">
        <button type="submit" className={buttonVariants()} disabled={add.isPending} data-testid="api-key-submit">
          {add.isPending ? t("apiKey.checking") : t("apiKey.submit")}
        </button>
      </div>
    </form>
  );
}
