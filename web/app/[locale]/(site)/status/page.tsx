import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { pageMetadata } from "@/lib/metadata";
import { ProsePage } from "@/components/prose-page";
import { HealthCheck } from "@/components/health-check";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Meta" });
  return pageMetadata({ locale, path: "status", title: t("statusTitle"), description: t("description"), ogAlt: t("ogAlt") });
}

export default async function StatusPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Status" });
  return (
    <ProsePage title={t("title")} intro={<p>{t("body")}</p>}>
      <HealthCheck
        locale={locale}
        labels={{
          checking: t("checking"),
          ok: t("ok"),
          down: t("down"),
          // Filled in on the client with the time of the check.
          checkedAt: t("checkedAt", { time: "{time}" }),
          retry: t("retry"),
        }}
      />
    </ProsePage>
  );
}
