"use client";

import { useId } from "react";

/** The one card every auth page is: a heading, a line under it, the form. */
export function AuthCard({ title, lead, children }: { title: string; lead?: React.ReactNode; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-border bg-card p-6 shadow-sm sm:p-8">
      <h1 id={id} className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      {lead ? <p className="mt-2 text-sm text-muted-foreground">{lead}</p> : null}
      <div className="mt-6">{children}</div>
    </section>
  );
}
