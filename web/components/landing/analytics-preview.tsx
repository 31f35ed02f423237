"use client";

import { useEffect, useRef, useState, type ComponentType } from "react";
import type { ChartPoint } from "./analytics-chart";

const LEGEND = [
  { name: "Claude", color: "bg-chart-1" },
  { name: "GPT", color: "bg-chart-2" },
  { name: "Gemini", color: "bg-chart-3" },
  { name: "Qwen", color: "bg-chart-4" },
];

/**
 * Example data for the illustration only (a smooth made-up curve, labelled as such on the page).
 * Recharts is loaded when the card comes near the viewport, so it is not part of the first load.
 */
export function AnalyticsPreview({ data, title, label }: { data: ChartPoint[]; title: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [Chart, setChart] = useState<ComponentType<{ data: ChartPoint[] }> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let cancelled = false;
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        import("./analytics-chart").then((m) => {
          if (!cancelled) setChart(() => m.default);
        });
      },
      { rootMargin: "300px" },
    );
    io.observe(el);
    return () => {
      cancelled = true;
      io.disconnect();
    };
  }, []);

  return (
    <figure className="flex h-full min-w-0 flex-col gap-3" data-testid="analytics-preview">
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium">{title}</span>
        <span className="rounded-full border border-dashed border-border px-2.5 py-0.5 text-xs font-medium text-muted-foreground">
          {label}
        </span>
      </figcaption>
      {/* Recharts sizes its SVG in pixels and only follows the box after a ResizeObserver round
          trip, so for a frame or two after the viewport narrows (rotation, resize) the old, wider
          SVG is still there. The chart therefore sits absolutely inside a clipped box: it never
          widens the page or the grid track, whatever size it has at that moment. */}
      <div ref={ref} className="relative h-56 w-full min-w-0 overflow-hidden" role="img" aria-label={`${title}. ${label}.`}>
        {Chart ? (
          <div className="absolute inset-0">
            <Chart data={data} />
          </div>
        ) : (
          <div className="h-full w-full animate-pulse rounded-lg bg-muted/60" />
        )}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-hidden>
        {LEGEND.map((l) => (
          <li key={l.name} className="inline-flex items-center gap-1.5">
            <span className={`size-2.5 rounded-full ${l.color}`} />
            {l.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
