import { cn } from "@/lib/utils";
import { CopyButton } from "@/components/copy-button";

type Token = { text: string; kind: "plain" | "string" | "comment" | "key" | "keyword" };

const KEYWORDS = new Set(["export", "import", "from", "for", "in", "if", "and", "print", "curl", "claude", "codex", "gemini"]);

/** A deliberately small highlighter: strings, comments, a few keywords. Runs on the server only. */
function tokenize(line: string, lang: string): Token[] {
  const tokens: Token[] = [];
  const commentStart = lang === "json" ? -1 : findComment(line);
  const code = commentStart >= 0 ? line.slice(0, commentStart) : line;
  const re = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_][\w.-]*)/g;
  let last = 0;
  for (const m of code.matchAll(re)) {
    const start = m.index ?? 0;
    if (start > last) tokens.push({ text: code.slice(last, start), kind: "plain" });
    const text = m[0];
    let kind: Token["kind"] = "plain";
    if (text.startsWith('"') || text.startsWith("'")) {
      kind = lang === "json" && code.slice(start + text.length).trimStart().startsWith(":") ? "key" : "string";
    } else if (KEYWORDS.has(text) && lang !== "json") {
      kind = "keyword";
    } else if (lang === "toml" && /^\s*$/.test(code.slice(0, start)) && code.slice(start + text.length).trimStart().startsWith("=")) {
      kind = "key";
    }
    tokens.push({ text, kind });
    last = start + text.length;
  }
  if (last < code.length) tokens.push({ text: code.slice(last), kind: "plain" });
  if (commentStart >= 0) tokens.push({ text: line.slice(commentStart), kind: "comment" });
  return tokens;
}

function findComment(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#") return i;
  }
  return -1;
}

const KIND_CLASS: Record<Token["kind"], string> = {
  plain: "",
  string: "text-emerald-300",
  comment: "text-zinc-400 italic",
  key: "text-sky-300",
  keyword: "text-rose-300",
};

export function CodeBlock({
  code,
  lang,
  file,
  copyLabel,
  copiedLabel,
  className,
}: {
  code: string;
  lang: string;
  file?: string;
  copyLabel: string;
  copiedLabel: string;
  className?: string;
}) {
  return (
    <div className={cn("overflow-hidden rounded-xl border border-white/10 bg-code text-code-foreground", className)}>
      <div className="flex items-center justify-between gap-2 border-b border-white/10 px-4 py-2">
        <span className="truncate font-mono text-xs text-zinc-400">{file ?? lang}</span>
        <CopyButton text={code} label={copyLabel} copiedLabel={copiedLabel} />
      </div>
      <pre className="overflow-x-auto p-4 text-[13px] leading-relaxed" tabIndex={0}>
        <code className="font-mono">
          {code.split("\n").map((line, i) => (
            <span key={i} className="block min-h-[1lh]">
              {tokenize(line, lang).map((tok, j) =>
                tok.kind === "plain" ? tok.text : <span key={j} className={KIND_CLASS[tok.kind]}>{tok.text}</span>,
              )}
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}
