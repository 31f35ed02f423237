import { expect, test } from "@playwright/test";
import { hydrated, open, path } from "./helpers";

// Served by `satu serve`: security headers and caching. (Skipped when serve.sh fell back to python.)
test("satu serves the export with security headers and caching", async ({ page, request }) => {
  const res = await request.get("/id/");
  const server = res.headers()["content-security-policy"];
  test.skip(!server, "not served by satu (python fallback)");
  expect(server).not.toContain("unsafe-eval");
  expect(server).toContain("frame-ancestors");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["referrer-policy"]).toBeTruthy();
  expect(res.headers()["content-type"]).toContain("text/html");

  const html = await res.text();
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(asset).toBeTruthy();
  const js = await request.get(asset!);
  expect(js.headers()["content-type"]).toContain("javascript");
  expect(js.headers()["cache-control"]).toContain("immutable");

  // Under that CSP the page runs without a single violation.
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await open(page, path("en"));
  await hydrated(page.getByRole("radio", { name: "IDR" }));
  await page.getByRole("radio", { name: "IDR" }).click();
  await expect(page.getByTestId("price").first()).toHaveText("Rp 0");
  expect(violations).toEqual([]);

  for (const p of ["/healthz"]) expect((await request.get(p)).status()).toBe(200);
});
