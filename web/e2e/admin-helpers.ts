import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { hydrated, maxOverflow, shotPath } from "./helpers";
import { PASSWORD, gqlViaApi, satuAdmin, uniqueEmail } from "./app-helpers";

// What the admin panel's specs share: operators and customers made with `satu admin`, the
// user page's action dialogs, saved queries written through the API, downloads, figures as
// numbers, and the page checks.

export type Role = "super_admin" | "support" | "finance";

/** A new account with a platform role (`satu admin create-user --platform-role`); returns its email. */
export function createOperator(role: Role) {
  const email = uniqueEmail(role.replace("_", "-"));
  satuAdmin(["create-user", "--email", email, "--password", PASSWORD, "--platform-role", role]);
  return email;
}

/** A new customer account (unverified, on Free); returns its id and email. */
export function createCustomer(tag: string) {
  const email = uniqueEmail(tag);
  const id = satuAdmin(["create-user", "--email", email, "--password", PASSWORD]).trim().split("\n").pop() ?? "";
  return { id, email };
}

/** Opens the action's dialog on the user page, types the reason and sends it. */
export async function act(page: Page, action: string, reason: string) {
  const button = page.getByTestId(`action-${action}`);
  await hydrated(button);
  await button.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-reason").fill(reason);
  await dialog.getByTestId("action-submit").click();
  return dialog;
}

/** Clicks an export button; answers the file's name and text. */
export async function downloaded(page: Page, testId: string) {
  const button = page.getByTestId(testId);
  await hydrated(button);
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

/**
 * Axe (serious/critical), no sideways scroll, and the page as a person sees it, at desktop width
 * (with a dialog open, `fullPage: false` shoots what is on screen).
 */
export async function checkDesktop(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), name).toEqual([]);
  expect(await maxOverflow(page), `horizontal scroll at 1280px on ${name}`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shotPath(`${name}-desktop`), fullPage });
}

/** A saved query written through the API by the signed-in super admin; returns its id. */
export async function saveQueryViaApi(page: Page, name: string, sql: string, description = "") {
  const body = await gqlViaApi(page, "mutation($i:SavedQueryInput!){adminSaveQuery(input:$i){id}}", { i: { name, description, sql } });
  expect(body.errors ?? null).toBeNull();
  return (body.data?.adminSaveQuery as { id: string }).id;
}

/** The whole number a figure shows ("1,234" or "1.234"). */
export async function figure(page: Page, testId: string) {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}
