import { cx } from "@/lib/cx";

/** The dashboard's card: a bordered section with an optional heading row. */
export function Panel({
  title,
  description,
  actions,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<"section">, "title"> & {
  title?: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <section className={cx("min-w-0 rounded-xl border border-border bg-card text-card-foreground shadow-sm", className)} {...props}>
      {title || actions ? (
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-border/70 px-5 py-4">
          <div className="min-w-0">
            {title ? <h2 className="text-base font-semibold leading-tight">{title}</h2> : null}
            {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
        </div>
      ) : null}
      <div className="p-5">{children}</div>
    </section>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cx("animate-pulse rounded-md bg-muted", className)} />;
}

/** Loading placeholder with an accessible name, so screen readers hear "loading". */
export function Loading({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label} className="flex flex-col gap-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}

export function EmptyState({
  icon,
  title,
  body,
  action,
}: {
  icon?: React.ReactNode;
  title: string;
  body?: string;
  action?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-3 px-4 py-10 text-center">
      {icon ? <span className="flex size-12 items-center justify-center rounded-xl bg-primary/10 text-primary">{icon}</span> : null}
      <h3 className="text-base font-semibold">{title}</h3>
      {body ? <p className="max-w-md text-sm text-muted-foreground">{body}</p> : null}
      {action}
    </div>
  );
}

export function StatusDot({ tone }: { tone: "ok" | "warn" | "bad" | "off" }) {
  const color = { ok: "bg-success", warn: "bg-warning", bad: "bg-destructive", off: "bg-muted-foreground" }[tone];
  return <span aria-hidden className={cx("inline-block size-2 shrink-0 rounded-full", color)} />;
}
