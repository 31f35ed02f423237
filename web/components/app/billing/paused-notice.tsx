"use client";

import Link from "next/link";
import { PauseCircle } from "lucide-react";
import { useLocale, useT } from "@/lib/i18n/client";
import { appPath } from "@/lib/app/paths";

/** Connections kept but not used over the plan's caps (after a move to a smaller plan). */
export function PausedNotice({ count }: { count: number }) {
  const t = useT("billing");
  const locale = useLocale();
  if (count <= 0) return null;
  return (
    <section
      aria-label={t("pausedTitle")}
      className="flex items-start gap-3 rounded-xl border border-warning/50 bg-warning/10 px-4 py-3 text-sm shadow-sm"
      data-testid="paused-notice"
    >
      <PauseCircle aria-hidden className="mt-0.5 size-5 shrink-0 text-warning" />
      <p className="min-w-0">
        <span className="font-medium">{count === 1 ? t("pausedOne") : t("pausedMany", { n: count })}</span>{" "}
        <Link href={appPath(locale, "connections")} className="font-medium text-primary underline underline-offset-4" data-testid="paused-link">
          {t("pausedLink")}
        </Link>
      </p>
    </section>
  );
}
