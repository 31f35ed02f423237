/** One labelled bar: what it counts, its figure, and an optional note (a share, a conversion). */
export type Bar = { key: string; label: string; value: number; shown: string; note?: string };

/**
 * Horizontal bars drawn with plain elements: every figure is text beside its bar, so the list
 * reads the same to a screen reader and in either theme. Bars are scaled to the largest value.
 */
export function BarList({ bars, label, testId }: { bars: Bar[]; label: string; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ol aria-label={label} className="flex flex-col gap-3" data-testid={testId}>
      {bars.map((bar) => (
        <li key={bar.key} className="flex min-w-0 flex-col gap-1" data-testid={testId ? `${testId}-item` : undefined}>
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="min-w-0 truncate font-medium">{bar.label}</span>
            <span className="shrink-0 tabular-nums">
              {bar.shown}
              {bar.note ? <span className="ml-2 text-xs text-muted-foreground">{bar.note}</span> : null}
            </span>
          </div>
          <div aria-hidden className="h-2 overflow-hidden rounded-full bg-muted">
            <div className="h-full rounded-full bg-primary" style={{ width: `${(bar.value / max) * 100}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
