"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2, Clock, Loader2, X, XCircle } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { PaymentStatusDocument } from "@/lib/gql/generated/graphql";
import { useHasT, useT } from "@/lib/i18n/client";
import { cx } from "@/lib/cx";
import { buttonVariants } from "@/components/ui/button-variants";

/** How often, and for how long, the order's state is asked after Snap sends the browser back. */
const POLL_EVERY_MS = 1_500;
const POLL_FOR_MS = 60_000;

const FAILED = new Set(["denied", "cancelled", "expired", "failed"]);
const REVERSED = new Set(["refunded", "partially_refunded", "chargeback", "partial_chargeback"]);

type View = "waiting" | "paid" | "failed" | "reversed" | "unknown" | "timeout";

/**
 * Back from Midtrans's Snap page (`?order_id=…&status_code=…&transaction_status=…`). The query
 * string is only where to look: anyone can type it. The order's state comes from the API
 * (`payment(orderId)`, which the worker moves once Midtrans's status API confirms it), polled
 * until it settles one way or the other, or for a minute.
 */
export function PaymentReturn({ orderId }: { orderId: string }) {
  const t = useT("billing");
  const has = useHasT();
  const client = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  // Each round of polling lasts POLL_FOR_MS; "Check again" starts another.
  const [round, setRound] = useState(0);
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setTimedOut(true), POLL_FOR_MS);
    return () => clearTimeout(timer);
  }, [round]);

  const payment = useQuery({
    queryKey: ["payment", orderId],
    queryFn: () => gql(PaymentStatusDocument, { orderId }).then((d) => d.payment),
    staleTime: 0,
    // Keep asking while the order is pending (or the answer did not come), until time is up.
    refetchInterval: (query) => {
      const data = query.state.data;
      if (timedOut || data === null || (data && data.state !== "pending")) return false;
      return POLL_EVERY_MS;
    },
  });

  const state = payment.data?.state;
  const view: View =
    payment.data === null
      ? "unknown"
      : state === "paid"
        ? "paid"
        : state && FAILED.has(state)
          ? "failed"
          : state && REVERSED.has(state)
            ? "reversed"
            : timedOut
              ? "timeout"
              : "waiting";

  // Once the order has settled, the plan, limits, invoices and the account menu's plan changed:
  // ask for all of them again (this order's own query stays as it is).
  const settled = view === "paid" || view === "failed" || view === "reversed";
  const refreshed = useRef(false);
  useEffect(() => {
    if (!settled || refreshed.current) return;
    refreshed.current = true;
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "payment" });
  }, [settled, client]);

  const stateLabel = state ? (has(`billing.paymentState.${state}`) ? t(`paymentState.${state}`) : state) : "";
  const message = {
    waiting: t("returnWaiting"),
    paid: t("returnPaid"),
    failed: t("returnFailed", { state: stateLabel }),
    reversed: t("returnReversed", { state: stateLabel }),
    unknown: t("returnUnknown"),
    timeout: t("returnTimeout"),
  }[view];
  const hint = view === "waiting" ? t("returnWaitingHint") : view === "paid" ? t("returnPaidHint") : null;
  const Icon = { waiting: Loader2, paid: CheckCircle2, failed: XCircle, reversed: AlertTriangle, unknown: AlertTriangle, timeout: Clock }[view];
  const tone =
    view === "paid"
      ? "border-success/40 bg-success/10"
      : view === "failed" || view === "unknown"
        ? "border-destructive/40 bg-destructive/10"
        : view === "timeout" || view === "reversed"
          ? "border-warning/50 bg-warning/10"
          : "border-border bg-card";
  const iconTone =
    view === "paid" ? "text-success" : view === "failed" || view === "unknown" ? "text-destructive" : view === "waiting" ? "text-primary" : "text-foreground";

  return (
    <section aria-label={t("returnTitle")} className={cx("mb-6 flex items-start gap-3 rounded-xl border px-4 py-3 shadow-sm", tone)} data-testid="payment-return" data-view={view}>
      <Icon aria-hidden className={cx("mt-0.5 size-5 shrink-0", iconTone, view === "waiting" && "animate-spin motion-reduce:animate-none")} />
      {/* One live region whose words change as the order moves: screen readers hear each state. */}
      <div role="status" className="min-w-0 flex-1 text-sm">
        <p className="font-medium" data-testid="payment-return-message">
          {message}
        </p>
        {hint ? <p className="mt-0.5 text-muted-foreground">{hint}</p> : null}
        <p className="mt-1 font-mono text-xs break-all text-muted-foreground">{t("returnOrder", { id: orderId })}</p>
        {view === "timeout" ? (
          <button
            type="button"
            className={cx(buttonVariants({ variant: "outline", size: "sm" }), "mt-2")}
            onClick={() => {
              setTimedOut(false);
              setRound((r) => r + 1);
              void payment.refetch();
            }}
          >
            {t("returnCheckAgain")}
          </button>
        ) : null}
      </div>
      <button
        type="button"
        className="-mt-0.5 -mr-1 rounded-md p-1 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60"
        aria-label={t("returnDismiss")}
        onClick={() => router.replace(pathname, { scroll: false })}
        data-testid="payment-return-dismiss"
      >
        <X aria-hidden className="size-4" />
      </button>
    </section>
  );
}
