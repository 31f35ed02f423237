import { expect, test } from "@playwright/test";
import { LOCALES, THEMES, hydrated, open, path, shotPath } from "./helpers";

const HERO = {
  id: "Akses Semua AI Model dengan 1 API Key",
  en: "One API key for every AI model",
};

for (const locale of LOCALES) {
  for (const theme of THEMES) {
    test(`landing renders hero and pricing (${locale}, ${theme})`, async ({ page }) => {
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      await open(page, path(locale), theme);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HERO[locale]);
      await expect(page.getByTestId("hero-models")).toContainText("GPT, Claude, Gemini, Qwen");
      await expect(page.getByTestId("hero-models")).toContainText("Rp 49K");
      const plans = page.locator("[data-plan]");
      await expect(plans).toHaveCount(5);
      await expect(page.locator('[data-plan="pro"]')).toContainText(locale === "id" ? "Rekomendasi" : "Recommended");
      await expect(page.getByTestId("analytics-preview")).toContainText(
        locale === "id" ? "Contoh ilustrasi" : "Example illustration",
      );
      // Let the lazily loaded chart draw before the picture is taken.
      await page.getByTestId("analytics-preview").scrollIntoViewIfNeeded();
      await expect(page.locator("[data-testid=analytics-preview] svg.recharts-surface")).toBeVisible({ timeout: 15_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: shotPath(`landing-${locale}-${theme}-desktop`), fullPage: true });
      expect(errors, errors.join("\n")).toEqual([]);
    });
  }
}

test("currency toggle changes every price", async ({ page }) => {
  const IDR = ["Rp 0", "Rp 49.000", "Rp 99.000", "Rp 299.000"];
  await open(page, path("id"));
  const prices = page.getByTestId("price");
  await expect(prices).toHaveText(IDR);
  const usdRadio = page.getByRole("radio", { name: "USD" });
  const idrRadio = page.getByRole("radio", { name: "IDR" });
  await hydrated(usdRadio);
  await usdRadio.click();
  // toHaveText waits for React to re-render instead of reading the prices once.
  const USD_ID = ["US$0", "US$2,99", "US$5,99", "US$17,99"];
  await expect(prices).toHaveText(USD_ID);
  IDR.forEach((p, i) => expect(USD_ID[i]).not.toEqual(p));
  await idrRadio.click();
  await expect(prices).toHaveText(IDR);

  await open(page, path("en"));
  await expect(prices).toHaveText(["US$0", "US$2.99", "US$5.99", "US$17.99"]);
  await hydrated(idrRadio);
  await idrRadio.click();
  await expect(prices).toHaveText(IDR);
});

test("FAQ items expand and collapse", async ({ page }) => {
  await open(page, path("en"));
  const triggers = page.getByTestId("faq").getByRole("button");
  await hydrated(triggers);
  const n = await triggers.count();
  expect(n).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < n; i++) {
    const trigger = triggers.nth(i);
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
    await trigger.click();
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    const panel = page.locator(`#${await trigger.getAttribute("aria-controls")}`);
    await expect(panel).toBeVisible();
  }
  await triggers.first().click();
  await expect(triggers.first()).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByText("You are responsible for following the terms")).toBeVisible();
});

test("code tabs switch and show correct Satu snippets", async ({ page }) => {
  await open(page, path("en"));
  const tabs = page.getByTestId("code-tabs");
  await hydrated(tabs.getByRole("tab"));
  const expectations: Record<string, string[]> = {
    curl: ["https://satu.id/v1/chat/completions", "Authorization: Bearer $SATU_API_KEY"],
    Python: ['base_url="https://satu.id/v1"', "from openai import OpenAI"],
    "Claude Code": ["ANTHROPIC_BASE_URL=\"https://satu.id\"", "ANTHROPIC_AUTH_TOKEN"],
    "Codex CLI": ['model_provider = "satu"', "[model_providers.satu]", 'wire_api = "responses"', 'env_key = "SATU_API_KEY"'],
    "Gemini CLI": ['GOOGLE_GEMINI_BASE_URL="https://satu.id"', "GEMINI_API_KEY"],
    "Factory Droid": ["custom_models", '"provider": "generic-chat-completion-api"', '"provider": "anthropic"'],
  };
  for (const [name, snippets] of Object.entries(expectations)) {
    const tab = tabs.getByRole("tab", { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    const panel = tabs.getByRole("tabpanel");
    await expect(panel).toHaveCount(1);
    for (const s of snippets) await expect(panel).toContainText(s);
  }
});

test("theme toggle and language switch", async ({ page }) => {
  await open(page, path("id"), "light");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await hydrated(page.getByTestId("theme-toggle"));
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await hydrated(page.getByTestId("locale-switch"));
  await page.getByTestId("locale-switch").click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One API key for every AI model");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
});

test("hero CTAs: sign-up page and the demo", async ({ page }) => {
  await open(page, path("id"));
  // A click landing while React attaches its router to the links can be lost under load.
  const demo = page.getByRole("link", { name: "Lihat Demo" });
  await hydrated(demo);
  await demo.click();
  await expect(page).toHaveURL(/#demo$/);
  await expect(page.locator("#demo")).toContainText("ANTHROPIC_BASE_URL=https://satu.id");
  const codex = page.locator("#demo").getByRole("tab", { name: "Codex CLI" });
  await hydrated(codex);
  await codex.click();
  await expect(page.locator("#demo")).toContainText("SATU_API_KEY");
  await page.getByTestId("cta-start").click();
  await expect(page).toHaveURL(/\/id\/signup\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buat akun Satu");
});

test("the demo animates when motion is allowed", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.goto(path("en"));
  const demo = page.locator("#demo");
  // The server HTML shows the first scene whole; after hydration the demo clears it, types it
  // out again and finishes it. Wait for each step rather than for a fixed time: the
  // server-rendered text alone must not satisfy the test.
  await expect(demo.getByRole("button", { name: "Pause demo" })).toBeVisible({ timeout: 15_000 });
  await expect(demo).not.toContainText("routed to your Claude account", { timeout: 15_000 });
  await expect(demo).toContainText("routed to your Claude account", { timeout: 15_000 });
});
