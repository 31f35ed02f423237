"use client";

import Link from "next/link";
import { useLocale, useT } from "@/lib/i18n/client";
import { appPath } from "@/lib/app/paths";
import { buttonVariants } from "@/components/ui/button-variants";
import { LogoMark } from "@/components/logo";

/**
 * What a signed-in user who is not an operator sees at any admin address: the site's plain
 * "not found", with nothing that says a panel is there.
 */
export function NotFoundView() {
  const t = useT("admin");
  const locale = useLocale();
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center" data-testid="admin-not-found">
      <div className="flex max-w-md flex-col items-center gap-4 p-6 text-center">
        <LogoMark className="size-12" />
        <p className="font-mono text-sm text-muted-foreground">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t("notFoundTitle")}</h1>
        <p className="text-muted-foreground">{t("notFoundBody")}</p>
        <Link href={appPath(locale)} className={buttonVariants()}>
          {t("notFoundHome")}
        </Link>
      </div>
    </main>
  );
}
