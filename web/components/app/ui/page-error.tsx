"use client";

import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";

/** A page that failed while rendering: say so and offer to try again, inside the shell. */
export function PageError({ reset }: { error: Error; reset: () => void }) {
  const t = useT("common");
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-xl border border-destructive/40 bg-destructive/10 p-5">
      <p className="text-sm">{t("pageFailed")}</p>
      <button type="button" className={buttonVariants({ variant: "outline" })} onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
