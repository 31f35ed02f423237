import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./helpers";
import { PASSWORD, signUpViaApi, uniqueEmail, waitForEmail } from "./app-helpers";

/** Signs in through the sign-in page's form; returns its submit button. */
async function signIn(page: Page, locale: "id" | "en", email: string, password: string) {
  await page.goto(`/${locale}/signin/`);
  const submit = page.getByRole("button", { name: locale === "id" ? "Masuk" : "Sign in", exact: true });
  await hydrated(submit);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(locale === "id" ? "Kata sandi" : "Password", { exact: true }).fill(password);
  await submit.click();
}

test("password reset: the emailed link sets a new password; the old one stops working", async ({ page, context }) => {
  const email = uniqueEmail("reset");
  const newPassword = "teh tarik tanpa gula 2027";
  await signUpViaApi(page, email);
  await context.clearCookies();

  // "Lupa kata sandi?" on the sign-in page leads to the form that mails a link.
  await page.goto("/id/signin/");
  const forgotLink = page.getByRole("link", { name: "Lupa kata sandi?" });
  await hydrated(forgotLink);
  await forgotLink.click();
  await expect(page).toHaveURL(/\/id\/forgot-password\/$/);
  const send = page.getByRole("button", { name: "Kirim tautan" });
  await hydrated(send);
  await page.getByLabel("Email").fill(email);
  await send.click();
  await expect(page.locator("main").getByRole("status")).toHaveText(`Jika ${email} terdaftar, tautan untuk mengatur ulang kata sandi sudah dikirim. Periksa kotak masuk Anda.`);

  // The link in the email opens the reset page in the user's language.
  const [link] = await waitForEmail(email, /http:\/\/\S+\/id\/reset-password\/\?token=\S+/);
  await page.goto(link);
  const save = page.getByRole("button", { name: "Simpan kata sandi" });
  await hydrated(save);
  // Revoking every API key is offered, never the default (scripts keep working otherwise).
  await expect(page.getByTestId("reset-revoke-keys")).not.toBeChecked();
  await expect(page.getByLabel("Cabut juga semua API key saya")).toBeVisible();
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(newPassword);
  await page.getByLabel("Ulangi kata sandi baru").fill("not the same password");
  await save.click();
  await expect(page.getByText("Kedua kata sandi tidak sama.")).toBeVisible();
  await page.getByLabel("Ulangi kata sandi baru").fill(newPassword);
  await save.click();
  await expect(page).toHaveURL(/\/id\/signin\/\?reset=1$/);
  await expect(page.getByText("Kata sandi baru sudah disimpan. Masuk dengan kata sandi itu.")).toBeVisible();

  // The link works once.
  await page.goto(link);
  await hydrated(save);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("another new password 2028");
  await page.getByLabel("Ulangi kata sandi baru").fill("another new password 2028");
  await save.click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Tautan ini tidak valid, sudah dipakai, atau kedaluwarsa. Minta tautan baru.");

  // The old password is refused in the user's words; the new one signs in.
  await signIn(page, "id", email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email atau kata sandi salah.");
  await expect(page).toHaveURL(/\/id\/signin\/$/);
  await signIn(page, "id", email, newPassword);
  await expect(page).toHaveURL(/\/id\/app\/$/);
});

test("delete account: settings' danger zone, email and password typed, back on the home page, no way back in", async ({ page }) => {
  const email = uniqueEmail("delete");
  await signUpViaApi(page, email, "en");
  await page.goto("/en/app/settings/");
  const open = page.getByTestId("delete-account");
  await hydrated(open);
  await expect(page.getByRole("heading", { name: "Danger zone" })).toBeVisible();
  await open.click();

  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  const confirm = dialog.getByTestId("delete-confirm");
  await expect(confirm).toBeDisabled();
  // Only the account's own email arms the button.
  await dialog.getByLabel(`Type ${email} to confirm`).fill("someone@example.com");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${email} to confirm`).fill(email.toUpperCase());
  await expect(confirm).toBeEnabled();

  // A wrong password is refused and nothing is deleted.
  await dialog.getByLabel("Password", { exact: true }).fill("not my password at all");
  await confirm.click();
  await expect(dialog.getByRole("alert")).toHaveText("The password is incorrect.");

  await dialog.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await confirm.click();
  await expect(page).toHaveURL(/\/en\/$/);

  // The session went with the account, and the account cannot sign in again.
  await page.goto("/en/app/");
  await expect(page).toHaveURL(/\/en\/signin\/\?next=/);
  await signIn(page, "en", email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
});
