/**
 * The one place that names Satu's public host. Every snippet, canonical URL,
 * sitemap entry and Open Graph tag is built from SITE_URL, so a build for
 * another host only needs NEXT_PUBLIC_SITE_URL.
 */
export const SITE_URL = (process.env.NEXT_PUBLIC_SITE_URL || "https://satu.id").replace(/\/+$/, "");

export const SITE_NAME = "Satu";

/** Where people write to us (footer "Contact"). */
export const CONTACT_EMAIL = "halo@satu.id";

/** OpenAI-compatible base URL (chat completions, responses, models). */
export const OPENAI_BASE_URL = `${SITE_URL}/v1`;

/** Anthropic- and Gemini-compatible clients append their own paths to the host. */
export const ANTHROPIC_BASE_URL = SITE_URL;
export const GEMINI_BASE_URL = SITE_URL;

/** What a Satu API key looks like in examples: `sk-satu-` + 40 alphanumerics. */
export const EXAMPLE_KEY = "sk-satu-" + "x".repeat(40);
export const KEY_PLACEHOLDER = "sk-satu-...";

export function absoluteUrl(path: string): string {
  return `${SITE_URL}${path.startsWith("/") ? path : `/${path}`}`;
}
