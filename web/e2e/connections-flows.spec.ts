import { expect, test, type Locator, type Page } from "@playwright/test";
import { hydrated } from "./helpers";
import { signUpViaApi, uniqueEmail } from "./app-helpers";
import { startMockOpenAI } from "./mock-upstream";

/**
 * The ways into a subscription, through the Connections page, against e2e/mock-oauth.mjs (the
 * providers' OAuth servers, started by playwright.config.ts, which points Satu's
 * `oauth.anthropic.*` and `oauth.qwen.*` at it).
 */
const MOCK = `http://127.0.0.1:${process.env.MOCK_OAUTH_PORT}`;

type Poll = { at: number; answer: string };

/** Queues the mock's next answers to the polls of a device sign-in; returns its polls so far. */
async function scriptDevice(page: Page, userCode: string, answers: string[] = []): Promise<Poll[]> {
  const res = await page.request.post(`${MOCK}/__control/device`, { data: { user_code: userCode, answers } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()).polls;
}

async function devicePolls(page: Page, userCode: string): Promise<Poll[]> {
  const res = await page.request.get(`${MOCK}/__control/device`, { params: { user_code: userCode } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()).polls;
}

/** A Claude token the mock's profile endpoint knows, as if Claude Code had signed in. */
async function claudeCredentialsFile(page: Page, email: string, plan: "pro" | "max") {
  const tag = Math.random().toString(36).slice(2);
  const accessToken = `sk-ant-oat01-mock-${tag}`;
  const refreshToken = `sk-ant-ort01-mock-${tag}`;
  const res = await page.request.post(`${MOCK}/__control/anthropic/accounts`, {
    data: { access_token: accessToken, refresh_token: refreshToken, email, plan },
  });
  expect(res.ok()).toBe(true);
  // ~/.claude/.credentials.json as Claude Code writes it (expiresAt in milliseconds).
  const contents = {
    claudeAiOauth: {
      accessToken,
      refreshToken,
      expiresAt: Date.now() + 8 * 3600 * 1000,
      scopes: ["user:inference", "user:profile", "user:sessions:claude_code"],
      subscriptionType: plan,
    },
  };
  return { name: ".credentials.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(contents, null, 2)) };
}

/** Opens the Connections page and its "Tambah koneksi" dialog on `method` for `provider`. */
async function openAdd(page: Page, method: "browser" | "device" | "import" | "apikey", provider: string): Promise<Locator> {
  await page.goto("/id/app/connections/");
  const add = page.getByTestId("add-connection");
  await hydrated(add);
  await add.click();
  const dialog = page.getByRole("dialog", { name: "Tambah koneksi" });
  await dialog.getByTestId(`method-${method}`).click();
  await expect(dialog.getByTestId(`method-${method}`)).toHaveAttribute("aria-selected", "true");
  await dialog.getByTestId("provider-select").selectOption(provider);
  return dialog;
}

/** "Kode kedaluwarsa dalam 9:58" → 598 */
function secondsLeft(text: string | null): number {
  const m = /(\d+):(\d\d)\s*$/.exec(text?.trim() ?? "");
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

test("device sign-in (Qwen): a big code to copy, a live countdown, pending, slow_down, then connected", async ({ page, context }) => {
  test.setTimeout(60_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUpViaApi(page, uniqueEmail("device"));
  const dialog = await openAdd(page, "device", "QWEN");
  await dialog.getByLabel("Nama (opsional)").fill("Qwen laptop");
  await dialog.getByTestId("device-start").click();

  // The user code, big, with a copy button that puts exactly it on the clipboard.
  const code = dialog.getByTestId("device-code");
  await expect(code).toHaveText(/^[A-Z]{4}-\d{4}$/);
  const userCode = (await code.textContent())!.trim();
  expect(await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
  const copy = code.locator("xpath=..").getByRole("button");
  await expect(copy).toHaveAccessibleName("Salin kode");
  await copy.click();
  await expect(copy).toHaveAccessibleName("Tersalin");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(userCode);
  // The approval page, with the code filled in, opens in a new tab.
  const link = dialog.getByTestId("device-link");
  await expect(link).toHaveAttribute("target", "_blank");
  expect(await link.getAttribute("href")).toBe(`${MOCK}/qwen/authorize?user_code=${encodeURIComponent(userCode)}&client=qwen-code`);
  await expect(dialog.getByText("Kodenya sudah terisi di sana; pastikan sama dengan kode ini:")).toBeVisible();

  // The countdown to the code's expiry (the mock gives 600 s) is visible and goes down.
  const waiting = dialog.getByTestId("device-waiting");
  const countdown = waiting.getByText(/^Kode kedaluwarsa dalam \d+:\d\d$/);
  await expect(countdown).toBeVisible();
  const first = secondsLeft(await countdown.textContent());
  expect(first).toBeGreaterThan(590);
  expect(first).toBeLessThanOrEqual(600);
  await expect.poll(async () => secondsLeft(await countdown.textContent()), { timeout: 5_000 }).toBeLessThan(first);

  // Not approved yet: the provider answers authorization_pending and the page keeps waiting.
  await expect.poll(async () => (await devicePolls(page, userCode)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  expect((await devicePolls(page, userCode)).every((p) => p.answer === "pending")).toBe(true);
  await expect(waiting.getByRole("status")).toHaveText("Menunggu persetujuan Anda…");
  await expect(waiting).toContainText("diperiksa setiap 1 dtk");
  await expect(dialog.getByTestId("device-slow")).toHaveCount(0);

  // The provider asks to slow down: the page says so, with the new interval (1 s + 1 s step).
  await scriptDevice(page, userCode, ["slow_down"]);
  await expect(dialog.getByTestId("device-slow")).toHaveText("Provider meminta Satu memeriksa lebih jarang: sekarang setiap 2 detik.", { timeout: 10_000 });
  await expect(waiting).toContainText("diperiksa setiap 2 dtk");

  // Approved: the dialog closes and the connection is in the list under its label.
  await scriptDevice(page, userCode, ["approve"]);
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId("toast").filter({ hasText: "Qwen laptop terhubung." })).toBeVisible();
  const row = page.getByTestId("connection-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("heading", { name: "Qwen laptop" })).toBeVisible();
  await expect(row).toContainText("Qwen");
  await expect(row).toContainText("Langganan");
  await expect(row.getByTestId("connection-status")).toHaveText("Aktif");

  // Satu polled no faster than the provider allowed after slow_down.
  const polls = await devicePolls(page, userCode);
  const slow = polls.findIndex((p) => p.answer === "slow_down");
  expect(slow).toBeGreaterThanOrEqual(1);
  expect(polls.at(-1)?.answer).toBe("approve");
  for (let i = slow + 1; i < polls.length; i++) expect(polls[i].at - polls[i - 1].at).toBeGreaterThanOrEqual(1_900);
});

test("browser sign-in (Claude): open the authorize address, paste the address it ends on, connected", async ({ page }) => {
  await signUpViaApi(page, uniqueEmail("browser"));
  const claudeEmail = uniqueEmail("claude");
  const dialog = await openAdd(page, "browser", "ANTHROPIC");
  await dialog.getByTestId("browser-start").click();

  // The sign-in address: the provider's authorize page with PKCE S256 and a state, in a new tab.
  const link = dialog.getByTestId("authorize-link");
  await expect(link).toHaveAttribute("target", "_blank");
  const authorize = new URL((await link.getAttribute("href"))!);
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${MOCK}/anthropic/authorize`);
  expect(authorize.searchParams.get("client_id")).toBe("9d1c250a-e61b-44d9-88ed-5944d1962f5e");
  expect(authorize.searchParams.get("response_type")).toBe("code");
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorize.searchParams.get("redirect_uri")).toBe("http://localhost:54545/callback");
  const state = authorize.searchParams.get("state");
  expect(state).toBeTruthy();

  // The user signs in as claudeEmail; the provider sends the browser to the localhost callback,
  // which does not load. (login_hint names who signs in at the mock.)
  authorize.searchParams.set("login_hint", claudeEmail);
  const signedIn = await page.request.get(authorize.toString(), { maxRedirects: 0 });
  expect(signedIn.status()).toBe(302);
  const landed = new URL(signedIn.headers()["location"]);
  expect(`${landed.origin}${landed.pathname}`).toBe("http://localhost:54545/callback");
  expect(landed.searchParams.get("state")).toBe(state);
  expect(landed.searchParams.get("code")).toBeTruthy();

  // An address from another sign-in (its state differs) is refused, and this one stays open.
  const foreign = new URL(landed);
  foreign.searchParams.set("state", "someone-elses-state");
  await dialog.getByTestId("paste-back").fill(foreign.toString());
  await dialog.getByTestId("paste-submit").click();
  await expect(dialog.getByRole("alert")).toContainText("state does not match");

  // The whole address pasted back: the code is exchanged (with the PKCE verifier) and stored.
  await dialog.getByTestId("paste-back").fill(landed.toString());
  await dialog.getByTestId("paste-submit").click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("connection-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("heading", { name: claudeEmail })).toBeVisible();
  await expect(row).toContainText(`${claudeEmail} · paket max`);
  await expect(row).toContainText("Anthropic (Claude)");
  await expect(row.getByTestId("connection-status")).toHaveText("Aktif");
});

test("credential file (Claude Code's ~/.claude/.credentials.json): imported, connected", async ({ page }) => {
  await signUpViaApi(page, uniqueEmail("import"));
  const claudeEmail = uniqueEmail("claude-file");
  const file = await claudeCredentialsFile(page, claudeEmail, "pro");
  const dialog = await openAdd(page, "import", "ANTHROPIC");
  await expect(dialog.getByTestId("import-path")).toHaveText("~/.claude/.credentials.json");
  await expect(dialog.getByTestId("import-submit")).toBeDisabled();

  await dialog.getByTestId("import-file").setInputFiles(file);
  await expect(dialog.getByTestId("import-file-name")).toHaveText(".credentials.json");
  await dialog.getByLabel("Nama (opsional)").fill("Claude kantor");
  await dialog.getByTestId("import-submit").click();

  await expect(dialog).toBeHidden();
  const row = page.getByTestId("connection-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("heading", { name: "Claude kantor" })).toBeVisible();
  // Who it is comes from the provider's profile (the file does not say).
  await expect(row).toContainText(`${claudeEmail} · paket pro`);
  await expect(row.getByTestId("connection-status")).toHaveText("Aktif");
});

test("a Free user's second provider is refused with the plan's words and a link to the plans", async ({ page }) => {
  test.setTimeout(60_000);
  const upstream = await startMockOpenAI();
  try {
    await signUpViaApi(page, uniqueEmail("free"));
    // The first provider: an API key for an OpenAI-compatible server (checked by Satu with it).
    const first = await openAdd(page, "apikey", "OPENAI_COMPATIBLE");
    await first.getByTestId("api-key-input").fill("sk-mock-upstream-key");
    await first.getByTestId("api-key-base-url").fill(upstream.baseUrl);
    await first.getByTestId("api-key-submit").click();
    await expect(first).toBeHidden();
    await expect(page.getByTestId("connection-row")).toHaveCount(1);
    await expect(page.getByTestId("connection-limits")).toContainText("1/1 provider terpakai (Free)");

    const refused = async (dialog: Locator) => {
      const alert = dialog.getByRole("alert").filter({ hasText: "Paket Free mengizinkan 1 provider, dan semuanya sudah terpakai." });
      await expect(alert).toBeVisible({ timeout: 10_000 });
      await expect(alert.getByTestId("see-plans")).toHaveText("Lihat paket");
      await expect(alert.getByTestId("see-plans")).toHaveAttribute("href", "/id/app/billing/");
    };

    // A second provider by credential file: refused.
    let dialog = await openAdd(page, "import", "ANTHROPIC");
    await dialog.getByTestId("import-file").setInputFiles(await claudeCredentialsFile(page, uniqueEmail("claude"), "max"));
    await dialog.getByTestId("import-submit").click();
    await refused(dialog);

    // By browser sign-in: refused after the provider's part, in the same words.
    dialog = await openAdd(page, "browser", "ANTHROPIC");
    await dialog.getByTestId("browser-start").click();
    const href = (await dialog.getByTestId("authorize-link").getAttribute("href"))!;
    const landed = (await page.request.get(href, { maxRedirects: 0 })).headers()["location"];
    await dialog.getByTestId("paste-back").fill(landed);
    await dialog.getByTestId("paste-submit").click();
    await refused(dialog);

    // By device sign-in: the approval comes back refused, the page says why.
    dialog = await openAdd(page, "device", "QWEN");
    await dialog.getByTestId("device-start").click();
    const userCode = (await dialog.getByTestId("device-code").textContent())!.trim();
    await scriptDevice(page, userCode, ["approve"]);
    await expect(dialog.getByTestId("device-failed")).toContainText("Proses masuk tidak selesai.", { timeout: 10_000 });
    await refused(dialog);

    // Nothing was added; the link leads to the plans.
    await dialog.getByTestId("see-plans").click();
    await expect(page).toHaveURL(/\/id\/app\/billing\/$/);
    await page.goto("/id/app/connections/");
    await expect(page.getByTestId("connection-row")).toHaveCount(1);
  } finally {
    await upstream.close();
  }
});
