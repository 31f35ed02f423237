import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { appMessages } from "@/lib/i18n/app-messages";
import { ClientRoot } from "@/components/app/providers";
import { AppShell } from "@/components/app/shell";

// The dashboard: static shells rendered in the browser from the GraphQL API.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AppLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return (
    <ClientRoot locale={locale} messages={await appMessages(locale)}>
      <AppShell>{children}</AppShell>
    </ClientRoot>
  );
}
