"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { gql } from "@/lib/gql/client";
import { UpdateConnectionDocument, type ConnectionChanges } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";
import { Dialog } from "@/components/app/ui/dialog";
import { Field } from "@/components/app/ui/field";
import { useToast } from "@/components/app/ui/toast";
import { Checkbox, MutationError, splitModels, useInvalidateConnections, type Connection } from "@/components/app/connections/shared";

export function EditConnectionDialog({
  connection,
  open,
  onOpenChange,
}: {
  connection: Connection;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT("connections");
  const c = useT("common");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("editTitle", { name: connection.label })} description={t("editLead")} closeLabel={c("close")}>
      {/* Mounted only while open, so each opening starts from the saved values. */}
      <EditForm connection={connection} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function EditForm({ connection, onDone }: { connection: Connection; onDone: () => void }) {
  const t = useT("connections");
  const c = useT("common");
  const toast = useToast();
  const invalidate = useInvalidateConnections();
  const [label, setLabel] = useState(connection.label);
  const [weight, setWeight] = useState(String(connection.weight));
  const [priority, setPriority] = useState(String(connection.priority));
  // A paused connection (over the plan's caps) is off too: ticking it asks the plan for room.
  const wasOn = connection.status !== "DISABLED" && connection.status !== "PAUSED";
  const [enabled, setEnabled] = useState(wasOn);
  const [models, setModels] = useState(connection.models.join(", "));

  const changes = (): ConnectionChanges => {
    const out: ConnectionChanges = {};
    if (label.trim() !== connection.label) out.label = label.trim();
    if (Number(weight) !== connection.weight) out.weight = Math.trunc(Number(weight));
    if (Number(priority) !== connection.priority) out.priority = Math.trunc(Number(priority));
    if (enabled !== wasOn) out.enabled = enabled;
    const list = splitModels(models);
    if (list.join("\n") !== connection.models.join("\n")) out.models = list;
    return out;
  };

  const update = useMutation({
    mutationFn: (changes: ConnectionChanges) => gql(UpdateConnectionDocument, { id: connection.id, changes }),
    onSuccess: (d) => {
      toast.ok(t("saved", { name: d.updateConnection.label }));
      invalidate();
      onDone();
    },
  });

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const diff = changes();
        if (Object.keys(diff).length === 0) onDone();
        else update.mutate(diff);
      }}
    >
      <Field label={t("label")} name="label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} required autoFocus />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("weightLabel")}
          hint={t("weightHint")}
          name="weight"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          step={1}
          required
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
        />
        <Field
          label={t("priorityLabel")}
          hint={t("priorityHint")}
          name="priority"
          type="number"
          min={-1000}
          max={1000}
          step={1}
          required
          value={priority}
          onChange={(e) => setPriority(e.target.value)}
        />
      </div>
      <Field label={t("modelsLabel")} hint={t("modelsHint")} name="models" placeholder={t("modelsPlaceholder")} value={models} onChange={(e) => setModels(e.target.value)} />
      {connection.status === "REVOKED" ? null : (
        <Checkbox label={t("enabledLabel")} hint={t("enabledHint")} checked={enabled} onChange={setEnabled} testId="connection-enabled" />
      )}
      <MutationError error={update.error} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonVariants({ variant: "outline" })} onClick={onDone}>
          {c("cancel")}
        </button>
        <button type="submit" className={buttonVariants()} disabled={update.isPending} data-testid="edit-submit">
          {update.isPending ? c("saving") : c("save")}
        </button>
      </div>
    </form>
  );
}
