import { Suspense } from "react";
import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { appMessages } from "@/lib/i18n/app-messages";
import { SignUpForm } from "@/components/app/auth/sign-up";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const auth = (await appMessages(locale)).auth as Record<string, string>;
  // The one auth page worth finding in a search (it is in the sitemap); the others are not.
  return { title: `${auth.signUpTitle} · Satu`, robots: { index: true, follow: true } };
}

export default async function Page({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <Suspense>
      <SignUpForm />
    </Suspense>
  );
}
