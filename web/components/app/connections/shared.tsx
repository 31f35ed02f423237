"use client";

import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { GqlError } from "@/lib/gql/client";
import type { ConnectionsQuery, ProviderName } from "@/lib/gql/generated/graphql";
import { useLocale, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { appPath } from "@/lib/app/paths";
import { cx } from "@/lib/cx";

export type Connection = ConnectionsQuery["connections"][number];
export type Method = "browser" | "device" | "import" | "apikey";

export const CONNECTIONS_KEY = ["connections"] as const;
export const ROUTING_KEY = ["routing"] as const;

export const PROVIDERS: readonly ProviderName[] = ["ANTHROPIC", "OPENAI", "GEMINI", "QWEN", "OPENAI_COMPATIBLE"];
export const METHODS: readonly Method[] = ["browser", "device", "import", "apikey"];

/** Which ways each provider can be connected (the server's OAuth clients decide the first two). */
const SUPPORT: Record<Method, readonly ProviderName[]> = {
  browser: ["ANTHROPIC", "OPENAI", "GEMINI"],
  device: ["OPENAI", "QWEN"],
  import: ["ANTHROPIC", "OPENAI", "GEMINI", "QWEN"],
  apikey: PROVIDERS,
};

export function providersFor(method: Method): readonly ProviderName[] {
  return SUPPORT[method];
}

/** The file each provider's official CLI writes its sign-in to. */
export const CREDENTIAL_FILES: Partial<Record<ProviderName, string>> = {
  ANTHROPIC: "~/.claude/.credentials.json",
  OPENAI: "~/.codex/auth.json",
  GEMINI: "~/.gemini/oauth_creds.json",
  QWEN: "~/.qwen/oauth_creds.json",
};

/** "gpt-5, o4-mini , " → ["gpt-5", "o4-mini"] */
export function splitModels(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((m) => m.trim())
    .filter(Boolean);
}

/** After any change to connections: the list, the limits and the overview's counters. */
export function useInvalidateConnections() {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: CONNECTIONS_KEY });
    void client.invalidateQueries({ queryKey: ["overview"] });
  }, [client]);
}

/** The current time, ticking every second while `active` (live countdowns). */
export function useNow(active = true) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/** 125 000 ms → "2:05"; 3 725 000 ms → "1:02:05". */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export function isPlanLimit(error: unknown) {
  return error instanceof GqlError && error.code === "PLAN_LIMIT";
}

/**
 * The API's error in the user's words (or `text`, said for the place it happened); a plan
 * limit adds a link to the plans.
 */
export function MutationError({ error, text }: { error: unknown; text?: string }) {
  const t = useT("connections");
  const errorText = useErrorText();
  const locale = useLocale();
  if (!error) return null;
  return (
    <p role="alert" className="rounded-lg border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm break-words text-destructive">
      {text ?? errorText(error)}
      {isPlanLimit(error) ? (
        <>
          {" "}
          <Link href={appPath(locale, "billing")} className="font-medium underline underline-offset-2" data-testid="see-plans">
            {t("seePlans")}
          </Link>
        </>
      ) : null}
    </p>
  );
}

/** A native checkbox with its label (and an optional hint) beside it. */
export function Checkbox({
  label,
  hint,
  checked,
  onChange,
  className,
  testId,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
  testId?: string;
}) {
  return (
    <label className={cx("flex cursor-pointer items-start gap-2.5 text-sm", className)}>
      <input
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 accent-primary"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <span className="min-w-0">
        <span className="font-medium">{label}</span>
        {hint ? <span className="mt-0.5 block text-xs text-muted-foreground">{hint}</span> : null}
      </span>
    </label>
  );
}

/** A small rounded label: provider, kind. */
export function Tag({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <span className={cx("inline-flex items-center rounded-full border border-border bg-muted px-2 py-0.5 text-xs font-medium text-muted-foreground", className)}>
      {children}
    </span>
  );
}
