"use client";

import { useState } from "react";
import { cx } from "@/lib/cx";
import { useT } from "@/lib/i18n/client";
import { Field, SelectField } from "@/components/app/ui/field";
import {
  MAX_DAYS,
  PRESETS,
  WIB,
  addDays,
  browserOffset,
  customProblem,
  todayIn,
  zoneLabel,
  type RangeChoice,
} from "@/components/app/usage/range";

const ZONES = [WIB, 480, 540, 0];

/** 24 h / 7 d / 30 d / custom days, and the time zone the days and hours are counted in. */
export function RangePicker({
  choice,
  offset,
  onChoice,
  onOffset,
}: {
  choice: RangeChoice;
  offset: number;
  onChoice: (c: RangeChoice) => void;
  onOffset: (offset: number) => void;
}) {
  const t = useT("usage");
  const [browser] = useState(browserOffset);
  const [draft, setDraft] = useState(() =>
    choice.kind === "custom" ? { from: choice.from, to: choice.to } : { from: addDays(todayIn(offset), -6), to: todayIn(offset) },
  );
  const problem = choice.kind === "custom" ? customProblem(draft.from, draft.to) : null;
  const today = todayIn(offset);

  const edit = (next: { from: string; to: string }) => {
    setDraft(next);
    if (!customProblem(next.from, next.to)) onChoice({ kind: "custom", ...next });
  };
  const startCustom = () => {
    // A draft left invalid earlier starts again from the last 7 days.
    edit(customProblem(draft.from, draft.to) ? { from: addDays(today, -6), to: today } : draft);
  };

  const zones = [...ZONES];
  if (!zones.includes(browser)) zones.push(browser);
  if (!zones.includes(offset)) zones.push(offset);

  return (
    <div className="mb-6 flex flex-wrap items-end gap-x-4 gap-y-3">
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-medium" id="usage-range-label">
          {t("range")}
        </span>
        <div role="group" aria-labelledby="usage-range-label" className="inline-flex h-10 items-center rounded-lg border border-border bg-background p-1">
          {[...PRESETS, "custom" as const].map((kind) => {
            const active = choice.kind === kind;
            return (
              <button
                key={kind}
                type="button"
                aria-pressed={active}
                data-testid={`range-${kind}`}
                onClick={() => (kind === "custom" ? startCustom() : onChoice({ kind }))}
                className={cx(
                  "h-8 rounded-md px-3 text-sm whitespace-nowrap outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/60",
                  active ? "bg-primary text-primary-foreground shadow-sm" : "text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                {t(`range_${kind}`)}
              </button>
            );
          })}
        </div>
      </div>
      {choice.kind === "custom" ? (
        <div className="flex flex-wrap items-start gap-3">
          <Field
            label={t("from")}
            type="date"
            value={draft.from}
            max={today}
            onChange={(e) => edit({ ...draft, from: e.target.value })}
            className="w-40"
            data-testid="range-from"
          />
          <Field
            label={t("to")}
            type="date"
            value={draft.to}
            max={today}
            onChange={(e) => edit({ ...draft, to: e.target.value })}
            className="w-40"
            error={problem ? t(`rangeProblem_${problem}`, { max: MAX_DAYS }) : null}
            data-testid="range-to"
          />
        </div>
      ) : null}
      <SelectField
        label={t("zone")}
        value={String(offset)}
        onChange={(e) => onOffset(Number(e.target.value))}
        className="w-56"
        data-testid="usage-zone"
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z === browser ? t("zoneBrowser", { zone: zoneLabel(z) }) : zoneLabel(z)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
