"use client";

import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { ConnectionStatus } from "@/lib/gql/generated/graphql";
import { Panel, StatusDot } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { DataTable, td, th } from "@/components/admin/ui/table";
import type { UserDetail } from "@/components/admin/user/user-page";

const TONE: Record<ConnectionStatus, "ok" | "warn" | "bad" | "off"> = {
  ACTIVE: "ok",
  REFRESHING: "ok",
  PAUSED: "warn",
  EXPIRED: "bad",
  ERROR: "bad",
  REVOKED: "bad",
  DISABLED: "off",
};

/** The user's provider connections by state only: the API shows nothing that names the account. */
export function Connections({ connections }: { connections: UserDetail["connections"] }) {
  const t = useT("admin");
  const f = useFormat();
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{f.dateTime(iso)}</time> : "—");
  return (
    <Panel title={t("connectionsTitle")} description={t("connectionsLead")}>
      {connections.length === 0 ? (
        <EmptyNote>{t("connectionsEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("connectionsTitle")}
          minWidth="min-w-[56rem]"
          testId="user-connections"
          head={
            <>
              <th scope="col" className={th}>{t("colConnection")}</th>
              <th scope="col" className={th}>{t("colKind")}</th>
              <th scope="col" className={th}>{t("colStatus")}</th>
              <th scope="col" className={th}>{t("colCreated")}</th>
              <th scope="col" className={th}>{t("colLastUsed")}</th>
              <th scope="col" className={th}>{t("colLastError")}</th>
              <th scope="col" className={th}>{t("colTokenExpires")}</th>
            </>
          }
        >
          {connections.map((c) => (
            <tr key={c.id}>
              <th scope="row" className={`${td} font-normal`}>
                <span className="block font-medium">{t(`provider.${c.provider}`)}</span>
                <span className="block max-w-64 truncate text-xs text-muted-foreground">{c.label}</span>
              </th>
              <td className={td}>{t(`kind.${c.kind}`)}</td>
              <td className={td}>
                <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
                  <StatusDot tone={TONE[c.status]} />
                  {t(`connectionStatus.${c.status}`)}
                </span>
              </td>
              <td className={`${td} whitespace-nowrap text-muted-foreground`}>{when(c.createdAt)}</td>
              <td className={`${td} whitespace-nowrap text-muted-foreground`}>{when(c.lastUsedAt)}</td>
              <td className={`${td} whitespace-nowrap text-muted-foreground`}>{when(c.lastErrorAt)}</td>
              <td className={`${td} whitespace-nowrap text-muted-foreground`}>{when(c.tokenExpiresAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
