import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { adminTitle } from "@/lib/i18n/admin-title";
import { HealthPage } from "@/components/admin/health/health-page";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await adminTitle((await params).locale, "nav_health") };
}

export default async function Page({ params }: Props) {
  setRequestLocale((await params).locale);
  return <HealthPage />;
}
