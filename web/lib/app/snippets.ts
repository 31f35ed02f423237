/** Set-up snippets for one user: their server's address, their key (or a placeholder), a model they can use. */
export type AppSnippet = { id: string; label: string; file?: string; code: string };

export function appSnippets(base: string, key: string, model: string): AppSnippet[] {
  const v1 = `${base}/v1`;
  const body = JSON.stringify({ model, messages: [{ role: "user", content: "Halo! Apa kabar?" }] });
  return [
    {
      id: "curl",
      label: "curl",
      code: `curl ${v1}/chat/completions \\\n  -H "Authorization: Bearer ${key}" \\\n  -H "Content-Type: application/json" \\\n  -d '${body}'`,
    },
    {
      id: "python",
      label: "Python",
      code: `from openai import OpenAI  # pip install openai\n\nclient = OpenAI(base_url="${v1}", api_key="${key}")\nanswer = client.chat.completions.create(\n    model="${model}",\n    messages=[{"role": "user", "content": "Halo! Apa kabar?"}],\n)\nprint(answer.choices[0].message.content)`,
    },
    {
      id: "javascript",
      label: "JavaScript",
      code: `import OpenAI from "openai"; // npm install openai\n\nconst client = new OpenAI({ baseURL: "${v1}", apiKey: "${key}" });\nconst answer = await client.chat.completions.create({\n  model: "${model}",\n  messages: [{ role: "user", content: "Halo! Apa kabar?" }],\n});\nconsole.log(answer.choices[0].message.content);`,
    },
    {
      id: "claude",
      label: "Claude Code",
      code: `export ANTHROPIC_BASE_URL="${base}"\nexport ANTHROPIC_AUTH_TOKEN="${key}"\nclaude`,
    },
    {
      id: "codex",
      label: "Codex CLI",
      file: "~/.codex/config.toml",
      code: `model_provider = "satu"\nmodel = "gpt-5-codex"\n\n[model_providers.satu]\nname = "Satu"\nbase_url = "${v1}"\nenv_key = "SATU_API_KEY"\nwire_api = "responses"\n\n# then: export SATU_API_KEY="${key}" && codex`,
    },
    {
      id: "gemini",
      label: "Gemini CLI",
      code: `export GOOGLE_GEMINI_BASE_URL="${base}"\nexport GEMINI_API_KEY="${key}"\ngemini -m gemini-2.5-pro`,
    },
    {
      id: "opencode",
      label: "opencode",
      file: "opencode.json",
      code: JSON.stringify(
        {
          $schema: "https://opencode.ai/config.json",
          provider: {
            satu: {
              npm: "@ai-sdk/openai-compatible",
              name: "Satu",
              options: { baseURL: v1, apiKey: key },
              models: { [model]: {} },
            },
          },
        },
        null,
        2,
      ),
    },
    {
      id: "continue",
      label: "Continue / Cursor",
      file: "~/.continue/config.yaml",
      code: `models:\n  - name: Satu ${model}\n    provider: openai\n    model: ${model}\n    apiBase: ${v1}\n    apiKey: ${key}\n\n# Cursor: Settings → Models → OpenAI API key = ${key},\n# "Override OpenAI Base URL" = ${v1}`,
    },
  ];
}
