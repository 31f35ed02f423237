import type { Messages } from "@/lib/i18n/client";
import type { Locale } from "@/i18n/routing";

// The dashboard's catalogue, one file per area and locale (messages/app/<area>.<locale>.json),
// so areas can change independently. Merged under the area's name: `keys.title`.
export const AREAS = ["common", "auth", "shell", "overview", "connections", "keys", "usage", "settings", "billing", "team"] as const;
/** The admin panel's pages carry only what they use: the shared strings and the panel's own. */
export const ADMIN_AREAS = ["common", "shell", "admin"] as const;

type Area = (typeof AREAS)[number] | (typeof ADMIN_AREAS)[number];

export async function appMessages(locale: Locale, areas: readonly Area[] = AREAS): Promise<Messages> {
  const entries = await Promise.all(
    areas.map(async (area) => [area, (await import(`../../messages/app/${area}.${locale}.json`)).default as Messages] as const),
  );
  return Object.fromEntries(entries);
}
