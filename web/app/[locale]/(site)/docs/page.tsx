import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { pageMetadata } from "@/lib/metadata";
import { PLANS, formatCompact } from "@/lib/plans";
import { SNIPPETS } from "@/lib/snippets";
import { ANTHROPIC_BASE_URL, GEMINI_BASE_URL, OPENAI_BASE_URL } from "@/lib/site";
import { ProsePage, ProseSection } from "@/components/prose-page";
import { CodeBlock } from "@/components/code-block";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Meta" });
  return pageMetadata({ locale, path: "docs", title: t("docsTitle"), description: t("docsDescription"), ogAlt: t("ogAlt") });
}

const MODELS = ["gpt-5", "gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-pro", "qwen3-coder-plus"];

export default async function DocsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Docs" });
  const code = await getTranslations({ locale, namespace: "Code" });
  const names = await getTranslations({ locale, namespace: "Pricing.names" });
  const copy = { copyLabel: code("copy"), copiedLabel: code("copied") };
  const snippet = (id: string) => SNIPPETS.find((s) => s.id === id)!;

  const endpoints = [
    { method: "POST", path: "/v1/chat/completions", what: t("epChat") },
    { method: "POST", path: "/v1/responses", what: t("epResponses") },
    { method: "GET", path: "/v1/models", what: t("epModels") },
    { method: "POST", path: "/v1/messages", what: t("epMessages") },
    { method: "POST", path: "/v1beta/models/{model}:generateContent", what: t("epGemini") },
  ];
  const toc = [
    { id: "connect", label: t("step1Title") },
    { id: "key", label: t("step2Title") },
    { id: "request", label: t("step3Title") },
    { id: "tools", label: t("step4Title") },
    { id: "api", label: t("apiTitle") },
    { id: "models", label: t("modelsTitle") },
    { id: "errors", label: t("errorsTitle") },
  ];

  return (
    <ProsePage eyebrow={t("eyebrow")} title={t("title")} intro={<p>{t("intro")}</p>}>
      <nav aria-label={t("toc")} className="rounded-2xl border border-border bg-muted/40 p-5 text-sm">
        <p className="mb-2 font-semibold">{t("toc")}</p>
        <ul className="grid gap-1.5 sm:grid-cols-2">
          {toc.map((i) => (
            <li key={i.id}>
              <a href={`#${i.id}`} className="text-muted-foreground hover:text-foreground">
                {i.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <ProseSection id="connect" title={t("step1Title")}>
        <p>{t("step1Body")}</p>
      </ProseSection>
      <ProseSection id="key" title={t("step2Title")}>
        <p>{t("step2Body")}</p>
      </ProseSection>
      <ProseSection id="request" title={t("step3Title")}>
        <p>{t("step3Body")}</p>
        <CodeBlock code={snippet("curl").code} lang="bash" {...copy} />
        <p>{code("captions.python")}</p>
        <CodeBlock code={snippet("python").code} lang="python" {...copy} />
      </ProseSection>
      <ProseSection id="tools" title={t("step4Title")}>
        <p>{t("step4Body")}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong className="text-foreground">OpenAI</strong>: <code className="font-mono text-sm text-foreground">{OPENAI_BASE_URL}</code>
          </li>
          <li>
            <strong className="text-foreground">Anthropic</strong>: <code className="font-mono text-sm text-foreground">{ANTHROPIC_BASE_URL}</code>
          </li>
          <li>
            <strong className="text-foreground">Gemini</strong>: <code className="font-mono text-sm text-foreground">{GEMINI_BASE_URL}</code>
          </li>
        </ul>
        {(["claude", "codex", "gemini", "droid"] as const).map((id) => {
          const s = snippet(id);
          return (
            <div key={id} className="space-y-2 pt-2">
              <h3 className="font-semibold text-foreground">{s.label}</h3>
              <p className="text-sm">{code(`captions.${id}`)}</p>
              <CodeBlock code={s.code} lang={s.lang} file={s.file} {...copy} />
            </div>
          );
        })}
      </ProseSection>

      <ProseSection id="api" title={t("apiTitle")}>
        <p>{t("apiIntro")}</p>
        <div className="overflow-x-auto rounded-xl border border-border">
          <table className="w-full text-left text-sm">
            <thead className="bg-muted/60 text-foreground">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  {t("endpoint")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  {t("purpose")}
                </th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.path} className="border-t border-border align-top">
                  <td className="px-4 py-2.5">
                    <code className="whitespace-nowrap font-mono text-xs text-foreground">
                      <span className="mr-2 font-semibold text-primary">{e.method}</span>
                      {e.path}
                    </code>
                  </td>
                  <td className="px-4 py-2.5">{e.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ProseSection>

      <ProseSection id="models" title={t("modelsTitle")}>
        <p>{t("modelsBody")}</p>
        <ul className="flex flex-wrap gap-2">
          {MODELS.map((m) => (
            <li key={m}>
              <code className="rounded-md border border-border bg-muted px-2 py-1 font-mono text-xs text-foreground">{m}</code>
            </li>
          ))}
        </ul>
      </ProseSection>

      <ProseSection id="errors" title={t("errorsTitle")}>
        <p>{t("errorsBody")}</p>
        <p>{t("limitsBody")}</p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {PLANS.map((p) => (
            <li key={p.id} className="flex justify-between gap-4 rounded-lg border border-border px-3 py-2 text-sm">
              <span className="font-medium text-foreground">{names(p.id)}</span>
              <span className="tabular-nums">
                {p.rpm === null || p.tpm === null ? "—" : `${p.rpm} RPM / ${formatCompact(p.tpm)} TPM`}
              </span>
            </li>
          ))}
        </ul>
      </ProseSection>
    </ProsePage>
  );
}
