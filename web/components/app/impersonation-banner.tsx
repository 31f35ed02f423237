"use client";

import { useEffect, useRef, useState } from "react";
import { Eye, X } from "lucide-react";
import { gqlOwnSession } from "@/lib/gql/client";
import { AdminEndImpersonationDocument } from "@/lib/gql/generated/graphql";
import { useIntlTag, useT } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/app/errors";
import { leaveImpersonation, type Impersonation } from "@/lib/app/impersonation";
import { useToast } from "@/components/app/ui/toast";
import { FRAME_TOP_VAR } from "@/components/app/ui/frame";

/** setTimeout's longest wait; a view lasts 30 minutes, far below it. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Across the top of every dashboard page while support views a user's dashboard: whose it is,
 * that it is read-only, when it ends, and the way out. At the end time the tab goes back to
 * the panel on its own. It stays on screen as the page scrolls, and the frame's sticky sidebar
 * starts below it (its height, in `--frame-top`), so the banner never covers the logo or the nav.
 */
export function ImpersonationBanner({ view }: { view: Impersonation }) {
  const t = useT("shell");
  const tag = useIntlTag();
  const toast = useToast();
  const errorText = useErrorText();
  const [ending, setEnding] = useState(false);
  const box = useRef<HTMLElement>(null);
  const endsAt = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit" }).format(new Date(view.expiresAt));

  useEffect(() => {
    const left = new Date(view.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => leaveImpersonation("expired"), Math.min(Math.max(left, 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [view.expiresAt]);

  // The banner wraps to more lines on a narrow window: follow its height, not a guess.
  useEffect(() => {
    const banner = box.current;
    if (!banner) return;
    const root = document.documentElement;
    const follow = () => root.style.setProperty(FRAME_TOP_VAR, `${banner.offsetHeight}px`);
    follow();
    const observer = new ResizeObserver(follow);
    observer.observe(banner);
    return () => {
      observer.disconnect();
      root.style.removeProperty(FRAME_TOP_VAR);
    };
  }, []);

  const end = async () => {
    setEnding(true);
    try {
      // With the operator's own session: the view's session may not change anything.
      await gqlOwnSession(AdminEndImpersonationDocument, { id: view.id });
      leaveImpersonation("ended");
    } catch (error) {
      setEnding(false);
      toast.error(errorText(error));
    }
  };

  return (
    <section
      ref={box}
      aria-label={t("impersonationLabel")}
      className="sticky top-0 z-40 flex flex-wrap items-center gap-x-4 gap-y-2 bg-warning px-4 py-2.5 text-sm font-medium text-background md:px-6"
      data-testid="impersonation-banner"
    >
      <Eye aria-hidden className="size-4 shrink-0" />
      <p className="min-w-0 flex-1 break-words">{t("impersonationBanner", { email: view.userEmail, time: endsAt })}</p>
      <button
        type="button"
        className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md bg-background px-3 text-foreground outline-none hover:bg-background/90 focus-visible:ring-[3px] focus-visible:ring-foreground/60 disabled:opacity-60"
        disabled={ending}
        aria-busy={ending || undefined}
        onClick={end}
        data-testid="impersonation-end"
      >
        <X aria-hidden className="size-4" />
        {t("impersonationEnd")}
      </button>
    </section>
  );
}
