import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Metadata } from "next";
import {
  ArrowLeftRight,
  ArrowRight,
  BarChart3,
  Gauge,
  Plug,
  Play,
  Route,
  Users,
  Wallet,
  X,
  Check,
} from "lucide-react";
import type { Locale } from "@/i18n/routing";
import { localePath, pageMetadata } from "@/lib/metadata";
import { PLANS, formatCompact, formatCount, formatPrice } from "@/lib/plans";
import { SNIPPETS } from "@/lib/snippets";
import { CONTACT_EMAIL, ANTHROPIC_BASE_URL, GEMINI_BASE_URL, KEY_PLACEHOLDER, SITE_NAME, SITE_URL, absoluteUrl } from "@/lib/site";
import { exampleSeries } from "@/lib/example-series";
import { Section } from "@/components/section";
import { CodeBlock } from "@/components/code-block";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Accordion, AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { TerminalDemo, DemoLink, type DemoScene } from "@/components/landing/terminal-demo";
import { PricingTable, type PricingCard } from "@/components/landing/pricing-table";
import { AnalyticsPreview } from "@/components/landing/analytics-preview";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Meta" });
  return pageMetadata({ locale, path: "", title: t("title"), description: t("description"), ogAlt: t("ogAlt"), absoluteTitle: true });
}

const FAQ_KEYS = ["accounts", "request", "limit", "terms", "data", "tools"] as const;
const TOOLS = ["Claude Code", "Codex CLI", "Gemini CLI", "Cursor", "Factory Droid", "OpenAI SDK", "Anthropic SDK", "Google Gen AI SDK"];

export default async function LandingPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const p = (path: string) => localePath(locale, path);
  const signup = p("signup");

  const scenes: DemoScene[] = [
    {
      id: "claude",
      label: "Claude Code",
      lines: [
        { kind: "cmd", text: `export ANTHROPIC_BASE_URL=${ANTHROPIC_BASE_URL}` },
        { kind: "cmd", text: `export ANTHROPIC_AUTH_TOKEN=${KEY_PLACEHOLDER}` },
        { kind: "cmd", text: `claude -p "${t("Demo.claudeAsk")}"` },
        { kind: "route", text: `satu: ${t("Demo.claudeRoute")}` },
        { kind: "out", text: t("Demo.claudeAnswer") },
        { kind: "ok", text: t("Demo.usage") },
      ],
    },
    {
      id: "codex",
      label: "Codex CLI",
      lines: [
        { kind: "cmd", text: `export SATU_API_KEY=${KEY_PLACEHOLDER}` },
        { kind: "cmd", text: `codex exec "${t("Demo.codexAsk")}"` },
        { kind: "route", text: `satu: ${t("Demo.codexRoute")}` },
        { kind: "out", text: t("Demo.codexAnswer") },
        { kind: "ok", text: t("Demo.usage") },
      ],
    },
    {
      id: "gemini",
      label: "Gemini CLI",
      lines: [
        { kind: "cmd", text: `export GOOGLE_GEMINI_BASE_URL=${GEMINI_BASE_URL}` },
        { kind: "cmd", text: `export GEMINI_API_KEY=${KEY_PLACEHOLDER}` },
        { kind: "cmd", text: `gemini -p "${t("Demo.geminiAsk")}"` },
        { kind: "route", text: `satu: ${t("Demo.geminiRoute")}` },
        { kind: "out", text: t("Demo.geminiAnswer") },
        { kind: "ok", text: t("Demo.usage") },
      ],
    },
  ];

  const cards: PricingCard[] = PLANS.map((plan) => {
    const features = [
      plan.requests === null
        ? t("Pricing.requestsUnlimited")
        : t("Pricing.requests", { count: formatCount(plan.requests, locale) }),
      plan.oauthAccounts === null
        ? t("Pricing.accountsUnlimited")
        : t("Pricing.accounts", { count: plan.oauthAccounts }),
      plan.providers === null ? t("Pricing.providersAll") : t("Pricing.providers", { count: plan.providers }),
      plan.members === null ? t("Pricing.membersCustom") : t("Pricing.members", { count: plan.members }),
      plan.rpm === null || plan.tpm === null
        ? t("Pricing.rateCustom")
        : t("Pricing.rate", { rpm: plan.rpm, tpm: formatCompact(plan.tpm) }),
    ];
    return {
      id: plan.id,
      name: t(`Pricing.names.${plan.id}`),
      blurb: t(`Pricing.blurbs.${plan.id}`),
      cta: t(`Pricing.cta.${plan.id}`),
      href: plan.id === "enterprise" ? `mailto:${CONTACT_EMAIL}` : signup,
      idr: formatPrice(plan, "IDR", locale),
      usd: formatPrice(plan, "USD", locale),
      features,
      recommended: Boolean(plan.recommended),
    };
  });

  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "SoftwareApplication",
    name: SITE_NAME,
    url: absoluteUrl(p("")),
    applicationCategory: "DeveloperApplication",
    operatingSystem: "Any",
    inLanguage: locale,
    description: t("Meta.description"),
    offers: PLANS.filter((pl) => pl.idr !== null).map((pl) => ({
      "@type": "Offer",
      name: t(`Pricing.names.${pl.id}`),
      price: String(pl.idr),
      priceCurrency: "IDR",
      url: absoluteUrl(`${p("")}#pricing`),
    })),
    provider: { "@type": "Organization", name: SITE_NAME, url: SITE_URL },
  };

  const features = [
    { icon: Route, title: t("Features.routingTitle"), body: t("Features.routingBody") },
    { icon: Users, title: t("Features.teamsTitle"), body: t("Features.teamsBody") },
    { icon: ArrowLeftRight, title: t("Features.formatsTitle"), body: t("Features.formatsBody") },
    { icon: Gauge, title: t("Features.quotasTitle"), body: t("Features.quotasBody") },
    { icon: Wallet, title: t("Features.billingTitle"), body: t("Features.billingBody") },
  ];

  const problemKeys = ["keys", "tools", "visibility"] as const;

  return (
    <>
      <script
        type="application/ld+json"
        // JSON-LD is data, not script: CSP does not apply to it.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />

      {/* Hero */}
      <section aria-labelledby="hero-title" className="relative overflow-hidden">
        <div aria-hidden className="bg-grid pointer-events-none absolute inset-0 [mask-image:radial-gradient(ellipse_at_top,black_20%,transparent_70%)]" />
        <div
          aria-hidden
          className="pointer-events-none absolute -top-40 left-1/2 h-[32rem] w-[56rem] -translate-x-1/2 rounded-full bg-primary/15 blur-3xl dark:bg-primary/10"
        />
        <div className="relative mx-auto grid max-w-6xl items-center gap-12 px-4 pb-20 pt-14 sm:px-6 sm:pt-20 lg:grid-cols-[1.05fr_1fr] lg:pb-28">
          <div>
            <Badge variant="outline" className="bg-background/60">
              <span className="size-1.5 rounded-full bg-primary" aria-hidden />
              {t("Hero.badge")}
            </Badge>
            <h1 id="hero-title" className="mt-6 text-4xl font-semibold tracking-tight text-balance sm:text-5xl lg:text-6xl">
              {t("Hero.title")}
            </h1>
            <p className="mt-5 text-lg font-medium text-foreground/90 sm:text-xl" data-testid="hero-models">
              <span className="text-gradient">{t("Hero.models", { price: "Rp\u00a049K" })}</span>
            </p>
            <p className="mt-4 max-w-xl text-base leading-relaxed text-muted-foreground text-pretty sm:text-lg">
              {t("Hero.body")}
            </p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <Link href={signup} className={buttonVariants({ size: "lg" })} data-testid="cta-start">
                {t("Hero.ctaStart")}
                <ArrowRight aria-hidden />
              </Link>
              <DemoLink className={buttonVariants({ size: "lg", variant: "outline" })}>
                <Play aria-hidden />
                {t("Hero.ctaDemo")}
              </DemoLink>
            </div>
            <p className="mt-4 text-sm text-muted-foreground">{t("Hero.note")}</p>
          </div>
          <TerminalDemo
            scenes={scenes}
            label={t("Demo.label")}
            replayLabel={t("Demo.replay")}
            pauseLabel={t("Demo.pause")}
            playLabel={t("Demo.play")}
          />
        </div>
      </section>

      {/* Problem / solution */}
      <section aria-labelledby="problem-title" className="render-when-visible border-y border-border bg-muted/40 py-20 sm:py-24">
        <div className="mx-auto grid max-w-6xl gap-6 px-4 sm:px-6 md:grid-cols-2">
          <Card className="p-7">
            <p className="text-sm font-semibold uppercase tracking-wider text-muted-foreground">{t("Problem.eyebrow")}</p>
            <h2 id="problem-title" className="mt-3 text-2xl font-semibold tracking-tight text-balance">
              {t("Problem.title")}
            </h2>
            <ul className="mt-6 space-y-4">
              {problemKeys.map((k) => (
                <li key={k} className="flex gap-3 text-muted-foreground">
                  <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-muted">
                    <X aria-hidden className="size-3.5" />
                  </span>
                  {t(`Problem.items.${k}`)}
                </li>
              ))}
            </ul>
          </Card>
          <Card className="border-primary/40 p-7 ring-1 ring-primary/20">
            <p className="text-sm font-semibold uppercase tracking-wider text-primary">{t("Problem.solutionEyebrow")}</p>
            <h2 className="mt-3 text-2xl font-semibold tracking-tight text-balance">{t("Problem.solutionTitle")}</h2>
            <ul className="mt-6 space-y-4">
              {problemKeys.map((k) => (
                <li key={k} className="flex gap-3">
                  <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-primary text-primary-foreground">
                    <Check aria-hidden className="size-3.5" />
                  </span>
                  {t(`Problem.solution.${k}`)}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </section>

      {/* Features */}
      <Section id="features" eyebrow={t("Features.eyebrow")} title={t("Features.title")} body={t("Features.body")}>
        <div className="grid gap-4 lg:grid-cols-3">
          <Card className="min-w-0 p-6 lg:col-span-2 lg:row-span-2">
            <div className="mb-5 flex items-start gap-3">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-primary/10 text-primary">
                <BarChart3 aria-hidden className="size-5" />
              </span>
              <div>
                <h3 className="font-semibold">{t("Features.analyticsTitle")}</h3>
                <p className="mt-1 text-sm text-muted-foreground">{t("Features.analyticsBody")}</p>
              </div>
            </div>
            <AnalyticsPreview
              data={exampleSeries((n) => t("Features.chartDay", { n }))}
              title={t("Features.chartTitle")}
              label={t("Features.chartLabel")}
            />
          </Card>
          {features.map(({ icon: Icon, title, body }) => (
            <Card key={title} className="p-6">
              <span className="flex size-10 items-center justify-center rounded-xl bg-primary/10 text-primary">
                <Icon aria-hidden className="size-5" />
              </span>
              <h3 className="mt-4 font-semibold">{title}</h3>
              <p className="mt-1.5 text-sm leading-relaxed text-muted-foreground">{body}</p>
            </Card>
          ))}
        </div>
      </Section>

      {/* Code examples */}
      <Section id="code" eyebrow={t("Code.eyebrow")} title={t("Code.title")} body={t("Code.body")} className="border-y border-border bg-muted/40">
        <Tabs defaultValue="curl" className="mx-auto max-w-3xl" data-testid="code-tabs">
          <TabsList aria-label={t("Code.title")} className="self-center">
            {SNIPPETS.map((s) => (
              <TabsTrigger key={s.id} value={s.id}>
                {s.label}
              </TabsTrigger>
            ))}
          </TabsList>
          {SNIPPETS.map((s) => (
            <TabsContent key={s.id} value={s.id} data-testid={`code-${s.id}`}>
              <p className="mb-3 text-center text-sm text-muted-foreground">{t(`Code.captions.${s.id}`)}</p>
              <CodeBlock code={s.code} lang={s.lang} file={s.file} copyLabel={t("Code.copy")} copiedLabel={t("Code.copied")} />
            </TabsContent>
          ))}
        </Tabs>
      </Section>

      {/* Pricing */}
      <Section id="pricing" eyebrow={t("Pricing.eyebrow")} title={t("Pricing.title")} body={t("Pricing.body")}>
        <PricingTable
          cards={cards}
          initialCurrency={locale === "id" ? "IDR" : "USD"}
          labels={{
            currency: t("Pricing.currency"),
            idr: t("Pricing.idr"),
            usd: t("Pricing.usd"),
            perMonth: t("Pricing.perMonth"),
            custom: t("Pricing.custom"),
            customNote: t("Pricing.customNote"),
            recommended: t("Pricing.recommended"),
          }}
        />
        <p className="mt-8 text-center text-sm text-muted-foreground">{t("Pricing.note")}</p>

        <div className="mx-auto mt-20 max-w-3xl">
          <h3 id="faq" className="text-center text-2xl font-semibold tracking-tight">
            {t("Faq.title")}
          </h3>
          <Accordion type="multiple" className="mt-6" data-testid="faq">
            {FAQ_KEYS.map((k) => (
              <AccordionItem key={k} value={k}>
                <AccordionTrigger>{t(`Faq.items.${k}.q`)}</AccordionTrigger>
                <AccordionContent>{t(`Faq.items.${k}.a`)}</AccordionContent>
              </AccordionItem>
            ))}
          </Accordion>
        </div>
      </Section>

      {/* Compatible tools */}
      <Section id="tools" eyebrow={t("Tools.eyebrow")} title={t("Tools.title")} body={t("Tools.body")} className="border-t border-border bg-muted/40">
        <ul className="mx-auto flex max-w-4xl flex-wrap justify-center gap-3">
          {TOOLS.map((name) => (
            <li
              key={name}
              className="flex items-center gap-2 rounded-full border border-border bg-card px-4 py-2 text-sm font-medium shadow-sm"
            >
              <Plug aria-hidden className="size-4 text-primary" />
              {name}
            </li>
          ))}
        </ul>
      </Section>

      {/* Closing call to action */}
      <section aria-labelledby="cta-title" className="render-when-visible py-20 sm:py-24">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <div className="relative overflow-hidden rounded-3xl bg-code px-6 py-14 text-center text-code-foreground sm:px-12">
            <div aria-hidden className="pointer-events-none absolute -bottom-24 left-1/2 h-64 w-[40rem] -translate-x-1/2 rounded-full bg-primary/30 blur-3xl" />
            <h2 id="cta-title" className="relative text-3xl font-semibold tracking-tight text-white text-balance sm:text-4xl">
              {t("Cta.title")}
            </h2>
            <p className="relative mx-auto mt-4 max-w-xl text-zinc-300">{t("Cta.body")}</p>
            <div className="relative mt-8 flex flex-col justify-center gap-3 sm:flex-row">
              <Link href={signup} className={buttonVariants({ size: "lg" })}>
                {t("Cta.button")}
                <ArrowRight aria-hidden />
              </Link>
              <Link
                href={p("docs")}
                className={buttonVariants({ size: "lg", variant: "ghost", className: "text-white hover:bg-white/10" })}
              >
                {t("Cta.docs")}
              </Link>
            </div>
          </div>
        </div>
      </section>
    </>
  );
}
