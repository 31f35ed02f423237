import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenAI-compatible upstream on a free port, speaking the real wire format (chat
 * completions as JSON or SSE, the model list): what a user's API-key connection points at.
 */
export async function startMockOpenAI(): Promise<{ baseUrl: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.method === "GET" && req.url?.endsWith("/models")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "list", data: [{ id: "gpt-4o-mini", object: "model", created: 1, owned_by: "mock" }] }));
        return;
      }
      if (req.method === "POST" && req.url?.endsWith("/chat/completions")) {
        count += 1;
        const parsed = JSON.parse(body || "{}") as { model?: string; stream?: boolean };
        const model = parsed.model ?? "gpt-4o-mini";
        const usage = { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 };
        if (parsed.stream) {
          res.writeHead(200, { "content-type": "text/event-stream" });
          const chunk = (delta: object, finish: string | null, extra = {}) =>
            `data: ${JSON.stringify({ id: "chatcmpl-mock", object: "chat.completion.chunk", created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
          res.write(chunk({ role: "assistant", content: "Halo" }, null));
          res.write(chunk({ content: "! Baik." }, null));
          res.write(chunk({}, "stop", { usage }));
          res.end("data: [DONE]\n\n");
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: "chatcmpl-mock",
            object: "chat.completion",
            created: 1,
            model,
            choices: [{ index: 0, message: { role: "assistant", content: "Halo! Baik, terima kasih." }, finish_reason: "stop" }],
            usage,
          }),
        );
        return;
      }
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
