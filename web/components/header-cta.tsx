"use client";

import { useEffect, useState } from "react";
import Link from "next/link";

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
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => setSignedIn(/(?:^|;\s*)satu_csrf=/.test(document.cookie)), []);
  return (
    <Link href={signedIn ? `/${locale}/app/` : `/${locale}/signup/`} className={className} data-testid="header-cta">
      {signedIn ? dashboard : start}
    </Link>
  );
}
