"use client";

import { useSyncExternalStore } from "react";
import Link from "next/link";

/** The cookie is read once per render; signing in or out happens on other pages. */
const noChanges = () => () => {};

/**
 * "Mulai Gratis" → sign-up, or "Dasbor" → the app once signed in. The readable `satu_csrf`
 * cookie lives exactly as long as the session, so no request is needed to know.
 */
export function HeaderCta({
  locale,
  start,
  dashboard,
  className,
}: {
  locale: string;
  start: string;
  dashboard: string;
  className: string;
}) {
  const signedIn = useSyncExternalStore(
    noChanges,
    () => /(?:^|;\s*)(?:__Host-)?satu_csrf=/.test(document.cookie),
    () => false,
  );
  return (
    <Link href={signedIn ? `/${locale}/app/` : `/${locale}/signup/`} className={className} data-testid="header-cta">
      {signedIn ? dashboard : start}
    </Link>
  );
}
