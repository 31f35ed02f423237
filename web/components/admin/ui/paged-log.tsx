"use client";

import { useT } from "@/lib/i18n/client";
import type { NewestFirst } from "@/lib/admin/newest-first";
import { buttonVariants } from "@/components/ui/button-variants";
import { Loading } from "@/components/app/ui/panel";
import { LoadError } from "@/components/admin/ui/load-error";

/**
 * A newest-first log's body: skeletons, then why it failed (with a retry) or its table, and
 * a button for older entries while there are more.
 */
export function PagedLog({
  log,
  shown,
  loadingRows,
  moreTestId,
  children,
}: {
  log: NewestFirst;
  /** How many entries are on screen (an error after the first page keeps them). */
  shown: number;
  loadingRows: number;
  moreTestId: string;
  children: React.ReactNode;
}) {
  const t = useT("admin");
  if (log.isPending) return <Loading label={t("loading")} rows={loadingRows} />;
  if (log.error && shown === 0) return <LoadError error={log.error} onRetry={() => log.refetch()} />;
  return (
    <>
      {children}
      {log.hasNextPage ? (
        <div className="mt-4 flex justify-center">
          <button
            type="button"
            className={buttonVariants({ variant: "outline", size: "sm" })}
            disabled={log.isFetchingNextPage}
            onClick={() => log.fetchNextPage()}
            data-testid={moreTestId}
          >
            {log.isFetchingNextPage ? t("loading") : t("loadMore")}
          </button>
        </div>
      ) : null}
    </>
  );
}
