"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Download, ScrollText } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { TeamAuditLogDocument, type TeamAuditLogQuery } from "@/lib/gql/generated/graphql";
import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { buttonVariants } from "@/components/ui/button-variants";
import { EmptyState, Loading, Panel } from "@/components/app/ui/panel";
import { AUDIT_KEY } from "@/components/app/team/queries";

type Entry = TeamAuditLogQuery["teamAuditLog"][number];
const PAGE = 25;

/** Who did what to the team, newest first, with the values before and after; downloadable. */
export function AuditLog({ teamId }: { teamId: string }) {
  const t = useT("team");
  const c = useT("common");
  const log = useInfiniteQuery({
    queryKey: AUDIT_KEY,
    queryFn: ({ pageParam }) => gql(TeamAuditLogDocument, { first: PAGE, before: pageParam }).then((d) => d.teamAuditLog),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].id : undefined),
  });
  const entries = log.data?.pages.flat() ?? [];
  const exportHref = (format: "csv" | "json") => `/api/teams/audit/export?${new URLSearchParams({ workspace: teamId, format })}`;
  return (
    <Panel
      title={t("auditTitle")}
      description={t("auditLead")}
      actions={(["csv", "json"] as const).map((format) => (
        <a key={format} href={exportHref(format)} download className={buttonVariants({ variant: "outline", size: "sm" })} data-testid={`audit-export-${format}`}>
          <Download aria-hidden />
          {t(`export_${format}`)}
        </a>
      ))}
    >
      {log.isPending ? (
        <Loading label={t("loading")} />
      ) : log.error && entries.length === 0 ? (
        <p role="alert" className="text-sm text-destructive">
          {c("loadFailed")}{" "}
          <button type="button" className="underline" onClick={() => log.refetch()}>
            {c("retry")}
          </button>
        </p>
      ) : entries.length === 0 ? (
        <EmptyState icon={<ScrollText aria-hidden />} title={t("auditEmpty")} />
      ) : (
        <>
          {/* Focusable, so a keyboard can scroll a table wider than the screen. */}
          <div className="relative -mx-5 overflow-x-auto" tabIndex={0} role="region" aria-label={t("auditTitle")}>
            <table className="w-full min-w-[48rem] text-left text-sm" data-testid="team-audit">
              <caption className="sr-only">{t("auditTitle")}</caption>
              <thead className="text-xs text-muted-foreground">
                <tr className="border-b border-border">
                  <th scope="col" className="px-5 py-2 font-medium">{t("auditWhen")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("auditWho")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("auditWhat")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("auditTarget")}</th>
                  <th scope="col" className="px-5 py-2 font-medium">{t("auditChange")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          {log.hasNextPage ? (
            <div className="mt-4 flex justify-center">
              <button type="button" className={buttonVariants({ variant: "outline", size: "sm" })} disabled={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
                {log.isFetchingNextPage ? t("loading") : t("auditMore")}
              </button>
            </div>
          ) : null}
        </>
      )}
    </Panel>
  );
}

function AuditRow({ entry }: { entry: Entry }) {
  const t = useT("team");
  const has = useHasT();
  const f = useFormat();
  const key = `audit_${entry.action.replace(/\./g, "_")}`;
  return (
    <tr className="border-b border-border/60 align-top last:border-0" data-testid="audit-row" data-action={entry.action}>
      <td className="px-5 py-2.5 whitespace-nowrap text-muted-foreground">{f.dateTime(entry.at)}</td>
      <td className="max-w-48 truncate px-3 py-2.5">{entry.actorEmail ?? t("auditSystem")}</td>
      <td className="px-3 py-2.5">{has(`team.${key}`) ? t(key) : entry.action}</td>
      <td className="max-w-48 truncate px-3 py-2.5">{entry.target ?? "—"}</td>
      <td className="px-5 py-2.5 font-mono text-xs text-muted-foreground">
        <Change before={entry.before} after={entry.after} />
      </td>
    </tr>
  );
}

/** A value as people read it: `role: member, rpm: 60` for an object. */
function describe(value: unknown): string {
  if (value == null) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, v]) => `${key}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(", ");
  }
  return JSON.stringify(value);
}

/** `role: member → role: admin`. */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const show = describe;
  if (before == null && after == null) return <>—</>;
  return (
    <span className="block max-w-80 break-all">
      {before != null ? <del className="no-underline">{show(before)}</del> : null}
      {before != null && after != null ? " → " : null}
      {after != null ? <ins className="no-underline">{show(after)}</ins> : null}
    </span>
  );
}
