"use client";

import { useMemo } from "react";
import { useFormat } from "@/lib/app/format";

/** The Health page's figures; a window without requests has no rates or latencies ("—"). */
export function useFigures() {
  const f = useFormat();
  return useMemo(
    () => ({
      int: f.int,
      rate: (ratio: number | null) => (ratio === null ? "—" : f.percent(ratio)),
      ms: (ms: number | null) => (ms === null ? "—" : `${f.int(ms)} ms`),
    }),
    [f],
  );
}

export const WINDOWS = ["last5m", "last1h", "last24h"] as const;
export type HealthWindow = (typeof WINDOWS)[number];
