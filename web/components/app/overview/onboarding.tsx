"use client";

import { useState } from "react";
import Link from "next/link";
import { CheckCircle2, Circle } from "lucide-react";
import { useLocale, useT } from "@/lib/i18n/client";
import { appPath } from "@/lib/app/paths";
import { useLiveUsage } from "@/lib/app/live";
import { Panel } from "@/components/app/ui/panel";

export const SNIPPET_COPIED_KEY = "satu-snippet-copied";

/** Four steps to a first request; each ticks itself, the last when a request arrives live. */
export function Onboarding({ connections, keys, requests }: { connections: number; keys: number; requests: number }) {
  const t = useT("overview");
  const locale = useLocale();
  const [copied] = useState(() => {
    try {
      return localStorage.getItem(SNIPPET_COPIED_KEY) === "1";
    } catch {
      return false; // private mode: the step ticks with the first request instead
    }
  });
  // Finished before this visit: gone. Finished during it: stays, every step ticked.
  const [doneBefore] = useState(() => connections > 0 && keys > 0 && requests > 0);
  const [seen, setSeen] = useState(false);
  useLiveUsage(() => setSeen(true));
  const received = seen || requests > 0;
  const steps = [
    { key: "connect", done: connections > 0, href: appPath(locale, "connections") },
    { key: "key", done: keys > 0, href: appPath(locale, "keys") },
    { key: "snippet", done: copied || received, href: appPath(locale, "keys") },
    { key: "request", done: received, href: null },
  ];
  if (doneBefore) return null;
  const doneCount = steps.filter((s) => s.done).length;
  return (
    <Panel title={t("startTitle")} description={t("startLead", { done: doneCount, total: steps.length })} className="mb-6" data-testid="onboarding">
      <ol className="grid gap-3 md:grid-cols-4">
        {steps.map((s, i) => (
          <li key={s.key} className="flex items-start gap-3 rounded-lg border border-border p-3" data-done={s.done} data-testid={`step-${s.key}`}>
            {s.done ? <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-success" /> : <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />}
            <div className="min-w-0 text-sm">
              <p className="font-medium">
                <span className="sr-only">{s.done ? t("stepDone") : t("stepTodo")} </span>
                {i + 1}. {t(`step_${s.key}`)}
              </p>
              {!s.done && s.href ? (
                <Link href={s.href} className="text-primary underline-offset-4 hover:underline">
                  {t(`step_${s.key}_action`)}
                </Link>
              ) : !s.done ? (
                <p className="text-muted-foreground">{t("step_request_waiting")}</p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
