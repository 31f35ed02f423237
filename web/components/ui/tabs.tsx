"use client";

import * as React from "react";
import { cx } from "@/lib/cx";

// Tabs after the WAI-ARIA "tabs" pattern (automatic activation), written by hand instead of
// Radix: the landing page ships less JS and hydrates fewer components. Same API as the
// shadcn/Radix version for what the site uses: Tabs(defaultValue) > TabsList > TabsTrigger,
// TabsContent. Like Radix, an inactive panel stays in the DOM, `hidden` and empty.

type TabsContextValue = { value: string; select: (value: string) => void; baseId: string };
const TabsContext = React.createContext<TabsContextValue | null>(null);

function useTabs() {
  const ctx = React.useContext(TabsContext);
  if (!ctx) throw new Error("Tabs parts must be used inside <Tabs>");
  return ctx;
}

const idFor = (baseId: string, kind: "trigger" | "content", value: string) => `${baseId}-${kind}-${value.replace(/\s+/g, "-")}`;

export function Tabs({
  defaultValue,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<"div">, "defaultValue"> & { defaultValue: string }) {
  const [value, select] = React.useState(defaultValue);
  const baseId = React.useId();
  const ctx = React.useMemo(() => ({ value, select, baseId }), [value, baseId]);
  return (
    <TabsContext.Provider value={ctx}>
      <div data-slot="tabs" className={cx("flex flex-col gap-3", className)} {...props}>
        {children}
      </div>
    </TabsContext.Provider>
  );
}

export function TabsList({ className, onKeyDown, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      role="tablist"
      aria-orientation="horizontal"
      data-slot="tabs-list"
      className={cx(
        "inline-flex max-w-full items-center gap-1 overflow-x-auto rounded-xl bg-muted p-1 text-muted-foreground",
        className,
      )}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        // Arrow keys, Home and End move between tabs (and select, as focus follows selection).
        const tabs = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]:not(:disabled)'));
        const i = tabs.indexOf(document.activeElement as HTMLButtonElement);
        if (i < 0) return;
        const next =
          e.key === "ArrowRight" ? (i + 1) % tabs.length
          : e.key === "ArrowLeft" ? (i - 1 + tabs.length) % tabs.length
          : e.key === "Home" ? 0
          : e.key === "End" ? tabs.length - 1
          : -1;
        if (next < 0) return;
        e.preventDefault();
        tabs[next].focus();
        tabs[next].click();
      }}
      {...props}
    />
  );
}

export function TabsTrigger({ value, className, onClick, ...props }: React.ComponentProps<"button"> & { value: string }) {
  const ctx = useTabs();
  const active = ctx.value === value;
  return (
    <button
      type="button"
      role="tab"
      id={idFor(ctx.baseId, "trigger", value)}
      aria-selected={active}
      aria-controls={idFor(ctx.baseId, "content", value)}
      tabIndex={active ? 0 : -1}
      data-state={active ? "active" : "inactive"}
      data-slot="tabs-trigger"
      className={cx(
        "inline-flex h-9 items-center justify-center whitespace-nowrap rounded-lg px-3 text-sm font-medium transition-colors outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60 data-[state=active]:bg-background data-[state=active]:text-foreground data-[state=active]:shadow-sm",
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

export function TabsContent({ value, className, children, ...props }: React.ComponentProps<"div"> & { value: string }) {
  const ctx = useTabs();
  const active = ctx.value === value;
  return (
    <div
      role="tabpanel"
      id={idFor(ctx.baseId, "content", value)}
      aria-labelledby={idFor(ctx.baseId, "trigger", value)}
      hidden={!active}
      tabIndex={0}
      data-state={active ? "active" : "inactive"}
      data-slot="tabs-content"
      className={cx("outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60 rounded-xl", className)}
      {...props}
    >
      {active && children}
    </div>
  );
}
