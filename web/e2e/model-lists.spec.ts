import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./helpers";
import { checkAndShoot, gqlViaApi, signUpViaApi, uniqueEmail, useTheme } from "./app-helpers";
import { startMockOpenAI } from "./mock-upstream";

/**
 * Models kept current, as the user sees them: a new API-key connection shows the models its
 * provider listed (asked by the worker shortly after connecting), and the routing switch
 * "follow model replacements" is saved with the rest of the routing settings.
 */

const ADD = `mutation($p:ProviderName!,$k:String!,$b:String,$l:String){
  addApiKeyConnection(provider:$p,apiKey:$k,baseUrl:$b,label:$l){id status}
}`;

async function connected(page: Page, locale: "id" | "en", baseUrl: string) {
  await signUpViaApi(page, uniqueEmail(`models-${locale}`), locale);
  const body = await gqlViaApi(page, ADD, { p: "OPENAI", k: "sk-mock-upstream-key", b: baseUrl, l: "OpenAI work" });
  expect(body.errors ?? null).toBeNull();
}

for (const [locale, theme, summary, follow, saved] of [
  ["en", "light", "1 model as the provider listed them", "Follow model replacements", "Save routing"],
  ["id", "dark", "1 model sesuai daftar provider", "Ikuti pengganti model", "Simpan routing"],
] as const) {
  test(`a connection lists the models its provider reaches; replacements are followed on request (${locale}, ${theme})`, async ({ page }) => {
    test.setTimeout(90_000);
    const upstream = await startMockOpenAI();
    try {
      await useTheme(page, theme);
      await connected(page, locale, upstream.baseUrl);
      await page.goto(`/${locale}/app/connections/`);
      const reached = page.getByTestId("connection-reachable-models");
      // The worker scans every second in these tests; the page refetches when it gains focus.
      await expect(async () => {
        await page.reload();
        await expect(reached).toContainText(summary, { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      await hydrated(reached.locator("summary"));
      await reached.locator("summary").click();
      await expect(reached.getByRole("listitem")).toHaveText(["gpt-4o-mini"]);

      const box = page.getByRole("checkbox", { name: new RegExp(`^${follow}`) });
      await expect(box).not.toBeChecked();
      await box.check();
      await page.getByRole("button", { name: new RegExp(`^${saved}`) }).click();
      await expect(page.getByTestId("routing-dirty")).toHaveCount(0);
      await checkAndShoot(page, `app-connections-models-${locale}-${theme}`);
      await page.reload();
      await expect(page.getByRole("checkbox", { name: new RegExp(`^${follow}`) })).toBeChecked();
    } finally {
      await upstream.close();
    }
  });
}
