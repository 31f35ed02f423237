"use client";

import { useHasT, useT } from "@/lib/i18n/client";
import type { AdminAuditFieldsFragment } from "@/lib/gql/generated/graphql";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { RoleBadge } from "@/components/admin/ui/badges";
import { DataTable, td, th } from "@/components/admin/ui/table";
import { UserLink, WhenIpCell } from "@/components/admin/ui/cells";
import { Change } from "@/components/admin/audit/change";

export type AuditEntry = AdminAuditFieldsFragment;

/** An action as stored (`user.plan_changed`) in words; an action this page does not know yet as stored. */
export function useActionName() {
  const t = useT("admin");
  const has = useHasT();
  return (action: string) => {
    const key = `auditAction.${action.replace(/\./g, "_")}`;
    return has(`admin.${key}`) ? t(key) : action;
  };
}

/**
 * Who did what to whom, why, from where, and the values before and after. Pairs that are read
 * together share a cell (the time and the IP, the action and its reason), so the table fits a
 * laptop's width.
 */
export function AuditTable({ entries, showTarget = true, testId }: { entries: AuditEntry[]; showTarget?: boolean; testId?: string }) {
  const t = useT("admin");
  if (entries.length === 0) return <EmptyNote>{t("auditEmpty")}</EmptyNote>;
  return (
    <DataTable
      label={t("auditTitle")}
      minWidth="min-w-[56rem]"
      testId={testId}
      head={
        <>
          <th scope="col" className={th}>{t("colWhenIp")}</th>
          <th scope="col" className={th}>{t("colActor")}</th>
          <th scope="col" className={th}>{t("colActionReason")}</th>
          {showTarget ? <th scope="col" className={th}>{t("colTarget")}</th> : null}
          <th scope="col" className={th}>{t("colChange")}</th>
        </>
      }
    >
      {entries.map((entry) => (
        <AuditRow key={entry.id} entry={entry} showTarget={showTarget} />
      ))}
    </DataTable>
  );
}

function AuditRow({ entry, showTarget }: { entry: AuditEntry; showTarget: boolean }) {
  const t = useT("admin");
  const actionName = useActionName();
  return (
    <tr data-testid="audit-row" data-action={entry.action}>
      <WhenIpCell at={entry.createdAt} ip={entry.ip} />
      <td className={td}>
        <span className="block max-w-44 truncate">{entry.actorEmail}</span>
        <RoleBadge role={entry.actorRole} />
      </td>
      <td className={`${td} min-w-36`}>
        <span className="block font-medium">{actionName(entry.action)}</span>
        {entry.reason ? (
          <span className="block break-words text-muted-foreground">
            <span className="sr-only">{t("colReason")}: </span>
            <span data-testid="audit-reason">{entry.reason}</span>
          </span>
        ) : null}
      </td>
      {showTarget ? (
        <td className={td}>
          <Target entry={entry} />
        </td>
      ) : null}
      <td className={`${td} min-w-40`}>
        <Change before={entry.before} after={entry.after} />
      </td>
    </tr>
  );
}

/** The target by its name; a user links to their page (for roles that open Users). */
function Target({ entry }: { entry: AuditEntry }) {
  const t = useT("admin");
  const has = useHasT();
  const kind = has(`admin.targetKind.${entry.targetKind}`) ? t(`targetKind.${entry.targetKind}`) : entry.targetKind;
  const label = entry.targetLabel ?? entry.targetId ?? "—";
  return (
    <>
      {entry.targetKind === "user" && entry.targetId ? (
        <UserLink id={entry.targetId} email={label} width="max-w-44" />
      ) : (
        <span className="block max-w-44 truncate">{label}</span>
      )}
      <span className="text-xs text-muted-foreground">{kind}</span>
    </>
  );
}
