"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { ChangePlanAtPeriodEndDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useFormat } from "@/lib/app/format";
import { formatIdr } from "@/lib/plans";
import { ConfirmDialog } from "@/components/app/ui/dialog";
import { FormError } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { BILLING_KEY, type BillingPlan } from "@/components/app/billing/billing-page";

/** A cheaper plan from the end of the paid period (`changePlanAtPeriodEnd`), once confirmed. */
export function DowngradeDialog({
  plan,
  current,
  endsAt,
  open,
  onOpenChange,
}: {
  plan: BillingPlan;
  current: string;
  endsAt: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT("billing");
  const common = useT("common");
  const f = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const client = useQueryClient();
  const date = f.date(endsAt);
  const change = useMutation({
    mutationFn: () => gql(ChangePlanAtPeriodEndDocument, { plan: plan.id }),
    onSuccess: () => {
      onOpenChange(false);
      toast.ok(t("downgradeScheduled", { plan: plan.name, date }));
      return client.invalidateQueries({ queryKey: BILLING_KEY });
    },
  });
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) change.reset();
        onOpenChange(next);
      }}
      title={t("downgradeTitle", { plan: plan.name })}
      body={t("downgradeBody", { plan: plan.name, current, date, price: formatIdr(plan.priceIdr ?? 0) })}
      confirm={t("downgradeConfirm")}
      cancel={common("cancel")}
      closeLabel={common("close")}
      busy={change.isPending}
      tone="default"
      onConfirm={() => change.mutate()}
      testId="downgrade-confirm"
    >
      {change.error ? (
        <div className="mb-2">
          <FormError>{errorText(change.error)}</FormError>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
