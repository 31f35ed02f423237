import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { hydrated } from "./helpers";
import { PASSWORD, addMockConnection, uniqueEmail, waitForEmail } from "./app-helpers";
import { startMockOpenAI } from "./mock-upstream";

/**
 * Runs a copied curl snippet the way a user pastes it into a shell; returns status and body.
 * Asynchronously: the mock upstream lives in this process and must keep answering meanwhile.
 */
async function runCurl(snippet: string): Promise<{ status: number; body: string }> {
  const { stdout: out } = await promisify(execFile)("bash", ["-c", snippet.replace(/^curl /, "curl -sS -w '\\n%{http_code}' ")]);
  const lines = out.trimEnd().split("\n");
  const status = Number(lines.pop());
  return { status, body: lines.join("\n") };
}

test("from Mulai Gratis to a first request seen live, then a rotated key", async ({ page }) => {
  test.setTimeout(120_000);
  const upstream = await startMockOpenAI();
  const email = uniqueEmail("journey");
  try {
    // The landing page's call to action leads to sign-up.
    await page.goto("/id/");
    await page.getByTestId("cta-start").click();
    await expect(page).toHaveURL(/\/id\/signup\/$/);
    const submit = page.getByRole("button", { name: "Daftar gratis" });
    await hydrated(submit);
    await page.getByLabel("Nama (opsional)").fill("Sari");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await submit.click();

    // Nothing is created yet: the page says where the link went.
    const inbox = page.locator("main").getByRole("status");
    await expect(inbox).toContainText(`Kami sudah mengirim email ke ${email}.`);
    await expect(inbox).toContainText("48 jam");
    await expect(page).toHaveURL(/\/id\/signup\/$/);

    // The emailed link asks for the password chosen at sign-up, then opens the dashboard.
    const [link] = await waitForEmail(email, /http:\/\/\S+\/id\/confirm-signup\/\?token=\S+/);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Selesaikan pendaftaran");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    const finish = page.getByRole("button", { name: "Buat akun saya" });
    await hydrated(finish);
    await page.getByLabel("Kata sandi yang Anda pilih saat mendaftar").fill(PASSWORD);
    await finish.click();
    await expect(page).toHaveURL(/\/id\/app\/\?welcome=1$/);
    await expect(page.getByTestId("onboarding")).toBeVisible();
    await expect(page.getByTestId("step-connect")).toHaveAttribute("data-done", "false");
    // The link confirmed the address: no "confirm your email" banner.
    await expect(page.getByText("Konfirmasi email Anda lewat tautan yang kami kirim")).toHaveCount(0);

    // An API-key connection to the mock upstream (checked with it by the server).
    await addMockConnection(page, "id", upstream.baseUrl);

    // A key, its secret shown once, and the page's own curl snippet carrying it.
    await page.goto("/id/app/keys/");
    const create = page.getByTestId("create-key");
    await hydrated(create);
    await create.click();
    await page.getByRole("dialog").getByLabel("Nama").fill("laptop");
    await page.getByRole("dialog").getByRole("button", { name: "Buat key" }).click();
    const secret = (await page.getByTestId("new-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^sk-satu-/);
    await page.getByRole("button", { name: "Sudah saya salin" }).click();
    const snippet = (await page.getByTestId("snippet-curl").textContent()) ?? "";
    expect(snippet).toContain(secret);
    expect(snippet).toContain('"model":"gpt-4o-mini"');

    // The request shows on the Overview without a reload.
    await page.goto("/id/app/");
    await expect(page.getByTestId("recent-activity")).toHaveCount(0);
    await expect(page.getByTestId("step-request")).toHaveAttribute("data-done", "false");
    // The page's live subscription is open before the request is made.
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "connected", { timeout: 10_000 });
    const sent = Date.now();
    const answer = await runCurl(snippet);
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body).choices[0].message.content).toContain("Halo");
    await expect(page.getByTestId("recent-model").first()).toHaveText("gpt-4o-mini", { timeout: 5_000 });
    console.log(`journey: request visible on the overview ${Date.now() - sent} ms after curl started`);
    await expect(page.getByTestId("step-request")).toHaveAttribute("data-done", "true");
    await expect(page.getByTestId("requests-today")).toHaveText("1");
    expect(upstream.requests()).toBe(1);

    // It is in the usage chart and the log, and in the CSV export.
    await page.goto("/id/app/usage/");
    await expect(page.getByTestId("request-row").first()).toContainText("gpt-4o-mini");
    await expect(page.getByTestId("stat-requests")).toContainText("1");
    await expect(page.locator("[data-testid=usage-chart-requests] svg.recharts-surface")).toBeVisible({ timeout: 15_000 });
    const csvHref = await page.getByTestId("export-csv").getAttribute("href");
    const csv = await (await page.request.get(csvHref ?? "")).text();
    expect(csv).toContain("gpt-4o-mini");

    // Rotating the key: the old secret gets 401, the new one works.
    await page.goto("/id/app/keys/");
    const rotate = page.getByRole("button", { name: "Rotasi key laptop" });
    await hydrated(rotate);
    await rotate.click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotasi" }).click();
    const rotated = (await page.getByTestId("new-secret").textContent())?.trim() ?? "";
    expect(rotated).toMatch(/^sk-satu-/);
    expect(rotated).not.toBe(secret);
    expect((await runCurl(snippet)).status).toBe(401);
    expect((await runCurl(snippet.replace(secret, rotated))).status).toBe(200);
  } finally {
    await upstream.close();
  }
});
