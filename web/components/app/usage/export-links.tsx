"use client";

import { Download } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import type { RequestLogFilter } from "@/lib/gql/generated/graphql";
import { buttonVariants } from "@/components/ui/button-variants";
import { exportHref } from "@/components/app/usage/range";

/** Plain download links: the browser sends the session cookie, the server streams the file. */
export function ExportLinks({ filter }: { filter: RequestLogFilter }) {
  const t = useT("usage");
  return (
    <>
      {(["csv", "json"] as const).map((format) => (
        <a
          key={format}
          href={exportHref(format, filter)}
          download
          className={buttonVariants({ variant: "outline", size: "sm" })}
          aria-label={t(`export_${format}_label`)}
          data-testid={`export-${format}`}
        >
          <Download aria-hidden />
          {t(`export_${format}`)}
        </a>
      ))}
    </>
  );
}
