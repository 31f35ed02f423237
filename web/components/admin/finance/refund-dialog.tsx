"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { AdminRefundPaymentDocument, type AdminPaymentFieldsFragment } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { useAdminErrorText } from "@/lib/admin/errors";
import { ADMIN_KEY, ADMIN_ME_KEY } from "@/lib/admin/keys";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { Field, FormError, TextAreaField } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { REASON_MAX, reasonValid } from "@/components/admin/user/perform";

/** Refunds a payment through Midtrans: all of it, or the Rupiah typed; a reason always. */
export function RefundDialog({ payment, onClose }: { payment: AdminPaymentFieldsFragment | null; onClose: () => void }) {
  const t = useT("admin");
  const c = useT("common");
  return (
    <Dialog
      open={payment !== null}
      onOpenChange={(open) => !open && onClose()}
      title={payment ? t("refundTitle", { order: payment.orderId }) : ""}
      description={t("refundLead")}
      closeLabel={c("close")}
    >
      {/* Mounted while open: each opening starts with empty fields. */}
      {payment ? <RefundForm payment={payment} onDone={onClose} /> : null}
    </Dialog>
  );
}

/** Whole Rupiah, or null for "the whole payment"; NaN when what was typed is not a number. */
function parseAmount(text: string): number | null {
  const digits = text.replace(/[.\s]/g, "");
  if (!digits) return null;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

function RefundForm({ payment, onDone }: { payment: AdminPaymentFieldsFragment; onDone: () => void }) {
  const t = useT("admin");
  const c = useT("common");
  const f = useFormat();
  const toast = useToast();
  const errorText = useAdminErrorText();
  const client = useQueryClient();
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  // Say what is wrong with a field only once the operator tried to send it.
  const [tried, setTried] = useState(false);
  const amount = parseAmount(amountText);
  const amountOk = amount === null || (Number.isInteger(amount) && amount >= 1 && amount <= payment.grossAmount);

  const refund = useMutation({
    mutationFn: () => gql(AdminRefundPaymentDocument, { orderId: payment.orderId, amount, reason: reason.trim() }),
    onSuccess: () => {
      // The payment, the figures and the user's plan all change; the operator's role does not.
      void client.invalidateQueries({ queryKey: ADMIN_KEY, predicate: (q) => q.queryKey[1] !== ADMIN_ME_KEY[1] });
      toast.ok(t("refundDone", { amount: f.idr(amount ?? payment.grossAmount), order: payment.orderId }));
      onDone();
    },
  });

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (amountOk && reasonValid(reason)) refund.mutate();
      }}
    >
      <Field
        label={t("refundAmount")}
        inputMode="numeric"
        value={amountText}
        onChange={(e) => setAmountText(e.target.value)}
        placeholder={String(payment.grossAmount)}
        hint={t("refundAmountHint", { total: f.idr(payment.grossAmount) })}
        error={tried && !amountOk ? t("refundAmountInvalid", { total: f.idr(payment.grossAmount) }) : null}
        data-autofocus
        data-testid="refund-amount"
      />
      <TextAreaField
        label={t("reason")}
        hint={t("reasonHint")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={REASON_MAX}
        required
        error={tried && !reasonValid(reason) ? t("reasonInvalid") : null}
        data-testid="refund-reason"
      />
      <FormError>{refund.error ? errorText(refund.error) : null}</FormError>
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonVariants({ variant: "outline" })} onClick={onDone}>
          {c("cancel")}
        </button>
        <button
          type="submit"
          className={buttonVariants({ variant: "destructive" })}
          disabled={refund.isPending}
          aria-busy={refund.isPending || undefined}
          data-testid="refund-submit"
        >
          {amount && amountOk ? t("refundSubmitAmount", { amount: f.idr(amount) }) : t("refundSubmitAll", { amount: f.idr(payment.grossAmount) })}
        </button>
      </div>
    </form>
  );
}
