"use client";

import { useFormat } from "@/lib/app/format";

type Values = Record<string, unknown>;

/** The stored JSON as an object of named values (a bare value is named "value"). */
function parse(json: string | null): Values | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (value === null) return null;
    return typeof value === "object" && !Array.isArray(value) ? (value as Values) : { value };
  } catch {
    return { value: json };
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Before and after, one line per field that either side names: `plan: free → pro`,
 * `until: 31 Des 2026 00.00` (timestamps in the operator's language). Unchanged fields are
 * left out when something else changed.
 */
export function Change({ before, after }: { before: string | null; after: string | null }) {
  const f = useFormat();
  const old = parse(before);
  const now = parse(after);
  if (!old && !now) return <span className="text-muted-foreground">—</span>;
  const show = (value: unknown) => {
    if (value === null || value === undefined) return "—";
    if (typeof value === "string") return ISO_TIME.test(value) ? f.dateTime(value) : value;
    return JSON.stringify(value);
  };
  const keys = [...new Set([...Object.keys(old ?? {}), ...Object.keys(now ?? {})])];
  const differs = (key: string) => JSON.stringify(old?.[key]) !== JSON.stringify(now?.[key]);
  const shown = keys.some(differs) ? keys.filter((key) => differs(key) || !old || !now) : keys;
  return (
    <ul className="flex flex-col gap-0.5 font-mono text-xs" data-testid="audit-change">
      {shown.map((key) => (
        <li key={key} className="break-words">
          <span className="text-muted-foreground">{key}: </span>
          {old && key in old ? <del className="no-underline text-muted-foreground">{show(old[key])}</del> : null}
          {old && now && key in old && key in now ? " → " : null}
          {now && key in now ? <ins className="no-underline">{show(now[key])}</ins> : null}
        </li>
      ))}
    </ul>
  );
}
