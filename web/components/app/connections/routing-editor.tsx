"use client";

import { useId, useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { gql } from "@/lib/gql/client";
import { RoutingDocument, RoutingModelsDocument, SetRoutingDocument, type RoutingQuery, type Strategy } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";
import { SelectField } from "@/components/app/ui/field";
import { Loading, Panel } from "@/components/app/ui/panel";
import { useToast } from "@/components/app/ui/toast";
import { Checkbox, MutationError, ROUTING_KEY, useInvalidateConnections, type Connection } from "@/components/app/connections/shared";
import { emptyRule, move, STRATEGIES, toDraft, toInput, type Draft, type DraftRule } from "@/components/app/connections/routing-draft";
import { RuleEditor } from "@/components/app/connections/routing-rule";

/** How requests choose among the user's connections: default strategy, affinity, per-model rules. */
export function RoutingPanel({ connections }: { connections: Connection[] | undefined }) {
  const t = useT("connections");
  const routing = useQuery({ queryKey: ROUTING_KEY, queryFn: () => gql(RoutingDocument).then((d) => d.routing) });
  return (
    <Panel title={t("routing.title")} description={t("routing.lead")} className="mt-6" data-testid="routing-panel">
      {routing.isPending ? (
        <Loading label={t("routing.loading")} rows={2} />
      ) : routing.error ? (
        <LoadError onRetry={() => routing.refetch()} />
      ) : (
        // The form takes the saved routing once; later refetches do not wipe unsaved edits.
        <RoutingForm saved={routing.data} connections={connections ?? []} />
      )}
    </Panel>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  const t = useT("common");
  return (
    <p role="alert" className="text-sm text-destructive">
      {t("loadFailed")}{" "}
      <button type="button" className="underline" onClick={onRetry}>
        {t("retry")}
      </button>
    </p>
  );
}

function RoutingForm({ saved, connections }: { saved: RoutingQuery["routing"]; connections: Connection[] }) {
  const t = useT("connections");
  const c = useT("common");
  const toast = useToast();
  const client = useQueryClient();
  const invalidate = useInvalidateConnections();
  const modelsListId = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  const [base, setBase] = useState(() => JSON.stringify(toInput(toDraft(saved))));
  const models = useQuery({
    queryKey: ["routingModels"],
    queryFn: () => gql(RoutingModelsDocument).then((d) => d.models),
    staleTime: 60_000,
  });
  const modelNames = useMemo(() => [...new Set((models.data ?? []).map((m) => m.id))].sort(), [models.data]);
  const dirty = JSON.stringify(toInput(draft)) !== base;

  const save = useMutation({
    mutationFn: (d: Draft) => gql(SetRoutingDocument, { routing: toInput(d) }),
    onSuccess: (d) => {
      const next = toDraft(d.setRouting);
      setDraft(next);
      setBase(JSON.stringify(toInput(next)));
      client.setQueryData(ROUTING_KEY, d.setRouting);
      toast.ok(t("routing.saved"));
      invalidate();
    },
  });

  const setRules = (rules: DraftRule[]) => setDraft({ ...draft, rules });

  return (
    <form
      className="flex min-w-0 flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
      aria-label={t("routing.title")}
    >
      <div className="grid min-w-0 gap-4 sm:grid-cols-2">
        <SelectField
          label={t("routing.strategy")}
          hint={t(`strategyHint.${draft.strategy}`)}
          name="strategy"
          value={draft.strategy}
          onChange={(e) => setDraft({ ...draft, strategy: e.target.value as Strategy })}
          data-testid="routing-strategy"
        >
          {STRATEGIES.map((s) => (
            <option key={s} value={s}>
              {t(`strategy.${s}`)}
            </option>
          ))}
        </SelectField>
        <Checkbox
          className="sm:pt-7"
          label={t("routing.affinity")}
          hint={t("routing.affinityHint")}
          checked={draft.sessionAffinity}
          onChange={(sessionAffinity) => setDraft({ ...draft, sessionAffinity })}
          testId="routing-affinity"
        />
        <Checkbox
          className="sm:col-span-2"
          label={t("routing.followReplacements")}
          hint={t("routing.followReplacementsHint")}
          checked={draft.followModelReplacements}
          onChange={(followModelReplacements) => setDraft({ ...draft, followModelReplacements })}
          testId="routing-follow-replacements"
        />
      </div>

      <div className="min-w-0">
        <h3 className="text-sm font-semibold">{t("routing.rules")}</h3>
        <p className="mt-1 text-sm text-muted-foreground">{t("routing.rulesHint")}</p>
        {draft.rules.length === 0 ? (
          <p className="mt-3 rounded-lg border border-dashed border-border px-4 py-5 text-center text-sm text-muted-foreground" data-testid="routing-no-rules">
            {t("routing.noRules")}
          </p>
        ) : (
          <ol className="mt-3 flex min-w-0 flex-col gap-3">
            {draft.rules.map((rule, i) => (
              <RuleEditor
                key={rule.key}
                rule={rule}
                index={i}
                count={draft.rules.length}
                defaultStrategy={draft.strategy}
                connections={connections}
                modelsListId={modelsListId}
                onChange={(next) => setRules(draft.rules.map((r) => (r.key === rule.key ? next : r)))}
                onMove={(by) => setRules(move(draft.rules, i, by))}
                onRemove={() => setRules(draft.rules.filter((r) => r.key !== rule.key))}
              />
            ))}
          </ol>
        )}
        <button type="button" className={buttonVariants({ variant: "outline", size: "sm" }) + " mt-3"} onClick={() => setRules([...draft.rules, emptyRule()])} data-testid="routing-add-rule">
          <Plus aria-hidden />
          {t("routing.addRule")}
        </button>
        <datalist id={modelsListId}>
          {modelNames.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </div>

      <MutationError error={save.error} />
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border pt-4">
        {dirty ? (
          <p className="mr-auto text-sm text-warning" role="status" data-testid="routing-dirty">
            {t("routing.unsaved")}
          </p>
        ) : null}
        <button
          type="button"
          className={buttonVariants({ variant: "outline" })}
          disabled={!dirty || save.isPending}
          onClick={() => {
            setDraft(toDraft(JSON.parse(base)));
            save.reset();
          }}
        >
          {t("routing.discard")}
        </button>
        <button type="submit" className={buttonVariants()} disabled={!dirty || save.isPending} data-testid="routing-save">
          {save.isPending ? c("saving") : t("routing.save")}
        </button>
      </div>
    </form>
  );
}
