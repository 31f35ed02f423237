import type { Locale } from "@/i18n/routing";
import { appMessages } from "@/lib/i18n/app-messages";

/** An admin page's <title>: "Users · Satu Admin". */
export async function adminTitle(locale: Locale, key: string) {
  const admin = (await appMessages(locale, ["admin"])).admin as Record<string, string>;
  return `${admin[key]} · Satu Admin`;
}
