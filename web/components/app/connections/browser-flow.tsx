"use client";

import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { CompleteOAuthDocument, StartOAuthDocument, type ProviderName } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { cx } from "@/lib/cx";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, inputClass } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { MutationError, useInvalidateConnections } from "@/components/app/connections/shared";

/** Where the provider sends the browser after approval (`redirect_uri` in the sign-in address). */
function landingAddress(authorizeUrl: string): string | null {
  try {
    const redirect = new URL(authorizeUrl).searchParams.get("redirect_uri");
    if (!redirect) return null;
    const url = new URL(redirect);
    return `${url.origin}${url.pathname}`;
  } catch {
    return null;
  }
}

/**
 * Browser sign-in with paste-back: the provider's page opens in a new tab, ends on an address
 * Satu cannot receive (a localhost callback) or shows a `code#state`, and the user pastes it here.
 */
export function BrowserFlow({ provider, onDone }: { provider: ProviderName; onDone: () => void }) {
  const t = useT("connections");
  const toast = useToast();
  const invalidate = useInvalidateConnections();
  const pasteId = useId();
  const [label, setLabel] = useState("");
  const [pasted, setPasted] = useState("");
  const [opened, setOpened] = useState(false);

  const start = useMutation({
    mutationFn: () => gql(StartOAuthDocument, { provider, device: false, label: label.trim() || null }),
  });
  const flow = start.data?.startOAuthConnection;
  const complete = useMutation({
    gcTime: 0,
    mutationFn: (flowId: string) => gql(CompleteOAuthDocument, { flowId, pasted: pasted.trim() }),
    onSuccess: (d) => {
      toast.ok(t("connected", { name: d.completeOAuthConnection.label }));
      invalidate();
      onDone();
    },
  });
  const restart = () => {
    start.reset();
    complete.reset();
    setPasted("");
    setOpened(false);
  };

  if (!flow || !flow.authorizeUrl) {
    return (
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <Field label={t("labelOptional")} hint={t("labelHint")} name="label" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
        <MutationError error={start.error} />
        <div className="flex justify-end">
          <button type="submit" className={buttonVariants()} disabled={start.isPending} data-testid="browser-start">
            {start.isPending ? t("starting") : t("browser.start")}
          </button>
        </div>
      </form>
    );
  }

  const landing = landingAddress(flow.authorizeUrl);
  const name = t(`provider.${provider}`);
  return (
    <form
      className="flex min-w-0 flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        complete.mutate(flow.flowId);
      }}
    >
      <ol className="flex min-w-0 list-decimal flex-col gap-3 pl-5 text-sm marker:font-semibold marker:text-muted-foreground">
        <li className="pl-1">
          <p>{t("browser.step1", { provider: name })}</p>
          <a
            href={flow.authorizeUrl}
            target="_blank"
            rel="noopener noreferrer"
            className={cx(buttonVariants({ variant: opened ? "outline" : "default" }), "mt-2")}
            onClick={() => setOpened(true)}
            data-testid="authorize-link"
          >
            <ExternalLink aria-hidden />
            {t("browser.open")}
            <span className="sr-only"> {t("newTab")}</span>
          </a>
        </li>
        <li className="pl-1">{t("browser.step2")}</li>
        <li className="pl-1">
          {provider === "ANTHROPIC" ? (
            <>
              <p>{t("browser.copyCode")}</p>
              {landing ? <p className="mt-1 text-muted-foreground break-words">{t("browser.copyCodeOr", { address: landing })}</p> : null}
            </>
          ) : landing ? (
            <p className="break-words">{t("browser.copyAddress", { address: landing })}</p>
          ) : (
            <p>{t("browser.copyAddressGeneric")}</p>
          )}
        </li>
      </ol>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={pasteId} className="text-sm font-medium">
          {provider === "ANTHROPIC" ? t("browser.pasteLabelCode") : t("browser.pasteLabel")}
        </label>
        <textarea
          id={pasteId}
          name="pasted"
          rows={3}
          required
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          placeholder={provider === "ANTHROPIC" ? t("browser.placeholderCode") : t("browser.placeholderAddress", { address: landing ?? "http://localhost/…" })}
          className={cx(inputClass, "h-auto py-2 font-mono text-xs break-all")}
          data-testid="paste-back"
        />
        <p className="text-xs text-muted-foreground">{t("browser.pasteHint")}</p>
      </div>
      <MutationError error={complete.error} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonVariants({ variant: "outline" })} onClick={restart}>
          {t("startOver")}
        </button>
        <button type="submit" className={buttonVariants()} disabled={complete.isPending || !pasted.trim()} data-testid="paste-submit">
          {complete.isPending ? t("connecting") : t("browser.finish")}
        </button>
      </div>
    </form>
  );
}
