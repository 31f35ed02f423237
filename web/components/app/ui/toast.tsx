"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import { CheckCircle2, AlertTriangle, X } from "lucide-react";

type Toast = { id: number; tone: "ok" | "error"; text: string };
type Api = { ok: (text: string) => void; error: (text: string) => void };

const Ctx = createContext<Api>({ ok: () => {}, error: () => {} });

/** Toasts in a polite live region (errors assertive); each goes after 5 s or on close. */
export function Toaster({ closeLabel, children }: { closeLabel: string; children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (tone: Toast["tone"], text: string) => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-3), { id, tone, text }]);
      setTimeout(() => dismiss(id), tone === "error" ? 8_000 : 5_000);
    },
    [dismiss],
  );
  const api = useMemo<Api>(() => ({ ok: (t) => push("ok", t), error: (t) => push("error", t) }), [push]);
  return (
    <Ctx.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2">
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          {toasts.filter((t) => t.tone === "ok").map((t) => (
            <ToastView key={t.id} toast={t} closeLabel={closeLabel} onClose={() => dismiss(t.id)} />
          ))}
        </div>
        <div role="alert" aria-live="assertive" className="flex flex-col gap-2">
          {toasts.filter((t) => t.tone === "error").map((t) => (
            <ToastView key={t.id} toast={t} closeLabel={closeLabel} onClose={() => dismiss(t.id)} />
          ))}
        </div>
      </div>
    </Ctx.Provider>
  );
}

function ToastView({ toast, closeLabel, onClose }: { toast: Toast; closeLabel: string; onClose: () => void }) {
  const Icon = toast.tone === "ok" ? CheckCircle2 : AlertTriangle;
  return (
    <div
      data-testid="toast"
      className="pointer-events-auto flex items-start gap-3 rounded-lg border border-border bg-card px-4 py-3 text-sm text-card-foreground shadow-lg"
    >
      <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${toast.tone === "ok" ? "text-success" : "text-destructive"}`} />
      <p className="min-w-0 flex-1 break-words">{toast.text}</p>
      <button type="button" aria-label={closeLabel} onClick={onClose} className="rounded p-0.5 text-muted-foreground hover:text-foreground">
        <X aria-hidden className="size-4" />
      </button>
    </div>
  );
}

export function useToast() {
  return useContext(Ctx);
}
