"use client";

import * as React from "react";
import { cx } from "@/lib/cx";

// A single-choice toggle group (the currency switch), written by hand instead of Radix's
// ToggleGroup: it is a radio group (WAI-ARIA "radio group" pattern), so the items are
// role="radio" with aria-checked, one tab stop, and the arrow keys move and select.
// `data-state="on|off"` is kept for styling, as with Radix.

type ToggleGroupContextValue = { value: string; select: (value: string) => void };
const ToggleGroupContext = React.createContext<ToggleGroupContextValue | null>(null);

export function ToggleGroup({
  value,
  onValueChange,
  className,
  onKeyDown,
  ...props
}: Omit<React.ComponentProps<"div">, "onChange"> & { value: string; onValueChange: (value: string) => void }) {
  const ctx = React.useMemo(() => ({ value, select: onValueChange }), [value, onValueChange]);
  return (
    <ToggleGroupContext.Provider value={ctx}>
      <div
        role="radiogroup"
        data-slot="toggle-group"
        className={cx("inline-flex items-center gap-1 rounded-xl border border-border bg-muted p-1", className)}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          const items = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"]:not(:disabled)'));
          const i = items.indexOf(document.activeElement as HTMLButtonElement);
          if (i < 0) return;
          const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
          if (!step) return;
          e.preventDefault();
          const next = items[(i + step + items.length) % items.length];
          next.focus();
          next.click();
        }}
        {...props}
      />
    </ToggleGroupContext.Provider>
  );
}

export function ToggleGroupItem({ value, className, onClick, ...props }: React.ComponentProps<"button"> & { value: string }) {
  const ctx = React.useContext(ToggleGroupContext);
  if (!ctx) throw new Error("ToggleGroupItem must be used inside <ToggleGroup>");
  const on = ctx.value === value;
  return (
    <button
      type="button"
      role="radio"
      aria-checked={on}
      tabIndex={on ? 0 : -1}
      data-state={on ? "on" : "off"}
      data-slot="toggle-group-item"
      className={cx(
        "inline-flex h-8 min-w-14 items-center justify-center rounded-lg px-3 text-sm font-medium text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60 data-[state=on]:bg-background data-[state=on]:text-foreground data-[state=on]:shadow-sm",
        className,
      )}
      onClick={(e) => {
        onClick?.(e);
        if (!e.defaultPrevented) ctx.select(value);
      }}
      {...props}
    />
  );
}
