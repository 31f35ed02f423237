"use client";

import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import type { AdminHealthQuery } from "@/lib/gql/generated/graphql";
import { cx } from "@/lib/cx";
import { Panel, StatusDot } from "@/components/app/ui/panel";
import { EmptyNote } from "@/components/admin/ui/empty-note";
import { DataTable, td, th } from "@/components/admin/ui/table";

type Replica = AdminHealthQuery["adminHealth"]["replicas"][number];

/** A queue this full (of its capacity) is drawn as a warning: records are close to being dropped. */
const FULL = 0.8;

/**
 * The processes running Satu, from their heartbeats: what each does, how many usage records
 * wait in its memory, and when it was last heard from. A replica silent for over 30 seconds is
 * marked stale: it stopped without leaving, or it is stuck.
 */
export function ReplicasTable({ replicas }: { replicas: Replica[] }) {
  const t = useT("admin");
  return (
    <Panel title={t("replicasTitle")} description={t("replicasLead")}>
      {replicas.length === 0 ? (
        <EmptyNote>{t("replicasEmpty")}</EmptyNote>
      ) : (
        <DataTable
          label={t("replicasTitle")}
          minWidth="min-w-[52rem]"
          testId="health-replicas"
          head={
            <>
              <th scope="col" className={th}>{t("colReplica")}</th>
              <th scope="col" className={th}>{t("colRole")}</th>
              <th scope="col" className={`${th} w-64`}>{t("colUsageQueue")}</th>
              <th scope="col" className={th}>{t("colStarted")}</th>
              <th scope="col" className={th}>{t("colLastSeen")}</th>
            </>
          }
        >
          {replicas.map((replica) => (
            <ReplicaRow key={replica.replicaId} replica={replica} />
          ))}
        </DataTable>
      )}
    </Panel>
  );
}

function ReplicaRow({ replica }: { replica: Replica }) {
  const t = useT("admin");
  const has = useHasT();
  const f = useFormat();
  // A role this page does not know yet stays as the server named it.
  const role = has(`admin.replicaRole.${replica.role}`) ? t(`replicaRole.${replica.role}`) : replica.role;
  return (
    <tr data-testid="health-replica" data-role={replica.role} data-stale={replica.stale || undefined}>
      <th scope="row" className={`${td} font-normal`}>
        <span className="flex items-center gap-2">
          <span className="max-w-72 truncate font-mono text-xs" title={replica.replicaId}>
            {replica.replicaId}
          </span>
          {replica.stale ? (
            <span
              className="inline-flex shrink-0 items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs font-medium whitespace-nowrap"
              data-testid="replica-stale"
            >
              <StatusDot tone="bad" />
              {t("replicaStale")}
            </span>
          ) : null}
        </span>
      </th>
      <td className={td}>
        <span className="block font-medium">{role}</span>
        <span className="block font-mono text-xs text-muted-foreground">{replica.role}</span>
      </td>
      <td className={td}>
        <QueueBar depth={replica.usageQueueDepth} capacity={replica.usageQueueCapacity} />
      </td>
      <td className={`${td} whitespace-nowrap text-muted-foreground`}>
        <time dateTime={replica.startedAt} title={f.dateTime(replica.startedAt)}>
          {f.ago(replica.startedAt)}
        </time>
      </td>
      <td className={cx(td, "whitespace-nowrap", replica.stale ? "font-medium text-destructive" : "text-muted-foreground")}>
        <time dateTime={replica.seenAt} title={f.dateTime(replica.seenAt)}>
          {f.ago(replica.seenAt)}
        </time>
      </td>
    </tr>
  );
}

/** Depth of capacity as words and a small bar (the words say it; the bar helps the eye). */
function QueueBar({ depth, capacity }: { depth: number; capacity: number }) {
  const t = useT("admin");
  const f = useFormat();
  const share = capacity > 0 ? Math.min(1, depth / capacity) : 0;
  return (
    <span className="flex items-center gap-3" data-testid="replica-queue">
      <span aria-hidden className="h-2 w-24 shrink-0 overflow-hidden rounded-full bg-muted">
        <span className={cx("block h-full rounded-full", share >= FULL ? "bg-destructive" : "bg-primary")} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="text-xs whitespace-nowrap tabular-nums">{t("replicaQueue", { depth: f.int(depth), capacity: f.int(capacity) })}</span>
    </span>
  );
}
