"use client";

import Link from "next/link";
import { cx } from "@/lib/cx";
import { useLocale, useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/app/format";
import { adminPath } from "@/lib/app/paths";
import { opens, useAdminMe } from "@/lib/admin/session";
import { td } from "@/components/admin/ui/table";

/** The first cell of a log's row: when it happened, and from which address under it. */
export function WhenIpCell({ at, ip }: { at: string; ip: string | null | undefined }) {
  const t = useT("admin");
  const f = useFormat();
  return (
    <td className={`${td} whitespace-nowrap text-muted-foreground`}>
      <time dateTime={at} className="block">
        {f.dateTime(at)}
      </time>
      <span className="font-mono text-xs">
        <span className="sr-only">{t("colIp")} </span>
        {ip ?? "—"}
      </span>
    </td>
  );
}

/**
 * A user by their email (or "deleted user"), linked to their page for roles that open the
 * Users section; `width` caps it, truncated.
 */
export function UserLink({ id, email, width = "max-w-52" }: { id: string; email: string | null | undefined; width?: string }) {
  const t = useT("admin");
  const locale = useLocale();
  const text = email ?? t("deletedUser");
  if (!opens(useAdminMe().data, "USERS")) return <span className={cx("block truncate", width)}>{text}</span>;
  return (
    <Link
      href={`${adminPath(locale, "users")}?id=${id}`}
      className={cx("block truncate font-medium text-primary underline-offset-4 hover:underline", width)}
    >
      {text}
    </Link>
  );
}
