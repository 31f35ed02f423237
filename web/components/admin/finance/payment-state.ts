"use client";

import { useCallback } from "react";
import { useHasT, useT } from "@/lib/i18n/client";

/** The states a payment can be in (entities/src/billing/payment_state.rs), for the filter. */
export const PAYMENT_STATES = [
  "pending",
  "paid",
  "partially_refunded",
  "refunded",
  "denied",
  "cancelled",
  "expired",
  "failed",
  "partial_chargeback",
  "chargeback",
] as const;

/** The payments support has to chase: the customer meant to pay and it did not go through. */
export const FOLLOW_UP_STATES = ["expired", "failed", "denied"];

/** Only money that came in can go back out, and not twice. */
export const REFUNDABLE_STATES = ["paid", "partially_refunded"];

/** A payment state in words; a state this page does not know yet as stored. */
export function usePaymentStateName() {
  const t = useT("admin");
  const has = useHasT();
  return useCallback((state: string) => (has(`admin.paymentState.${state}`) ? t(`paymentState.${state}`) : state), [t, has]);
}
