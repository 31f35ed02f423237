import { expect, test } from "@playwright/test";
import { hydrated } from "./helpers";

// The page a notification email's unsubscribe link leads to. A real link's token is sealed with
// the server's master key, which a browser test cannot make: the Rust suite tests the real flow
// (a real token turns the choice off); here, what the page does with forged and missing links,
// and how it shows the server's other answers.

const INVALID_ID = "Tautan berhenti berlangganan ini tidak valid. Pilih email yang ingin Anda terima di Pengaturan.";
const INCOMPLETE_EN =
  "This link is incomplete. Open the link from the email again, or choose which emails you get in Settings.";

test("unsubscribe: opening the link only asks; a forged link is refused once the button is pressed", async ({ page }) => {
  // Link scanners open links too: the page sends nothing until the person presses the button.
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/email/unsubscribe")) posts.push(`${r.method()} ${r.url()}`);
  });
  await page.goto("/id/unsubscribe/?token=v1:nope:AAAA");
  await expect(page).toHaveTitle("Notifikasi email · Satu");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hentikan email ini?");
  await expect(page.getByText("Email akun seperti atur ulang kata sandi tetap dikirim.", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Atur semua pilihan email di Pengaturan" })).toHaveAttribute("href", "/id/app/settings/");
  const button = page.getByRole("button", { name: "Berhenti berlangganan" });
  await hydrated(button);
  expect(posts).toEqual([]);

  await button.click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID_ID);
  await expect(page.getByRole("link", { name: "Buka pengaturan email" })).toHaveAttribute("href", "/id/app/settings/");
  await expect(page.getByRole("button", { name: "Berhenti berlangganan" })).toHaveCount(0);
  // One POST, with the token as the link had it (encoded again after the page decoded it).
  expect(posts).toEqual([expect.stringMatching(/^POST .*\/api\/email\/unsubscribe\?token=v1%3Anope%3AAAAA$/)]);
});

test("unsubscribe: a link without its token says it is incomplete and points to Settings", async ({ page }) => {
  await page.goto("/en/unsubscribe/");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(INCOMPLETE_EN);
  await expect(page.getByRole("link", { name: "Open email settings" })).toHaveAttribute("href", "/en/app/settings/");
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
});

test("unsubscribe: a server problem offers to try again; success names the emails that stop", async ({ page }) => {
  // Stand-in answers (a real token needs the master key): first a server problem, then success.
  const tokens: string[] = [];
  await page.route(/\/api\/email\/unsubscribe\?/, (route) => {
    tokens.push(new URL(route.request().url()).search);
    return tokens.length === 1
      ? route.fulfill({ status: 503, json: { error: { code: "INTERNAL", message: "Something went wrong on our side; try again." } } })
      : route.fulfill({ status: 200, json: { unsubscribed: "quota_100" } });
  });
  // A sealed token has `+`, `/`, `=` and `:`: each must reach the server as it was.
  await page.goto("/en/unsubscribe/?token=v1%3Aab%2Bc%2Fd%3D");
  const button = page.getByRole("button", { name: "Unsubscribe" });
  await hydrated(button);
  await button.click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Something went wrong on our side. Try again in a moment.");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're unsubscribed");
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "You will no longer get emails when your monthly requests are used up.",
  );
  await expect(page.getByRole("link", { name: "Turn them back on in Settings" })).toHaveAttribute("href", "/en/app/settings/");
  expect(tokens).toEqual(["?token=v1%3Aab%2Bc%2Fd%3D", "?token=v1%3Aab%2Bc%2Fd%3D"]);
});

test("unsubscribe: the emailed address refuses a forged token without changing anything", async ({ request }) => {
  // GET is what a click (or a link scanner) sends: a real token is sent on to the page in the
  // user's language; a forged one names no user, so no language either: 400.
  const get = await request.get("/api/email/unsubscribe?token=forged", { maxRedirects: 0 });
  expect(get.status()).toBe(400);
  expect((await get.json()).error.code).toBe("INVALID_TOKEN");
  const post = await request.post("/api/email/unsubscribe?token=forged");
  expect(post.status()).toBe(400);
  expect((await post.json()).error.code).toBe("INVALID_TOKEN");
});
