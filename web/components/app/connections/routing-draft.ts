import type { ProviderName, RoutingInput, RoutingQuery, Strategy } from "@/lib/gql/generated/graphql";

export const STRATEGIES: readonly Strategy[] = ["ROUND_ROBIN", "WEIGHTED", "PRIORITY", "FILL_FIRST", "CHEAPEST", "FASTEST"];

/**
 * A target as one choice: "any" (any of your connections), "p:<provider>" (any of that
 * provider's) or "a:<id>" (one connection), plus the model name to ask it for.
 */
export type DraftTarget = { key: number; choice: string; model: string };
export type DraftRule = { key: number; pattern: string; strategy: Strategy | ""; targets: DraftTarget[] };
export type Draft = { strategy: Strategy; sessionAffinity: boolean; followModelReplacements: boolean; rules: DraftRule[] };

let counter = 0;
/** A key for a new list item (stable across edits and reordering). */
export const nextKey = () => ++counter;

type Saved = RoutingQuery["routing"];
type SavedTarget = Saved["rules"][number]["targets"][number];

function choiceOf(target: SavedTarget): string {
  if (target.account) return `a:${target.account}`;
  if (target.provider) return `p:${target.provider}`;
  return "any";
}

export function toDraft(routing: Saved): Draft {
  return {
    strategy: routing.strategy,
    sessionAffinity: routing.sessionAffinity,
    followModelReplacements: routing.followModelReplacements,
    rules: routing.rules.map((r) => ({
      key: nextKey(),
      pattern: r.pattern,
      strategy: r.strategy ?? "",
      targets: r.targets.map((t) => ({ key: nextKey(), choice: choiceOf(t), model: t.model })),
    })),
  };
}

export function toInput(draft: Draft): RoutingInput {
  return {
    strategy: draft.strategy,
    sessionAffinity: draft.sessionAffinity,
    followModelReplacements: draft.followModelReplacements,
    rules: draft.rules.map((r) => ({
      pattern: r.pattern.trim(),
      strategy: r.strategy || null,
      targets: r.targets.map((t) => ({
        account: t.choice.startsWith("a:") ? t.choice.slice(2) : null,
        provider: t.choice.startsWith("p:") ? t.choice.slice(2) : null,
        model: t.model.trim(),
      })),
    })),
  };
}

export function emptyTarget(model = ""): DraftTarget {
  return { key: nextKey(), choice: "any", model };
}

export function emptyRule(): DraftRule {
  return { key: nextKey(), pattern: "", strategy: "", targets: [emptyTarget()] };
}

/** Moves item `i` by `by` places (−1 up, +1 down); out of range: unchanged. */
export function move<T>(list: T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

export const PROVIDER_SLUGS: readonly { slug: string; provider: ProviderName }[] = [
  { slug: "anthropic", provider: "ANTHROPIC" },
  { slug: "openai", provider: "OPENAI" },
  { slug: "gemini", provider: "GEMINI" },
  { slug: "qwen", provider: "QWEN" },
  { slug: "openai-compatible", provider: "OPENAI_COMPATIBLE" },
];
