import { Suspense } from "react";
import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { appMessages } from "@/lib/i18n/app-messages";
import { InviteAccept } from "@/components/app/auth/invite-accept";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const team = (await appMessages(locale)).team as Record<string, string>;
  return { title: `${team.acceptTitle} · Satu` };
}

export default async function Page({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <Suspense>
      <InviteAccept />
    </Suspense>
  );
}
