import { expect, test } from "@playwright/test";
import { signInViaApi } from "./app-helpers";
import { createCustomer, createOperator, figure } from "./admin-helpers";

// The Overview's live counters (a subscription over the dashboard's websocket; the server looks
// every 2 s and sends what changed) and the running replicas on the Health page, against the
// real `satu serve`.

test("the overview's counters are live: a new account shows up without a reload", async ({ page }) => {
  test.setTimeout(60_000);
  await signInViaApi(page, createOperator("finance"));
  await page.goto("/en/admin/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  const state = page.getByTestId("live-state");
  await expect(state).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  await expect(state).toHaveText(/^Live · updated \d{1,2}:\d{2}:\d{2}/);
  // The counters only the live feed knows are filled in too.
  await expect(page.getByTestId("kpi-sign-ups-24h-value")).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId("kpi-errors-24h-value")).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId("kpi-mrr-value")).toHaveText(/^Rp/);
  const before = await figure(page, "kpi-users-value");
  expect(before).toBeGreaterThan(0);
  const signUpsBefore = await figure(page, "kpi-sign-ups-24h-value");

  // An account made outside the page (the CLI) reaches it within a round or two.
  createCustomer("live-counter");
  await expect.poll(() => figure(page, "kpi-users-value"), { timeout: 15_000 }).toBeGreaterThan(before);
  expect(await figure(page, "kpi-sign-ups-24h-value")).toBeGreaterThan(signUpsBefore);
  await expect(state).toHaveAttribute("data-state", "live");
});

test("without the websocket the overview keeps its own figures and says it is not live", async ({ page }) => {
  await signInViaApi(page, createOperator("finance"));
  // Every socket to the server is closed at once (a proxy that drops websockets).
  await page.routeWebSocket(/\/graphql$/, (ws) => ws.close());
  await page.goto("/en/admin/");
  await expect(page.getByTestId("users-by-plan")).toBeVisible({ timeout: 15_000 });
  const state = page.getByTestId("live-state");
  await expect(state).toHaveAttribute("data-state", "off", { timeout: 15_000 });
  await expect(state).toHaveText("Not live · figures from when the page loaded");
  // The page's query had these; the live-only ones say they are not known.
  expect(await figure(page, "kpi-users-value")).toBeGreaterThan(0);
  await expect(page.getByTestId("kpi-mrr-value")).toHaveText(/^Rp/);
  await expect(page.getByTestId("kpi-sign-ups-24h-value")).toHaveText("—");
  await expect(page.getByTestId("kpi-errors-24h-value")).toHaveText("—");
});

test("the health page lists the running replicas, this server among them", async ({ page }) => {
  await signInViaApi(page, createOperator("support"));
  await page.goto("/en/admin/health/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Health");
  const replicas = page.getByTestId("health-replicas").getByTestId("health-replica");
  await expect(replicas.first()).toBeVisible({ timeout: 15_000 });
  // The suite's one `satu serve` does everything, and has just reported.
  const fresh = page.locator('[data-testid="health-replica"][data-role="all"]:not([data-stale])');
  await expect(fresh).not.toHaveCount(0);
  await expect(fresh.first()).toContainText("Everything");
  await expect(fresh.first().getByTestId("replica-queue")).toHaveText(/^\d[\d,]* of \d[\d,]*$/);
  await expect(fresh.first().getByTestId("replica-stale")).toHaveCount(0);
  await expect(page.getByTestId("health-replicas").locator("thead th")).toHaveText(["Replica", "Role", "Usage records waiting", "Started", "Last seen"]);
});
