"use client";

import { useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Lock } from "lucide-react";
import { useLocale, useT } from "@/lib/i18n/client";
import { adminPath } from "@/lib/app/paths";
import type { AdminSection } from "@/lib/gql/generated/graphql";
import { opens, useAdminMe } from "@/lib/admin/session";
import { buttonVariants } from "@/components/ui/button-variants";
import { PageHeader } from "@/components/app/ui/page-header";
import { pagesFor } from "@/components/admin/nav";
import { useRoleName } from "@/components/admin/ui/badges";

/**
 * Shows a page only to roles that open its section (the shell has made sure `adminMe`
 * answered). Others read which role they have and where they may go instead; the panel's home
 * sends them straight to their first page, since it is where every sign-in lands.
 */
export function SectionGate({ section, home, children }: { section: AdminSection; home?: boolean; children: React.ReactNode }) {
  const t = useT("admin");
  const locale = useLocale();
  const router = useRouter();
  const roleName = useRoleName();
  const operator = useAdminMe().data;
  const allowed = opens(operator, section);
  const elsewhere = operator ? pagesFor(operator) : [];
  const redirect = home && !allowed && elsewhere.length > 0 ? adminPath(locale, elsewhere[0].page) : null;

  useEffect(() => {
    if (redirect) router.replace(redirect);
  }, [redirect, router]);

  if (!operator || redirect) return null;
  if (allowed) return <>{children}</>;
  return (
    <section className="flex max-w-xl flex-col items-start gap-4" data-testid="admin-forbidden">
      <span className="flex size-12 items-center justify-center rounded-xl bg-primary/10 text-primary">
        <Lock aria-hidden />
      </span>
      <PageHeader title={t("forbiddenTitle")} lead={t("forbiddenBody", { role: roleName(operator.role) })} />
      <div className="-mt-2 flex flex-wrap gap-2">
        {elsewhere.map((p) => (
          <Link key={p.key} href={adminPath(locale, p.page)} className={buttonVariants({ variant: "outline", size: "sm" })}>
            {t(`nav_${p.key}`)}
          </Link>
        ))}
      </div>
    </section>
  );
}
