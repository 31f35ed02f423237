"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminPaymentsDocument, type AdminPaymentFieldsFragment, type AdminPaymentFilter } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { PAYMENTS_KEY } from "@/lib/admin/keys";
import { EXPORT_PAGE_SIZE, collectRows } from "@/lib/admin/export";
import { Loading, Panel } from "@/components/app/ui/panel";
import { SelectField } from "@/components/app/ui/field";
import { ExportButtons } from "@/components/admin/ui/export-buttons";
import { LoadError } from "@/components/admin/ui/load-error";
import { SearchForm } from "@/components/admin/ui/search-form";
import { Pagination } from "@/components/admin/users/pagination";
import { FOLLOW_UP_STATES, PAYMENT_STATES, usePaymentStateName } from "@/components/admin/finance/payment-state";
import { PaymentsTable } from "@/components/admin/finance/payments-table";
import { RefundDialog } from "@/components/admin/finance/refund-dialog";

const PAGE_SIZE = 25;
const FOLLOW_UP = "follow_up";
const EXPORT_COLUMNS = ["orderId", "invoiceNumber", "userId", "email", "state", "grossAmount", "paymentType", "transactionId", "createdAt", "updatedAt", "notifications"];

/** The states the filter's choice stands for: one, the "to follow up" set, or all (empty). */
function statesFor(choice: string): string[] {
  if (choice === FOLLOW_UP) return FOLLOW_UP_STATES;
  return choice ? [choice] : [];
}

/** A payment as a flat row for the files: its notifications as their count. */
function exportRow({ notifications, ...payment }: AdminPaymentFieldsFragment) {
  return { ...payment, notifications: notifications.length };
}

function collectPayments(filter: AdminPaymentFilter) {
  return collectRows(async (offset: number) => {
    const page = (await gql(AdminPaymentsDocument, { filter, first: EXPORT_PAGE_SIZE, offset })).adminPayments;
    const next = offset + page.items.length;
    return { rows: page.items.map(exportRow), next: next < page.total ? next : null };
  }, 0);
}

/** Every Midtrans order: find one, see what Midtrans said about it, refund what was paid. */
export function PaymentsPanel() {
  const t = useT("admin");
  const stateName = usePaymentStateName();
  const [search, setSearch] = useState("");
  const [choice, setChoice] = useState("");
  const [page, setPage] = useState(0);
  const [refunding, setRefunding] = useState<AdminPaymentFieldsFragment | null>(null);
  const filter: AdminPaymentFilter = { search: search || null, states: statesFor(choice) };
  const payments = useQuery({
    queryKey: [...PAYMENTS_KEY, filter, page],
    queryFn: () => gql(AdminPaymentsDocument, { filter, first: PAGE_SIZE, offset: page * PAGE_SIZE }).then((d) => d.adminPayments),
    placeholderData: keepPreviousData,
  });
  return (
    <Panel
      title={t("paymentsTitle")}
      description={t("paymentsLead")}
      actions={<ExportButtons what="payments" columns={EXPORT_COLUMNS} collect={() => collectPayments(filter)} />}
      aria-busy={payments.isFetching || undefined}
      data-testid="payments-panel"
    >
      <div className="mb-4 grid items-end gap-3 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <SearchForm
          label={t("paymentsSearchLabel")}
          placeholder={t("paymentsSearchPlaceholder")}
          onSearch={(text) => {
            setSearch(text);
            setPage(0);
          }}
          testId="payments-search"
        />
        <SelectField
          label={t("colStatus")}
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            setPage(0);
          }}
          data-testid="payments-state"
        >
          <option value="">{t("allStates")}</option>
          <option value={FOLLOW_UP}>{t("followUp")}</option>
          {PAYMENT_STATES.map((state) => (
            <option key={state} value={state}>
              {stateName(state)}
            </option>
          ))}
        </SelectField>
      </div>
      {payments.isPending ? (
        <Loading label={t("loading")} rows={4} />
      ) : payments.error && !payments.data ? (
        <LoadError error={payments.error} onRetry={() => payments.refetch()} />
      ) : (
        <>
          <PaymentsTable payments={payments.data.items} onRefund={setRefunding} />
          {payments.data.total > 0 ? (
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              shown={payments.data.items.length}
              total={payments.data.total}
              onPage={setPage}
              testId="payments"
              label={t("paymentsPages")}
            />
          ) : null}
        </>
      )}
      <RefundDialog payment={refunding} onClose={() => setRefunding(null)} />
    </Panel>
  );
}
