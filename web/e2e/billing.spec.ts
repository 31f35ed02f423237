import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { hydrated, maxOverflow, shotPath, type Theme } from "./helpers";
import { gqlViaApi, signUpViaApi, uniqueEmail } from "./app-helpers";

// Billing against the real `satu serve` and the mock Midtrans (e2e/mock-midtrans.mjs), which
// playwright.config.ts starts and points Satu's billing.midtrans.* at.
const MOCK_MIDTRANS = `http://127.0.0.1:${process.env.MOCK_MIDTRANS_PORT}`;

/** Axe (serious/critical), then the page as a person sees it, at desktop width and at 375 px. */
async function checkAndShoot(page: Page, name: string) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), name).toEqual([]);
  await page.screenshot({ path: shotPath(`${name}-desktop`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await maxOverflow(page), `horizontal scroll at 375px on ${name}`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shotPath(`${name}-375`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function useTheme(page: Page, theme: Theme) {
  await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
  await page.emulateMedia({ reducedMotion: "reduce" });
}

/** Starts a checkout for `plan` through the API (as the page's button does); returns its order id. */
async function startCheckout(page: Page, plan: string): Promise<string> {
  const body = await gqlViaApi(page, "mutation($p:String!){startCheckout(plan:$p){orderId invoiceNumber total redirectUrl}}", { p: plan });
  expect(body.errors ?? null).toBeNull();
  const checkout = body.data?.startCheckout as { orderId: string; redirectUrl: string };
  expect(checkout.redirectUrl.startsWith(`${MOCK_MIDTRANS}/snap/v3/redirection/`)).toBe(true);
  return checkout.orderId;
}

test("a Free user pays for Starter on Snap, comes back to a confirmed payment, a paid invoice and Starter's limits", async ({ page }) => {
  test.setTimeout(90_000);
  await useTheme(page, "dark");
  const email = uniqueEmail("billing");
  await signUpViaApi(page, email, "id");

  await page.goto("/id/app/billing/");
  await expect(page.getByTestId("plan-name")).toHaveText("Free");
  await expect(page.getByTestId("invoices")).toContainText("Belum ada invoice.");
  await expect(page.getByTestId("payments")).toContainText("Belum ada pembayaran.");
  // Billing is on: no "not available" notice, a pay button for each priced plan but Free and
  // Enterprise (which has a contact link instead).
  await expect(page.getByTestId("billing-off")).toHaveCount(0);
  await expect(page.getByTestId("plan-checkout")).toHaveCount(3);
  await expect(page.locator("[data-testid=plan-row][data-plan=free] [data-testid=plan-checkout]")).toHaveCount(0);
  await expect(page.locator("[data-testid=plan-row][data-plan=enterprise]").getByTestId("plan-contact")).toBeVisible();

  const upgrade = page.getByRole("button", { name: "Tingkatkan ke Starter seharga Rp 49.000 per bulan" });
  await hydrated(upgrade);
  await upgrade.click();

  // Midtrans's (mock) Snap page: the invoice's total, PPN included.
  await expect(page).toHaveURL(new RegExp(`^${MOCK_MIDTRANS}/snap/v3/redirection/`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mock Snap");
  await expect(page.getByTestId("snap-amount")).toHaveText("Rp 49.000");
  const orderId = (await page.getByTestId("snap-order").textContent())!.trim();
  expect(orderId).toMatch(/^INV-\d{4}-\d{6}-1$/);
  await page.getByRole("button", { name: "Pay now" }).click();

  // Back on the Billing page with Midtrans's query; the page asks the API, which waits for the
  // worker to confirm the payment with Midtrans's status API.
  await expect(page).toHaveURL(new RegExp(`/id/app/billing/\\?order_id=${orderId}&status_code=200&transaction_status=settlement$`));
  const banner = page.getByTestId("payment-return");
  await expect(banner).toHaveAttribute("data-view", "paid", { timeout: 20_000 });
  await expect(banner.getByRole("status")).toContainText("Pembayaran diterima, terima kasih! Paket baru Anda sudah aktif.");
  await expect(banner).toContainText(`Pesanan ${orderId}`);

  // The plan, the table, the invoice and the payment, all refreshed.
  await expect(page.getByTestId("plan-name")).toHaveText("Starter");
  await expect(page.locator("[data-testid=plan-row][data-current=true]")).toHaveAttribute("data-plan", "starter");
  await expect(page.locator("[data-testid=plan-row][data-plan=starter] [data-testid=plan-checkout]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Tingkatkan ke Pro seharga Rp 99.000 per bulan" })).toBeVisible();
  const invoice = page.getByTestId("invoice-row");
  await expect(invoice).toHaveCount(1);
  await expect(invoice.getByTestId("invoice-number")).toHaveText(/^INV\/\d{4}\/\d{6}$/);
  expect((await invoice.getByTestId("invoice-number").textContent())!.replace(/\//g, "-")).toBe(orderId.replace(/-1$/, ""));
  await expect(invoice).toHaveAttribute("data-status", "paid");
  await expect(invoice.getByTestId("invoice-status")).toHaveText("Lunas");
  await expect(invoice.getByTestId("invoice-total")).toHaveText("Rp 49.000");
  const payment = page.getByTestId("payment-row");
  await expect(payment).toHaveCount(1);
  await expect(payment).toHaveAttribute("data-order", orderId);
  await expect(payment.getByTestId("payment-state")).toHaveText("Dibayar");

  // The PDF link: same origin, with the session cookie.
  const pdf = invoice.getByRole("link", { name: /^Unduh invoice INV\/\d{4}\/\d{6} sebagai PDF$/ });
  const href = (await pdf.getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/invoices\/[0-9a-f-]{36}\/pdf$/);
  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await checkAndShoot(page, "app-billing-paid-id-dark");

  // Starter's limits apply from now on (60 requests a minute instead of Free's 20).
  const plan = await gqlViaApi(page, "{ myPlan { plan { id requestsPerMinute } requestsPerMinute } }");
  expect(plan.errors ?? null).toBeNull();
  expect(plan.data?.myPlan).toEqual({ plan: { id: "starter", requestsPerMinute: 60 }, requestsPerMinute: 60 });
  await expect(page.getByTestId("plan-usage")).toContainText("Maksimal 60 request/menit");
});

test("an order id that is not the account's reads as not found, never as paid", async ({ page }) => {
  await useTheme(page, "light");
  await signUpViaApi(page, uniqueEmail("bogus"), "en");
  // Midtrans's query, forged: the page does not take its word.
  await page.goto("/en/app/billing/?order_id=nope&status_code=200&transaction_status=settlement");
  const banner = page.getByTestId("payment-return");
  await expect(banner).toHaveAttribute("data-view", "unknown", { timeout: 10_000 });
  await expect(banner.getByRole("status")).toContainText("This payment was not found on your account.");
  await expect(banner).not.toContainText("Payment received");
  await expect(page.getByTestId("plan-name")).toHaveText("Free");
  await checkAndShoot(page, "app-billing-unknown-en-light");

  // Closing the message drops the query string.
  const close = banner.getByRole("button", { name: "Hide this message" });
  await hydrated(close);
  await close.click();
  await expect(page).toHaveURL(/\/en\/app\/billing\/$/);
  await expect(banner).toHaveCount(0);
});

test("a pending order waits for confirmation, then says the email will confirm it", async ({ page }) => {
  test.setTimeout(60_000);
  await useTheme(page, "dark");
  await signUpViaApi(page, uniqueEmail("pending"), "en");
  // A Snap page opened but not paid: the order is pending at Satu, whatever the query claims.
  const orderId = await startCheckout(page, "pro");
  await page.clock.install();
  await page.goto(`/en/app/billing/?order_id=${orderId}&status_code=200&transaction_status=settlement`);
  const banner = page.getByTestId("payment-return");
  await expect(banner).toHaveAttribute("data-view", "waiting", { timeout: 10_000 });
  await expect(banner.getByRole("status")).toContainText("Waiting for payment confirmation from Midtrans…");
  await expect(page.getByTestId("plan-name")).toHaveText("Free");
  // The open invoice and its pending attempt are listed; paying for Pro again continues it.
  await expect(page.getByTestId("invoice-row")).toHaveAttribute("data-status", "open");
  await expect(page.getByTestId("invoice-status")).toHaveText("Awaiting payment");
  await expect(page.getByTestId("payment-state")).toHaveText("Pending");
  await expect(page.getByRole("button", { name: "Pay the open invoice for Pro, Rp 99.000 a month" })).toBeVisible();
  await checkAndShoot(page, "app-billing-waiting-en-dark");

  // A minute on, still pending: the page stops asking and says what happens next.
  await page.clock.fastForward("01:05");
  await expect(banner).toHaveAttribute("data-view", "timeout");
  await expect(banner.getByRole("status")).toContainText("It can take a few minutes; we will email you as soon as it is confirmed");
  await expect(page.getByTestId("plan-name")).toHaveText("Free");
});

test("Midtrans out of reach: the checkout says so in the user's language and nothing changes", async ({ page }) => {
  const email = uniqueEmail("snapdown");
  await signUpViaApi(page, email, "id");
  const fail = await page.request.post(`${MOCK_MIDTRANS}/__control/fail`, { data: { email } });
  expect(fail.ok()).toBe(true);
  await page.goto("/id/app/billing/");
  const upgrade = page.getByRole("button", { name: "Tingkatkan ke Starter seharga Rp 49.000 per bulan" });
  await hydrated(upgrade);
  await upgrade.click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    "Layanan pembayaran (Midtrans) tidak dapat dihubungi. Belum ada dana yang ditagih; coba lagi sebentar lagi.",
  );
  await expect(page).toHaveURL(/\/id\/app\/billing\/$/);
  await expect(page.getByTestId("plan-name")).toHaveText("Free");
  // The attempt is recorded as failed; its invoice stays open, and the button continues it.
  await expect(page.getByTestId("payment-state")).toHaveText("Gagal");
  await expect(page.getByTestId("invoice-status")).toHaveText("Menunggu pembayaran");
  await expect(page.getByRole("button", { name: "Bayar invoice Starter yang masih terbuka, Rp 49.000 per bulan" })).toBeVisible();

  // The API's own refusals come back by reason, translated.
  const again = await gqlViaApi(page, "mutation{startCheckout(plan:\"free\"){orderId}}");
  expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "plan_not_for_sale" });
});

for (const locale of ["id", "en"] as const) {
  test(`a server without a Midtrans key (${locale}): the page says online payment is not available and offers no pay button`, async ({ page }) => {
    await useTheme(page, locale === "id" ? "light" : "dark");
    await signUpViaApi(page, uniqueEmail(`billingoff-${locale}`), locale);
    // This suite's server has a key; answer `billingEnabled` as a server without one does.
    await page.route("**/graphql", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch();
      const body = await response.json();
      if (body?.data && "billingEnabled" in body.data) body.data.billingEnabled = false;
      await route.fulfill({ response, json: body });
    });
    await page.goto(`/${locale}/app/billing/`);
    await expect(page.getByTestId("billing-off")).toHaveText(
      locale === "id" ? "Pembayaran online tidak tersedia di server ini." : "Online payment is not available on this server.",
    );
    await expect(page.getByTestId("plan-table")).toBeVisible();
    await expect(page.getByTestId("plan-checkout")).toHaveCount(0);
    await expect(page.getByTestId("upgrade-note")).toHaveAttribute("data-billing", "off");
    await expect(page.getByTestId("upgrade-contact")).toBeVisible();
    // Nothing was ever billed here: no empty invoice and payment lists either.
    await expect(page.getByTestId("invoices")).toHaveCount(0);
    await expect(page.getByTestId("payments")).toHaveCount(0);
    await checkAndShoot(page, `app-billing-off-${locale}-${locale === "id" ? "light" : "dark"}`);
  });
}
