import { expect, test, type Browser, type Page } from "@playwright/test";
import { LOCALES, THEMES, hydrated, shotPath } from "./helpers";
// Not a React hook: it saves the theme choice for the pages a test opens.
import { checkAndShoot, gqlViaApi, signInViaApi, signUpViaApi, uniqueEmail, useTheme as pickTheme } from "./app-helpers";
import { act, createOperator } from "./admin-helpers";

// Support's read-only view of a user's dashboard, and Finance refunding through the mock
// Midtrans (e2e/mock-midtrans.mjs), against the real `satu serve`.

/** A customer signed up through the API in a browser of their own (verified, with a session). */
async function customerBrowser(browser: Browser, tag: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(tag);
  await signUpViaApi(page, email, "id");
  return { page, email, close: () => context.close() };
}

/** Opens the user's page in the panel from the Users search, as support would. */
async function openUser(page: Page, email: string) {
  await page.goto("/id/admin/users/");
  const search = page.getByTestId("user-search");
  await hydrated(search);
  await search.fill(email);
  await page.getByTestId("user-search-submit").click();
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await page.getByTestId("user-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(email);
}

/** Buys `plan` as the customer: a checkout through the API, then the mock Snap page's button. */
async function payOnSnap(page: Page, plan: string, button: "Pay now" | "Pay with GoPay") {
  const body = await gqlViaApi(page, "mutation($p:String!){startCheckout(plan:$p){redirectUrl}}", { p: plan });
  expect(body.errors ?? null).toBeNull();
  await page.goto((body.data?.startCheckout as { redirectUrl: string }).redirectUrl);
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByTestId("payment-return")).toHaveAttribute("data-view", "paid", { timeout: 20_000 });
}

test("support views a user's dashboard read-only, ends it in one click, and the user sees the visit", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const customer = await customerBrowser(browser, "viewed");
  const key = await gqlViaApi(customer.page, 'mutation{createApiKey(name:"laptop-budi"){key{id}}}');
  expect(key.errors ?? null).toBeNull();
  await signInViaApi(page, createOperator("support"));

  await openUser(page, customer.email);
  const userPage = page.url();
  await act(page, "impersonate", "Customer asked why their key is missing");
  await expect(page).toHaveURL(/\/id\/app\/$/);
  const banner = page.getByTestId("impersonation-banner");
  await expect(banner).toContainText(`Anda melihat dasbor ${customer.email} sebagai dukungan Satu — hanya-baca — berakhir pukul`);

  // The user's data, through the view's session.
  await page.goto("/id/app/keys/");
  await expect(banner).toBeVisible();
  await expect(page.getByTestId("key-row")).toHaveCount(1);
  await expect(page.getByTestId("key-row")).toContainText("laptop-budi");

  // A change is refused by the server, and the page says why.
  const create = page.getByTestId("create-key");
  await hydrated(create);
  await create.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Nama").fill("from-support");
  await dialog.getByRole("button", { name: "Buat key" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Ini tampilan hanya-baca dukungan Satu: tidak ada yang bisa diubah dari sini.");
  await page.keyboard.press("Escape");

  // The view's own session is listed as support's.
  await page.goto("/id/app/settings/");
  await expect(page.getByTestId("support-session")).toContainText("Dukungan Satu (tampilan hanya-baca)");

  // One click ends it and returns to the user's page in the panel, where the trail shows it.
  const end = page.getByTestId("impersonation-end");
  await hydrated(end);
  await end.click();
  await expect(page).toHaveURL(userPage);
  await expect(page.getByTestId("toast").filter({ hasText: `Tampilan dasbor ${customer.email} telah diakhiri.` })).toBeVisible();
  const actions = page.getByTestId("user-audit").getByTestId("audit-row");
  await expect(actions.first()).toHaveAttribute("data-action", "impersonation.ended");
  await expect(page.getByTestId("user-audit").locator('[data-action="impersonation.viewed"]').first()).toBeVisible();
  await expect(page.getByTestId("user-audit").locator('[data-action="impersonation.started"]')).toHaveCount(1);

  // The dashboard in this tab is the operator's own again.
  await page.goto("/id/app/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("impersonation-banner")).toHaveCount(0);

  // The user sees when support looked, and the view's session is gone.
  await customer.page.goto("/id/app/settings/");
  await expect(customer.page.getByTestId("support-view")).toHaveCount(1);
  await expect(customer.page.getByTestId("support-view")).toContainText("Dukungan Satu melihat akun Anda pada");
  await expect(customer.page.getByTestId("support-view")).toContainText("Peran: Dukungan");
  await expect(customer.page.getByTestId("session-row")).toHaveCount(1);
  await expect(customer.page.getByTestId("support-session")).toHaveCount(0);
  await customer.close();
});

test("finance refunds a GoPay payment through Midtrans; a bank transfer is refused with the reason", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const wallet = await customerBrowser(browser, "gopay");
  await payOnSnap(wallet.page, "pro", "Pay with GoPay");
  await expect(wallet.page.getByTestId("plan-name")).toHaveText("Pro");
  const transfer = await customerBrowser(browser, "transfer");
  await payOnSnap(transfer.page, "starter", "Pay now");

  await signInViaApi(page, createOperator("finance"));
  await page.goto("/en/admin/finance/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finance");
  const search = page.getByTestId("payments-search");
  await hydrated(search);
  await search.fill(wallet.email);
  await page.getByTestId("payments-search-submit").click();
  const payment = page.getByTestId("admin-payment");
  await expect(payment).toHaveCount(1);
  await expect(payment.getByTestId("admin-payment-state")).toHaveText("Paid");
  await expect(payment).toContainText("gopay");

  // The row opens what Midtrans said about the order.
  await payment.getByTestId("payment-toggle").click();
  await expect(payment.getByTestId("payment-toggle")).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("payment-notification").first()).toContainText("settlement");

  // The whole payment back: the reason is required first.
  await payment.getByTestId("payment-refund").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("refund-submit")).toHaveText("Refund Rp 99,000");
  await dialog.getByTestId("refund-submit").click();
  await expect(dialog.getByRole("alert")).toHaveText("Give a reason of 3 to 500 characters.");
  await dialog.getByTestId("refund-reason").fill("Charged twice by mistake");
  await dialog.getByTestId("refund-submit").click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(payment.getByTestId("admin-payment-state")).toHaveText("Refunded");
  await expect(page.getByTestId("kpi-refunded-value")).not.toHaveText("Rp 0");

  // The plan it bought is taken back.
  await wallet.page.goto("/id/app/billing/");
  await expect(wallet.page.getByTestId("plan-name")).toHaveText("Free");

  // A bank transfer cannot go back through Midtrans: the dialog says so in the operator's words.
  await search.fill(transfer.email);
  await page.getByTestId("payments-search-submit").click();
  await expect(payment).toHaveCount(1);
  await expect(payment).toContainText("bank_transfer");
  await payment.getByTestId("payment-refund").click();
  await dialog.getByTestId("refund-amount").fill("10000");
  await dialog.getByTestId("refund-reason").fill("Goodwill for the outage");
  await dialog.getByTestId("refund-submit").click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "Midtrans refused the refund. Bank transfers and shop payments cannot be refunded through Midtrans: refund those by hand.",
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(payment.getByTestId("admin-payment-state")).toHaveText("Paid");

  // Its invoice is there to download.
  const invoiceSearch = page.getByTestId("invoices-search");
  await invoiceSearch.fill(transfer.email);
  await page.getByTestId("invoices-search-submit").click();
  await expect(page.getByTestId("admin-invoice")).toHaveCount(1);
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("invoice-pdf").click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  await wallet.close();
  await transfer.close();
});

// The banner over a dashboard page, per locale and theme: axe, no sideways scroll at 375 px.
for (const locale of LOCALES) {
  for (const theme of THEMES) {
    test(`the support view's banner /${locale}/app/ (${theme}): screenshots`, async ({ page, browser }) => {
      test.setTimeout(60_000);
      const customer = await customerBrowser(browser, `banner-${locale}`);
      await signInViaApi(page, createOperator("support"));
      await pickTheme(page, theme);
      await page.setViewportSize({ width: 1280, height: 800 });
      await openUser(page, customer.email);
      await act(page, "impersonate", "Checking the onboarding steps");
      await expect(page.getByTestId("impersonation-banner")).toBeVisible();
      if (locale === "en") {
        await page.goto("/en/app/");
        await expect(page.getByTestId("impersonation-banner")).toContainText(`You are viewing ${customer.email}'s dashboard as Satu support — read-only — ends at`);
      }
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
      await expect(page.locator("[role=status][aria-label]")).toHaveCount(0, { timeout: 15_000 });
      await checkAndShoot(page, `admin-impersonation-banner-${locale}-${theme}`);
      // Scrolled to the bottom, the banner stays on top and the sidebar's logo and nav stay
      // below it, in view, rather than under it.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      const banner = await page.getByTestId("impersonation-banner").boundingBox();
      const brand = await page.getByTestId("frame-brand").boundingBox();
      expect(banner && banner.y).toBe(0);
      expect(brand!.y, "the logo starts below the banner").toBeGreaterThanOrEqual(banner!.y + banner!.height);
      const lastNav = await page.locator("aside nav a").last().boundingBox();
      expect(lastNav!.y + lastNav!.height, "the nav ends within the window").toBeLessThanOrEqual(800);
      await page.screenshot({ path: shotPath(`admin-impersonation-banner-${locale}-${theme}-scrolled`) });
      await customer.close();
    });
  }
}
