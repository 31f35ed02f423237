import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./helpers";
import { checkAndShoot, gqlViaApi, setPlan, signUpViaApi, uniqueEmail, useTheme } from "./app-helpers";

// Billing against the real `satu serve` and the mock Midtrans (e2e/mock-midtrans.mjs), which
// playwright.config.ts starts and points Satu's billing.midtrans.* at.
const MOCK_MIDTRANS = `http://127.0.0.1:${process.env.MOCK_MIDTRANS_PORT}`;

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

/**
 * Pays for `plan` as a user does once the page has sent them to Snap: a checkout started through
 * the API, the mock Snap page's "Pay now", and back on the Billing page until the API confirms.
 */
async function payOnSnap(page: Page, plan: string) {
  const body = await gqlViaApi(page, "mutation($p:String!){startCheckout(plan:$p){redirectUrl}}", { p: plan });
  expect(body.errors ?? null).toBeNull();
  await page.goto((body.data?.startCheckout as { redirectUrl: string }).redirectUrl);
  await paySnapPage(page);
}

/** On the mock Snap page: pay, and wait on the Billing page for the confirmed payment. */
async function paySnapPage(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mock Snap");
  await page.getByRole("button", { name: "Pay now" }).click();
  await expect(page).toHaveURL(/\/app\/billing\/\?order_id=/);
  await expect(page.getByTestId("payment-return")).toHaveAttribute("data-view", "paid", { timeout: 20_000 });
}

/** The paid period's end, as the page writes dates (medium style) in `locale`. */
async function periodEnd(page: Page, locale: "id" | "en"): Promise<string> {
  const body = await gqlViaApi(page, "{ subscriptionStatus { period { endsAt } } }");
  expect(body.errors ?? null).toBeNull();
  const endsAt = (body.data?.subscriptionStatus as { period: { endsAt: string } }).period.endsAt;
  return page.evaluate(([iso, tag]) => new Intl.DateTimeFormat(tag, { dateStyle: "medium" }).format(new Date(iso)), [endsAt, locale === "id" ? "id-ID" : "en-US"]);
}

/** The `extensions.reason` of every GraphQL error the page itself received. */
function reasonsSeen(page: Page): string[] {
  const reasons: string[] = [];
  page.on("response", async (res) => {
    if (!res.url().endsWith("/graphql") || res.request().method() !== "POST") return;
    const body = await res.json().catch(() => null);
    for (const e of body?.errors ?? []) reasons.push(String(e.extensions?.reason ?? e.extensions?.code));
  });
  return reasons;
}

const rupiah = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

test("a Starter user upgrades to Pro: the dialog credits Starter's unused days, Snap takes the lower total, the invoice shows the credit", async ({ page }) => {
  test.setTimeout(120_000);
  await useTheme(page, "light");
  await signUpViaApi(page, uniqueEmail("upgrade"), "id");
  await payOnSnap(page, "starter");
  await expect(page.getByTestId("plan-name")).toHaveText("Starter");
  // The paid period renews at its end for Starter's price.
  const period = page.getByTestId("plan-period");
  await expect(period).toHaveAttribute("data-at-end", "RENEW");
  await expect(page.getByTestId("plan-period-text")).toHaveText(`Diperpanjang pada ${await periodEnd(page, "id")} seharga Rp 49.000.`);
  await expect(period.getByRole("button", { name: "Batalkan paket" })).toBeVisible();

  // Pro costs more: its button opens the figures first instead of going to Snap.
  const upgrade = page.getByRole("button", { name: "Tingkatkan ke Pro seharga Rp 99.000 per bulan" });
  await hydrated(upgrade);
  await upgrade.click();
  const dialog = page.getByRole("dialog", { name: "Tingkatkan ke Pro" });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\/id\/app\/billing\//);
  await expect(dialog.getByTestId("quote-price")).toHaveText("Pro, 1 bulanRp 99.000");
  const credit = dialog.getByTestId("quote-credit");
  await expect(credit.locator("dt")).toHaveText(/^Kredit \d+ hari Starter yang belum terpakai$/);
  await expect(credit.locator("dd")).toHaveText(/^−Rp [\d.]+$/);
  await expect(dialog.getByTestId("quote-ppn").locator("dt")).toHaveText("PPN (sudah termasuk)");
  const creditAmount = rupiah(await credit.locator("dd").textContent());
  const total = rupiah(await dialog.getByTestId("quote-total").locator("dd").textContent());
  expect(creditAmount).toBeGreaterThan(0);
  expect(total).toBeLessThan(99_000);
  expect(total).toBe(99_000 - creditAmount);
  // The same figures the API quotes (and checkout will charge).
  const quote = await gqlViaApi(page, '{ checkoutQuote(plan:"pro") { change credit total } }');
  expect(quote.data?.checkoutQuote).toEqual({ change: "UPGRADE", credit: creditAmount, total });
  await checkAndShoot(page, "app-billing-upgrade-dialog-id-light", { fullPage: false });

  // Pay: Snap asks for the total after the credit.
  const pay = dialog.getByRole("button", { name: `Bayar Rp ${new Intl.NumberFormat("id-ID").format(total)}` });
  await pay.click();
  await expect(page).toHaveURL(new RegExp(`^${MOCK_MIDTRANS}/snap/v3/redirection/`));
  await expect(page.getByTestId("snap-amount")).toHaveText(`Rp ${new Intl.NumberFormat("id-ID").format(total)}`);
  await paySnapPage(page);

  // Back on Pro, renewing at Pro's full price; the upgrade's invoice names the credit.
  await expect(page.getByTestId("plan-name")).toHaveText("Pro");
  await expect(page.getByTestId("plan-period-text")).toHaveText(`Diperpanjang pada ${await periodEnd(page, "id")} seharga Rp 99.000.`);
  const invoices = page.getByTestId("invoice-row");
  await expect(invoices).toHaveCount(2);
  await expect(invoices.first().getByTestId("invoice-total")).toHaveText(`Rp ${new Intl.NumberFormat("id-ID").format(total)}`);
  await expect(invoices.first().getByTestId("invoice-credit")).toHaveText(/^Termasuk kredit −Rp [\d.]+ untuk \d+ hari paket sebelumnya yang belum terpakai \(sebelum PPN\)\.$/);
  await expect(invoices.nth(1).getByTestId("invoice-credit")).toHaveCount(0);
  await checkAndShoot(page, "app-billing-upgraded-id-light");
});

test("a Pro user cancels (then resumes) and schedules Starter for the period's end, without ever being refused", async ({ page }) => {
  test.setTimeout(120_000);
  await useTheme(page, "dark");
  await signUpViaApi(page, uniqueEmail("periodend"), "en");
  await payOnSnap(page, "pro");
  await expect(page.getByTestId("plan-name")).toHaveText("Pro");
  const reasons = reasonsSeen(page);
  const date = await periodEnd(page, "en");
  const period = page.getByTestId("plan-period");
  const text = page.getByTestId("plan-period-text");
  await expect(text).toHaveText(`Renews on ${date} for Rp 99.000.`);

  // Cancel, behind a confirmation that says what happens and when.
  const cancel = period.getByRole("button", { name: "Cancel plan" });
  await hydrated(cancel);
  await cancel.click();
  const confirm = page.getByRole("dialog", { name: "Cancel Pro?" });
  await expect(confirm).toContainText(`Pro stays active until ${date} and does not renew`);
  await checkAndShoot(page, "app-billing-cancel-dialog-en-dark", { fullPage: false });
  await confirm.getByRole("button", { name: "Cancel plan" }).click();
  await expect(confirm).toBeHidden();
  await expect(period).toHaveAttribute("data-at-end", "CANCEL");
  await expect(text).toHaveText(`Ends on ${date}; your account moves to Free.`);
  await expect(period.getByRole("button", { name: "Cancel plan" })).toHaveCount(0);
  await expect(page.getByTestId("plan-name")).toHaveText("Pro");
  await checkAndShoot(page, "app-billing-cancelled-en-dark");

  // Resume: it renews again.
  await period.getByRole("button", { name: "Resume" }).click();
  await expect(period).toHaveAttribute("data-at-end", "RENEW");
  await expect(text).toHaveText(`Renews on ${date} for Rp 99.000.`);

  // Starter costs less: not bought now, scheduled for the period's end.
  const down = page.getByRole("button", { name: "Downgrade at period end to Starter (Rp 49.000 a month)" });
  await expect(down).toHaveText("Downgrade at period end");
  await down.click();
  const dialog = page.getByRole("dialog", { name: "Move to Starter when this period ends?" });
  await expect(dialog).toContainText(`You keep Pro until ${date}. Then Starter starts at Rp 49.000 a month`);
  await dialog.getByRole("button", { name: "Downgrade at period end" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/en\/app\/billing\//);
  await expect(period).toHaveAttribute("data-at-end", "DOWNGRADE");
  await expect(text).toHaveText(`Changes to Starter on ${date}.`);
  await expect(period).toContainText("Starter is then billed Rp 49.000 a month.");
  await expect(page.locator("[data-testid=plan-row][data-plan=starter] [data-testid=plan-scheduled]")).toHaveText(`Scheduled from ${date}`);
  await expect(page.getByRole("button", { name: "Upgrade to Team for Rp 299.000 a month" })).toBeVisible();
  await checkAndShoot(page, "app-billing-downgrade-en-dark");

  // Keep Pro takes the change back.
  await period.getByRole("button", { name: "Keep Pro" }).click();
  await expect(period).toHaveAttribute("data-at-end", "RENEW");
  await expect(page.locator("[data-testid=plan-row][data-plan=starter] [data-testid=plan-downgrade]")).toBeVisible();

  // The page never asked for something the API refuses (no downgrade_at_period_end, no error).
  expect(reasons).toEqual([]);
  await expect(page.getByRole("alert").filter({ hasText: /downgrade|period ends/i })).toHaveCount(0);
  // Checkout itself refuses a cheaper plan while the period runs; the page never sends it there.
  const refused = await gqlViaApi(page, 'mutation{startCheckout(plan:"starter"){orderId}}');
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "downgrade_at_period_end" });
});

for (const [locale, theme] of [
  ["id", "dark"],
  ["en", "light"],
] as const) {
  test(`an operator-set Pro period (${locale}, ${theme}): the card, a renewal invoice to pay, the upgrade and downgrade dialogs`, async ({ page }) => {
    test.setTimeout(90_000);
    await useTheme(page, theme);
    const email = uniqueEmail(`manual-${locale}`);
    await signUpViaApi(page, email, locale);
    const until = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    setPlan(email, "pro", until);
    // The renewal invoice is issued by the worker 7 days before the end; show the page as it is
    // then (the invoice open, a Pay button), which a test cannot wait for.
    await page.route("**/graphql", async (route) => {
      if (route.request().method() !== "POST" || !route.request().postData()?.includes("query Billing ")) return route.continue();
      const response = await route.fetch();
      const body = await response.json();
      const bill = body?.data?.subscriptionStatus?.nextBill;
      if (bill) bill.invoice = { id: "00000000-0000-0000-0000-000000000001", number: "INV/2026/000999", status: "open", total: bill.total };
      await route.fulfill({ response, json: body });
    });
    await page.goto(`/${locale}/app/billing/`);
    await expect(page.getByTestId("plan-name")).toHaveText("Pro");
    const date = await periodEnd(page, locale);
    const period = page.getByTestId("plan-period");
    await expect(page.getByTestId("plan-period-text")).toHaveText(
      locale === "id" ? `Diperpanjang pada ${date} seharga Rp 99.000.` : `Renews on ${date} for Rp 99.000.`,
    );
    await expect(period.getByRole("button", { name: locale === "id" ? "Bayar Rp 99.000 untuk invoice perpanjangan INV/2026/000999" : "Pay Rp 99.000 for the renewal invoice INV/2026/000999" })).toBeVisible();
    await checkAndShoot(page, `app-billing-period-${locale}-${theme}`);

    // Team: the figures, without a credit (nobody paid for this period).
    const upgrade = page.getByRole("button", { name: locale === "id" ? "Tingkatkan ke Team seharga Rp 299.000 per bulan" : "Upgrade to Team for Rp 299.000 a month" });
    await hydrated(upgrade);
    await upgrade.click();
    const dialog = page.getByRole("dialog", { name: locale === "id" ? "Tingkatkan ke Team" : "Upgrade to Team" });
    await expect(dialog.getByTestId("quote-total")).toContainText("Rp 299.000");
    await expect(dialog.getByTestId("quote-credit")).toHaveCount(0);
    await checkAndShoot(page, `app-billing-upgrade-dialog-${locale}-${theme}`, { fullPage: false });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(upgrade).toBeFocused();

    // Starter: the downgrade's confirmation.
    await page.getByRole("button", { name: locale === "id" ? "Turun di akhir periode ke Starter (Rp 49.000 per bulan)" : "Downgrade at period end to Starter (Rp 49.000 a month)" }).click();
    await expect(page.getByRole("dialog", { name: locale === "id" ? "Pindah ke Starter saat periode ini berakhir?" : "Move to Starter when this period ends?" })).toBeVisible();
    await checkAndShoot(page, `app-billing-downgrade-dialog-${locale}-${theme}`, { fullPage: false });
  });
}
