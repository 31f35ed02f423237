import { cx } from "@/lib/cx";

/** A bar of used against allowed; warns from 80 % and turns red at 100 %. */
export function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  const tone = share >= 1 ? "bg-destructive" : share >= 0.8 ? "bg-warning" : "bg-primary";
  return (
    <div className="flex flex-col gap-1">
      <div role="meter" aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-label={label} className="h-2 overflow-hidden rounded-full bg-muted">
        <div className={cx("h-full rounded-full", tone)} style={{ width: `${Math.max(share * 100, value > 0 ? 2 : 0)}%` }} />
      </div>
      <p className="text-xs text-muted-foreground">{label}</p>
    </div>
  );
}
