"use client";

import { useState } from "react";
import { Download } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { useAdminErrorText } from "@/lib/admin/errors";
import { EXPORT_CAP, exportName, saveFile, toCsv, type ExportFormat, type Row } from "@/lib/admin/export";
import { buttonVariants } from "@/components/ui/button-variants";
import { useToast } from "@/components/app/ui/toast";

/**
 * CSV and JSON downloads of everything the current filter matches (up to EXPORT_CAP rows),
 * gathered page by page in the browser: the admin API has no export endpoint of its own.
 */
export function ExportButtons({
  what,
  columns,
  collect,
}: {
  /** The file's name: `satu-{what}-{day}.csv`. */
  what: string;
  columns: string[];
  collect: () => Promise<{ rows: Row[]; capped: boolean }>;
}) {
  const t = useT("admin");
  const f = useFormat();
  const toast = useToast();
  const errorText = useAdminErrorText();
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const { rows, capped } = await collect();
      const text = format === "csv" ? toCsv(columns, rows) : JSON.stringify(rows, null, 2);
      saveFile(exportName(what, format), text, format);
      toast.ok(capped ? t("exportCapped", { n: f.int(EXPORT_CAP) }) : t("exported", { n: f.int(rows.length) }));
    } catch (error) {
      toast.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {(["csv", "json"] as const).map((format) => (
        <button
          key={format}
          type="button"
          className={buttonVariants({ variant: "outline", size: "sm" })}
          disabled={busy !== null}
          aria-busy={busy === format || undefined}
          onClick={() => run(format)}
          data-testid={`export-${format}`}
        >
          <Download aria-hidden />
          {busy === format ? t("exporting") : t(`export_${format}`)}
        </button>
      ))}
    </>
  );
}
