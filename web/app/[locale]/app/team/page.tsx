import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { appMessages } from "@/lib/i18n/app-messages";
import { TeamPage } from "@/components/app/team/team-page";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const area = (await appMessages(locale)).team as Record<string, string>;
  return { title: `${area.title} · Satu` };
}

export default async function Page({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <TeamPage />;
}
