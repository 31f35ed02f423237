import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { ADMIN_AREAS, appMessages } from "@/lib/i18n/app-messages";
import { ClientRoot } from "@/components/app/providers";
import { AdminShell } from "@/components/admin/admin-shell";

// The operators' panel: static shells like the dashboard's, filled in the browser from the
// admin API, which answers only operators (everyone else sees "not found").
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AdminLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return (
    <ClientRoot locale={locale} messages={await appMessages(locale, ADMIN_AREAS)}>
      <AdminShell>{children}</AdminShell>
    </ClientRoot>
  );
}
