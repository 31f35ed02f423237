"use client";

import * as React from "react";
import { ChevronDown } from "lucide-react";
import { cx } from "@/lib/cx";

// Accordion after the WAI-ARIA "accordion" pattern, written by hand instead of Radix: less JS,
// and no layout measurement while hydrating (Radix measures every panel with
// getBoundingClientRect in a layout effect, a forced reflow of the whole page). The panels
// open with a CSS grid-rows transition, so nothing is measured at all; closed panels keep
// their text in the HTML (visibility: hidden, out of the accessibility tree and tab order).

type AccordionContextValue = { open: readonly string[]; toggle: (value: string) => void; baseId: string };
const AccordionContext = React.createContext<AccordionContextValue | null>(null);
const ItemContext = React.createContext<string | null>(null);

function useItem() {
  const ctx = React.useContext(AccordionContext);
  const value = React.useContext(ItemContext);
  if (!ctx || value === null) throw new Error("Accordion parts must be used inside <AccordionItem>");
  const open = ctx.open.includes(value);
  const key = value.replace(/\s+/g, "-");
  return { open, toggle: () => ctx.toggle(value), triggerId: `${ctx.baseId}-t-${key}`, contentId: `${ctx.baseId}-c-${key}` };
}

export function Accordion({
  type,
  defaultValue = [],
  className,
  onKeyDown,
  ...props
}: Omit<React.ComponentProps<"div">, "defaultValue"> & {
  /** "multiple": any number of items open; "single": opening one closes the others. */
  type: "single" | "multiple";
  defaultValue?: string[];
}) {
  const [open, setOpen] = React.useState<readonly string[]>(defaultValue);
  const baseId = React.useId();
  const ctx = React.useMemo<AccordionContextValue>(
    () => ({
      open,
      baseId,
      toggle: (value) =>
        setOpen((cur) => (cur.includes(value) ? cur.filter((v) => v !== value) : type === "single" ? [value] : [...cur, value])),
    }),
    [open, baseId, type],
  );
  return (
    <AccordionContext.Provider value={ctx}>
      <div
        data-slot="accordion"
        className={className}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          // Up/Down/Home/End move between the headers (optional keys of the ARIA pattern).
          const triggers = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('[data-slot="accordion-trigger"]'));
          const i = triggers.indexOf(document.activeElement as HTMLButtonElement);
          if (i < 0) return;
          const next =
            e.key === "ArrowDown" ? (i + 1) % triggers.length
            : e.key === "ArrowUp" ? (i - 1 + triggers.length) % triggers.length
            : e.key === "Home" ? 0
            : e.key === "End" ? triggers.length - 1
            : -1;
          if (next < 0) return;
          e.preventDefault();
          triggers[next].focus();
        }}
        {...props}
      />
    </AccordionContext.Provider>
  );
}

export function AccordionItem({ value, className, ...props }: React.ComponentProps<"div"> & { value: string }) {
  const ctx = React.useContext(AccordionContext);
  const open = ctx?.open.includes(value) ?? false;
  return (
    <ItemContext.Provider value={value}>
      <div
        data-slot="accordion-item"
        data-state={open ? "open" : "closed"}
        className={cx("border-b border-border last:border-b-0", className)}
        {...props}
      />
    </ItemContext.Provider>
  );
}

export function AccordionTrigger({ className, children, onClick, ...props }: React.ComponentProps<"button">) {
  const item = useItem();
  return (
    <h3 className="flex">
      <button
        type="button"
        id={item.triggerId}
        aria-expanded={item.open}
        aria-controls={item.contentId}
        data-state={item.open ? "open" : "closed"}
        data-slot="accordion-trigger"
        className={cx(
          "flex flex-1 items-center justify-between gap-4 rounded-md py-5 text-left text-base font-medium transition-colors outline-none hover:text-primary focus-visible:ring-[3px] focus-visible:ring-ring/60 [&[data-state=open]>svg]:rotate-180",
          className,
        )}
        onClick={(e) => {
          onClick?.(e);
          if (!e.defaultPrevented) item.toggle();
        }}
        {...props}
      >
        {children}
        <ChevronDown aria-hidden className="size-5 shrink-0 text-muted-foreground transition-transform duration-200" />
      </button>
    </h3>
  );
}

export function AccordionContent({ className, children, ...props }: React.ComponentProps<"div">) {
  const item = useItem();
  return (
    <div
      role="region"
      id={item.contentId}
      aria-labelledby={item.triggerId}
      data-state={item.open ? "open" : "closed"}
      data-slot="accordion-content"
      className={cx(
        "grid text-sm transition-[grid-template-rows,visibility] duration-200 ease-out motion-reduce:transition-none",
        item.open ? "visible grid-rows-[1fr]" : "invisible grid-rows-[0fr]",
      )}
      {...props}
    >
      <div className="min-h-0 overflow-hidden">
        <div className={cx("pb-5 leading-relaxed text-muted-foreground", className)}>{children}</div>
      </div>
    </div>
  );
}
