"use client";

import { useQuery } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { UsageRequestLogDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { useErrorText } from "@/lib/app/errors";
import { Dialog } from "@/components/app/ui/dialog";
import { Loading, StatusDot } from "@/components/app/ui/panel";
import { CopyButton } from "@/components/app/ui/copy";
import { LOG_KEY } from "@/components/app/usage/live-refresh";
import { zoneLabel } from "@/components/app/usage/range";
import { useZoneFormat } from "@/components/app/usage/zone-format";

/** Exact dollars from nano-dollars: "$0.000123456" (trailing zeros dropped, at least cents). */
export function exactUsd(nanos: number) {
  const sign = nanos < 0 ? "-" : "";
  const abs = Math.abs(nanos);
  const whole = Math.floor(abs / 1e9);
  const frac = String(abs % 1e9).padStart(9, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${sign}$${whole}.${frac}`;
}

/** Everything stored about one request, read by its id (`requestLog(id)`). */
export function LogDetail({
  id,
  open,
  onClose,
  offset,
  keyName,
  connectionName,
}: {
  id: string | null;
  open: boolean;
  onClose: () => void;
  offset: number;
  keyName: (id: string | null | undefined) => string;
  connectionName: (id: string | null | undefined) => string;
}) {
  const t = useT("usage");
  const c = useT("common");
  const f = useFormat();
  const z = useZoneFormat(offset);
  const errorText = useErrorText();
  const log = useQuery({
    queryKey: [...LOG_KEY, id],
    queryFn: () => gql(UsageRequestLogDocument, { id: id as string }).then((d) => d.requestLog),
    enabled: id !== null,
    staleTime: Infinity,
  });
  const r = log.data;
  const ms = (n: number | null | undefined) => (n == null ? "—" : t("ms", { n: f.int(n) }));
  return (
    <Dialog
      open={open && id !== null}
      onOpenChange={(open) => (open ? null : onClose())}
      title={t("detailTitle")}
      description={r ? `${z.dateTime(r.createdAt)} · ${zoneLabel(offset)}` : undefined}
      closeLabel={c("close")}
      wide
    >
      {log.isPending ? (
        <Loading label={t("detailLoading")} rows={4} />
      ) : log.error ? (
        <p role="alert" className="text-sm text-destructive">
          {errorText(log.error)}{" "}
          <button type="button" className="underline" onClick={() => log.refetch()}>
            {c("retry")}
          </button>
        </p>
      ) : r ? (
        <div data-testid="log-detail">
          <div className="mb-4 flex min-w-0 flex-wrap items-center gap-2 rounded-lg border border-border bg-muted/40 px-3 py-2">
            <span className="text-xs text-muted-foreground">{t("requestId")}</span>
            <code className="min-w-0 flex-1 break-all font-mono text-xs" data-testid="log-detail-id">
              {r.id}
            </code>
            <CopyButton text={r.id} label={t("copyId")} />
          </div>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Item label={t("colTime")} value={`${z.dateTime(r.createdAt)} (${zoneLabel(offset)})`} />
            <Item label={t("colStatus")}>
              <span className="inline-flex items-center gap-2">
                <StatusDot tone={r.statusCode < 400 && !r.errorKind ? "ok" : "bad"} />
                <span className="tabular-nums">{r.statusCode}</span>
                {r.statusCode < 400 && !r.errorKind ? t("statusOk") : t("statusError")}
              </span>
            </Item>
            <Item label={t("colModel")} value={r.model} mono />
            <Item label={t("colProvider")} value={r.provider ?? t("unrouted")} />
            <Item label={t("colKey")} value={keyName(r.apiKeyId)} />
            <Item label={t("colConnection")} value={connectionName(r.accountId)} />
            <Item label={t("endpoint")} value={r.endpoint} mono />
            <Item label={t("stream")} value={r.stream ? t("yes") : t("no")} />
            <Item label={t("errorKind")} value={r.errorKind ?? "—"} mono={Boolean(r.errorKind)} />
            <Item label={t("colLatency")} value={ms(r.latencyMs)} />
            <Item label={t("colTtft")} value={ms(r.ttftMs)} />
            <Item label={t("colCost")} value={`${f.usdNanos(r.costNanos)} (${exactUsd(r.costNanos)})`} />
            <Item label={t("tokensIn")} value={f.int(r.promptTokens)} />
            <Item label={t("tokensOut")} value={f.int(r.completionTokens)} />
            <Item label={t("tokensCached")} value={f.int(r.cachedTokens)} />
            <Item label={t("tokensReasoning")} value={f.int(r.reasoningTokens)} />
          </dl>
        </div>
      ) : null}
    </Dialog>
  );
}

function Item({ label, value, mono, children }: { label: string; value?: string; mono?: boolean; children?: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={mono ? "break-all font-mono text-[13px]" : "break-words"}>{children ?? value}</dd>
    </div>
  );
}
