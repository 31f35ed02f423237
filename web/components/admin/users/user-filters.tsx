"use client";

import { useState } from "react";
import { Search, X } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import type { AdminUserStatus } from "@/lib/gql/generated/graphql";
import { usePlans } from "@/lib/admin/plans";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, SelectField } from "@/components/app/ui/field";
import { STATUSES, type ListParams } from "@/components/admin/users/list-params";

/** Search (sent with Enter or the button) and the plan and status filters (applied at once). */
export function UserFilters({ params, onChange }: { params: ListParams; onChange: (change: Partial<ListParams>) => void }) {
  const t = useT("admin");
  const plans = usePlans().data ?? [];
  const [search, setSearch] = useState(params.search);
  const filtered = params.search || params.planId || params.status !== "ANY";
  return (
    <div className="grid items-end gap-3 lg:grid-cols-[minmax(0,1fr)_12rem_12rem_auto]" data-testid="user-filters">
      <form
        role="search"
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ search: search.trim() });
        }}
      >
        <Field
          label={t("searchLabel")}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("searchPlaceholder")}
          className="flex-1"
          data-testid="user-search"
        />
        <button type="submit" className={buttonVariants()} data-testid="user-search-submit">
          <Search aria-hidden />
          {t("search")}
        </button>
      </form>
      <SelectField label={t("filterPlan")} value={params.planId} onChange={(e) => onChange({ planId: e.target.value })} data-testid="user-plan-filter">
        <option value="">{t("allPlans")}</option>
        {plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {plan.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("filterStatus")}
        value={params.status}
        onChange={(e) => onChange({ status: e.target.value as AdminUserStatus })}
        data-testid="user-status-filter"
      >
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status_${status}`)}
          </option>
        ))}
      </SelectField>
      <button
        type="button"
        className={buttonVariants({ variant: "ghost" })}
        disabled={!filtered}
        onClick={() => {
          setSearch("");
          onChange({ search: "", planId: "", status: "ANY" });
        }}
      >
        <X aria-hidden />
        {t("clearFilters")}
      </button>
    </div>
  );
}
