#!/usr/bin/env node
/**
 * A mock of the providers' OAuth servers for the browser suite, speaking the wire formats Satu
 * uses (../../docs/connections.md, ../../tests/support/mock_oauth.rs):
 *
 * - Claude (Anthropic) browser sign-in: `GET /anthropic/authorize` checks the PKCE parameters and
 *   redirects to the configured `redirect_uri` with `code` and `state`; `POST /anthropic/token`
 *   takes a JSON body, verifies the PKCE verifier (and the redirect URI, state and client) and
 *   answers with tokens and `account.email_address`; `GET /anthropic/profile` answers who holds
 *   a bearer token. The user "signing in" is named by `login_hint` on the authorize address
 *   (the tests add it), else sari@example.com.
 * - Qwen device sign-in (RFC 8628 + PKCE): `POST /qwen/device/code` (form) gives a user code;
 *   `POST /qwen/token` (form, grant `urn:ietf:params:oauth:grant-type:device_code`) answers
 *   what the test scripted for that user code, `authorization_pending` while nothing is; on
 *   approval it checks the verifier and returns tokens with `resource_url` (this server).
 * - Refresh (`grant_type=refresh_token`) for both, rotating refresh tokens.
 *
 * Control endpoints for the tests (JSON):
 * - `POST /__control/device` `{"user_code", "answers": ["pending"|"slow_down"|"approve"|"denied"|"expired", …]}`
 *   queues the next answers to that code's polls; `GET /__control/device?user_code=…` tells the
 *   polls seen so far (`[{at, answer}]`) and what is still queued.
 * - `POST /__control/anthropic/accounts` `{"access_token", "email", "plan"}`: a Claude token
 *   issued elsewhere (a credential file the test imports) that the profile endpoint knows.
 * - `GET /__control/requests`: every request seen (method and path), to debug a run.
 * - `GET /healthz`.
 *
 * No dependencies: `node e2e/mock-oauth.mjs [port]` (or MOCK_OAUTH_PORT; 0 = any free port).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";

const HOST = process.env.MOCK_OAUTH_HOST || "127.0.0.1";
const PORT = Number(process.argv[2] ?? process.env.MOCK_OAUTH_PORT ?? 0);

/** The public clients Satu uses by default (../../shared/PROVIDERS.md). */
const CLAUDE = {
  clientId: "9d1c250a-e61b-44d9-88ed-5944d1962f5e",
  scopes: ["user:profile", "user:inference"],
  email: "sari@example.com",
};
const QWEN = {
  clientId: "f0304373b74a44d2b584a3fb70ca9e56",
  scopes: ["openid", "model.completion"],
  deviceGrant: "urn:ietf:params:oauth:grant-type:device_code",
  expiresIn: 600,
  interval: 1,
};
const TOKEN_LIFETIME = 8 * 3600;
const ANSWERS = new Set(["pending", "slow_down", "approve", "denied", "expired"]);

/** code → { clientId, challenge, redirectUri, state, email, plan } */
const codes = new Map();
/** access token → { provider, email, plan } */
const accessTokens = new Map();
/** refresh token → { provider, email, plan, resourceUrl } */
const refreshTokens = new Map();
const spentRefreshTokens = new Set();
/** device code → { userCode, challenge, expiresAt, answers: [], polls: [{ at, answer }], done } */
const devices = new Map();
/** user code → device code */
const userCodes = new Map();
const requests = [];
let counter = 0;

const challengeOf = (verifier) => createHash("sha256").update(verifier).digest("base64url");
const token = (prefix) => `${prefix}-${++counter}-${randomBytes(16).toString("hex")}`;

function send(res, status, body, headers = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

/** An RFC 6749 error body. */
const oauthError = (res, status, error, description = `mock: ${error}`) => send(res, status, { error, error_description: description });

/** A form or JSON body as string fields, and which of the two it was. */
function fields(req, raw) {
  const type = String(req.headers["content-type"] ?? "");
  if (type.startsWith("application/json")) {
    try {
      const value = JSON.parse(raw || "{}");
      const out = {};
      for (const [k, v] of Object.entries(value ?? {})) if (typeof v === "string") out[k] = v;
      return { kind: "json", f: out };
    } catch {
      return { kind: "json", f: {} };
    }
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { kind: "form", f: Object.fromEntries(new URLSearchParams(raw)) };
  }
  return { kind: "other", f: {} };
}

function bearer(req) {
  const auth = String(req.headers.authorization ?? "");
  return auth.startsWith("Bearer ") ? auth.slice(7) : "";
}

/** New tokens in the provider's token response shape. */
function issue(provider, who) {
  const access = token(`mock-at-${provider}`);
  const refresh = token(`mock-rt-${provider}`);
  accessTokens.set(access, { provider, ...who });
  refreshTokens.set(refresh, { provider, ...who });
  const body = { access_token: access, refresh_token: refresh, expires_in: TOKEN_LIFETIME, token_type: "Bearer" };
  if (provider === "anthropic") {
    body.scope = "user:profile user:inference user:sessions:claude_code user:mcp_servers user:file_upload";
    body.account = { uuid: randomUUID(), email_address: who.email };
    body.organization = { uuid: randomUUID(), name: `${who.email}'s Organization` };
  } else if (provider === "qwen") {
    body.scope = "openid profile email model.completion";
    body.resource_url = who.resourceUrl;
  }
  return body;
}

/** `grant_type=refresh_token`: rotates; a spent or unknown token is `invalid_grant`. */
function refreshGrant(res, provider, f, clientId) {
  const presented = f.refresh_token ?? "";
  const who = refreshTokens.get(presented);
  if (f.client_id !== clientId) return oauthError(res, 401, "invalid_client");
  if (spentRefreshTokens.has(presented) || !who || who.provider !== provider) return oauthError(res, 400, "invalid_grant", "Refresh token not found or invalid");
  refreshTokens.delete(presented);
  spentRefreshTokens.add(presented);
  return send(res, 200, issue(provider, who));
}

function anthropicAuthorize(res, q) {
  const missing = ["client_id", "redirect_uri", "scope", "code_challenge", "state"].filter((k) => !q.get(k));
  if (missing.length) return oauthError(res, 400, "invalid_request", `missing ${missing.join(", ")}`);
  if (q.get("client_id") !== CLAUDE.clientId) return oauthError(res, 400, "invalid_client");
  if (q.get("response_type") !== "code") return oauthError(res, 400, "unsupported_response_type");
  if (q.get("code_challenge_method") !== "S256") return oauthError(res, 400, "invalid_request", "code_challenge_method must be S256");
  if (!/^[A-Za-z0-9_-]{43}$/.test(q.get("code_challenge"))) return oauthError(res, 400, "invalid_request", "code_challenge is not a S256 challenge");
  const scopes = q.get("scope").split(" ");
  const lacking = CLAUDE.scopes.filter((s) => !scopes.includes(s));
  if (lacking.length) return oauthError(res, 400, "invalid_scope", `missing ${lacking.join(", ")}`);
  let target;
  try {
    target = new URL(q.get("redirect_uri"));
  } catch {
    return oauthError(res, 400, "invalid_request", "redirect_uri is not an address");
  }
  const code = token("mock-code-anthropic");
  codes.set(code, {
    clientId: q.get("client_id"),
    challenge: q.get("code_challenge"),
    redirectUri: q.get("redirect_uri"),
    state: q.get("state"),
    email: q.get("login_hint") || CLAUDE.email,
    plan: q.get("mock_plan") || "max",
  });
  target.searchParams.set("code", code);
  target.searchParams.set("state", q.get("state"));
  return send(res, 302, "", { location: target.toString() });
}

function anthropicToken(res, kind, f) {
  // Claude's token endpoint takes JSON.
  if (kind !== "json") return oauthError(res, 415, "invalid_request", "expected a JSON body");
  if (f.grant_type === "refresh_token") return refreshGrant(res, "anthropic", f, CLAUDE.clientId);
  if (f.grant_type !== "authorization_code") return oauthError(res, 400, "unsupported_grant_type");
  const grant = codes.get(f.code ?? "");
  // A code is spent by its first exchange, right or wrong.
  codes.delete(f.code ?? "");
  if (!grant) return oauthError(res, 400, "invalid_grant", "Invalid or used authorization code");
  if (f.client_id !== grant.clientId) return oauthError(res, 401, "invalid_client");
  if (f.redirect_uri !== grant.redirectUri) return oauthError(res, 400, "invalid_grant", "redirect_uri does not match");
  if (f.state !== grant.state) return oauthError(res, 400, "invalid_grant", "state does not match");
  if (!f.code_verifier || challengeOf(f.code_verifier) !== grant.challenge) return oauthError(res, 400, "invalid_grant", "PKCE verification failed");
  return send(res, 200, issue("anthropic", { email: grant.email, plan: grant.plan }));
}

function anthropicProfile(req, res) {
  const who = accessTokens.get(bearer(req));
  if (!who || who.provider !== "anthropic") return send(res, 401, { type: "error", error: { type: "authentication_error", message: "Invalid bearer token" } });
  if (!String(req.headers["anthropic-beta"] ?? "").includes("oauth-2025-04-20")) {
    return send(res, 400, { type: "error", error: { type: "invalid_request_error", message: "OAuth requests need the oauth-2025-04-20 beta" } });
  }
  return send(res, 200, {
    account: { uuid: randomUUID(), email: who.email, full_name: who.email.split("@")[0], has_claude_max: who.plan === "max", has_claude_pro: who.plan === "pro" },
    organization: { uuid: randomUUID(), organization_type: who.plan === "max" ? "claude_max" : "claude_pro" },
  });
}

/** Qwen-style user codes: four letters, a dash, four digits; unique in this run. */
function userCode() {
  for (;;) {
    const letters = Array.from(randomBytes(4), (b) => "ABCDEFGHJKLMNPQRSTUVWXYZ"[b % 24]).join("");
    const code = `${letters}-${String(randomBytes(2).readUInt16BE() % 10000).padStart(4, "0")}`;
    if (!userCodes.has(code)) return code;
  }
}

function qwenDeviceCode(res, kind, f, base) {
  if (kind !== "form") return oauthError(res, 415, "invalid_request", "expected a form body");
  if (f.client_id !== QWEN.clientId) return oauthError(res, 400, "invalid_client");
  const scopes = (f.scope ?? "").split(" ");
  const lacking = QWEN.scopes.filter((s) => !scopes.includes(s));
  if (lacking.length) return oauthError(res, 400, "invalid_scope", `missing ${lacking.join(", ")}`);
  if (f.code_challenge_method !== "S256" || !/^[A-Za-z0-9_-]{43}$/.test(f.code_challenge ?? "")) {
    return oauthError(res, 400, "invalid_request", "PKCE S256 challenge required");
  }
  const deviceCode = token("mock-device");
  const code = userCode();
  devices.set(deviceCode, { userCode: code, challenge: f.code_challenge, expiresAt: Date.now() + QWEN.expiresIn * 1000, answers: [], polls: [], done: false });
  userCodes.set(code, deviceCode);
  return send(res, 200, {
    device_code: deviceCode,
    user_code: code,
    verification_uri: `${base}/qwen/authorize`,
    verification_uri_complete: `${base}/qwen/authorize?user_code=${encodeURIComponent(code)}&client=qwen-code`,
    expires_in: QWEN.expiresIn,
    interval: QWEN.interval,
  });
}

function qwenToken(res, kind, f, host) {
  if (kind !== "form") return oauthError(res, 415, "invalid_request", "expected a form body");
  if (f.grant_type === "refresh_token") return refreshGrant(res, "qwen", f, QWEN.clientId);
  if (f.grant_type !== QWEN.deviceGrant) return oauthError(res, 400, "unsupported_grant_type");
  if (f.client_id !== QWEN.clientId) return oauthError(res, 401, "invalid_client");
  const device = devices.get(f.device_code ?? "");
  if (!device || device.done) return oauthError(res, 400, "invalid_grant", "Unknown or used device code");
  const answer = Date.now() > device.expiresAt ? "expired" : (device.answers.shift() ?? "pending");
  device.polls.push({ at: Date.now(), answer });
  switch (answer) {
    case "pending":
      return oauthError(res, 400, "authorization_pending", "The user has not approved yet");
    case "slow_down":
      return oauthError(res, 429, "slow_down", "Polling too often");
    case "denied":
      device.done = true;
      return oauthError(res, 400, "access_denied", "The user denied the request");
    case "expired":
      device.done = true;
      return oauthError(res, 400, "expired_token", "The device code expired");
    default: {
      if (!f.code_verifier || challengeOf(f.code_verifier) !== device.challenge) return oauthError(res, 400, "invalid_grant", "PKCE verification failed");
      device.done = true;
      // The account's API host comes without a scheme, like portal.qwen.ai.
      return send(res, 200, issue("qwen", { email: null, plan: null, resourceUrl: host }));
    }
  }
}

function qwenApprovalPage(res, q) {
  const code = q.get("user_code") ?? "";
  const html = `<!doctype html><meta charset="utf-8"><title>Qwen (mock): authorize a device</title><p>Enter the code shown by the app. Code: <b>${code.replace(/[^A-Z0-9-]/gi, "")}</b></p>`;
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

function control(req, res, url, raw) {
  let body = {};
  try {
    body = raw ? JSON.parse(raw) : {};
  } catch {
    return send(res, 400, { error: "body is not JSON" });
  }
  if (url.pathname === "/__control/device") {
    const code = req.method === "GET" ? url.searchParams.get("user_code") : body.user_code;
    const device = devices.get(userCodes.get(code ?? "") ?? "");
    if (!device) return send(res, 404, { error: `no device sign-in with user code ${code}` });
    if (req.method === "POST") {
      const answers = Array.isArray(body.answers) ? body.answers : [];
      const bad = answers.filter((a) => !ANSWERS.has(a));
      if (bad.length) return send(res, 400, { error: `unknown answers ${bad.join(", ")}; use ${[...ANSWERS].join(", ")}` });
      device.answers.push(...answers);
    }
    return send(res, 200, { user_code: code, polls: device.polls, queued: device.answers, done: device.done });
  }
  if (url.pathname === "/__control/anthropic/accounts" && req.method === "POST") {
    if (typeof body.access_token !== "string" || !body.access_token) return send(res, 400, { error: "access_token required" });
    accessTokens.set(body.access_token, { provider: "anthropic", email: body.email || CLAUDE.email, plan: body.plan || "pro" });
    if (typeof body.refresh_token === "string" && body.refresh_token) {
      refreshTokens.set(body.refresh_token, { provider: "anthropic", email: body.email || CLAUDE.email, plan: body.plan || "pro" });
    }
    return send(res, 200, { ok: true });
  }
  if (url.pathname === "/__control/requests" && req.method === "GET") return send(res, 200, requests);
  return send(res, 404, { error: "unknown control endpoint" });
}

const server = createServer((req, res) => {
  let raw = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => (raw += chunk));
  req.on("end", () => {
    const host = req.headers.host ?? `${HOST}:${server.address().port}`;
    const base = `http://${host}`;
    const url = new URL(req.url ?? "/", base);
    if (!url.pathname.startsWith("/__control/") && url.pathname !== "/healthz") {
      requests.push({ at: Date.now(), method: req.method, path: url.pathname });
      if (requests.length > 1000) requests.shift();
    }
    const { kind, f } = fields(req, raw);
    try {
      const route = `${req.method} ${url.pathname}`;
      switch (route) {
        case "GET /healthz":
          return send(res, 200, "ok");
        case "GET /anthropic/authorize":
          return anthropicAuthorize(res, url.searchParams);
        case "POST /anthropic/token":
          return anthropicToken(res, kind, f);
        case "GET /anthropic/profile":
          return anthropicProfile(req, res);
        case "POST /qwen/device/code":
          return qwenDeviceCode(res, kind, f, base);
        case "POST /qwen/token":
          return qwenToken(res, kind, f, host);
        case "GET /qwen/authorize":
          return qwenApprovalPage(res, url.searchParams);
        default:
          if (url.pathname.startsWith("/__control/")) return control(req, res, url, raw);
          return send(res, 404, { error: "not_found", error_description: `mock-oauth has no ${route}` });
      }
    } catch (e) {
      console.error("mock-oauth:", e);
      return send(res, 500, { error: "server_error" });
    }
  });
});

server.listen(PORT, HOST, () => {
  console.log(`mock-oauth listening on http://${HOST}:${server.address().port}`);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Satu keeps its connections alive: end them, or close would wait for their timeout.
    server.closeAllConnections();
  });
}
