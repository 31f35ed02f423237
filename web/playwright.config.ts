import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

// A free port and a fresh data directory for `satu serve`, chosen once by the runner and
// handed to the workers through the environment (they inherit it), so a busy port on a
// developer's machine cannot fail the run and tests can read the server's SQLite outbox.
function freePort(): string {
  const probe = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return execFileSync(process.execPath, ["-e", probe]).toString().trim();
}
process.env.WEB_E2E_PORT ||= freePort();
// The mock OAuth server (e2e/mock-oauth.mjs) that stands in for Claude's and Qwen's sign-in.
while (!process.env.MOCK_OAUTH_PORT || process.env.MOCK_OAUTH_PORT === process.env.WEB_E2E_PORT) {
  process.env.MOCK_OAUTH_PORT = freePort();
}
// The mock Midtrans (e2e/mock-midtrans.mjs): Snap checkout, the status API, a Snap page that
// pays and sends Satu the signed notification.
while (!process.env.MOCK_MIDTRANS_PORT || [process.env.WEB_E2E_PORT, process.env.MOCK_OAUTH_PORT].includes(process.env.MOCK_MIDTRANS_PORT)) {
  process.env.MOCK_MIDTRANS_PORT = freePort();
}
process.env.SATU_E2E_DATA ||= mkdtempSync(join(tmpdir(), "satu-web-e2e-"));
const port = Number(process.env.WEB_E2E_PORT);
const mockOAuth = `http://127.0.0.1:${process.env.MOCK_OAUTH_PORT}`;
const mockMidtrans = `http://127.0.0.1:${process.env.MOCK_MIDTRANS_PORT}`;
/** The sandbox server key Satu signs in to the mock with (and the mock signs notifications with). */
const MIDTRANS_SERVER_KEY = "SB-Mid-server-SATUWEB123";
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/artifacts",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node e2e/mock-oauth.mjs",
      url: `${mockOAuth}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 10_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Notifies Satu at http://127.0.0.1:$WEB_E2E_PORT (inherited from this process).
      command: "node e2e/mock-midtrans.mjs",
      url: `${mockMidtrans}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 10_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { MOCK_MIDTRANS_SERVER_KEY: MIDTRANS_SERVER_KEY },
    },
    {
      command: "bash scripts/serve.sh",
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      // Satu's OAuth endpoints (oauth.<provider>.*, proxy/src/oauth/config.rs) point at the mock;
      // Qwen polls its device approval at token_url. The rest keep the providers' defaults.
      env: {
        SATU__OAUTH__ANTHROPIC__AUTHORIZE_URL: `${mockOAuth}/anthropic/authorize`,
        SATU__OAUTH__ANTHROPIC__TOKEN_URL: `${mockOAuth}/anthropic/token`,
        SATU__OAUTH__ANTHROPIC__PROFILE_URL: `${mockOAuth}/anthropic/profile`,
        SATU__OAUTH__QWEN__DEVICE_CODE_URL: `${mockOAuth}/qwen/device/code`,
        SATU__OAUTH__QWEN__TOKEN_URL: `${mockOAuth}/qwen/token`,
        // slow_down adds 1 s to the polling interval (RFC 8628 says 5): the test sees it sooner.
        SATU__OAUTH__SLOW_DOWN_STEP_SECS: "1",
        // Qwen accounts call {scheme}://{resource_url}/v1; the mock's resource_url is itself,
        // which must be on the allow-list of Qwen's API hosts.
        SATU__PROVIDERS__QWEN_OAUTH__SCHEME: "http",
        SATU__PROVIDERS__QWEN_OAUTH__ALLOWED_HOSTS: `["127.0.0.1:${process.env.MOCK_OAUTH_PORT}"]`,
        // Billing (billing.*, docs/billing.md) against the mock Midtrans; the worker picks up
        // stored notifications every 100 ms, and retries a failed status call after a second.
        SATU__BILLING__MIDTRANS__SERVER_KEY: MIDTRANS_SERVER_KEY,
        SATU__BILLING__MIDTRANS__SNAP_URL: `${mockMidtrans}/snap/v1`,
        SATU__BILLING__MIDTRANS__API_URL: mockMidtrans,
        SATU__BILLING__POLL_INTERVAL_MS: "100",
        SATU__BILLING__RETRY_BACKOFF_SECS: "[1, 1, 1]",
        // New connections' model lists are asked within a second (15 s by default).
        SATU__MODELS__SCAN_INTERVAL_SECS: "1",
      },
    },
  ],
});
