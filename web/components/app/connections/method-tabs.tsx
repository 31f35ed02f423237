"use client";

import { Globe, KeyRound, MonitorSmartphone, Upload } from "lucide-react";
import { cx } from "@/lib/cx";
import { useT } from "@/lib/i18n/client";
import { METHODS, type Method } from "@/components/app/connections/shared";

const ICONS = { browser: Globe, device: MonitorSmartphone, import: Upload, apikey: KeyRound } as const;

export const tabId = (base: string, method: Method) => `${base}-tab-${method}`;
export const panelId = (base: string) => `${base}-panel`;

/**
 * How to connect, as a controlled WAI-ARIA tab list (automatic activation): arrow keys, Home
 * and End move between the four ways; the panel below belongs to the selected one.
 */
export function MethodTabs({ value, onChange, baseId }: { value: Method; onChange: (m: Method) => void; baseId: string }) {
  const t = useT("connections");
  return (
    <div
      role="tablist"
      aria-label={t("methodsLabel")}
      className="grid grid-cols-2 gap-1 rounded-xl bg-muted p-1 sm:grid-cols-4"
      onKeyDown={(e) => {
        const i = METHODS.indexOf(value);
        const next =
          e.key === "ArrowRight" || e.key === "ArrowDown" ? (i + 1) % METHODS.length
          : e.key === "ArrowLeft" || e.key === "ArrowUp" ? (i - 1 + METHODS.length) % METHODS.length
          : e.key === "Home" ? 0
          : e.key === "End" ? METHODS.length - 1
          : -1;
        if (next < 0) return;
        e.preventDefault();
        onChange(METHODS[next]);
        document.getElementById(tabId(baseId, METHODS[next]))?.focus();
      }}
    >
      {METHODS.map((m) => {
        const Icon = ICONS[m];
        const active = m === value;
        return (
          <button
            key={m}
            type="button"
            role="tab"
            id={tabId(baseId, m)}
            aria-selected={active}
            aria-controls={panelId(baseId)}
            tabIndex={active ? 0 : -1}
            data-testid={`method-${m}`}
            onClick={() => onChange(m)}
            className={cx(
              "flex min-h-10 min-w-0 items-center justify-center gap-1.5 rounded-lg px-2 py-1.5 text-center text-sm font-medium outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/60",
              active ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
            )}
          >
            <Icon aria-hidden className="size-4 shrink-0" />
            <span className="min-w-0">{t(`method.${m}`)}</span>
          </button>
        );
      })}
    </div>
  );
}
