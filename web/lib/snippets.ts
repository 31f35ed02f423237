import { ANTHROPIC_BASE_URL, GEMINI_BASE_URL, KEY_PLACEHOLDER, OPENAI_BASE_URL } from "@/lib/site";

export type SnippetId = "curl" | "python" | "claude" | "codex" | "gemini" | "droid";

export type Snippet = { id: SnippetId; label: string; file?: string; lang: "bash" | "python" | "toml" | "json"; code: string };

/** Setup snippets for Satu's endpoints; every URL comes from lib/site.ts. */
export const SNIPPETS: Snippet[] = [
  {
    id: "curl",
    label: "curl",
    lang: "bash",
    code: `export SATU_API_KEY="${KEY_PLACEHOLDER}"

curl ${OPENAI_BASE_URL}/chat/completions \\
  -H "Authorization: Bearer $SATU_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "model": "claude-sonnet-4-5",
    "stream": true,
    "messages": [{"role": "user", "content": "Halo! Apa kabar?"}]
  }'`,
  },
  {
    id: "python",
    label: "Python",
    lang: "python",
    code: `import os
from openai import OpenAI

client = OpenAI(
    base_url="${OPENAI_BASE_URL}",
    api_key=os.environ["SATU_API_KEY"],  # ${KEY_PLACEHOLDER}
)

stream = client.chat.completions.create(
    model="gpt-5",
    messages=[{"role": "user", "content": "Tulis satu kalimat tentang Jakarta."}],
    stream=True,
)
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="", flush=True)`,
  },
  {
    id: "claude",
    label: "Claude Code",
    lang: "bash",
    code: `export ANTHROPIC_BASE_URL="${ANTHROPIC_BASE_URL}"
export ANTHROPIC_AUTH_TOKEN="${KEY_PLACEHOLDER}"

claude`,
  },
  {
    id: "codex",
    label: "Codex CLI",
    file: "~/.codex/config.toml",
    lang: "toml",
    code: `model_provider = "satu"
model = "gpt-5-codex"

[model_providers.satu]
name = "Satu"
base_url = "${OPENAI_BASE_URL}"
env_key = "SATU_API_KEY"
wire_api = "responses"

# then, in your shell:
#   export SATU_API_KEY="${KEY_PLACEHOLDER}"
#   codex`,
  },
  {
    id: "gemini",
    label: "Gemini CLI",
    lang: "bash",
    code: `export GOOGLE_GEMINI_BASE_URL="${GEMINI_BASE_URL}"
export GEMINI_API_KEY="${KEY_PLACEHOLDER}"

gemini -m gemini-2.5-pro`,
  },
  {
    id: "droid",
    label: "Factory Droid",
    file: "~/.factory/config.json",
    lang: "json",
    code: `{
  "custom_models": [
    {
      "model_display_name": "GPT-5 (Satu)",
      "model": "gpt-5",
      "base_url": "${OPENAI_BASE_URL}",
      "api_key": "${KEY_PLACEHOLDER}",
      "provider": "generic-chat-completion-api"
    },
    {
      "model_display_name": "Claude Sonnet 4.5 (Satu)",
      "model": "claude-sonnet-4-5",
      "base_url": "${ANTHROPIC_BASE_URL}",
      "api_key": "${KEY_PLACEHOLDER}",
      "provider": "anthropic"
    }
  ]
}`,
  },
];
