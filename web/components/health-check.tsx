"use client";

import { useCallback, useEffect, useState } from "react";
import { CircleCheck, CircleX, LoaderCircle } from "lucide-react";
import { buttonVariants } from "@/components/ui/button-variants";

type Result = { state: "checking" } | { state: "ok" | "down"; at: Date };

/** Asks this server's /healthz from the browser: the status shown is measured, never assumed. */
export function HealthCheck({
  locale,
  labels,
}: {
  locale: string;
  labels: { checking: string; ok: string; down: string; checkedAt: string; retry: string };
}) {
  const [result, setResult] = useState<Result>({ state: "checking" });
  const check = useCallback(async () => {
    let ok = false;
    try {
      const res = await fetch("/healthz", { cache: "no-store" });
      ok = res.ok;
    } catch {
      ok = false;
    }
    setResult({ state: ok ? "ok" : "down", at: new Date() });
  }, []);

  useEffect(() => {
    const id = window.setTimeout(check, 0);
    return () => window.clearTimeout(id);
  }, [check]);

  const time =
    result.state === "checking"
      ? ""
      : new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { timeStyle: "medium" }).format(result.at);

  return (
    <div className="rounded-2xl border border-border bg-card p-6" data-testid="health">
      <p className="flex items-center gap-3 text-lg font-medium" aria-live="polite">
        {result.state === "checking" && <LoaderCircle aria-hidden className="size-6 animate-spin text-muted-foreground" />}
        {result.state === "ok" && <CircleCheck aria-hidden className="size-6 text-emerald-600 dark:text-emerald-400" />}
        {result.state === "down" && <CircleX aria-hidden className="size-6 text-primary" />}
        {result.state === "checking" ? labels.checking : result.state === "ok" ? labels.ok : labels.down}
      </p>
      {result.state !== "checking" && (
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
          <span>{labels.checkedAt.replace("{time}", time)}</span>
          <button
            type="button"
            data-slot="button"
            className={buttonVariants({ variant: "outline", size: "sm" })}
            onClick={() => {
              setResult({ state: "checking" });
              void check();
            }}
          >
            {labels.retry}
          </button>
        </div>
      )}
    </div>
  );
}
