"use client";

import { useT } from "@/lib/i18n/client";
import type { AdminLogsQuery } from "@/lib/gql/generated/graphql";
import { useProviderName } from "@/lib/admin/providers";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { UserLink, WhenIpCell } from "@/components/admin/ui/cells";
import { DataTable, td, th } from "@/components/admin/ui/table";
import { useLogKindName } from "@/components/admin/logs/kind-name";

export type LogEntry = AdminLogsQuery["adminLogs"]["items"][number];

/**
 * One line per event: when and from where, what happened (with the raw kind under its name,
 * for searching the server's logs), who, through which provider and model, and the detail.
 */
export function LogsTable({ entries, label }: { entries: LogEntry[]; label: string }) {
  const t = useT("admin");
  if (entries.length === 0) return <EmptyNote>{t("logsEmpty")}</EmptyNote>;
  return (
    <DataTable
      label={label}
      minWidth="min-w-[60rem]"
      testId="logs-table"
      head={
        <>
          <th scope="col" className={th}>{t("colWhenIp")}</th>
          <th scope="col" className={th}>{t("colWhat")}</th>
          <th scope="col" className={th}>{t("colEmail")}</th>
          <th scope="col" className={th}>{t("colProviderModel")}</th>
          <th scope="col" className={th}>{t("colDetail")}</th>
        </>
      }
    >
      {entries.map((entry, i) => (
        <LogRow key={`${entry.at}-${entry.requestId ?? i}`} entry={entry} />
      ))}
    </DataTable>
  );
}

function LogRow({ entry }: { entry: LogEntry }) {
  const t = useT("admin");
  const kindName = useLogKindName();
  const providerName = useProviderName();
  return (
    <tr data-testid="log-row" data-kind={entry.kind}>
      <WhenIpCell at={entry.at} ip={entry.ip} />
      <td className={`${td} min-w-36`}>
        <span className="block font-medium">{kindName(entry.kind)}</span>
        <span className="block font-mono text-xs text-muted-foreground">
          {entry.kind}
          {entry.statusCode ? ` · HTTP ${entry.statusCode}` : ""}
        </span>
      </td>
      <td className={td}>{entry.userId ? <UserLink id={entry.userId} email={entry.email} /> : "—"}</td>
      <td className={td}>
        <span className="block">{entry.provider !== null ? providerName(entry.provider) : "—"}</span>
        {entry.model ? <span className="block max-w-48 truncate font-mono text-xs text-muted-foreground">{entry.model}</span> : null}
      </td>
      <td className={`${td} min-w-48`}>
        <span className="block max-w-md break-words">{entry.detail ?? "—"}</span>
        {entry.requestId ? (
          <span className="block font-mono text-xs text-muted-foreground">
            <span className="sr-only">{t("requestId")} </span>
            {entry.requestId}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
