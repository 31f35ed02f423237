"use client";

import { useRef } from "react";
import { Dialog as D } from "radix-ui";
import { X } from "lucide-react";
import { buttonVariants } from "@/components/ui/button-variants";

/** Radix dialog (focus trap, Escape, focus returned to the trigger) in the app's style. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  closeLabel,
  children,
  wide,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  closeLabel: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  // The element that had focus when the dialog opened (its button): focus goes back there.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-50 bg-black/60 data-[state=open]:animate-in data-[state=open]:fade-in-0" />
        <D.Content
          className={`fixed top-1/2 left-1/2 z-50 flex max-h-[90dvh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-y-auto rounded-xl border border-border bg-card p-6 text-card-foreground shadow-xl outline-none ${wide ? "max-w-2xl" : "max-w-lg"}`}
          // Without a description, say so explicitly (Radix warns otherwise).
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={(event) => {
            const active = document.activeElement;
            opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
            // A field marked `data-autofocus` gets the focus instead of the first button. (React's
            // `autoFocus` would move it before this runs, and the opener would be lost.)
            const first = (event.target as HTMLElement).querySelector<HTMLElement>("[data-autofocus]");
            if (first) {
              event.preventDefault();
              first.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            // Radix returns focus only to a Radix trigger: these dialogs are opened by plain
            // buttons, so return it to the one that opened it. When the action removed it (a
            // revoked key, a removed connection), focus lands on the page's heading instead of
            // the document.
            const back = opener.current;
            opener.current = null;
            if (back?.isConnected) {
              event.preventDefault();
              back.focus();
            }
            requestAnimationFrame(() => {
              if (document.activeElement === document.body) document.querySelector<HTMLElement>("main h1")?.focus();
            });
          }}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <D.Title className="text-lg font-semibold leading-tight">{title}</D.Title>
              {description ? <D.Description className="mt-1 text-sm text-muted-foreground">{description}</D.Description> : null}
            </div>
            <D.Close className={buttonVariants({ variant: "ghost", size: "icon" })} aria-label={closeLabel}>
              <X aria-hidden />
            </D.Close>
          </div>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** "Are you sure?" with the action named on its button. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  body,
  confirm,
  cancel,
  closeLabel,
  onConfirm,
  busy,
  tone = "destructive",
  testId,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  closeLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  /** The confirm button's look: destructive (the default) or the primary action's. */
  tone?: "destructive" | "default";
  testId?: string;
  children?: React.ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={body} closeLabel={closeLabel}>
      {children}
      <div className="mt-2 flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonVariants({ variant: "outline" })} onClick={() => onOpenChange(false)}>
          {cancel}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-busy={busy || undefined}
          className={buttonVariants({ variant: tone })}
          onClick={onConfirm}
          data-testid={testId}
        >
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
