"use client";

import dynamic from "next/dynamic";
import { cx } from "@/lib/cx";
import { Skeleton } from "@/components/app/ui/panel";

// Recharts comes in its own chunk, fetched when the first chart renders: not first-load JS.
const loading = () => <Skeleton className="h-full w-full" />;
export const StackedBars = dynamic(() => import("@/components/app/usage/charts").then((m) => m.StackedBars), { ssr: false, loading });
export const Lines = dynamic(() => import("@/components/app/usage/charts").then((m) => m.Lines), { ssr: false, loading });
export const Donut = dynamic(() => import("@/components/app/usage/charts").then((m) => m.Donut), { ssr: false, loading });

/**
 * Recharts sizes its SVG in pixels and follows its box a frame or two late, so the chart sits
 * absolutely inside a clipped box: a stale size never widens the page or a grid track.
 */
export function ChartBox({ label, className, testId, children }: { label: string; className?: string; testId?: string; children: React.ReactNode }) {
  return (
    <div className={cx("relative min-w-0 overflow-hidden", className ?? "h-64 w-full")} role="img" aria-label={label} data-testid={testId}>
      <div className="absolute inset-0">{children}</div>
    </div>
  );
}

/** The chart's colours as a list under it (real text, so names are readable and copyable). */
export function Legend({ items }: { items: { name: string; color: string; value?: string }[] }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {items.map((item) => (
        <li key={item.name} className="inline-flex min-w-0 items-center gap-1.5">
          <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: item.color }} />
          <span className="truncate">{item.name}</span>
          {item.value ? <span className="tabular-nums text-foreground">{item.value}</span> : null}
        </li>
      ))}
    </ul>
  );
}
