"use client";

import { useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDownRight, CalendarX2, Loader2, RefreshCw } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { CancelPlanDocument, ResumePlanDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useFormat } from "@/lib/app/format";
import { formatIdr } from "@/lib/plans";
import { buttonVariants } from "@/components/ui/button-variants";
import { ConfirmDialog } from "@/components/app/ui/dialog";
import { FormError } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { useCheckout } from "@/components/app/billing/checkout";
import { BILLING_KEY, type SubscriptionStatus } from "@/components/app/billing/billing-page";

type Period = NonNullable<SubscriptionStatus["period"]>;

/**
 * What happens when the paid period ends: it renews (with a Pay button once the renewal
 * invoice is open), a cheaper plan follows, or the account moves to Free; and the buttons that
 * change it (cancel, keep the plan, resume).
 */
export function PeriodStatus({ status, period, billingEnabled }: { status: SubscriptionStatus; period: Period; billingEnabled: boolean }) {
  const t = useT("billing");
  const common = useT("common");
  const f = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const box = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);
  const plan = status.plan.name;
  const date = f.date(period.endsAt);
  const done = (text: string) => {
    toast.ok(text);
    return client.invalidateQueries({ queryKey: BILLING_KEY });
  };
  // When what happens at the end changes, the button just used may be gone with it: keep the
  // keyboard in this box rather than on the document.
  const shown = useRef(period.atEnd);
  useEffect(() => {
    if (shown.current === period.atEnd) return;
    shown.current = period.atEnd;
    if (!document.activeElement || document.activeElement === document.body) box.current?.focus();
  }, [period.atEnd]);
  const cancel = useMutation({
    mutationFn: () => gql(CancelPlanDocument),
    onSuccess: () => {
      setConfirming(false);
      return done(t("cancelled", { plan, date }));
    },
  });
  const resume = useMutation({
    mutationFn: () => gql(ResumePlanDocument),
    onSuccess: () => done(t("resumed", { plan, date })),
  });
  const checkout = useCheckout();

  const bill = status.nextBill;
  const invoice = bill?.invoice ?? null;
  const renewalPaid = invoice?.status === "paid";
  const renewalOpen = invoice?.status === "open";
  const busy = cancel.isPending || resume.isPending || checkout.leaving;

  let Icon = RefreshCw;
  let text: string;
  let hint: string | null = null;
  if (period.atEnd === "CANCEL") {
    Icon = CalendarX2;
    text = t("endsOn", { date });
    hint = t("endsHint", { plan });
  } else if (period.atEnd === "DOWNGRADE") {
    Icon = ArrowDownRight;
    text = t("changesOn", { plan: period.nextPlan.name, date });
    hint = bill ? t("changesHintPrice", { plan, next: period.nextPlan.name, price: formatIdr(bill.total) }) : t("changesHint", { plan });
  } else if (renewalPaid) {
    text = t("renewalPaid", { plan, date });
  } else {
    text = bill ? t("renewsOn", { date, price: formatIdr(bill.total) }) : t("renewsOnDate", { date });
    if (renewalOpen && invoice && bill) hint = t("renewalOpen", { number: invoice.number, date: f.date(bill.dueAt) });
  }

  return (
    <div
      ref={box}
      tabIndex={-1}
      className="flex flex-col gap-3 rounded-lg border border-border bg-muted/40 p-3 outline-none focus-visible:ring-2 focus-visible:ring-ring"
      data-testid="plan-period"
      data-at-end={period.atEnd}
    >
      <div className="flex items-start gap-2.5 text-sm">
        <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
        <div className="min-w-0">
          <p className="font-medium" data-testid="plan-period-text">
            {text}
          </p>
          {hint ? <p className="mt-0.5 text-muted-foreground">{hint}</p> : null}
        </div>
      </div>
      <FormError>{cancel.error ? null : resume.error ? errorText(resume.error) : checkout.error}</FormError>
      <div className="flex flex-wrap gap-2">
        {period.atEnd === "RENEW" && renewalOpen && invoice && billingEnabled ? (
          <button
            type="button"
            className={buttonVariants({ size: "sm" })}
            disabled={busy}
            aria-busy={checkout.leaving || undefined}
            aria-label={t("payRenewalLabel", { number: invoice.number, price: formatIdr(invoice.total) })}
            onClick={() => checkout.start(status.plan.id)}
            data-testid="pay-renewal"
          >
            {checkout.leaving ? <Loader2 aria-hidden className="animate-spin motion-reduce:animate-none" /> : null}
            {t("payRenewal", { price: formatIdr(invoice.total) })}
          </button>
        ) : null}
        {period.atEnd !== "RENEW" ? (
          <button
            type="button"
            className={buttonVariants({ variant: period.atEnd === "CANCEL" ? "default" : "outline", size: "sm" })}
            disabled={busy}
            aria-busy={resume.isPending || undefined}
            onClick={() => resume.mutate()}
            data-testid="resume-plan"
          >
            {resume.isPending ? <Loader2 aria-hidden className="animate-spin motion-reduce:animate-none" /> : null}
            {period.atEnd === "CANCEL" ? t("resume") : t("keepPlan", { plan })}
          </button>
        ) : null}
        {period.atEnd !== "CANCEL" && !renewalPaid ? (
          <button
            type="button"
            className={buttonVariants({ variant: "ghost", size: "sm" }) + " text-destructive"}
            disabled={busy}
            onClick={() => {
              cancel.reset();
              setConfirming(true);
            }}
            data-testid="cancel-plan"
          >
            {t("cancelPlan")}
          </button>
        ) : null}
      </div>
      {checkout.leaving ? (
        <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 aria-hidden className="size-4 animate-spin motion-reduce:animate-none" />
          {t("redirecting")}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("cancelTitle", { plan })}
        body={t("cancelBody", { plan, date })}
        confirm={t("cancelConfirm")}
        cancel={t("keepPlan", { plan })}
        closeLabel={common("close")}
        busy={cancel.isPending}
        onConfirm={() => cancel.mutate()}
        testId="cancel-confirm"
      >
        {cancel.error ? (
          <div className="mb-2">
            <FormError>{errorText(cancel.error)}</FormError>
          </div>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
