#!/usr/bin/env node
/**
 * A mock Midtrans for the browser suite, speaking the wire formats Satu uses
 * (../../docs/billing.md, /work/shared/PAYMENTS.md §2–4, ../../tests/support/mock_midtrans.rs,
 * which Satu's own tests run against):
 *
 * - `POST /snap/v1/transactions` (Snap's create-transaction): `Authorization: Basic
 *   base64(serverKey + ":")` or 401 `{"error_messages": […]}`; 400 on a reused `order_id`, a
 *   missing `gross_amount`, or items whose Σ price×quantity is not `gross_amount`; else 201
 *   `{"token", "redirect_url": "{base}/snap/v3/redirection/{token}"}`. The order, its amount
 *   and `callbacks.finish` are remembered.
 * - `GET /v2/{order_id}/status` (Core API, same auth): errors inside HTTP 200, so
 *   `{"status_code": "404", "status_message": "Transaction doesn't exist."}` until the order is
 *   paid; then the settlement, as a notification carries it.
 * - `GET /snap/v3/redirection/{token}`: the "Mock Snap" page, the amount and a "Pay now"
 *   button (a form POST to the next address).
 * - `POST /snap/v3/pay/{token}`: the order settles (by bank transfer, or the form's
 *   `payment_type`: the page's "Pay with GoPay" button), Satu is sent the signed notification at
 *   `{SATU_URL}/api/payments/midtrans` (as Midtrans would), and the browser is sent back (303)
 *   to the finish address with `?order_id&status_code=200&transaction_status=settlement`.
 * - `POST /v2/{order_id}/refund` (Core API, same auth, JSON `{refund_key, amount, reason}`):
 *   refunds settled orders paid by a method Midtrans refunds through its API (cards and
 *   e-wallets; not bank transfers), up to what is left, once per `refund_key` (a key seen
 *   before answers again without refunding twice). Errors inside HTTP 200: "412" for an order
 *   it cannot refund, "413" for a bad amount. The order becomes `refund` or `partial_refund`,
 *   with `refund_amount` (the total refunded) in the status API.
 *
 * Control endpoints for the tests (JSON):
 * - `POST /__control/fail` `{"email"}`: the next Snap transaction for that customer's email
 *   answers 500 (Midtrans down), once.
 * - `GET /__control/orders`: every order and its state, to debug a run.
 * - `GET /healthz`.
 *
 * No dependencies: `node e2e/mock-midtrans.mjs [port]` (or MOCK_MIDTRANS_PORT; 0 = any free
 * port). Satu's address: SATU_URL, else http://127.0.0.1:$WEB_E2E_PORT.
 */
import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:http";

const HOST = process.env.MOCK_MIDTRANS_HOST || "127.0.0.1";
const PORT = Number(process.argv[2] ?? process.env.MOCK_MIDTRANS_PORT ?? 0);
const SATU_URL = (process.env.SATU_URL || `http://127.0.0.1:${process.env.WEB_E2E_PORT || 18080}`).replace(/\/+$/, "");
/** The sandbox server key Satu is configured with in playwright.config.ts. */
const SERVER_KEY = process.env.MOCK_MIDTRANS_SERVER_KEY || "SB-Mid-server-SATUWEB123";
const AUTHORIZATION = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString("base64")}`;

/**
 * order id → { gross, items, finish, token, email, status (null until paid), transactionId,
 * paymentType, notified: [{ at, status }] }
 */
const orders = new Map();
/** token → order id */
const tokens = new Map();
/** Payment types Midtrans refunds through its API; bank transfers and shop counters are refunded by hand. */
const REFUNDABLE = new Set(["credit_card", "gopay", "shopeepay", "dana", "ovo", "qris", "kredivo", "akulaku"]);
/** customer emails whose next Snap transaction fails */
const failNext = new Set();

function send(res, status, body, headers = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

const errorMessages = (res, status, message) => send(res, status, { error_messages: [message] });
const authorised = (req) => req.headers.authorization === AUTHORIZATION;

/** Midtrans's status codes: "200" success, "201" pending, "202" cancelled/expired/denied. */
function statusCode(status) {
  if (["settlement", "capture", "refund", "partial_refund", "chargeback", "partial_chargeback"].includes(status)) return "200";
  return status === "pending" ? "201" : "202";
}

/** `signature_key`: lowercase hex SHA-512 of order_id + status_code + gross_amount + server key. */
const signature = (orderId, code, gross) => createHash("sha512").update(orderId + code + gross + SERVER_KEY).digest("hex");

/** Midtrans WIB time without a zone: "2026-12-05 10:05:12". */
function wib(date = new Date()) {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().replace("T", " ").slice(0, 19);
}

/** The body of a notification for the order in its current status (also what the status API answers). */
function notification(orderId, order) {
  const gross = `${order.gross}.00`;
  const code = statusCode(order.status);
  return {
    transaction_time: order.transactionTime,
    settlement_time: order.status === "settlement" ? order.settlementTime : undefined,
    transaction_status: order.status,
    transaction_id: order.transactionId,
    status_message: "midtrans payment notification",
    status_code: code,
    signature_key: signature(orderId, code, gross),
    payment_type: order.paymentType,
    va_numbers: order.paymentType === "bank_transfer" ? [{ va_number: "12345678901", bank: "bca" }] : undefined,
    payment_amounts: [],
    order_id: orderId,
    merchant_id: "G141532850",
    gross_amount: gross,
    fraud_status: "accept",
    currency: "IDR",
  };
}

function create(req, res, raw, base) {
  if (!authorised(req)) return errorMessages(res, 401, "Access denied due to unauthorized transaction, please check client or server key");
  let body;
  try {
    body = JSON.parse(raw || "{}");
  } catch {
    return errorMessages(res, 400, "Request body is not valid JSON");
  }
  const orderId = body?.transaction_details?.order_id;
  const gross = body?.transaction_details?.gross_amount;
  const items = Array.isArray(body?.item_details) ? body.item_details : [];
  if (typeof orderId !== "string" || !/^[A-Za-z0-9_.~-]{1,50}$/.test(orderId)) return errorMessages(res, 400, "transaction_details.order_id is invalid");
  if (orders.has(orderId)) return errorMessages(res, 400, "transaction_details.order_id has been paid and utilized, please use another order ID");
  if (!Number.isInteger(gross)) return errorMessages(res, 400, "transaction_details.gross_amount is required");
  const sum = items.reduce((total, item) => total + (Number.isInteger(item?.price) ? item.price : 0) * (Number.isInteger(item?.quantity) ? item.quantity : 0), 0);
  if (sum !== gross) return errorMessages(res, 400, "transaction_details.gross_amount is not equal to the sum of item_details");
  const email = body?.customer_details?.email ?? "";
  if (failNext.delete(email)) return errorMessages(res, 500, "Sorry. Our system is recovering from unexpected issues. Please retry.");
  const token = randomUUID();
  orders.set(orderId, {
    gross,
    items,
    email,
    finish: typeof body?.callbacks?.finish === "string" ? body.callbacks.finish : "",
    token,
    status: null,
    transactionId: randomUUID(),
    transactionTime: wib(),
    settlementTime: null,
    paymentType: "bank_transfer",
    notified: [],
    refundAmount: 0,
    refundKeys: new Set(),
  });
  tokens.set(token, orderId);
  return send(res, 201, { token, redirect_url: `${base}/snap/v3/redirection/${token}` });
}

function status(req, res, orderId) {
  if (!authorised(req)) return send(res, 401, { status_code: "401", status_message: "Unknown Merchant server_key/id" });
  const order = orders.get(orderId);
  if (!order || !order.status) return send(res, 200, { status_code: "404", status_message: "Transaction doesn't exist." });
  const found = { ...notification(orderId, order), status_message: "Success, transaction is found" };
  if (order.refundAmount > 0) found.refund_amount = `${order.refundAmount}.00`;
  return send(res, 200, found);
}

/** Midtrans's refund API; its refusals come inside HTTP 200, as Midtrans sends them. */
function refund(req, res, orderId, raw) {
  const refused = (code, message) => send(res, 200, { status_code: code, status_message: message });
  if (!authorised(req)) return refused("401", "Unknown Merchant server_key/id");
  const order = orders.get(orderId);
  if (!order || !order.status) return refused("404", "Transaction doesn't exist.");
  let body;
  try {
    body = JSON.parse(raw || "{}");
  } catch {
    return refused("400", "Request body is not valid JSON");
  }
  const key = typeof body.refund_key === "string" ? body.refund_key : "";
  const amount = Number.isInteger(body.amount) ? body.amount : Number.parseInt(body.amount ?? "", 10);
  // A key already used answers as it did, without refunding twice (Satu retries with the same key).
  if (!order.refundKeys.has(key)) {
    const settled = order.status === "settlement" || order.status === "partial_refund";
    if (!settled || !REFUNDABLE.has(order.paymentType)) return refused("412", "Merchant cannot modify the status of the transaction");
    if (!(amount >= 1 && amount <= order.gross - order.refundAmount)) return refused("413", "The request could not be processed due to invalid refund amount");
    order.refundAmount += amount;
    order.refundKeys.add(key);
    order.status = order.refundAmount === order.gross ? "refund" : "partial_refund";
  }
  return send(res, 200, {
    status_code: "200",
    status_message: "Success, refund request is approved",
    order_id: orderId,
    transaction_id: order.transactionId,
    gross_amount: `${order.gross}.00`,
    currency: "IDR",
    payment_type: order.paymentType,
    transaction_time: order.transactionTime,
    transaction_status: order.status,
    refund_amount: `${Number.isInteger(amount) ? amount : order.refundAmount}.00`,
    refund_key: key,
  });
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const rupiah = (n) => `Rp ${new Intl.NumberFormat("id-ID").format(n)}`;

/** Snap's page: what is being paid, a button that pays it by bank transfer and one that pays with GoPay (refundable). */
function page(res, token) {
  const orderId = tokens.get(token);
  if (!orderId) return send(res, 404, "mock-midtrans: no such Snap page");
  const order = orders.get(orderId);
  const lines = order.items
    .map((i) => `<tr><th scope="row">${escape(i.name ?? i.id ?? "")}</th><td>${escape(i.quantity)}</td><td>${escape(rupiah(i.price * i.quantity))}</td></tr>`)
    .join("");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mock Snap</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6fa; color: #14171f; }
  main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.1); }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
  th, td { padding: 0.4rem 0; text-align: left; } td:last-child { text-align: right; }
  .total { font-size: 1.5rem; font-weight: 700; }
  button + button { margin-top: 0.5rem; }
  button.alt { color: #0b5fd8; background: #e8f0fc; }
  button { width: 100%; padding: 0.8rem; font-size: 1rem; font-weight: 600; color: #fff; background: #0b5fd8; border: 0; border-radius: 8px; cursor: pointer; }
</style>
</head>
<body>
<main>
  <h1>Mock Snap</h1>
  <p>Order <code data-testid="snap-order">${escape(orderId)}</code></p>
  <table><caption>Items</caption><thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Amount</th></tr></thead><tbody>${lines}</tbody></table>
  <p>Total <span class="total" data-testid="snap-amount">${escape(rupiah(order.gross))}</span></p>
  ${
    order.status
      ? `<p data-testid="snap-paid">This order is ${escape(order.status)}.</p>`
      : `<form method="post" action="/snap/v3/pay/${escape(token)}"><button type="submit">Pay now</button>
         <button type="submit" name="payment_type" value="gopay" class="alt">Pay with GoPay</button></form>`
  }
</main>
</body>
</html>`;
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

/** Posts the order's notification to Satu like Midtrans does (User-Agent Veritrans); returns the status. */
async function notify(orderId, order) {
  const body = notification(orderId, order);
  try {
    const answer = await fetch(`${SATU_URL}/api/payments/midtrans`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Veritrans" },
      body: JSON.stringify(body),
    });
    order.notified.push({ at: Date.now(), status: answer.status });
    if (!answer.ok) console.error(`mock-midtrans: Satu answered ${answer.status} to the notification for ${orderId}`);
    return answer.status;
  } catch (e) {
    order.notified.push({ at: Date.now(), status: 0 });
    console.error(`mock-midtrans: notifying Satu at ${SATU_URL} failed:`, e);
    return 0;
  }
}

/** The customer pays: the order settles, Satu hears of it, the browser goes back to the finish address. */
async function pay(res, token, raw) {
  const orderId = tokens.get(token);
  if (!orderId) return send(res, 404, "mock-midtrans: no such Snap page");
  const order = orders.get(orderId);
  if (!order.status) {
    const chosen = new URLSearchParams(raw).get("payment_type");
    if (chosen && /^[a-z_]{1,30}$/.test(chosen)) order.paymentType = chosen;
    order.status = "settlement";
    order.settlementTime = wib();
  }
  await notify(orderId, order);
  if (!order.finish) return send(res, 200, `Paid ${orderId}; the order had no finish address.`);
  const back = new URL(order.finish);
  back.searchParams.set("order_id", orderId);
  back.searchParams.set("status_code", statusCode(order.status));
  back.searchParams.set("transaction_status", order.status);
  return send(res, 303, "", { location: back.toString() });
}

function control(req, res, url, raw) {
  let body = {};
  try {
    body = raw ? JSON.parse(raw) : {};
  } catch {
    return send(res, 400, { error: "body is not JSON" });
  }
  if (url.pathname === "/__control/fail" && req.method === "POST") {
    if (typeof body.email !== "string" || !body.email) return send(res, 400, { error: "email required" });
    failNext.add(body.email);
    return send(res, 200, { ok: true });
  }
  if (url.pathname === "/__control/orders" && req.method === "GET") {
    return send(res, 200, Object.fromEntries([...orders].map(([id, o]) => [id, { gross: o.gross, email: o.email, status: o.status, paymentType: o.paymentType, refundAmount: o.refundAmount, finish: o.finish, notified: o.notified }])));
  }
  return send(res, 404, { error: "unknown control endpoint" });
}

const server = createServer((req, res) => {
  let raw = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => (raw += chunk));
  req.on("end", async () => {
    const base = `http://${HOST}:${server.address().port}`;
    const url = new URL(req.url ?? "/", base);
    const route = `${req.method} ${url.pathname}`;
    let match;
    try {
      if (route === "GET /healthz") return send(res, 200, "ok");
      if (route === "POST /snap/v1/transactions") return create(req, res, raw, base);
      if (req.method === "GET" && (match = url.pathname.match(/^\/v2\/([^/]+)\/status$/))) return status(req, res, decodeURIComponent(match[1]));
      if (req.method === "GET" && (match = url.pathname.match(/^\/snap\/v3\/redirection\/([^/]+)$/))) return page(res, decodeURIComponent(match[1]));
      if (req.method === "POST" && (match = url.pathname.match(/^\/snap\/v3\/pay\/([^/]+)$/))) return await pay(res, decodeURIComponent(match[1]), raw);
      if (req.method === "POST" && (match = url.pathname.match(/^\/v2\/([^/]+)\/refund$/))) return refund(req, res, decodeURIComponent(match[1]), raw);
      if (url.pathname.startsWith("/__control/")) return control(req, res, url, raw);
      return errorMessages(res, 404, `mock-midtrans has no ${route}`);
    } catch (e) {
      console.error("mock-midtrans:", e);
      return errorMessages(res, 500, "mock-midtrans: internal error");
    }
  });
});

server.listen(PORT, HOST, () => {
  console.log(`mock-midtrans listening on http://${HOST}:${server.address().port}, notifying ${SATU_URL}`);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Satu keeps its connections alive: end them, or close would wait for their timeout.
    server.closeAllConnections();
  });
}
