import { expect, test } from "@playwright/test";
import { hydrated } from "./helpers";
import { PASSWORD, SIGNUP_LINK, gqlViaApi, lastEmail, signUpViaApi, startSignUpViaApi, uniqueEmail, waitForEmail } from "./app-helpers";

// Sign-up is verified first: the form only mails a link; the link's page asks for the password
// chosen at sign-up and creates the account. (The whole way from the landing page is in
// journey.spec.ts.)

const MISMATCH = "This is not the password you chose at sign-up. Enter that password, or sign up again for a new link.";
const INVALID =
  "This sign-up link is invalid, was already used or has expired (links work for 48 hours). Sign up again to get a new one.";

test("confirm-signup: a wrong password is refused, the right one opens the dashboard, the used link says so", async ({ page, context }) => {
  const email = uniqueEmail("confirm");
  const token = await startSignUpViaApi(page, email, "en");
  await page.goto(`/en/confirm-signup/?token=${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish signing up");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Email")).toHaveAttribute("readonly", "");
  const finish = page.getByRole("button", { name: "Create my account" });
  await hydrated(finish);
  const password = page.getByLabel("The password you chose at sign-up");

  await password.fill("not the password I chose");
  await finish.click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(MISMATCH);
  await expect(page).toHaveURL(/\/en\/confirm-signup\/\?token=/);

  await password.fill(PASSWORD);
  await finish.click();
  await expect(page).toHaveURL(/\/en\/app\/\?welcome=1$/);
  await expect(page.getByTestId("onboarding")).toBeVisible();
  // The link confirmed the address: no "confirm your email" banner.
  await expect(page.getByText("Confirm your email through the link we sent")).toHaveCount(0);

  // The link works once: opened again it says so, and points back to sign-up and sign-in.
  await context.clearCookies();
  await page.goto(`/en/confirm-signup/?token=${token}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID);
  await expect(page.getByRole("link", { name: "Sign up again" })).toHaveAttribute("href", "/en/signup/");
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/en/signin/");
  await expect(page.getByLabel("The password you chose at sign-up")).toHaveCount(0);

  // So does a link that never existed.
  await page.goto("/en/confirm-signup/?token=notARealSignUpLink");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID);
});

test("signing up with an email that already has an account shows the same check-your-inbox page", async ({ page, context }) => {
  const email = uniqueEmail("again");
  await signUpViaApi(page, email, "id");
  await context.clearCookies();

  await page.goto("/id/signup/");
  const submit = page.getByRole("button", { name: "Daftar gratis" });
  await hydrated(submit);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("password lain yang panjang 2029");
  await submit.click();
  const sent = page.locator("main").getByRole("status");
  await expect(sent).toContainText(`Kami sudah mengirim email ke ${email}. Buka tautannya dalam 48 jam`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Periksa kotak masuk Anda");

  // The owner is told to sign in instead; no new sign-up link was sent.
  await waitForEmail(email, /\/signin\//);
  expect(lastEmail(email)).not.toMatch(SIGNUP_LINK);

  // "Pakai email lain" goes back to the form, the address ready to be changed.
  await page.getByRole("button", { name: "Pakai email lain" }).click();
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(submit).toBeEnabled();
});

test("confirm-signup: when the address got an account meanwhile, the page says to sign in", async ({ page, context }) => {
  const email = uniqueEmail("twice");
  // Two sign-ups, two links; the first one creates the account.
  const first = await startSignUpViaApi(page, email, "en");
  const second = await startSignUpViaApi(page, email, "en");
  expect(second).not.toBe(first);
  const done = await gqlViaApi(page, "mutation($t:String!,$p:String!){completeSignUp(token:$t,password:$p){user{id}}}", {
    t: first,
    p: PASSWORD,
  });
  expect(done.errors ?? null).toBeNull();
  await context.clearCookies();

  await page.goto(`/en/confirm-signup/?token=${second}`);
  const finish = page.getByRole("button", { name: "Create my account" });
  await hydrated(finish);
  await page.getByLabel("The password you chose at sign-up").fill(PASSWORD);
  await finish.click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("This email already has an account.");
  await expect(alert.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/en/signin/");
});
