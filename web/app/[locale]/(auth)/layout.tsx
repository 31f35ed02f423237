import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { appMessages } from "@/lib/i18n/app-messages";
import { localePath } from "@/lib/metadata";
import { cn } from "@/lib/utils";
import { ClientRoot } from "@/components/app/providers";
import { Logo } from "@/components/logo";
import { LocaleSwitch } from "@/components/locale-switch";
import { ThemeToggle } from "@/components/theme-toggle";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { robots: { index: false, follow: true } };

// Sign-up, sign-in and the pages mailed links open: one card on a quiet page.
export default async function AuthLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Nav" });
  const other: Locale = locale === "id" ? "en" : "id";
  return (
    <ClientRoot locale={locale} messages={await appMessages(locale)}>
      <div className="flex min-h-dvh flex-col">
        <header className="mx-auto flex h-16 w-full max-w-5xl items-center gap-2 px-4">
          <Link href={localePath(locale, "")} aria-label={t("home")} className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60">
            <Logo />
          </Link>
          <div className="ml-auto flex items-center gap-1">
            <LocaleSwitch
              current={locale}
              target={other}
              short={t("languageShort")}
              label={t("switchLanguage")}
              className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "gap-1.5 px-2.5")}
            />
            <ThemeToggle label={t("theme")} />
          </div>
        </header>
        <main id="main" className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-16">
          <div className="w-full max-w-md">{children}</div>
        </main>
      </div>
    </ClientRoot>
  );
}
