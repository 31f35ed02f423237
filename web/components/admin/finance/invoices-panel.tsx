"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FileDown } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { AdminInvoicesDocument, type AdminInvoicesQuery } from "@/lib/gql/generated/graphql";
import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { formatIdrSigned } from "@/lib/plans";
import { INVOICES_KEY } from "@/lib/admin/keys";
import { EXPORT_PAGE_SIZE, collectRows } from "@/lib/admin/export";
import { usePlanName } from "@/lib/admin/plans";
import { Loading, Panel } from "@/components/app/ui/panel";
import { StateBadge } from "@/components/app/billing/state-badge";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { ExportButtons } from "@/components/admin/ui/export-buttons";
import { LoadError } from "@/components/admin/ui/load-error";
import { SearchForm } from "@/components/admin/ui/search-form";
import { DataTable, td, th } from "@/components/admin/ui/table";
import { Pagination } from "@/components/admin/users/pagination";
import { BuyerLink } from "@/components/admin/finance/payments-table";

type InvoiceRow = AdminInvoicesQuery["adminInvoices"]["items"][number];

const PAGE_SIZE = 25;
const EXPORT_COLUMNS = ["id", "number", "kind", "planId", "net", "ppn", "total", "status", "issuedAt", "paidAt", "userId", "buyerEmail"];

/** An invoice's PDF; the server lets Finance download anyone's, and records that it did. */
export const invoicePdf = (id: string) => `/api/invoices/${id}/pdf`;

function collectInvoices(search: string | null) {
  return collectRows(async (offset: number) => {
    const page = (await gql(AdminInvoicesDocument, { search, first: EXPORT_PAGE_SIZE, offset })).adminInvoices;
    const next = offset + page.items.length;
    const rows = page.items.map(({ invoice, userId, buyerEmail }) => ({ ...invoice, userId, buyerEmail }));
    return { rows, next: next < page.total ? next : null };
  }, 0);
}

/** Every invoice and credit note, newest first, by number or buyer, each as its PDF. */
export function InvoicesPanel() {
  const t = useT("admin");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(0);
  const invoices = useQuery({
    queryKey: [...INVOICES_KEY, search, page],
    queryFn: () => gql(AdminInvoicesDocument, { search: search || null, first: PAGE_SIZE, offset: page * PAGE_SIZE }).then((d) => d.adminInvoices),
    placeholderData: keepPreviousData,
  });
  return (
    <Panel
      title={t("invoicesTitle")}
      description={t("invoicesLead")}
      actions={<ExportButtons what="invoices" columns={EXPORT_COLUMNS} collect={() => collectInvoices(search || null)} />}
      aria-busy={invoices.isFetching || undefined}
      data-testid="invoices-panel"
    >
      <div className="mb-4 max-w-2xl">
        <SearchForm
          label={t("invoicesSearchLabel")}
          placeholder={t("invoicesSearchPlaceholder")}
          onSearch={(text) => {
            setSearch(text);
            setPage(0);
          }}
          testId="invoices-search"
        />
      </div>
      {invoices.isPending ? (
        <Loading label={t("loading")} rows={4} />
      ) : invoices.error && !invoices.data ? (
        <LoadError error={invoices.error} onRetry={() => invoices.refetch()} />
      ) : invoices.data.items.length === 0 ? (
        <EmptyNote>{t("invoicesEmpty")}</EmptyNote>
      ) : (
        <>
          <InvoicesTable rows={invoices.data.items} />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            shown={invoices.data.items.length}
            total={invoices.data.total}
            onPage={setPage}
            testId="invoices"
            label={t("invoicesPages")}
          />
        </>
      )}
    </Panel>
  );
}

function InvoicesTable({ rows }: { rows: InvoiceRow[] }) {
  const t = useT("admin");
  const has = useHasT();
  const f = useFormat();
  const planName = usePlanName();
  const status = (s: string) => (has(`admin.invoiceStatus.${s}`) ? t(`invoiceStatus.${s}`) : s);
  const kind = (k: string) => (has(`admin.invoiceKind.${k}`) ? t(`invoiceKind.${k}`) : k);
  return (
    <DataTable
      label={t("invoicesTitle")}
      minWidth="min-w-[56rem]"
      testId="admin-invoices"
      head={
        <>
          <th scope="col" className={th}>{t("colNumber")}</th>
          <th scope="col" className={th}>{t("colEmail")}</th>
          <th scope="col" className={th}>{t("colIssued")}</th>
          <th scope="col" className={th}>{t("colKindPlan")}</th>
          <th scope="col" className={`${th} text-right`}>{t("colNet")}</th>
          <th scope="col" className={`${th} text-right`}>{t("colTotal")}</th>
          <th scope="col" className={th}>{t("colStatus")}</th>
        </>
      }
    >
      {rows.map(({ invoice, userId, buyerEmail }) => (
        <tr key={invoice.id} data-testid="admin-invoice">
          <th scope="row" className={`${td} font-medium whitespace-nowrap`}>
            <a
              href={invoicePdf(invoice.id)}
              className="inline-flex items-center gap-1.5 text-primary underline-offset-4 hover:underline"
              aria-label={t("invoicePdfLabel", { number: invoice.number })}
              data-testid="invoice-pdf"
            >
              <FileDown aria-hidden className="size-4" />
              <span className="tabular-nums">{invoice.number}</span>
            </a>
          </th>
          <td className={td}>
            <BuyerLink id={userId} email={buyerEmail} />
          </td>
          <td className={`${td} whitespace-nowrap`}>
            {f.date(invoice.issuedAt)}
            {invoice.paidAt ? <span className="block text-xs text-muted-foreground">{t("paidOn", { when: f.date(invoice.paidAt) })}</span> : null}
          </td>
          <td className={td}>
            {kind(invoice.kind)}
            {invoice.planId ? <span className="block text-xs text-muted-foreground">{planName(invoice.planId)}</span> : null}
          </td>
          <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{formatIdrSigned(invoice.net)}</td>
          <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
            {formatIdrSigned(invoice.total)}
            <span className="block text-xs text-muted-foreground">{t("ppnN", { ppn: formatIdrSigned(invoice.ppn) })}</span>
          </td>
          <td className={td}>
            <StateBadge state={invoice.status} label={status(invoice.status)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
