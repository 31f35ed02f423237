import { cn } from "@/lib/utils";

export function Section({
  id,
  eyebrow,
  title,
  body,
  children,
  className,
}: {
  id?: string;
  eyebrow?: string;
  title: string;
  body?: string;
  children: React.ReactNode;
  className?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className={cn("render-when-visible py-20 sm:py-24", className)}>
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="mx-auto mb-12 max-w-2xl text-center">
          {eyebrow && <p className="mb-3 text-sm font-semibold uppercase tracking-wider text-primary">{eyebrow}</p>}
          <h2 id={headingId} className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
            {title}
          </h2>
          {body && <p className="mt-4 text-lg text-muted-foreground text-pretty">{body}</p>}
        </div>
        {children}
      </div>
    </section>
  );
}
