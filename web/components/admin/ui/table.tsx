"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cx } from "@/lib/cx";

/** Header and body cells of the panel's dense tables; the first and last columns line up with the panel's padding. */
export const th = "px-3 py-2 font-medium first:pl-5 last:pr-5";
export const td = "px-3 py-2 align-top first:pl-5 last:pr-5";

/**
 * A table that fills its panel edge to edge and scrolls sideways in its own box when the
 * window is narrower (focusable, so a keyboard can scroll it too).
 */
export function DataTable({
  label,
  minWidth = "min-w-[48rem]",
  testId,
  head,
  children,
}: {
  label: string;
  minWidth?: string;
  testId?: string;
  head: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div
      className="relative -mx-5 -my-2 overflow-x-auto outline-none focus-visible:ring-2 focus-visible:ring-ring"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <table className={cx("w-full text-left text-sm", minWidth)} data-testid={testId}>
        <caption className="sr-only">{label}</caption>
        <thead className="text-xs whitespace-nowrap text-muted-foreground">
          <tr className="border-b border-border">{head}</tr>
        </thead>
        <tbody className="[&>tr]:border-b [&>tr]:border-border/60 [&>tr:last-child]:border-0">{children}</tbody>
      </table>
    </div>
  );
}

export type Order = "ascending" | "descending" | "none";

/** A column header that sorts the table: a button inside, the order in `aria-sort`. */
export function SortHeader({ label, order, onClick, className }: { label: string; order: Order; onClick: () => void; className?: string }) {
  const Icon = order === "ascending" ? ArrowUp : order === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <th scope="col" aria-sort={order} className={cx(th, className)}>
      <button
        type="button"
        onClick={onClick}
        className={cx("-mx-1 inline-flex items-center gap-1 rounded px-1 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring", order !== "none" && "text-foreground")}
      >
        {label}
        <Icon aria-hidden className="size-3.5" />
      </button>
    </th>
  );
}
