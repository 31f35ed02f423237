import { expect, test, type Page } from "@playwright/test";
import { hydrated, type Locale, type Theme } from "./helpers";
import { checkAndShoot, gqlViaApi, setPlan, signUpViaApi, uniqueEmail, useTheme } from "./app-helpers";
import { startMockOpenAI } from "./mock-upstream";

/**
 * Connections over a smaller plan's caps: an operator moves a user with three API-key
 * connections (two providers) from Pro to Free (`satu admin set-plan`), which pauses the one
 * that does not fit; the page says so and lets the user choose which stay on.
 */

const ADD = `mutation($p:ProviderName!,$k:String!,$b:String,$l:String){
  addApiKeyConnection(provider:$p,apiKey:$k,baseUrl:$b,label:$l){id status}
}`;

/** A user on Pro with "Gateway A", "OpenAI B" and "Gateway C" (checked against a mock upstream), then moved to Free. */
async function overFreeCaps(page: Page, locale: Locale, baseUrl: string) {
  const email = uniqueEmail(`paused-${locale}`);
  await signUpViaApi(page, email, locale);
  setPlan(email, "pro");
  for (const [provider, label] of [
    ["OPENAI_COMPATIBLE", "Gateway A"],
    ["OPENAI", "OpenAI B"],
    ["OPENAI_COMPATIBLE", "Gateway C"],
  ]) {
    const body = await gqlViaApi(page, ADD, { p: provider, k: "sk-mock-upstream-key", b: baseUrl, l: label });
    expect(body.errors ?? null, label).toBeNull();
  }
  // Free allows one provider: the two gateways (one provider) stay, OpenAI B is paused.
  setPlan(email, "free");
  return email;
}

const row = (page: Page, label: string) => page.getByTestId("connection-row").filter({ has: page.getByRole("heading", { name: label, exact: true }) });

test("moved to Free: the paused connection is said so, the user picks which stay on, and the plan's cap is explained", async ({ page }) => {
  test.setTimeout(90_000);
  const upstream = await startMockOpenAI();
  try {
    await useTheme(page, "dark");
    await overFreeCaps(page, "id", upstream.baseUrl);
    await page.goto("/id/app/connections/");

    const banner = page.getByTestId("paused-banner");
    await expect(banner).toContainText("1 koneksi dijeda karena paket Anda mengizinkan lebih sedikit. Pilih yang tetap aktif.");
    await expect(row(page, "OpenAI B").getByTestId("connection-status")).toHaveText("Dijeda");
    await expect(row(page, "OpenAI B")).toContainText("Melebihi batas paket Anda: Satu menyimpannya");
    await expect(row(page, "Gateway A").getByTestId("connection-status")).toHaveText("Aktif");
    await expect(row(page, "Gateway C").getByTestId("connection-status")).toHaveText("Aktif");
    await expect(page.getByTestId("connection-limits")).toContainText("1/1 provider terpakai (Free)");
    await checkAndShoot(page, "app-connections-paused-id-dark");

    // The picker: every connection, those in use ticked, the plan's caps against the choice.
    const open = banner.getByRole("button", { name: "Pilih koneksi" });
    await hydrated(open);
    await open.click();
    const dialog = page.getByRole("dialog", { name: "Pilih koneksi yang tetap aktif" });
    await expect(dialog).toContainText("Centang koneksi yang tetap dipakai di paket Free");
    const box = (label: string) => dialog.getByRole("checkbox", { name: new RegExp(`^${label}`) });
    await expect(dialog.getByRole("checkbox")).toHaveCount(3);
    await expect(box("Gateway A")).toBeChecked();
    await expect(box("OpenAI B")).not.toBeChecked();
    await expect(box("Gateway C")).toBeChecked();
    const caps = dialog.getByTestId("keep-caps");
    await expect(caps).toContainText("Provider1 dipilih, paket mengizinkan 1");
    await expect(caps).toContainText("Akun langganan0 dipilih, paket mengizinkan 1");

    // More than Free allows: the API refuses, in the user's language, and nothing changes.
    await box("OpenAI B").check();
    await expect(caps).toContainText("Provider2 dipilih, paket mengizinkan 1");
    await dialog.getByRole("button", { name: "Simpan pilihan" }).click();
    const alert = dialog.getByRole("alert");
    await expect(alert).toContainText(
      "Paket Free mengizinkan 1 provider: hapus centang sampai provider yang dipakai tidak melebihi itu, atau tingkatkan paket Anda.",
    );
    await expect(alert.getByTestId("see-plans")).toHaveAttribute("href", "/id/app/billing/");
    await expect(dialog).toBeVisible();
    await checkAndShoot(page, "app-connections-keep-limit-id-dark", { fullPage: false });

    // Keep only OpenAI B: it is used again, the gateways are paused.
    await box("Gateway A").uncheck();
    await box("Gateway C").uncheck();
    await dialog.getByRole("button", { name: "Simpan pilihan" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("toast").filter({ hasText: "Tersimpan: 1 aktif, 2 dijeda." })).toBeVisible();
    await expect(row(page, "OpenAI B").getByTestId("connection-status")).toHaveText("Aktif");
    await expect(row(page, "Gateway A").getByTestId("connection-status")).toHaveText("Dijeda");
    await expect(row(page, "Gateway C").getByTestId("connection-status")).toHaveText("Dijeda");
    await expect(banner).toContainText("2 koneksi dijeda karena paket Anda mengizinkan lebih sedikit.");

    // Turning a paused one back on under Edit asks the plan for room too.
    await row(page, "Gateway A").getByRole("button", { name: "Ubah Gateway A" }).click();
    const edit = page.getByRole("dialog", { name: "Ubah Gateway A" });
    const on = edit.getByRole("checkbox", { name: /^Menyala/ });
    await expect(on).not.toBeChecked();
    await on.check();
    await edit.getByTestId("edit-submit").click();
    await expect(edit.getByRole("alert")).toContainText("Paket Free mengizinkan 1 provider, dan semuanya sudah terpakai.");
    await page.keyboard.press("Escape");
    await expect(edit).toBeHidden();
    await expect(row(page, "Gateway A").getByTestId("connection-status")).toHaveText("Dijeda");

    // The Billing page counts them too, and leads back here.
    await page.goto("/id/app/billing/");
    const notice = page.getByTestId("paused-notice");
    await expect(notice).toContainText("2 koneksi dijeda karena paket Anda mengizinkan lebih sedikit.");
    await expect(notice.getByRole("link", { name: "Pilih yang tetap aktif" })).toHaveAttribute("href", "/id/app/connections/");
    await checkAndShoot(page, "app-billing-paused-id-dark");
  } finally {
    await upstream.close();
  }
});

const WORDS = {
  id: { banner: "1 koneksi dijeda karena paket Anda mengizinkan lebih sedikit.", open: "Pilih koneksi", title: "Pilih koneksi yang tetap aktif", paused: "Dijeda", notice: "1 koneksi dijeda" },
  en: { banner: "1 connection is paused because your plan allows fewer. Choose which stay on.", open: "Choose connections", title: "Choose which connections stay on", paused: "Paused", notice: "1 connection is paused" },
} as const;

for (const [locale, theme] of [
  ["id", "light"],
  ["en", "light"],
  ["en", "dark"],
] as [Locale, Theme][]) {
  test(`paused connections (${locale}, ${theme}): the banner, the picker and the Billing page's notice`, async ({ page }) => {
    test.setTimeout(90_000);
    const upstream = await startMockOpenAI();
    try {
      const words = WORDS[locale];
      await useTheme(page, theme);
      await overFreeCaps(page, locale, upstream.baseUrl);
      await page.goto(`/${locale}/app/connections/`);
      await expect(page.getByTestId("paused-banner")).toContainText(words.banner);
      await expect(row(page, "OpenAI B").getByTestId("connection-status")).toHaveText(words.paused);
      await checkAndShoot(page, `app-connections-paused-${locale}-${theme}`);
      const open = page.getByRole("button", { name: words.open });
      await hydrated(open);
      await open.click();
      await expect(page.getByRole("dialog", { name: words.title })).toBeVisible();
      await checkAndShoot(page, `app-connections-keep-${locale}-${theme}`, { fullPage: false });
      await page.goto(`/${locale}/app/billing/`);
      await expect(page.getByTestId("paused-notice")).toContainText(words.notice);
      await checkAndShoot(page, `app-billing-paused-${locale}-${theme}`);
    } finally {
      await upstream.close();
    }
  });
}
