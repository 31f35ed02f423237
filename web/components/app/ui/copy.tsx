"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { cx } from "@/lib/cx";
import { useT } from "@/lib/i18n/client";

/** Copies `text`; says "Copied" in a live region. `onCopied` lets a checklist tick itself. */
export function CopyButton({
  text,
  label,
  className,
  onCopied,
}: {
  text: string;
  label?: string;
  className?: string;
  onCopied?: () => void;
}) {
  const t = useT("common");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={cx(
        "inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
        } catch {
          /* clipboard blocked (no permission): the text stays selectable */
        }
        setCopied(true);
        onCopied?.();
        setTimeout(() => setCopied(false), 1600);
      }}
    >
      {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
      <span aria-live="polite">{copied ? t("copied") : (label ?? t("copy"))}</span>
    </button>
  );
}

/** A block of code to copy: scrolls in its own box (or wraps, `wrap`), never widens the page. */
export function CodeBox({ code, file, onCopied, testId, wrap }: { code: string; file?: string; onCopied?: () => void; testId?: string; wrap?: boolean }) {
  return (
    <div className="min-w-0 overflow-hidden rounded-lg border border-border bg-code text-code-foreground">
      <div className="flex items-center justify-between gap-2 border-b border-white/10 px-3 py-1.5 text-xs text-zinc-400">
        <span className="truncate font-mono">{file ?? ""}</span>
        <CopyButton text={code} onCopied={onCopied} className="text-zinc-300 hover:bg-white/10 hover:text-white" />
      </div>
      <pre className={cx("overflow-x-auto p-4 text-[13px] leading-relaxed", wrap && "break-words whitespace-pre-wrap")} tabIndex={0}>
        <code data-testid={testId}>{code}</code>
      </pre>
    </div>
  );
}
