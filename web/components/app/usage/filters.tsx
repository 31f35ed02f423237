"use client";

import { X } from "lucide-react";
import { useT } from "@/lib/i18n/client";
import type { UsageFilterOptionsQuery, UsageGroup } from "@/lib/gql/generated/graphql";
import { buttonVariants } from "@/components/ui/button-variants";
import { SelectField } from "@/components/app/ui/field";
import { NO_FILTERS, hasFilters, type Filters } from "@/components/app/usage/range";

export type Options = UsageFilterOptionsQuery;
export const GROUPS: UsageGroup[] = ["PROVIDER", "MODEL", "API_KEY", "ACCOUNT"];
/** In a team workspace, usage also groups by member. */
const TEAM_GROUPS: UsageGroup[] = [...GROUPS, "MEMBER"];

/** Values seen in the range, plus the selected one (so a choice never disappears from its select). */
function seen(groups: { group?: string | null; label?: string | null }[] | undefined, selected: string) {
  const values = (groups ?? []).flatMap((g) => (g.group ? [{ value: g.group, label: g.label || g.group }] : []));
  if (selected && !values.some((v) => v.value === selected)) values.push({ value: selected, label: selected });
  return values;
}

/** Narrow everything on the page to one key, provider, model or connection; group by one of them. */
export function FilterBar({
  filters,
  onFilters,
  groupBy,
  onGroupBy,
  options,
}: {
  filters: Filters;
  onFilters: (f: Filters) => void;
  groupBy: UsageGroup;
  onGroupBy: (g: UsageGroup) => void;
  options: Options | undefined;
}) {
  const t = useT("usage");
  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLSelectElement>) => onFilters({ ...filters, [key]: e.target.value });
  const keys = options?.apiKeys ?? [];
  const connections = options?.connections ?? [];
  const members = options?.currentTeam?.members ?? null;
  const groups = members ? TEAM_GROUPS : GROUPS;
  return (
    <div className={members ? "grid gap-3 sm:grid-cols-2 lg:grid-cols-6" : "grid gap-3 sm:grid-cols-2 lg:grid-cols-5"} data-testid="usage-filters">
      {members ? (
        <SelectField label={t("filterMember")} value={filters.memberId} onChange={set("memberId")} data-testid="filter-member">
          <option value="">{t("all")}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.displayName || m.email}
            </option>
          ))}
          {filters.memberId && !members.some((m) => m.userId === filters.memberId) ? <option value={filters.memberId}>{filters.memberId}</option> : null}
        </SelectField>
      ) : null}
      <SelectField label={t("filterKey")} value={filters.apiKeyId} onChange={set("apiKeyId")} data-testid="filter-key">
        <option value="">{t("all")}</option>
        {keys.map((k) => (
          <option key={k.id} value={k.id}>
            {k.status === "ACTIVE" ? k.name : t("keyInactive", { name: k.name })}
          </option>
        ))}
        {filters.apiKeyId && !keys.some((k) => k.id === filters.apiKeyId) ? <option value={filters.apiKeyId}>{filters.apiKeyId}</option> : null}
      </SelectField>
      <SelectField label={t("filterProvider")} value={filters.provider} onChange={set("provider")} data-testid="filter-provider">
        <option value="">{t("all")}</option>
        {seen(options?.providers.groups, filters.provider).map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("filterModel")} value={filters.model} onChange={set("model")} data-testid="filter-model">
        <option value="">{t("all")}</option>
        {seen(options?.models.groups, filters.model).map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("filterConnection")} value={filters.accountId} onChange={set("accountId")} data-testid="filter-connection">
        <option value="">{t("all")}</option>
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
        {filters.accountId && !connections.some((c) => c.id === filters.accountId) ? <option value={filters.accountId}>{filters.accountId}</option> : null}
      </SelectField>
      <SelectField label={t("groupBy")} value={groupBy} onChange={(e) => onGroupBy(e.target.value as UsageGroup)} data-testid="group-by">
        {groups.map((g) => (
          <option key={g} value={g}>
            {t(`group_${g}`)}
          </option>
        ))}
      </SelectField>
      {hasFilters(filters) ? (
        <div className="col-span-full">
          <button type="button" className={buttonVariants({ variant: "ghost", size: "sm" })} onClick={() => onFilters(NO_FILTERS)} data-testid="clear-filters">
            <X aria-hidden />
            {t("clearFilters")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
