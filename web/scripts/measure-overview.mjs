// Measures the dashboard's Overview with real data (issue 16's budgets; figures go to
// docs/web.md, not into tests): a user with N requests proxied through a running `satu serve`
// to a local mock upstream, then (1) the Overview rendered with that data in Chromium, from
// navigation start until the counters and the recent list are on screen, median of 5 loads, and
// (2) Lighthouse (desktop preset) on the same page, signed in.
//
//   SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS=true target/release/satu serve --bind 127.0.0.1:8080 &
//   node scripts/measure-overview.mjs [--url http://127.0.0.1:8080] [--requests 10000] [--no-lighthouse]
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { chromium } from "@playwright/test";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const BASE = arg("--url", "http://127.0.0.1:8080").replace(/\/$/, "");
const N = Number(arg("--requests", "10000"));
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PASSWORD = "kopi susu gula aren 2026";

function mockUpstream() {
  const body = JSON.stringify({
    id: "chatcmpl-mock",
    object: "chat.completion",
    created: 1,
    model: "gpt-4o-mini",
    choices: [{ index: 0, message: { role: "assistant", content: "Halo!" }, finish_reason: "stop" }],
    usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(req.url.endsWith("/models") ? JSON.stringify({ object: "list", data: [{ id: "gpt-4o-mini", object: "model" }] }) : body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function graphql(query, variables, auth) {
  const res = await fetch(`${BASE}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = await res.json();
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

async function seed(upstreamPort) {
  const email = `measure-${Date.now()}@example.com`;
  // The same binary and data directory as the server (SATU__SECURITY__DATA_DIR or ./data of the repo).
  const repo = new URL("../../", import.meta.url).pathname;
  const bin = process.env.SATU_BIN || `${repo}target/release/satu`;
  // Sign-up mails a link (no SMTP: it waits in the outbox, which `satu admin emails` shows);
  // the link's token and the password create the account.
  await graphql("mutation($e:String!,$p:String!){signUp(email:$e,password:$p,locale:\"id\")}", { e: email, p: PASSWORD });
  const mail = execFileSync(bin, ["admin", "emails", "--email", email], { cwd: repo }).toString();
  const link = mail.match(/\/confirm-signup\/\?token=([A-Za-z0-9]+)/);
  if (!link) throw new Error(`no sign-up link in the outbox for ${email}:\n${mail}`);
  const complete = await graphql(
    "mutation($t:String!,$p:String!){completeSignUp(token:$t,password:$p,issueToken:true){sessionToken}}",
    { t: link[1], p: PASSWORD },
  );
  const token = complete.completeSignUp.sessionToken;
  await graphql(
    "mutation($u:String!){addApiKeyConnection(provider:OPENAI_COMPATIBLE,apiKey:\"sk-mock\",baseUrl:$u,models:[\"gpt-4o-mini\"]){id}}",
    { u: `http://127.0.0.1:${upstreamPort}/v1` },
    token,
  );
  const key = (await graphql("mutation{createApiKey(name:\"measure\"){secret}}", {}, token)).createApiKey.secret;
  // Free allows 1,000 requests a month: lift the quota the operator's way for the measurement.
  const limits = ["admin", "set-limits", "--email", email, "--monthly-requests", String(N * 2), "--rpm", "1000000", "--tpm", "1000000000"];
  execFileSync(bin, limits, { stdio: "ignore", cwd: repo });
  let sent = 0;
  const worker = async () => {
    while (sent < N) {
      sent += 1;
      const res = await fetch(`${BASE}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Halo" }] }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`request answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  for (;;) {
    const d = await graphql("{usageSummary(range:{preset:LAST_24H}){totals{requests}}}", {}, token);
    if (d.usageSummary.totals.requests >= N) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return email;
}

async function browserSession(email) {
  const res = await fetch(`${BASE}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "mutation($e:String!,$p:String!){logIn(email:$e,password:$p){user{id}}}", variables: { e: email, p: PASSWORD } }),
  });
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function renderTimes(cookies) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext();
  const host = new URL(BASE).hostname;
  await context.addCookies(cookies.map((c) => ({ name: c.split("=")[0], value: c.slice(c.indexOf("=") + 1), domain: host, path: "/" })));
  const expected = new Intl.NumberFormat("id-ID").format(N);
  const times = [];
  for (let i = 0; i < 6; i++) {
    const page = await context.newPage();
    await page.goto(`${BASE}/id/app/`);
    const handle = await page.waitForFunction(
      (want) => {
        const today = document.querySelector("[data-testid=requests-today]");
        const recent = document.querySelectorAll("[data-testid=recent-model]").length;
        return today?.textContent === want && recent === 10 ? performance.now() : false;
      },
      expected,
      { polling: "raf", timeout: 30_000 },
    );
    times.push(await handle.jsonValue());
    await page.close();
  }
  await browser.close();
  const warm = times.slice(1).sort((a, b) => a - b);
  return { first: times[0], median: warm[Math.floor(warm.length / 2)], all: times };
}

const upstream = await mockUpstream();
const started = Date.now();
const email = await seed(upstream.address().port);
console.log(`seeded ${N} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const cookies = await browserSession(email);
const render = await renderTimes(cookies);
console.log(`overview rendered with data: first load ${render.first.toFixed(0)} ms, median of 5 more ${render.median.toFixed(0)} ms (${render.all.map((t) => t.toFixed(0)).join(", ")})`);
if (!process.argv.includes("--no-lighthouse")) {
  const out = execFileSync(
    "npx",
    ["-y", "lighthouse@12.2.3", `${BASE}/id/app/`, "--preset=desktop", "--only-categories=performance", "--output=json", "--quiet",
      `--extra-headers=${JSON.stringify({ Cookie: cookies.join("; ") })}`, "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 },
  ).toString();
  const report = JSON.parse(out);
  const a = report.audits;
  console.log(
    `lighthouse desktop: performance ${Math.round(report.categories.performance.score * 100)}, FCP ${a["first-contentful-paint"].displayValue}, LCP ${a["largest-contentful-paint"].displayValue}, TBT ${a["total-blocking-time"].displayValue}, CLS ${a["cumulative-layout-shift"].displayValue}`,
  );
}
upstream.close();
