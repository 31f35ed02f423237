"use client";

import { FileDown, ReceiptText } from "lucide-react";
import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { formatIdrSigned } from "@/lib/plans";
import { EmptyState, Panel } from "@/components/app/ui/panel";
import { StateBadge } from "@/components/app/billing/state-badge";
import type { Invoice } from "@/components/app/billing/billing-page";

/** The PDF of an invoice or credit note: same origin, with the session cookie. */
export const invoicePdfUrl = (id: string) => `/api/invoices/${encodeURIComponent(id)}/pdf`;

/** Invoices and credit notes, newest first, each with its PDF. */
export function InvoiceTable({ invoices }: { invoices: Invoice[] }) {
  const t = useT("billing");
  const has = useHasT();
  const f = useFormat();
  const status = (s: string) => (has(`billing.invoiceStatus.${s}`) ? t(`invoiceStatus.${s}`) : s);
  return (
    <Panel title={t("invoicesTitle")} description={t("invoicesLead")} data-testid="invoices">
      {invoices.length === 0 ? (
        <EmptyState icon={<ReceiptText aria-hidden className="size-6" />} title={t("invoicesEmpty")} body={t("invoicesEmptyBody")} />
      ) : (
        // A table where the panel is wide enough for it, one card per invoice where it is not (phones).
        <div className="@container">
          <div
            className="-mx-5 -my-2 hidden overflow-x-auto outline-none focus-visible:ring-2 focus-visible:ring-ring @2xl:block"
            role="region"
            aria-label={t("invoicesTitle")}
            tabIndex={0}
          >
            <table className="w-full min-w-[40rem] text-left text-sm" data-testid="invoice-table">
              <caption className="sr-only">{t("invoicesTitle")}</caption>
              <thead className="text-xs whitespace-nowrap text-muted-foreground">
                <tr className="border-b border-border">
                  <th scope="col" className="px-5 py-2 font-medium">{t("colNumber")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("colDate")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("colDescription")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("colTotal")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("colStatus")}</th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">{t("colPdf")}</th>
                </tr>
              </thead>
              <tbody>
                {invoices.map((invoice) => (
                  <tr key={invoice.id} className="border-b border-border/60 last:border-0" data-testid="invoice-row" data-number={invoice.number} data-status={invoice.status}>
                    <th scope="row" className="px-5 py-3 align-top font-medium whitespace-nowrap tabular-nums">
                      <span data-testid="invoice-number">{invoice.number}</span>
                      {invoice.kind === "credit_note" ? <span className="block text-xs font-normal text-muted-foreground">{t("creditNote")}</span> : null}
                    </th>
                    <td className="px-3 py-3 align-top whitespace-nowrap">
                      {f.date(invoice.issuedAt)}
                      {invoice.paidAt ? <span className="block text-xs text-muted-foreground">{t("paidOn", { when: f.date(invoice.paidAt) })}</span> : null}
                    </td>
                    <td className="min-w-[10rem] px-3 py-3 align-top break-words">
                      {invoice.description}
                      <UpgradeCredit invoice={invoice} />
                    </td>
                    <td className="px-3 py-3 text-right align-top font-medium whitespace-nowrap tabular-nums" data-testid="invoice-total">
                      {formatIdrSigned(invoice.total)}
                    </td>
                    <td className="px-3 py-3 align-top">
                      <StateBadge state={invoice.status} label={status(invoice.status)} testId="invoice-status" />
                    </td>
                    <td className="px-5 py-2 text-right align-top">
                      <PdfLink id={invoice.id} number={invoice.number} testId="invoice-pdf" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="-my-3 divide-y divide-border/60 @2xl:hidden" aria-label={t("invoicesTitle")} data-testid="invoice-cards">
            {invoices.map((invoice) => (
              <li key={invoice.id} className="flex flex-col gap-1.5 py-3 text-sm" data-testid="invoice-card" data-number={invoice.number} data-status={invoice.status}>
                <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                  <h3 className="font-semibold tabular-nums">
                    {invoice.number}
                    {invoice.kind === "credit_note" ? <span className="ml-2 text-xs font-normal text-muted-foreground">{t("creditNote")}</span> : null}
                  </h3>
                  <StateBadge state={invoice.status} label={status(invoice.status)} />
                </div>
                <p className="break-words">
                  {invoice.description}
                  <UpgradeCredit invoice={invoice} />
                </p>
                <p className="text-xs text-muted-foreground">
                  {f.date(invoice.issuedAt)}
                  {invoice.paidAt ? ` · ${t("paidOn", { when: f.date(invoice.paidAt) })}` : ""}
                </p>
                <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                  <span className="font-semibold tabular-nums">{formatIdrSigned(invoice.total)}</span>
                  <PdfLink id={invoice.id} number={invoice.number} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}

/** An upgrade's credit for the unused days of the plan it replaced (before PPN, like `net`). */
function UpgradeCredit({ invoice }: { invoice: Invoice }) {
  const t = useT("billing");
  if (invoice.credit === 0) return null;
  return (
    <span className="mt-0.5 block text-xs text-muted-foreground" data-testid="invoice-credit">
      {t("invoiceCredit", { days: invoice.creditDays, amount: formatIdrSigned(-Math.abs(invoice.credit)) })}
    </span>
  );
}

/** The PDF of one invoice; its name says which one (the visible text is "PDF"). */
function PdfLink({ id, number, testId }: { id: string; number: string; testId?: string }) {
  const t = useT("billing");
  return (
    <a
      href={invoicePdfUrl(id)}
      download
      className="-mx-2 inline-flex items-center gap-1.5 rounded-md px-2 py-1 font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
      aria-label={t("pdfLabel", { number })}
      data-testid={testId}
    >
      <FileDown aria-hidden className="size-4" />
      {t("pdf")}
    </a>
  );
}
