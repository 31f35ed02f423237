import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Construction } from "lucide-react";
import type { Locale } from "@/i18n/routing";
import { localePath, pageMetadata } from "@/lib/metadata";
import { CONTACT_EMAIL } from "@/lib/site";
import { buttonVariants } from "@/components/ui/button";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Meta" });
  return pageMetadata({ locale, path: "signup", title: t("signupTitle"), description: t("description"), ogAlt: t("ogAlt") });
}

export default async function SignupPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Signup" });
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center sm:py-32">
      <span className="flex size-14 items-center justify-center rounded-2xl bg-primary/10 text-primary">
        <Construction aria-hidden className="size-7" />
      </span>
      <h1 className="mt-6 text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 text-lg leading-relaxed text-muted-foreground">{t("body")}</p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <Link href={localePath(locale, "docs")} className={buttonVariants({ size: "lg" })}>
          {t("docs")}
        </Link>
        <a href={`mailto:${CONTACT_EMAIL}`} className={buttonVariants({ size: "lg", variant: "outline" })}>
          {t("contact")}
        </a>
      </div>
      <Link href={localePath(locale, "")} className="mt-8 text-sm text-muted-foreground underline-offset-4 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
