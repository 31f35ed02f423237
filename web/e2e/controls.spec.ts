import { expect, test } from "@playwright/test";
import { hydrated, open, path } from "./helpers";

// The landing page's tabs, accordion and currency switch are hand-written (components/ui/*),
// not Radix: these check the keyboard behaviour of their WAI-ARIA patterns. The theme has no
// React provider (components/theme-script.tsx): its inline script is checked here too.

test("code tabs: arrow keys, Home and End move the selection", async ({ page }) => {
  await open(page, path("en"));
  const tabs = page.getByTestId("code-tabs").getByRole("tab");
  await hydrated(tabs);
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(3);
  await tabs.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(tabs.first()).toHaveAttribute("aria-selected", "false");
  await expect(tabs.first()).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("End");
  await expect(tabs.last()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(tabs.first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await expect(tabs.last()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(tabs.first()).toBeFocused();
  // Each tab controls the one visible panel, which names it.
  const panel = page.getByTestId("code-tabs").getByRole("tabpanel");
  await expect(panel).toHaveCount(1);
  await expect(panel).toHaveAttribute("id", (await tabs.first().getAttribute("aria-controls"))!);
  await expect(panel).toHaveAccessibleName(names[0]);
});

test("FAQ: answers are in the HTML, headers take arrow keys, Enter toggles", async ({ page, request }) => {
  // Closed answers stay in the served HTML (search engines read them), hidden until opened.
  const html = await (await request.get(path("en"))).text();
  expect(html).toContain("You are responsible for following the terms");
  await open(page, path("en"));
  const faq = page.getByTestId("faq");
  const triggers = faq.getByRole("button");
  await hydrated(triggers);
  const firstPanel = page.locator(`#${await triggers.first().getAttribute("aria-controls")}`);
  await expect(firstPanel).toBeHidden();
  await expect(firstPanel).toHaveAttribute("role", "region");
  await triggers.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(triggers.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(triggers.first()).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(triggers.last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(triggers.first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(triggers.first()).toHaveAttribute("aria-expanded", "true");
  await expect(firstPanel).toBeVisible();
  await page.keyboard.press("Space");
  await expect(triggers.first()).toHaveAttribute("aria-expanded", "false");
  await expect(firstPanel).toBeHidden();
});

test("currency switch is a radio group: one tab stop, arrows select", async ({ page }) => {
  await open(page, path("en"));
  const group = page.getByRole("radiogroup", { name: "Currency" });
  await expect(group).toBeVisible();
  const usd = group.getByRole("radio", { name: "USD" });
  const idr = group.getByRole("radio", { name: "IDR" });
  await hydrated(usd);
  await expect(usd).toHaveAttribute("aria-checked", "true");
  await expect(idr).toHaveAttribute("tabindex", "-1");
  await usd.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(idr).toBeFocused();
  await expect(idr).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("price").first()).toHaveText("Rp 0");
  await page.keyboard.press("ArrowRight");
  await expect(usd).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("price").first()).toHaveText("US$0");
});

test("theme follows the system until a choice is saved, also in other tabs", async ({ page, context }) => {
  await open(page, path("en"), "light");
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.locator("html")).toHaveCSS("color-scheme", "dark");
  // A saved choice wins over the system and reaches another open tab.
  const other = await context.newPage();
  await open(other, path("id"), "dark");
  await hydrated(page.getByTestId("theme-toggle"));
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
  await expect(other.locator("html")).toHaveClass(/\blight\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});
