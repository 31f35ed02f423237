"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { SetTeamMemberLimitsDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { useMoney } from "@/lib/app/money";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { Field, FormError } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { refreshTeam, parseAmount, parseCount, type Member } from "@/components/app/team/queries";

const text = (n: number | null | undefined) => (n == null ? "" : String(n));

/** What one member may use within the team's own limits; an empty field: no limit of their own. */
export function MemberLimitsDialog({ open, onOpenChange, member }: { open: boolean; onOpenChange: (o: boolean) => void; member: Member }) {
  const t = useT("team");
  const c = useT("common");
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("limitsTitle", { who: member.displayName || member.email })}
      description={t("limitsLead")}
      closeLabel={c("close")}
    >
      {/* Mounted while open: each opening starts from the member's current limits. */}
      <LimitsForm member={member} onClose={() => onOpenChange(false)} />
    </Dialog>
  );
}

function LimitsForm({ member, onClose }: { member: Member; onClose: () => void }) {
  const t = useT("team");
  const c = useT("common");
  const toast = useToast();
  const errorText = useErrorText();
  const money = useMoney();
  const client = useQueryClient();
  const [monthly, setMonthly] = useState(() => text(member.monthlyRequestsLimit));
  const [rpm, setRpm] = useState(() => text(member.requestsPerMinuteLimit));
  const [budget, setBudget] = useState(() => text(member.budgetUsd));
  const values = { monthly: parseCount(monthly), rpm: parseCount(rpm), budget: parseAmount(budget) };
  const save = useMutation({
    mutationFn: () =>
      gql(SetTeamMemberLimitsDocument, {
        userId: member.userId,
        monthlyRequests: values.monthly ?? null,
        requestsPerMinute: values.rpm ?? null,
        budgetUsd: values.budget ?? null,
      }),
    onSuccess: () => {
      onClose();
      toast.ok(t("limitsSaved", { who: member.displayName || member.email }));
      refreshTeam(client);
    },
  });
  const invalid = values.monthly === undefined || values.rpm === undefined || values.budget === undefined;
  const rupiah = typeof values.budget === "number" ? money.idr(values.budget) : null;
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) save.mutate();
      }}
    >
      <Field
        label={t("limitMonthlyLabel")}
        inputMode="numeric"
        value={monthly}
        onChange={(e) => setMonthly(e.target.value)}
        placeholder={t("noLimit")}
        error={values.monthly === undefined ? t("wholeNumber") : null}
        data-testid="limit-monthly"
      />
      <Field
        label={t("limitRpmLabel")}
        inputMode="numeric"
        value={rpm}
        onChange={(e) => setRpm(e.target.value)}
        placeholder={t("noLimit")}
        error={values.rpm === undefined ? t("wholeNumber") : null}
        data-testid="limit-rpm"
      />
      <Field
        label={t("limitBudgetLabel")}
        inputMode="decimal"
        value={budget}
        onChange={(e) => setBudget(e.target.value)}
        placeholder={t("noLimit")}
        hint={rupiah ? t("inRupiah", { amount: rupiah }) : t("budgetHint")}
        error={values.budget === undefined ? t("amountInvalid") : null}
        data-testid="limit-budget"
      />
      <FormError>{save.error ? errorText(save.error) : null}</FormError>
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonVariants({ variant: "outline" })} onClick={onClose}>
          {c("cancel")}
        </button>
        <button type="submit" className={buttonVariants()} disabled={save.isPending || invalid} data-testid="limits-save">
          {c("save")}
        </button>
      </div>
    </form>
  );
}
