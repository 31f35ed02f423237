import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { localePath } from "@/lib/metadata";
import { Logo } from "@/components/logo";
import { LocaleSwitch } from "@/components/locale-switch";
import { ThemeToggle } from "@/components/theme-toggle";
import { buttonVariants } from "@/components/ui/button";
import { HeaderCta } from "@/components/header-cta";
import { cn } from "@/lib/utils";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Nav" });
  const home = localePath(locale, "");
  const other: Locale = locale === "id" ? "en" : "id";
  return (
    <header className="sticky top-0 z-40 border-b border-border/60 bg-background/80 backdrop-blur-md">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring"
      >
        {t("skip")}
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link href={home} aria-label={t("home")} className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60">
          <Logo />
        </Link>
        <nav aria-label={t("primary")} className="ml-4 hidden items-center gap-1 text-sm md:flex">
          <a href={`${home}#features`} className="rounded-md px-3 py-2 text-muted-foreground hover:text-foreground">
            {t("features")}
          </a>
          <a href={`${home}#pricing`} className="rounded-md px-3 py-2 text-muted-foreground hover:text-foreground">
            {t("pricing")}
          </a>
          <a href={`${home}#code`} className="rounded-md px-3 py-2 text-muted-foreground hover:text-foreground">
            {t("code")}
          </a>
          <Link href={localePath(locale, "docs")} className="rounded-md px-3 py-2 text-muted-foreground hover:text-foreground">
            {t("docs")}
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <LocaleSwitch
            current={locale}
            target={other}
            short={t("languageShort")}
            label={t("switchLanguage")}
            className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "gap-1.5 px-2.5")}
          />
          <ThemeToggle label={t("theme")} />
          <HeaderCta
            locale={locale}
            start={t("start")}
            dashboard={t("dashboard")}
            className={cn(buttonVariants({ size: "sm" }), "ml-1 hidden sm:inline-flex")}
          />
        </div>
      </div>
    </header>
  );
}
