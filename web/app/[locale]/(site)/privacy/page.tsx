import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { pageMetadata } from "@/lib/metadata";
import { CONTACT_EMAIL } from "@/lib/site";
import { ProsePage, ProseSection } from "@/components/prose-page";

type Props = { params: Promise<{ locale: Locale }> };

/** The date this draft was last changed; update it with the text. */
const UPDATED = "2026-11-25";
const SECTIONS = ["collect", "content", "use", "share", "rights"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Meta" });
  return pageMetadata({ locale, path: "privacy", title: t("privacyTitle"), description: t("description"), ogAlt: t("ogAlt") });
}

export default async function PrivacyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Legal" });
  const date = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(UPDATED),
  );
  return (
    <ProsePage
      title={t("privacyTitle")}
      intro={
        <>
          <p className="rounded-xl border border-dashed border-primary/50 bg-primary/5 px-4 py-3 text-base text-foreground" role="note">
            {t("draft")}
          </p>
          <p className="mt-3 text-sm">{t("updated", { date })}</p>
        </>
      }
    >
      {SECTIONS.map((k) => (
        <ProseSection key={k} id={k} title={t(`privacySections.${k}.title`)}>
          <p>{t(`privacySections.${k}.body`, { email: CONTACT_EMAIL })}</p>
        </ProseSection>
      ))}
    </ProsePage>
  );
}
