"use client";

import { useEffect } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { GqlError, gql } from "@/lib/gql/client";
import { StartCheckoutDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { HISTORY_KEY } from "@/components/app/billing/billing-page";

/**
 * Paying for a plan: `startCheckout(plan)` (the open invoice for it, such as a renewal, or a
 * new one) and a full navigation to Midtrans's Snap page. `leaving` stays true until the page
 * goes; `errorText` is the failure in the user's words.
 */
export function useCheckout() {
  const t = useT("billing");
  const errorText = useErrorText();
  const client = useQueryClient();
  const checkout = useMutation({
    mutationFn: (plan: string) => gql(StartCheckoutDocument, { plan }),
    // A full navigation: Snap is another site. The button stays busy until the page goes.
    onSuccess: (d) => window.location.assign(d.startCheckout.redirectUrl),
    // A failed attempt is recorded (and its invoice stays open): show it in the history.
    onError: () => client.invalidateQueries({ queryKey: HISTORY_KEY }),
  });
  // Back from Snap with the browser's Back button, the page may come from the back/forward
  // cache as it was left (busy, "opening the payment page"): make it usable again, and show
  // the attempt just started.
  const { reset } = checkout;
  useEffect(() => {
    const shown = (e: PageTransitionEvent) => {
      if (!e.persisted) return;
      reset();
      void client.invalidateQueries({ queryKey: HISTORY_KEY });
    };
    window.addEventListener("pageshow", shown);
    return () => window.removeEventListener("pageshow", shown);
  }, [reset, client]);
  const error = checkout.error
    ? checkout.error instanceof GqlError && checkout.error.code === "PROVIDER_ERROR" && !checkout.error.reason
      ? t("providerError")
      : errorText(checkout.error)
    : null;
  return {
    start: checkout.mutate,
    /** The plan being paid for, while its page opens. */
    plan: checkout.variables,
    leaving: checkout.isPending || checkout.isSuccess,
    error,
  };
}

export type CheckoutApi = ReturnType<typeof useCheckout>;
