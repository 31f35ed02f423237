"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { buttonVariants } from "@/components/ui/button-variants";

/** "51–100 of 1,234" and the pages before and after; `testId` names the list (`users-range`, `users-next`). */
export function Pagination({
  page,
  pageSize,
  shown,
  total,
  onPage,
  testId = "users",
  label,
}: {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  onPage: (page: number) => void;
  testId?: string;
  /** The navigation's name, when the list is not the users. */
  label?: string;
}) {
  const t = useT("admin");
  const f = useFormat();
  const from = page * pageSize + 1;
  const to = page * pageSize + shown;
  return (
    <nav aria-label={label ?? t("pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground tabular-nums" aria-live="polite" data-testid={`${testId}-range`}>
        {t("range", { from: f.int(from), to: f.int(to), total: f.int(total) })}
      </p>
      <div className="flex gap-2">
        <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} disabled={page === 0} onClick={() => onPage(page - 1)}>
          <ChevronLeft aria-hidden />
          {t("previous")}
        </button>
        <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} disabled={to >= total} onClick={() => onPage(page + 1)} data-testid={`${testId}-next`}>
          {t("next")}
          <ChevronRight aria-hidden />
        </button>
      </div>
    </nav>
  );
}
