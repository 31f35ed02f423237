"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import { useLocale, useT } from "@/lib/i18n/client";
import { useHydrated } from "@/lib/app/hydrated";
import { appPath } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { FormError } from "@/components/app/ui/field";
import { AuthCard } from "@/components/app/auth/auth-card";

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

/** The kinds of notification email the server names in its answer (`{"unsubscribed": …}`). */
const KINDS = ["quota_80", "quota_100", "connection_expired"] as const;

/** Why the unsubscribe request failed: a link the server refuses, or a passing problem. */
class UnsubscribeError extends Error {
  constructor(readonly code: "INVALID_TOKEN" | "NETWORK" | "INTERNAL") {
    super(code);
    this.name = "UnsubscribeError";
  }
}

/**
 * `POST /api/email/unsubscribe?token=…`: turns off the one notification the token names and
 * answers which. The token from useSearchParams is already decoded: encode it again.
 */
async function unsubscribe(token: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST" });
  } catch {
    throw new UnsubscribeError("NETWORK");
  }
  if (response.status === 400) throw new UnsubscribeError("INVALID_TOKEN");
  if (!response.ok) throw new UnsubscribeError("INTERNAL");
  const answer = (await response.json().catch(() => null)) as { unsubscribed?: unknown } | null;
  return typeof answer?.unsubscribed === "string" ? answer.unsubscribed : "";
}

/**
 * The page a notification email's unsubscribe link leads to (the server's GET redirects here,
 * in the user's language). Opening it changes nothing, since link scanners open links too:
 * it asks first, and only the button unsubscribes.
 */
export function Unsubscribe() {
  const t = useT("auth");
  const token = useSearchParams().get("token") ?? "";
  if (!token) return <Unusable message={t("unsubscribeNoToken")} />;
  return <Ask token={token} />;
}

function Ask({ token }: { token: string }) {
  const t = useT("auth");
  const common = useT("common");
  const locale = useLocale();
  const hydrated = useHydrated();
  const stop = useMutation({ mutationFn: () => unsubscribe(token) });
  const code = stop.error instanceof UnsubscribeError ? stop.error.code : stop.error ? "INTERNAL" : null;
  if (stop.isSuccess) return <Done kind={stop.data} />;
  if (code === "INVALID_TOKEN") return <Unusable message={t("unsubscribeInvalid")} afterClick />;
  return (
    <AuthCard title={t("unsubscribeTitle")} lead={t("unsubscribeLead")}>
      <div className="flex flex-col gap-4">
        <FormError>{code ? common(`errors.${code}`) : null}</FormError>
        <button
          type="button"
          className={buttonVariants({ size: "lg" })}
          disabled={!hydrated || stop.isPending}
          onClick={() => stop.mutate()}
        >
          {stop.isPending ? t("unsubscribing") : code ? common("retry") : t("unsubscribeSubmit")}
        </button>
      </div>
      <p className="mt-6 text-center text-sm">
        <Link href={appPath(locale, "settings")} className={linkClass}>
          {t("unsubscribeManage")}
        </Link>
      </p>
    </AuthCard>
  );
}

/** Unsubscribed: which emails stop, and where to turn them back on. */
function Done({ kind }: { kind: string }) {
  const t = useT("auth");
  const locale = useLocale();
  const message = useFocusOnMount<HTMLParagraphElement>(true);
  const known = (KINDS as readonly string[]).includes(kind);
  return (
    <AuthCard title={t("unsubscribeDoneTitle")}>
      <p ref={message} tabIndex={-1} role="status" className="flex items-start gap-2 text-sm outline-none">
        <CheckCircle2 aria-hidden className="mt-px size-5 shrink-0 text-success" />
        <span>{known ? t("unsubscribeDone", { what: t(`unsubscribeKind_${kind}`) }) : t("unsubscribeDoneGeneric")}</span>
      </p>
      <p className="mt-6 text-sm text-muted-foreground">
        {t("unsubscribeUndo")}{" "}
        <Link href={appPath(locale, "settings")} className={linkClass}>
          {t("unsubscribeUndoLink")}
        </Link>
      </p>
    </AuthCard>
  );
}

/** A link that cannot unsubscribe (incomplete, or refused by the server): use Settings instead. */
function Unusable({ message, afterClick = false }: { message: string; afterClick?: boolean }) {
  const t = useT("auth");
  const locale = useLocale();
  const box = useFocusOnMount<HTMLDivElement>(afterClick);
  return (
    <AuthCard title={t("unsubscribePageTitle")}>
      <div ref={box} tabIndex={-1} className="outline-none">
        <FormError>{message}</FormError>
      </div>
      <Link href={appPath(locale, "settings")} className={buttonVariants({ variant: "outline", size: "lg" }) + " mt-4 w-full"}>
        {t("unsubscribeToSettings")}
      </Link>
    </AuthCard>
  );
}

/**
 * Focuses the element that replaces the button just pressed (the button is gone, so focus would
 * fall back to the page and a screen reader would lose its place); not when the page opens with it.
 */
function useFocusOnMount<E extends HTMLElement>(enabled: boolean) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
