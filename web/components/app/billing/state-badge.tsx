import { StatusDot } from "@/components/app/ui/panel";

export type Tone = "ok" | "warn" | "bad" | "off";

/** Invoice statuses and payment states by how they read: paid, waiting, failed, or closed. */
export function toneOf(state: string): Tone {
  switch (state) {
    case "paid":
    case "issued":
      return "ok";
    case "open":
    case "pending":
      return "warn";
    case "denied":
    case "failed":
    case "chargeback":
    case "partial_chargeback":
      return "bad";
    default:
      return "off";
  }
}

/** A state as a small pill: a coloured dot (decoration) and the words, in the text colour. */
export function StateBadge({ state, label, testId }: { state: string; label: string; testId?: string }) {
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs font-medium whitespace-nowrap"
      data-testid={testId}
      data-state={state}
    >
      <StatusDot tone={toneOf(state)} />
      {label}
    </span>
  );
}
