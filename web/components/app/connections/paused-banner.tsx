"use client";

import { PauseCircle } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";
import type { Connection } from "@/components/app/connections/shared";

/**
 * Shown while any connection is paused over the plan's caps (after a move to a smaller plan):
 * how many, and the button that opens the choice of which stay on (`KeepDialog`).
 */
export function PausedBanner({ connections, onChoose }: { connections: Connection[]; onChoose: () => void }) {
  const t = useT("connections");
  const paused = connections.filter((c) => c.status === "PAUSED").length;
  if (paused === 0) return null;
  return (
    <section
      aria-label={t("pausedTitle")}
      className="mb-6 flex flex-col gap-3 rounded-xl border border-warning/50 bg-warning/10 px-4 py-3 shadow-sm sm:flex-row sm:items-center sm:justify-between"
      data-testid="paused-banner"
    >
      <p className="flex min-w-0 items-start gap-3 text-sm">
        <PauseCircle aria-hidden className="mt-0.5 size-5 shrink-0 text-warning" />
        <span className="min-w-0 font-medium">{paused === 1 ? t("pausedBannerOne") : t("pausedBanner", { n: paused })}</span>
      </p>
      <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} onClick={onChoose} data-testid="keep-open">
        {t("keepOpen")}
      </button>
    </section>
  );
}
