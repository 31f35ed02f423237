import type { ChartPoint } from "@/components/landing/analytics-chart";

/** Deterministic example series: 14 days, weekday bumps, no randomness. */
export function exampleSeries(dayLabel: (n: number) => string): ChartPoint[] {
  return Array.from({ length: 14 }, (_, i) => {
    const week = 1 + 0.35 * Math.sin((i / 7) * Math.PI * 2 - 0.6);
    const trend = 1 + i * 0.03;
    return {
      day: dayLabel(i + 1),
      anthropic: Math.round(220 * week * trend),
      openai: Math.round(160 * week * trend + 20 * Math.cos(i)),
      google: Math.round(90 * week * trend),
      qwen: Math.round(45 * week * trend + 10 * Math.sin(i * 1.3)),
    };
  });
}
