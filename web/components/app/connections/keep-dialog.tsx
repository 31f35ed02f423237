"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { GqlError, gql } from "@/lib/gql/client";
import { KeepConnectionsDocument, type ConnectionsQuery } from "@/lib/gql/generated/graphql";
import { useHasT, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { cx } from "@/lib/cx";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { useToast } from "@/components/app/ui/toast";
import { Checkbox, MutationError, ROUTING_KEY, useInvalidateConnections, type Connection } from "@/components/app/connections/shared";

type Limits = ConnectionsQuery["connectionLimits"];

/** In use: not turned off by the user, not paused over the plan's caps. */
export const inUse = (c: Pick<Connection, "status">) => c.status !== "PAUSED" && c.status !== "DISABLED";

/**
 * After a move to a smaller plan: which connections stay in use (`keepConnections`). The
 * plan's caps and what the ticked ones need are shown side by side; the server has the last
 * word (PLAN_LIMIT, in the user's language). Unticked ones are paused, kept for later.
 */
export function KeepDialog({
  connections,
  limits,
  plan,
  open,
  onOpenChange,
}: {
  connections: Connection[];
  limits: Limits;
  plan: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT("connections");
  const common = useT("common");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("keepTitle")} description={t("keepLead", { plan })} closeLabel={common("close")} wide>
      {/* Mounted only while open, so each opening starts from the connections in use. */}
      <KeepForm connections={connections} limits={limits} plan={plan} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function KeepForm({ connections, limits, plan, onDone }: { connections: Connection[]; limits: Limits; plan: string; onDone: () => void }) {
  const t = useT("connections");
  const common = useT("common");
  const has = useHasT();
  const toast = useToast();
  const invalidate = useInvalidateConnections();
  const client = useQueryClient();
  const [chosen, setChosen] = useState(() => new Set(connections.filter(inUse).map((c) => c.id)));
  const picked = connections.filter((c) => chosen.has(c.id));
  const providers = new Set(picked.map((c) => c.provider)).size;
  const accounts = picked.filter((c) => c.kind === "OAUTH").length;

  const keep = useMutation({
    mutationFn: (ids: string[]) => gql(KeepConnectionsDocument, { ids }),
    onSuccess: (d) => {
      const all = d.keepConnections;
      toast.ok(t("keepSaved", { on: all.filter(inUse).length, paused: all.filter((c) => c.status === "PAUSED").length }));
      invalidate();
      void client.invalidateQueries({ queryKey: ROUTING_KEY });
      void client.invalidateQueries({ queryKey: ["billing"] });
      onDone();
    },
  });
  // The plan's cap, said for this choice ("pick fewer"), not for adding one ("remove one").
  const error = keep.error;
  const limitText =
    error instanceof GqlError && error.code === "PLAN_LIMIT" && error.reason && has(`connections.keepLimit.${error.reason}`)
      ? t(`keepLimit.${error.reason}`, { plan: String(error.details.plan ?? plan), limit: error.details.limit ?? "" })
      : undefined;

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        keep.mutate(connections.filter((c) => chosen.has(c.id)).map((c) => c.id));
      }}
      data-testid="keep-form"
    >
      <dl className="grid gap-3 rounded-lg border border-border bg-muted/40 p-3 text-sm sm:grid-cols-2" data-testid="keep-caps">
        <Cap label={t("keepProviders")} chosen={providers} max={limits.providersMax} />
        <Cap label={t("keepAccounts")} chosen={accounts} max={limits.oauthAccountsMax} />
      </dl>
      <fieldset className="flex min-w-0 flex-col gap-3">
        <legend className="mb-2 text-sm font-medium">{t("keepLegend")}</legend>
        {connections.map((c) => (
          <Checkbox
            key={c.id}
            label={c.label}
            hint={[t(`provider.${c.provider}`), t(`kind.${c.kind}`), t(`status.${c.status}`)].join(" · ")}
            checked={chosen.has(c.id)}
            onChange={(on) =>
              setChosen((prev) => {
                const next = new Set(prev);
                if (on) next.add(c.id);
                else next.delete(c.id);
                return next;
              })
            }
            className="rounded-lg border border-border px-3 py-2.5 break-words"
            testId="keep-choice"
          />
        ))}
      </fieldset>
      <MutationError error={error} text={limitText} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonVariants({ variant: "outline" })} onClick={onDone}>
          {common("cancel")}
        </button>
        <button type="submit" className={buttonVariants()} disabled={keep.isPending} aria-busy={keep.isPending || undefined} data-testid="keep-save">
          {keep.isPending ? common("saving") : t("keepSave")}
        </button>
      </div>
    </form>
  );
}

/** "2 chosen · the plan allows 1": over the cap reads in the warning colour. */
function Cap({ label, chosen, max }: { label: string; chosen: number; max: number | null }) {
  const t = useT("connections");
  const f = useFormat();
  const over = max !== null && chosen > max;
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={cx("font-medium tabular-nums", over && "text-destructive")}>
        {max === null ? t("keepChosenUnlimited", { chosen: f.int(chosen) }) : t("keepChosenOf", { chosen: f.int(chosen), max: f.int(max) })}
      </dd>
    </div>
  );
}
