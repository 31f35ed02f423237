"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil, RefreshCw, Unplug } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { RefreshConnectionDocument, RemoveConnectionDocument } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { buttonVariants } from "@/components/ui/button-variants";
import { ConfirmDialog } from "@/components/app/ui/dialog";
import { useToast } from "@/components/app/ui/toast";
import { ROUTING_KEY, useInvalidateConnections, type Connection } from "@/components/app/connections/shared";
import { EditConnectionDialog } from "@/components/app/connections/edit-dialog";

/** Refresh now, edit, disconnect: one row's buttons. */
export function RowActions({ connection: c }: { connection: Connection }) {
  const t = useT("connections");
  const common = useT("common");
  const toast = useToast();
  const errorText = useErrorText();
  const invalidate = useInvalidateConnections();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);

  const refresh = useMutation({
    mutationFn: () => gql(RefreshConnectionDocument, { id: c.id }),
    onSuccess: (d) => {
      const after = d.refreshConnection;
      if (after.status === "ACTIVE" || after.status === "REFRESHING") toast.ok(t("refreshed", { name: c.label }));
      else toast.error(t("refreshFailed", { name: c.label, error: after.lastError ?? t(`status.${after.status}`) }));
    },
    onError: (e) => toast.error(errorText(e)),
    onSettled: invalidate,
  });
  const remove = useMutation({
    mutationFn: () => gql(RemoveConnectionDocument, { id: c.id }),
    onSuccess: () => {
      setRemoving(false);
      toast.ok(t("removed", { name: c.label }));
      void client.invalidateQueries({ queryKey: ROUTING_KEY });
    },
    onError: (e) => toast.error(errorText(e)),
    onSettled: invalidate,
  });

  return (
    <div className="flex shrink-0 flex-wrap gap-1 lg:justify-end">
      <button
        type="button"
        className={buttonVariants({ variant: "outline", size: "sm" })}
        onClick={() => refresh.mutate()}
        disabled={refresh.isPending}
        aria-label={t("refreshLabel", { name: c.label })}
        data-testid="refresh-connection"
      >
        <RefreshCw aria-hidden className={refresh.isPending ? "animate-spin" : undefined} />
        {refresh.isPending ? t("refreshing") : t("refresh")}
      </button>
      <button
        type="button"
        className={buttonVariants({ variant: "ghost", size: "sm" })}
        onClick={() => setEditing(true)}
        aria-label={t("editLabel", { name: c.label })}
        data-testid="edit-connection"
      >
        <Pencil aria-hidden />
        {common("edit")}
      </button>
      <button
        type="button"
        className={buttonVariants({ variant: "ghost", size: "sm" }) + " text-destructive"}
        onClick={() => setRemoving(true)}
        aria-label={t("removeLabel", { name: c.label })}
        data-testid="remove-connection"
      >
        <Unplug aria-hidden />
        {t("remove")}
      </button>
      <EditConnectionDialog connection={c} open={editing} onOpenChange={setEditing} />
      <ConfirmDialog
        open={removing}
        onOpenChange={setRemoving}
        title={t("removeTitle", { name: c.label })}
        body={t(c.kind === "OAUTH" ? "removeBodyOauth" : "removeBodyKey")}
        confirm={t("remove")}
        cancel={common("cancel")}
        closeLabel={common("close")}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
    </div>
  );
}
