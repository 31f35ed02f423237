import { cn } from "@/lib/utils";

/** Layout for text pages (docs, legal, sign-up): a narrow column with a heading block. */
export function ProsePage({
  eyebrow,
  title,
  intro,
  children,
  className,
}: {
  eyebrow?: string;
  title: string;
  intro?: React.ReactNode;
  children?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("mx-auto max-w-3xl px-4 py-16 sm:px-6 sm:py-20", className)}>
      {eyebrow && <p className="mb-3 text-sm font-semibold uppercase tracking-wider text-primary">{eyebrow}</p>}
      <h1 className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{title}</h1>
      {intro && <div className="mt-4 text-lg leading-relaxed text-muted-foreground">{intro}</div>}
      {children && <div className="mt-10 space-y-10">{children}</div>}
    </div>
  );
}

export function ProseSection({ id, title, children }: { id?: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={id ? `${id}-h` : undefined} className="space-y-3">
      <h2 id={id ? `${id}-h` : undefined} className="text-xl font-semibold tracking-tight">
        {title}
      </h2>
      <div className="space-y-3 leading-relaxed text-muted-foreground">{children}</div>
    </section>
  );
}
