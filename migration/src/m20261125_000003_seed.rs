//! Seeds the plans (PRD tiers) and the model catalog (public list prices, USD per million tokens,
//! as published by each provider in late 2026). Admins edit both later; this is the starting point.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261125_000003_seed"
    }
}

/// (id, name, price IDR, price USD cents, requests/month, OAuth accounts, providers, members, RPM, TPM)
/// `None` means unlimited (or "custom" for prices).
type PlanRow = (
    &'static str,
    &'static str,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<i64>,
    Option<i64>,
);

const PLANS: &[PlanRow] = &[
    (
        "free",
        "Free",
        Some(0),
        Some(0),
        Some(1_000),
        Some(1),
        Some(1),
        Some(1),
        Some(20),
        Some(100_000),
    ),
    (
        "starter",
        "Starter",
        Some(49_000),
        Some(299),
        Some(10_000),
        Some(5),
        Some(2),
        Some(1),
        Some(60),
        Some(400_000),
    ),
    (
        "pro",
        "Pro",
        Some(99_000),
        Some(599),
        Some(50_000),
        None,
        None,
        Some(1),
        Some(120),
        Some(1_000_000),
    ),
    (
        "team",
        "Team",
        Some(299_000),
        Some(1_799),
        Some(200_000),
        None,
        None,
        Some(10),
        Some(300),
        Some(3_000_000),
    ),
    (
        "enterprise",
        "Enterprise",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ),
];

/// (id, provider, display name, aliases, input, output, cached input (micro-USD per 1M tokens), context window)
type ModelRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    i64,
    i64,
    i64,
    i64,
);

const MODELS: &[ModelRow] = &[
    // OpenAI
    (
        "gpt-5.1",
        "openai",
        "GPT-5.1",
        &[],
        1_250_000,
        10_000_000,
        125_000,
        400_000,
    ),
    (
        "gpt-5",
        "openai",
        "GPT-5",
        &["gpt-5-latest"],
        1_250_000,
        10_000_000,
        125_000,
        400_000,
    ),
    (
        "gpt-5-mini",
        "openai",
        "GPT-5 mini",
        &[],
        250_000,
        2_000_000,
        25_000,
        400_000,
    ),
    (
        "gpt-5-nano",
        "openai",
        "GPT-5 nano",
        &[],
        50_000,
        400_000,
        5_000,
        400_000,
    ),
    (
        "gpt-5-codex",
        "openai",
        "GPT-5 Codex",
        &[],
        1_250_000,
        10_000_000,
        125_000,
        400_000,
    ),
    (
        "gpt-5.1-codex",
        "openai",
        "GPT-5.1 Codex",
        &[],
        1_250_000,
        10_000_000,
        125_000,
        400_000,
    ),
    (
        "gpt-4.1",
        "openai",
        "GPT-4.1",
        &[],
        2_000_000,
        8_000_000,
        500_000,
        1_047_576,
    ),
    (
        "gpt-4.1-mini",
        "openai",
        "GPT-4.1 mini",
        &[],
        400_000,
        1_600_000,
        100_000,
        1_047_576,
    ),
    (
        "gpt-4.1-nano",
        "openai",
        "GPT-4.1 nano",
        &[],
        100_000,
        400_000,
        25_000,
        1_047_576,
    ),
    (
        "gpt-4o",
        "openai",
        "GPT-4o",
        &["chatgpt-4o-latest"],
        2_500_000,
        10_000_000,
        1_250_000,
        128_000,
    ),
    (
        "gpt-4o-mini",
        "openai",
        "GPT-4o mini",
        &[],
        150_000,
        600_000,
        75_000,
        128_000,
    ),
    (
        "o3",
        "openai",
        "o3",
        &[],
        2_000_000,
        8_000_000,
        500_000,
        200_000,
    ),
    (
        "o4-mini",
        "openai",
        "o4-mini",
        &[],
        1_100_000,
        4_400_000,
        275_000,
        200_000,
    ),
    // Anthropic
    (
        "claude-opus-4-5",
        "anthropic",
        "Claude Opus 4.5",
        &["claude-opus-4-5-20251101", "opus"],
        5_000_000,
        25_000_000,
        500_000,
        200_000,
    ),
    (
        "claude-opus-4-1",
        "anthropic",
        "Claude Opus 4.1",
        &["claude-opus-4-1-20250805"],
        15_000_000,
        75_000_000,
        1_500_000,
        200_000,
    ),
    (
        "claude-sonnet-4-5",
        "anthropic",
        "Claude Sonnet 4.5",
        &["claude-sonnet-4-5-20250929", "sonnet"],
        3_000_000,
        15_000_000,
        300_000,
        200_000,
    ),
    (
        "claude-sonnet-4",
        "anthropic",
        "Claude Sonnet 4",
        &["claude-sonnet-4-20250514"],
        3_000_000,
        15_000_000,
        300_000,
        200_000,
    ),
    (
        "claude-haiku-4-5",
        "anthropic",
        "Claude Haiku 4.5",
        &["claude-haiku-4-5-20251001", "haiku"],
        1_000_000,
        5_000_000,
        100_000,
        200_000,
    ),
    (
        "claude-3-5-haiku",
        "anthropic",
        "Claude Haiku 3.5",
        &["claude-3-5-haiku-20241022", "claude-3-5-haiku-latest"],
        800_000,
        4_000_000,
        80_000,
        200_000,
    ),
    // Google Gemini
    (
        "gemini-3-pro-preview",
        "gemini",
        "Gemini 3 Pro (preview)",
        &[],
        2_000_000,
        12_000_000,
        200_000,
        1_048_576,
    ),
    (
        "gemini-2.5-pro",
        "gemini",
        "Gemini 2.5 Pro",
        &[],
        1_250_000,
        10_000_000,
        125_000,
        1_048_576,
    ),
    (
        "gemini-2.5-flash",
        "gemini",
        "Gemini 2.5 Flash",
        &[],
        300_000,
        2_500_000,
        30_000,
        1_048_576,
    ),
    (
        "gemini-2.5-flash-lite",
        "gemini",
        "Gemini 2.5 Flash-Lite",
        &[],
        100_000,
        400_000,
        10_000,
        1_048_576,
    ),
    (
        "gemini-2.0-flash",
        "gemini",
        "Gemini 2.0 Flash",
        &[],
        100_000,
        400_000,
        25_000,
        1_048_576,
    ),
    // Qwen (Alibaba Cloud Model Studio, international)
    (
        "qwen3-max",
        "qwen",
        "Qwen3 Max",
        &["qwen-max"],
        1_200_000,
        6_000_000,
        240_000,
        262_144,
    ),
    (
        "qwen-plus",
        "qwen",
        "Qwen Plus",
        &[],
        400_000,
        1_200_000,
        80_000,
        1_000_000,
    ),
    (
        "qwen-flash",
        "qwen",
        "Qwen Flash",
        &["qwen-turbo"],
        50_000,
        400_000,
        10_000,
        1_000_000,
    ),
    (
        "qwen3-coder-plus",
        "qwen",
        "Qwen3 Coder Plus",
        &["coder-model"],
        1_000_000,
        5_000_000,
        100_000,
        1_000_000,
    ),
    (
        "qwen3-coder-flash",
        "qwen",
        "Qwen3 Coder Flash",
        &[],
        300_000,
        1_500_000,
        60_000,
        1_000_000,
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.exec_stmt(plans_insert()?).await?;
        manager.exec_stmt(models_insert()?).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .exec_stmt(Query::delete().from_table("model_catalog").to_owned())
            .await?;
        manager
            .exec_stmt(Query::delete().from_table("plans").to_owned())
            .await
    }
}

fn plans_insert() -> Result<InsertStatement, DbErr> {
    let mut insert = Query::insert()
        .into_table("plans")
        .columns([
            "id",
            "name",
            "price_idr",
            "price_usd_cents",
            "monthly_requests",
            "max_oauth_accounts",
            "max_providers",
            "max_members",
            "requests_per_minute",
            "tokens_per_minute",
            "sort_order",
        ])
        .to_owned();
    for (order, p) in PLANS.iter().enumerate() {
        let sort_order = <i32 as TryFrom<usize>>::try_from(order).unwrap_or(i32::MAX);
        insert
            .values([
                p.0.into(),
                p.1.into(),
                p.2.into(),
                p.3.into(),
                p.4.into(),
                p.5.into(),
                p.6.into(),
                p.7.into(),
                p.8.into(),
                p.9.into(),
                sort_order.into(),
            ])
            .map_err(|e| DbErr::Custom(e.to_string()))?;
    }
    Ok(insert)
}

fn models_insert() -> Result<InsertStatement, DbErr> {
    let mut insert = Query::insert()
        .into_table("model_catalog")
        .columns([
            "id",
            "provider",
            "display_name",
            "aliases",
            "input_price_micros",
            "output_price_micros",
            "cached_input_price_micros",
            "context_window",
            "enabled",
            "updated_at",
        ])
        .to_owned();
    for m in MODELS {
        let aliases = serde_json::Value::from(m.3.to_vec());
        insert
            .values([
                m.0.into(),
                m.1.into(),
                m.2.into(),
                aliases.into(),
                m.4.into(),
                m.5.into(),
                m.6.into(),
                m.7.into(),
                true.into(),
                Expr::current_timestamp(),
            ])
            .map_err(|e| DbErr::Custom(e.to_string()))?;
    }
    Ok(insert)
}
