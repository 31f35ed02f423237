import type { Messages } from "@/lib/i18n/client";
import type { Locale } from "@/i18n/routing";

// The dashboard's catalogue, one file per area and locale (messages/app/<area>.<locale>.json),
// so areas can change independently. Merged under the area's name: `keys.title`.
export const AREAS = ["common", "auth", "shell", "overview", "connections", "keys", "usage", "settings", "billing", "team"] as const;

export async function appMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    AREAS.map(async (area) => [area, (await import(`../../messages/app/${area}.${locale}.json`)).default as Messages] as const),
  );
  return Object.fromEntries(entries);
}
