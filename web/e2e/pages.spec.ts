import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LOCALES, PAGES, THEMES, maxOverflow, open, path, shotPath } from "./helpers";

for (const locale of LOCALES) {
  for (const page_ of PAGES) {
    test(`page /${locale}/${page_} renders, fits 375px, no serious axe issues`, async ({ page }) => {
      for (const theme of THEMES) {
        await page.setViewportSize({ width: 1280, height: 800 });
        const res = await open(page, path(locale, page_), theme);
        expect(res?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.locator("footer")).toBeVisible();
        if (page_ === "") {
          await page.getByTestId("analytics-preview").scrollIntoViewIfNeeded();
          // Recharts is fetched when the card nears the viewport: allow a slow machine.
          await expect(page.locator("[data-testid=analytics-preview] svg.recharts-surface")).toBeVisible({ timeout: 15_000 });
          await page.evaluate(() => window.scrollTo(0, 0));
        } else {
          await page.screenshot({ path: shotPath(`${page_}-${locale}-${theme}-desktop`), fullPage: true });
        }
        const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

        await page.setViewportSize({ width: 375, height: 812 });
        // Every frame from the resize on must fit, not one sample after a fixed pause.
        const overflow = await maxOverflow(page);
        expect(overflow, "horizontal scroll at 375px").toBeLessThanOrEqual(0);
        await page.screenshot({ path: shotPath(`${page_ || "landing"}-${locale}-${theme}-375`), fullPage: true });
      }
    });
  }
}

test("docs quickstart has the endpoints and tool set-ups", async ({ page }) => {
  await open(page, path("en", "docs"));
  for (const s of ["/v1/chat/completions", "/v1/responses", "/v1/models", "/v1/messages", "ANTHROPIC_AUTH_TOKEN", "GOOGLE_GEMINI_BASE_URL", "wire_api"]) {
    await expect(page.locator("main")).toContainText(s);
  }
  await expect(page.locator("#api")).toBeVisible();
});

test("legal drafts say users answer for their providers' terms", async ({ page }) => {
  await open(page, path("en", "terms"));
  await expect(page.locator("main")).toContainText("You are responsible for complying with the terms of service");
  await expect(page.locator("main")).toContainText("Draft");
  await open(page, path("id", "privacy"));
  await expect(page.locator("main")).toContainText("Draf");
});

test("status page reports the health check it made", async ({ page }) => {
  await open(page, path("en", "status"));
  await expect(page.getByTestId("health")).toContainText("Operational", { timeout: 15_000 });
});

test("root picks the language: saved choice, then browser, then Indonesian", async ({ browser }) => {
  const en = await browser.newContext({ locale: "en-US" });
  const p1 = await en.newPage();
  await p1.goto("/");
  await expect(p1).toHaveURL(/\/en\/$/);
  await en.close();

  const id = await browser.newContext({ locale: "id-ID" });
  const p2 = await id.newPage();
  await p2.goto("/");
  await expect(p2).toHaveURL(/\/id\/$/);
  await id.close();

  const fr = await browser.newContext({ locale: "fr-FR" });
  const p3 = await fr.newPage();
  await p3.goto("/");
  await expect(p3).toHaveURL(/\/id\/$/);
  // A saved choice wins over the browser's language.
  await p3.evaluate(() => localStorage.setItem("satu-locale", "en"));
  await p3.goto("/");
  await expect(p3).toHaveURL(/\/en\/$/);
  await fr.close();
});

test("unknown paths get the app's 404 page", async ({ page }) => {
  const res = await page.goto("/id/no-such-page/");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  await page.screenshot({ path: shotPath("404") });
});

test("SEO: metadata, hreflang, JSON-LD, sitemap and robots", async ({ page, request }) => {
  await open(page, path("id"));
  await expect(page).toHaveTitle(/Akses Semua AI Model/);
  const alt = (l: string) => page.locator(`link[rel=alternate][hreflang="${l}"]`);
  await expect(alt("id")).toHaveAttribute("href", "https://satu.id/id/");
  await expect(alt("en")).toHaveAttribute("href", "https://satu.id/en/");
  await expect(alt("x-default")).toHaveAttribute("href", "https://satu.id/id/");
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute("content", "id_ID");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", "https://satu.id/og.png");
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) || "{}");
  expect(ld["@type"]).toBe("SoftwareApplication");
  expect(ld.offers.map((o: { price: string; priceCurrency: string }) => `${o.price} ${o.priceCurrency}`)).toEqual([
    "0 IDR",
    "49000 IDR",
    "99000 IDR",
    "299000 IDR",
  ]);
  await open(page, path("en", "docs"));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", "https://satu.id/en/docs/");

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.ok()).toBeTruthy();
  const xml = await sitemap.text();
  expect(xml).toContain("<loc>https://satu.id/en/docs/</loc>");
  expect(xml).toContain('hreflang="id"');
  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toContain("Sitemap: https://satu.id/sitemap.xml");
  const og = await request.get("/og.png");
  expect(og.ok()).toBeTruthy();
});
