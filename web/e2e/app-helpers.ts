import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { hydrated, maxOverflow, shotPath, type Theme } from "./helpers";

export const PASSWORD = "kopi susu gula aren 2026";

export function uniqueEmail(tag: string) {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** The link in the sign-up email: `{public_url}/{locale}/confirm-signup/?token=…`. */
export const SIGNUP_LINK = /\/confirm-signup\/\?token=([A-Za-z0-9]+)/;

/**
 * Posts one GraphQL operation with the page's request context (its cookies, and the session's
 * CSRF token as the dashboard sends it, so signed-in mutations pass); returns the body.
 */
export async function gqlViaApi(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const csrf = (await page.context().cookies()).find((c) => c.name === "satu_csrf" || c.name === "__Host-satu_csrf");
  const res = await page.request.post("/graphql", {
    headers: { "content-type": "application/json", ...(csrf ? { "x-csrf-token": decodeURIComponent(csrf.value) } : {}) },
    data: { query, variables },
  });
  return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/**
 * Starts a sign-up through the API and returns the token of the link it emailed (the newest
 * sign-up email to `email` in the outbox).
 */
export async function startSignUpViaApi(page: Page, email: string, locale = "id"): Promise<string> {
  const body = await gqlViaApi(page, "mutation($e:String!,$p:String!,$l:String){signUp(email:$e,password:$p,locale:$l)}", {
    e: email,
    p: PASSWORD,
    l: locale,
  });
  expect(body.errors ?? null).toBeNull();
  expect(body.data?.signUp).toBe(true);
  const [, token] = await waitForEmail(email, SIGNUP_LINK);
  return token;
}

/**
 * Signs a new user up through the API: signUp, the link from the outbox, completeSignUp with
 * PASSWORD. Through `page.request`, so the browser context gets the session cookies.
 */
export async function signUpViaApi(page: Page, email: string, locale = "id") {
  const token = await startSignUpViaApi(page, email, locale);
  const body = await gqlViaApi(page, "mutation($t:String!,$p:String!){completeSignUp(token:$t,password:$p){user{id}}}", {
    t: token,
    p: PASSWORD,
  });
  expect(body.errors ?? null).toBeNull();
}

/** Signs an existing account in through the API (`logIn`), so the browser context holds its session. */
export async function signInViaApi(page: Page, email: string, password = PASSWORD) {
  const body = await gqlViaApi(page, "mutation($e:String!,$p:String!){logIn(email:$e,password:$p){user{id}}}", { e: email, p: password });
  expect(body.errors ?? null).toBeNull();
}

/**
 * Runs `satu admin …` on the suite's server's data directory (the binary serve.sh runs) and
 * returns what it printed.
 */
export function satuAdmin(args: string[]): string {
  const repo = join(__dirname, "..", "..");
  let bin = process.env.SATU_BIN || join(repo, "target", "debug", "satu");
  if (!process.env.SATU_BIN && !existsSync(bin)) bin = join(repo, "target", "release", "satu");
  return execFileSync(bin, ["admin", ...args], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: process.env.NODE_ENV,
      RUST_LOG: "warn",
      SATU__SECURITY__DATA_DIR: process.env.SATU_E2E_DATA ?? "",
      // The links carry the server's address, as the server's own config has it (serve.sh).
      SATU__API__PUBLIC_URL: `http://127.0.0.1:${process.env.WEB_E2E_PORT}`,
    },
  }).toString();
}

/**
 * The newest email to `to`, as its recipient reads it (links included), from the server's
 * outbox through `satu admin emails`: Satu has no SMTP configured in this suite, and the
 * links' tokens are sealed in the outbox, so only Satu itself can show them.
 */
export function lastEmail(to: string): string {
  return satuAdmin(["emails", "--email", to, "--limit", "1"]);
}

/**
 * Puts a user on `plan` now, as an operator does (`satu admin set-plan`); with `until`
 * (YYYY-MM-DD) the deal is a period ending then, which renews like a paid one. Connections
 * over a smaller plan's caps are paused at once.
 */
export function setPlan(email: string, plan: string, until?: string) {
  satuAdmin(["set-plan", "--email", email, "--plan", plan, ...(until ? ["--until", until] : [])]);
}

export async function waitForEmail(to: string, pattern: RegExp): Promise<RegExpMatchArray> {
  let match: RegExpMatchArray | null = null;
  await expect
    .poll(() => {
      match = lastEmail(to).match(pattern);
      return match !== null;
    }, { timeout: 10_000 })
    .toBe(true);
  return match as unknown as RegExpMatchArray;
}

/**
 * Axe (serious/critical), then the page as a person sees it, at desktop width and at 375 px.
 * With a dialog open, `fullPage: false` shoots what is on screen (a full-page shot stretches
 * the page under the fixed overlay).
 */
export async function checkAndShoot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), name).toEqual([]);
  await page.screenshot({ path: shotPath(`${name}-desktop`), fullPage });
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await maxOverflow(page), `horizontal scroll at 375px on ${name}`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shotPath(`${name}-375`), fullPage });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The theme a user picked (saved), with motion reduced, for every page this test opens. */
export async function useTheme(page: Page, theme: Theme) {
  await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
  await page.emulateMedia({ reducedMotion: "reduce" });
}

/**
 * Adds an API-key connection to an OpenAI-compatible mock upstream through the Connections
 * page (checked with the upstream by the server), serving `model`.
 */
export async function addMockConnection(page: Page, locale: "id" | "en", baseUrl: string, model = "gpt-4o-mini") {
  await page.goto(`/${locale}/app/connections/`);
  const add = page.getByTestId("add-connection");
  await hydrated(add);
  await add.click();
  await page.getByTestId("method-apikey").click();
  await page.getByTestId("provider-select").selectOption("OPENAI_COMPATIBLE");
  await page.getByTestId("api-key-input").fill("sk-mock-upstream-key");
  await page.getByTestId("api-key-base-url").fill(baseUrl);
  await page.getByLabel(locale === "id" ? "Model (opsional)" : "Models (optional)").fill(model);
  await page.getByTestId("api-key-submit").click();
  await expect(page.getByTestId("connection-row")).toHaveCount(1);
}
