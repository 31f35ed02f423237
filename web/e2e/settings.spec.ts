import { expect, test } from "@playwright/test";
import { hydrated } from "./helpers";
import { PASSWORD, signUpViaApi, uniqueEmail } from "./app-helpers";

test("notification choices save at once and stay after a reload", async ({ page }) => {
  await signUpViaApi(page, uniqueEmail("notify"), "en");
  await page.goto("/en/app/settings/");
  const quota80 = page.getByTestId("notify-quota80");
  await hydrated(quota80);
  await expect(quota80).toBeChecked();
  await quota80.click();
  await expect(quota80).not.toBeChecked();
  await expect(page.getByTestId("toast").first()).toContainText("Notification choices saved.");
  await page.reload();
  await expect(page.getByTestId("notify-quota80")).not.toBeChecked();
  await expect(page.getByTestId("notify-quota100")).toBeChecked();
});

test("sessions: another browser is listed and signed out from here", async ({ page, browser }) => {
  const email = uniqueEmail("sessions");
  await signUpViaApi(page, email, "id");
  const laptop = await browser.newContext();
  const other = await laptop.newPage();
  const login = await other.request.post("/graphql", {
    headers: { "content-type": "application/json", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" },
    data: { query: "mutation($e:String!,$p:String!){logIn(email:$e,password:$p){user{id}}}", variables: { e: email, p: PASSWORD } },
  });
  expect((await login.json()).errors ?? null).toBeNull();

  await page.goto("/id/app/settings/");
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  await expect(page.locator("[data-testid=session-row][data-current=true]")).toContainText("Perangkat ini");
  await expect(page.locator("[data-testid=session-row][data-current=false]")).toContainText("Firefox · Linux");
  const all = page.getByTestId("sign-out-others");
  await hydrated(all);
  await all.click();
  await page.getByRole("dialog").getByRole("button", { name: "Keluar dari semua sesi lain" }).click();
  await expect(page.getByTestId("toast").first()).toContainText("1 sesi lain telah keluar.");
  await expect(page.getByTestId("session-row")).toHaveCount(1);

  // The other browser is signed out: its next page of the app sends it to sign in.
  await other.goto("/id/app/");
  await expect(other).toHaveURL(/\/id\/signin\/\?next=/);
  await laptop.close();
});
