import { Suspense } from "react";
import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { adminTitle } from "@/lib/i18n/admin-title";
import { QueriesPage } from "@/components/admin/queries/queries-page";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await adminTitle((await params).locale, "nav_queries") };
}

/** The saved queries; the one chosen is `?id=` (a static export cannot know their ids). */
export default async function Page({ params }: Props) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <QueriesPage />
    </Suspense>
  );
}
