"use client";

import { ArrowDown, ArrowUp, Plus, Trash2, X } from "lucide-react";
import type { Strategy } from "@/lib/gql/generated/graphql";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button-variants";
import { Field, SelectField } from "@/components/app/ui/field";
import type { Connection } from "@/components/app/connections/shared";
import { emptyTarget, move, PROVIDER_SLUGS, STRATEGIES, type DraftRule, type DraftTarget } from "@/components/app/connections/routing-draft";

const iconButton = buttonVariants({ variant: "ghost", size: "icon" });

/** One rule: which models it catches, and the targets tried in order. */
export function RuleEditor({
  rule,
  index,
  count,
  defaultStrategy,
  connections,
  modelsListId,
  onChange,
  onMove,
  onRemove,
}: {
  rule: DraftRule;
  index: number;
  count: number;
  defaultStrategy: Strategy;
  connections: Connection[];
  modelsListId: string;
  onChange: (rule: DraftRule) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const t = useT("connections");
  const n = index + 1;
  const setTargets = (targets: DraftTarget[]) => onChange({ ...rule, targets });
  return (
    <li className="min-w-0 rounded-lg border border-border p-4" data-testid="routing-rule">
      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="sr-only">{t("routing.ruleN", { n })}</legend>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h4 className="text-sm font-semibold" aria-hidden>
            {t("routing.ruleN", { n })}
          </h4>
          <div className="flex gap-1">
            <button type="button" className={iconButton} onClick={() => onMove(-1)} disabled={index === 0} aria-label={t("routing.ruleUp", { n })}>
              <ArrowUp aria-hidden />
            </button>
            <button type="button" className={iconButton} onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t("routing.ruleDown", { n })}>
              <ArrowDown aria-hidden />
            </button>
            <button type="button" className={iconButton + " text-destructive"} onClick={onRemove} aria-label={t("routing.ruleRemove", { n })} data-testid="routing-rule-remove">
              <Trash2 aria-hidden />
            </button>
          </div>
        </div>
        <div className="grid min-w-0 gap-4 sm:grid-cols-2">
          <Field
            label={t("routing.pattern")}
            hint={t("routing.patternHint")}
            name={`pattern-${rule.key}`}
            placeholder="claude-*"
            required
            spellCheck={false}
            autoCapitalize="off"
            value={rule.pattern}
            onChange={(e) => onChange({ ...rule, pattern: e.target.value })}
            data-testid="routing-pattern"
          />
          <SelectField
            label={t("routing.ruleStrategy")}
            name={`strategy-${rule.key}`}
            value={rule.strategy}
            onChange={(e) => onChange({ ...rule, strategy: e.target.value as Strategy | "" })}
          >
            <option value="">{t("routing.useDefault", { strategy: t(`strategy.${defaultStrategy}`) })}</option>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {t(`strategy.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="min-w-0">
          <p className="text-sm font-medium">{t("routing.targets")}</p>
          <p className="text-xs text-muted-foreground">{t("routing.targetsHint")}</p>
          <ol className="mt-2 flex min-w-0 flex-col gap-2">
            {rule.targets.map((target, i) => (
              <TargetEditor
                key={target.key}
                target={target}
                rule={n}
                index={i}
                count={rule.targets.length}
                connections={connections}
                modelsListId={modelsListId}
                onChange={(next) => setTargets(rule.targets.map((x) => (x.key === target.key ? next : x)))}
                onMove={(by) => setTargets(move(rule.targets, i, by))}
                onRemove={() => setTargets(rule.targets.filter((x) => x.key !== target.key))}
              />
            ))}
          </ol>
          <button
            type="button"
            className={buttonVariants({ variant: "outline", size: "sm" }) + " mt-2"}
            onClick={() => setTargets([...rule.targets, emptyTarget()])}
            data-testid="routing-add-target"
          >
            <Plus aria-hidden />
            {t("routing.addTarget")}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function TargetEditor({
  target,
  rule,
  index,
  count,
  connections,
  modelsListId,
  onChange,
  onMove,
  onRemove,
}: {
  target: DraftTarget;
  rule: number;
  index: number;
  count: number;
  connections: Connection[];
  modelsListId: string;
  onChange: (target: DraftTarget) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const t = useT("connections");
  const n = index + 1;
  const known = target.choice === "any" || target.choice.startsWith("p:") || connections.some((c) => `a:${c.id}` === target.choice);
  return (
    <li className="grid min-w-0 gap-2 rounded-md bg-muted/40 p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end" data-testid="routing-target">
      <SelectField
        label={t("routing.targetConnection", { n })}
        name={`target-${target.key}-connection`}
        value={target.choice}
        onChange={(e) => onChange({ ...target, choice: e.target.value })}
      >
        <option value="any">{t("routing.anyConnection")}</option>
        <optgroup label={t("routing.byProvider")}>
          {PROVIDER_SLUGS.map(({ slug, provider }) => (
            <option key={slug} value={`p:${slug}`}>
              {t("routing.anyOf", { provider: t(`provider.${provider}`) })}
            </option>
          ))}
        </optgroup>
        {connections.length ? (
          <optgroup label={t("routing.yourConnections")}>
            {connections.map((c) => (
              <option key={c.id} value={`a:${c.id}`}>
                {`${c.label} (${t(`provider.${c.provider}`)})`}
              </option>
            ))}
          </optgroup>
        ) : null}
        {known ? null : <option value={target.choice}>{t("routing.removedConnection")}</option>}
      </SelectField>
      <Field
        label={t("routing.targetModel", { n })}
        name={`target-${target.key}-model`}
        placeholder="claude-sonnet-4-5"
        required
        spellCheck={false}
        autoCapitalize="off"
        list={modelsListId}
        value={target.model}
        onChange={(e) => onChange({ ...target, model: e.target.value })}
        data-testid="routing-target-model"
      />
      <div className="flex gap-1">
        <button type="button" className={iconButton} onClick={() => onMove(-1)} disabled={index === 0} aria-label={t("routing.targetUp", { n, rule })}>
          <ArrowUp aria-hidden />
        </button>
        <button type="button" className={iconButton} onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t("routing.targetDown", { n, rule })}>
          <ArrowDown aria-hidden />
        </button>
        <button type="button" className={iconButton + " text-destructive"} onClick={onRemove} aria-label={t("routing.targetRemove", { n, rule })} data-testid="routing-target-remove">
          <X aria-hidden />
        </button>
      </div>
    </li>
  );
}
