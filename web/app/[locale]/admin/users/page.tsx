import { Suspense } from "react";
import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { adminTitle } from "@/lib/i18n/admin-title";
import { UsersRoute } from "@/components/admin/users/users-route";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await adminTitle((await params).locale, "nav_users") };
}

/** The user list, or one user with `?id=` (a static export cannot know user ids). */
export default async function Page({ params }: Props) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <UsersRoute />
    </Suspense>
  );
}
