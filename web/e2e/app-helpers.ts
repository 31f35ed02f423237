import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "kopi susu gula aren 2026";

export function uniqueEmail(tag: string) {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Signs a new user up through the API (the browser context gets the session cookies). */
export async function signUpViaApi(page: Page, email: string, locale = "id") {
  const res = await page.request.post("/graphql", {
    headers: { "content-type": "application/json" },
    data: {
      query: "mutation($e:String!,$p:String!,$l:String){signUp(email:$e,password:$p,locale:$l){user{id}}}",
      variables: { e: email, p: PASSWORD, l: locale },
    },
  });
  const body = await res.json();
  expect(body.errors ?? null).toBeNull();
}

/**
 * The newest email to `to` in the server's outbox (SQLite in the data directory Playwright's
 * config made), read with Python's sqlite3: Satu has no SMTP configured in this suite.
 */
export function lastEmail(to: string): string {
  const db = join(process.env.SATU_E2E_DATA ?? "", "satu.db");
  const script =
    "import sqlite3,sys\n" +
    "c=sqlite3.connect(sys.argv[1])\n" +
    "r=c.execute('select body from email_outbox where to_address=? order by created_at desc limit 1',(sys.argv[2],)).fetchone()\n" +
    "print(r[0] if r else '')";
  return execFileSync("python3", ["-c", script, db, to]).toString();
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
