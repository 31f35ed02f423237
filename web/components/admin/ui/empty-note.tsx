/** An empty section of a dense page: one quiet line, where the dashboard shows a large empty state. */
export function EmptyNote({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-muted-foreground">{children}</p>;
}
