import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { adminTitle } from "@/lib/i18n/admin-title";
import { LogsPage } from "@/components/admin/logs/logs-page";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await adminTitle((await params).locale, "nav_logs") };
}

export default async function Page({ params }: Props) {
  setRequestLocale((await params).locale);
  return <LogsPage />;
}
