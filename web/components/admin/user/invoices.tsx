"use client";

import { FileDown } from "lucide-react";
import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { formatIdrSigned } from "@/lib/plans";
import { opens, useAdminMe } from "@/lib/admin/session";
import { Panel } from "@/components/app/ui/panel";
import { StateBadge } from "@/components/app/billing/state-badge";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { DataTable, td, th } from "@/components/admin/ui/table";
import type { UserDetail } from "@/components/admin/user/user-page";
import { invoicePdf } from "@/components/admin/finance/invoices-panel";

/** The user's invoices and credit notes, newest first, as the user sees them on Billing; Finance can open each PDF. */
export function Invoices({ invoices }: { invoices: UserDetail["invoices"] }) {
  const t = useT("admin");
  const has = useHasT();
  const f = useFormat();
  const status = (s: string) => (has(`admin.invoiceStatus.${s}`) ? t(`invoiceStatus.${s}`) : s);
  const canDownload = opens(useAdminMe().data, "FINANCE");
  return (
    <Panel title={t("invoicesTitle")}>
      {invoices.length === 0 ? (
        <EmptyNote>{t("invoicesEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("invoicesTitle")}
          minWidth="min-w-[36rem]"
          testId="user-invoices"
          head={
            <>
              <th scope="col" className={th}>{t("colNumber")}</th>
              <th scope="col" className={th}>{t("colIssued")}</th>
              <th scope="col" className={th}>{t("colDescription")}</th>
              <th scope="col" className={`${th} text-right`}>{t("colTotal")}</th>
              <th scope="col" className={th}>{t("colStatus")}</th>
            </>
          }
        >
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row" className={`${td} font-medium whitespace-nowrap tabular-nums`}>
                {canDownload ? (
                  <a
                    href={invoicePdf(invoice.id)}
                    className="inline-flex items-center gap-1.5 text-primary underline-offset-4 hover:underline"
                    aria-label={t("invoicePdfLabel", { number: invoice.number })}
                    data-testid="user-invoice-pdf"
                  >
                    <FileDown aria-hidden className="size-4" />
                    {invoice.number}
                  </a>
                ) : (
                  invoice.number
                )}
              </th>
              <td className={`${td} whitespace-nowrap`}>
                {f.date(invoice.issuedAt)}
                {invoice.paidAt ? <span className="block text-xs text-muted-foreground">{t("paidOn", { when: f.date(invoice.paidAt) })}</span> : null}
              </td>
              <td className={`${td} min-w-40 break-words`}>{invoice.description}</td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{formatIdrSigned(invoice.total)}</td>
              <td className={td}>
                <StateBadge state={invoice.status} label={status(invoice.status)} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
