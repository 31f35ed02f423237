"use client";

import { Fragment, useId, useState } from "react";
import Link from "next/link";
import { ChevronDown, ChevronRight, Undo2 } from "lucide-react";
import { useLocale, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { adminPath } from "@/lib/app/paths";
import type { AdminPaymentFieldsFragment } from "@/lib/gql/generated/graphql";
import { opens, useAdminMe } from "@/lib/admin/session";
import { buttonVariants } from "@/components/ui/button-variants";
import { StateBadge } from "@/components/app/billing/state-badge";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { DataTable, td, th } from "@/components/admin/ui/table";
import { REFUNDABLE_STATES, usePaymentStateName } from "@/components/admin/finance/payment-state";

type Payment = AdminPaymentFieldsFragment;

/** Payments newest first; each row opens its Midtrans notifications, and paid ones can be refunded. */
export function PaymentsTable({ payments, onRefund }: { payments: Payment[]; onRefund: (payment: Payment) => void }) {
  const t = useT("admin");
  if (payments.length === 0) return <EmptyNote>{t("paymentsEmpty")}</EmptyNote>;
  return (
    <DataTable
      label={t("paymentsTitle")}
      minWidth="min-w-[60rem]"
      testId="admin-payments"
      head={
        <>
          <th scope="col" className={th}>{t("colOrder")}</th>
          <th scope="col" className={th}>{t("colEmail")}</th>
          <th scope="col" className={`${th} text-right`}>{t("colAmount")}</th>
          <th scope="col" className={th}>{t("colMethod")}</th>
          <th scope="col" className={th}>{t("colStatus")}</th>
          <th scope="col" className={th}>{t("colCreated")}</th>
          <th scope="col" className={th}>
            <span className="sr-only">{t("colActions")}</span>
          </th>
        </>
      }
    >
      {payments.map((payment) => (
        <PaymentRow key={payment.orderId} payment={payment} onRefund={onRefund} />
      ))}
    </DataTable>
  );
}

function PaymentRow({ payment, onRefund }: { payment: Payment; onRefund: (payment: Payment) => void }) {
  const t = useT("admin");
  const f = useFormat();
  const stateName = usePaymentStateName();
  const [open, setOpen] = useState(false);
  const historyId = useId();
  const Chevron = open ? ChevronDown : ChevronRight;
  return (
    <Fragment>
      <tr data-testid="admin-payment" data-order={payment.orderId} data-state={payment.state}>
        <th scope="row" className={`${td} font-normal`}>
          <button
            type="button"
            className="flex items-start gap-1 rounded-md text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60"
            aria-expanded={open}
            aria-controls={historyId}
            onClick={() => setOpen(!open)}
            data-testid="payment-toggle"
          >
            <Chevron aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
            <span className="min-w-0">
              <span className="block font-mono text-xs break-all">{payment.orderId}</span>
              <span className="block text-xs text-muted-foreground">
                {payment.invoiceNumber ?? t("noInvoice")} · {t("notificationsN", { n: payment.notifications.length })}
              </span>
            </span>
          </button>
        </th>
        <td className={td}>
          <BuyerLink id={payment.userId} email={payment.email} />
        </td>
        <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{f.idr(payment.grossAmount)}</td>
        <td className={`${td} font-mono text-xs`}>{payment.paymentType ?? "—"}</td>
        <td className={td}>
          <StateBadge state={payment.state} label={stateName(payment.state)} testId="admin-payment-state" />
        </td>
        <td className={`${td} whitespace-nowrap text-muted-foreground`}>
          <time dateTime={payment.createdAt}>{f.dateTime(payment.createdAt)}</time>
        </td>
        <td className={`${td} text-right`}>
          {REFUNDABLE_STATES.includes(payment.state) ? (
            <button
              type="button"
              className={buttonVariants({ variant: "outline", size: "sm" })}
              onClick={() => onRefund(payment)}
              aria-label={t("refundLabel", { order: payment.orderId })}
              data-testid="payment-refund"
            >
              <Undo2 aria-hidden />
              {t("refund")}
            </button>
          ) : null}
        </td>
      </tr>
      <tr id={historyId} hidden={!open} data-testid="payment-history">
        <td colSpan={7} className="bg-muted/40 px-5 py-3">
          {open ? <Notifications payment={payment} /> : null}
        </td>
      </tr>
    </Fragment>
  );
}

/** What Midtrans told Satu about the order, oldest first, and how Satu handled each. */
function Notifications({ payment }: { payment: Payment }) {
  const t = useT("admin");
  const f = useFormat();
  if (payment.notifications.length === 0) return <EmptyNote>{t("notificationsEmpty")}</EmptyNote>;
  return (
    <ol className="flex flex-col gap-2 text-sm" aria-label={t("notificationsTitle", { order: payment.orderId })}>
      {payment.notifications.map((n) => (
        <li key={`${n.receivedAt}-${n.transactionStatus}`} className="flex flex-wrap gap-x-4 gap-y-0.5" data-testid="payment-notification">
          <span className="font-mono text-xs font-medium">{n.transactionStatus}</span>
          <span className="text-muted-foreground">{t("notificationReceived", { when: f.dateTime(n.receivedAt) })}</span>
          <span className="text-muted-foreground">
            {n.processedAt ? t("notificationProcessed", { when: f.dateTime(n.processedAt) }) : t("notificationUnprocessed")}
          </span>
          <span className="text-muted-foreground">{t("notificationAttempts", { n: n.attempts })}</span>
          {n.lastError ? <span className="basis-full break-words text-destructive">{n.lastError}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** The buyer's email, linked to their page for roles that open Users. */
export function BuyerLink({ id, email }: { id: string; email: string | null | undefined }) {
  const t = useT("admin");
  const locale = useLocale();
  const text = email ?? t("deletedUser");
  if (!opens(useAdminMe().data, "USERS")) return <span className="block max-w-56 truncate">{text}</span>;
  return (
    <Link href={`${adminPath(locale, "users")}?id=${id}`} className="block max-w-56 truncate font-medium text-primary underline-offset-4 hover:underline">
      {text}
    </Link>
  );
}
