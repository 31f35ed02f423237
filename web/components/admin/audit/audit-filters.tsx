"use client";

import { useState } from "react";
import { Search, X } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import type { AdminAuditFilter } from "@/lib/gql/generated/graphql";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, SelectField } from "@/components/app/ui/field";
import { useActionName } from "@/components/admin/audit/audit-table";

/** The actions the trail records (entities/src/admin_audit.rs); the filter offers these. */
export const AUDIT_ACTIONS = [
  "user.suspended",
  "user.unsuspended",
  "user.plan_changed",
  "user.period_extended",
  "user.requests_granted",
  "user.signed_out",
  "user.verification_sent",
  "impersonation.started",
  "impersonation.viewed",
  "impersonation.ended",
  "payment.refunded",
  "invoice.downloaded",
  "query.saved",
  "query.ran",
  "query.deleted",
] as const;

/** Words (actor's email, target's name, reason: sent with Enter or the button) and an action (applied at once). */
export function AuditFilters({ filter, onChange }: { filter: AdminAuditFilter; onChange: (filter: AdminAuditFilter) => void }) {
  const t = useT("admin");
  const actionName = useActionName();
  const [text, setText] = useState(filter.text ?? "");
  return (
    <div className="grid items-end gap-3 lg:grid-cols-[minmax(0,1fr)_16rem_auto]" data-testid="audit-filters">
      <form
        role="search"
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...filter, text: text.trim() || null });
        }}
      >
        <Field
          label={t("auditSearchLabel")}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t("auditSearchPlaceholder")}
          className="flex-1"
          data-testid="audit-search"
        />
        <button type="submit" className={buttonVariants()}>
          <Search aria-hidden />
          {t("search")}
        </button>
      </form>
      <SelectField
        label={t("filterAction")}
        value={filter.action ?? ""}
        onChange={(e) => onChange({ ...filter, action: e.target.value || null })}
        data-testid="audit-action-filter"
      >
        <option value="">{t("allActions")}</option>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {actionName(action)}
          </option>
        ))}
      </SelectField>
      <button
        type="button"
        className={buttonVariants({ variant: "ghost" })}
        disabled={!filter.text && !filter.action}
        onClick={() => {
          setText("");
          onChange({});
        }}
      >
        <X aria-hidden />
        {t("clearFilters")}
      </button>
    </div>
  );
}
