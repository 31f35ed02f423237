"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useT } from "@/lib/i18n/client";
import { adminPath, appPath } from "@/lib/app/paths";
import { enterImpersonation } from "@/lib/app/impersonation";
import { useFormat } from "@/lib/app/format";
import { useAdminErrorText } from "@/lib/admin/errors";
import { ADMIN_KEY, ADMIN_ME_KEY, userKey } from "@/lib/admin/keys";
import { usePlans } from "@/lib/admin/plans";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { Field, FormError, SelectField, TextAreaField } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { GRANT_MAX, REASON_MAX, perform, reasonValid, requestsValid, todayInJakarta, type ActionResult, type UserAction } from "@/components/admin/user/perform";
import { periodState } from "@/components/admin/user/periods";
import type { UserDetail } from "@/components/admin/user/user-page";

/** The dialog of one action on the user: its own fields, the reason, the server's answer. */
export function ActionDialog({ action, detail, onClose }: { action: UserAction | null; detail: UserDetail; onClose: () => void }) {
  const t = useT("admin");
  const c = useT("common");
  const email = detail.user.email;
  return (
    <Dialog
      open={action !== null}
      onOpenChange={(open) => !open && onClose()}
      title={action ? t(`action_${action}_title`, { email }) : ""}
      description={action ? t(`action_${action}_lead`) : undefined}
      closeLabel={c("close")}
    >
      {/* Mounted while open: each opening starts with empty fields. */}
      {action ? <ActionForm action={action} detail={detail} onDone={onClose} /> : null}
    </Dialog>
  );
}

/** The end of the period running now, if any: what "extend" moves. */
function runningPeriodEnd(detail: UserDetail) {
  const now = Date.now();
  return detail.periods.find((p) => periodState(p, now) === "running")?.endsAt ?? null;
}

function ActionForm({ action, detail, onDone }: { action: UserAction; detail: UserDetail; onDone: () => void }) {
  const t = useT("admin");
  const c = useT("common");
  const f = useFormat();
  const locale = useLocale();
  const toast = useToast();
  const errorText = useAdminErrorText();
  const client = useQueryClient();
  const plans = usePlans().data ?? [];
  const { user } = detail;
  const [reason, setReason] = useState("");
  const [planId, setPlanId] = useState(user.planId);
  const [until, setUntil] = useState("");
  const [requests, setRequests] = useState("");
  // Say what is wrong with a field only once the operator tried to send it.
  const [tried, setTried] = useState(false);
  // Read once per opening: the dialog's hints follow the clock no closer than that.
  const [periodEnd] = useState(() => runningPeriodEnd(detail));
  const [today] = useState(todayInJakarta);

  const confirmation = (result: ActionResult) => {
    if (action === "signOut") return t("done_signOut", { n: result.sessionsEnded ?? 0 });
    if (action === "verify") return result.mailed ? t("done_verify") : t("done_verifyAlready");
    return t(`done_${action}`, { email: user.email });
  };
  const run = useMutation({
    mutationFn: () => perform(action, user.id, { reason: reason.trim(), planId, until, requests: Number(requests) }),
    onSuccess: (result) => {
      if (result.view?.token) {
        // This tab becomes the user's dashboard until the view ends; the panel comes back after.
        const { id, userId, userEmail, expiresAt, token } = result.view;
        const returnTo = `${adminPath(locale, "users")}?id=${userId}`;
        enterImpersonation({ id, userId, userEmail, expiresAt, token, returnTo }, appPath(locale));
        return;
      }
      if (result.detail) client.setQueryData(userKey(user.id), result.detail);
      // Lists, figures and the audit log show the change too; the operator's own role has not changed.
      void client.invalidateQueries({ queryKey: ADMIN_KEY, predicate: (q) => q.queryKey[1] !== ADMIN_ME_KEY[1] });
      toast.ok(confirmation(result));
      onDone();
    },
  });

  const untilMissing = action === "extend" && !until;
  const requestsBad = action === "grant" && !requestsValid(requests);
  const reasonError = tried && !reasonValid(reason) ? t("reasonInvalid") : null;
  const untilError = tried && untilMissing ? t("untilRequired") : null;
  const requestsError = tried && requestsBad ? t("requestsInvalid", { max: f.int(GRANT_MAX) }) : null;
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (reasonValid(reason) && !untilMissing && !requestsBad) run.mutate();
      }}
    >
      {action === "plan" ? (
        <SelectField label={t("colPlan")} value={planId} onChange={(e) => setPlanId(e.target.value)} data-autofocus data-testid="action-plan">
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {action === "plan" || action === "extend" ? (
        <Field
          label={action === "plan" ? t("untilOptional") : t("until")}
          type="date"
          min={today}
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          required={action === "extend"}
          data-autofocus={action === "extend" || undefined}
          hint={
            action === "plan"
              ? t("untilPlanHint")
              : periodEnd
                ? t("untilExtendHint", { when: f.dateTime(periodEnd) })
                : t("untilNoPeriod")
          }
          error={untilError}
          data-testid="action-until"
        />
      ) : null}
      {action === "grant" ? (
        <Field
          label={t("requests")}
          type="number"
          inputMode="numeric"
          min={1}
          max={GRANT_MAX}
          step={1}
          value={requests}
          onChange={(e) => setRequests(e.target.value)}
          required
          data-autofocus
          hint={t("requestsHint")}
          error={requestsError}
          data-testid="action-requests"
        />
      ) : null}
      <TextAreaField
        label={t("reason")}
        hint={t("reasonHint")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={REASON_MAX}
        required
        // The first field of the dialog takes the focus: the plan or the day where there is one.
        data-autofocus={(action !== "plan" && action !== "extend" && action !== "grant") || undefined}
        error={reasonError}
        data-testid="action-reason"
      />
      <FormError>{run.error ? errorText(run.error) : null}</FormError>
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonVariants({ variant: "outline" })} onClick={onDone}>
          {c("cancel")}
        </button>
        <button
          type="submit"
          className={buttonVariants({ variant: action === "suspend" ? "destructive" : "default" })}
          disabled={run.isPending}
          aria-busy={run.isPending || undefined}
          data-testid="action-submit"
        >
          {t(`action_${action}`)}
        </button>
      </div>
    </form>
  );
}
