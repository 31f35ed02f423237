//! `satu admin …`: operator commands. Each either completes or changes nothing, and reports a
//! problem in one line.

use std::io::Write;

use anyhow::{Context, bail};
use entities::provider_accounts::{self, NewApiKeyAccount};
use entities::routing_rules::{self, RoutingConfig};
use entities::{Provider, RepoError, api_keys, password, usage_events, users};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::cli::AdminCommand;
use crate::config::Config;
use crate::master_key;

pub async fn run(
    config: &Config,
    db: &DatabaseConnection,
    command: AdminCommand,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match command {
        AdminCommand::CreateUser {
            email,
            password,
            plan,
            platform_role,
        } => {
            let password_hash = password.as_deref().map(check_and_hash).transpose()?;
            let user = users::create(
                db,
                users::NewUser {
                    email: &email,
                    password_hash,
                    plan_id: &plan,
                    platform_role: platform_role.as_deref(),
                },
            )
            .await
            .map_err(explain)?;
            writeln!(out, "{}", user.id)?;
        }
        AdminCommand::CreateKey { email, name } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            let (key, secret) = api_keys::create(db, user.id, &name)
                .await
                .map_err(explain)?;
            writeln!(out, "key id: {}", key.id)?;
            writeln!(out, "name: {}", key.name)?;
            writeln!(out, "Store this key now; it is shown only once:")?;
            writeln!(out, "{secret}")?;
        }
        AdminCommand::AddAccount {
            email,
            provider,
            api_key,
            base_url,
            label,
            models,
            skip_check,
        } => {
            let provider: Provider = provider.parse()?;
            let base_url = checked_base_url(config, provider, base_url.as_deref())?;
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            if !skip_check {
                crate::admin_connect::check_key(config, provider, base_url.as_deref(), &api_key)
                    .await?;
            }
            let sealer = master_key::sealer(config)?;
            let models = models
                .into_iter()
                .map(|m| m.trim().to_owned())
                .filter(|m| !m.is_empty())
                .collect();
            let account = provider_accounts::create_api_key_account(
                db,
                &sealer,
                NewApiKeyAccount {
                    user_id: user.id,
                    provider,
                    api_key: &api_key,
                    base_url,
                    label: label.as_deref(),
                    models,
                },
            )
            .await
            .map_err(explain)?;
            writeln!(out, "{}", account.id)?;
        }
        AdminCommand::Connect {
            email,
            provider,
            device,
            label,
        } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            let id = crate::admin_connect::connect(config, db, user.id, &provider, device, label)
                .await?;
            writeln!(out, "{id}")?;
        }
        AdminCommand::ImportCredentials {
            email,
            provider,
            file,
            label,
        } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            let id =
                crate::admin_connect::import(config, db, user.id, &provider, &file, label).await?;
            writeln!(out, "{id}")?;
        }
        AdminCommand::RevokeAccount { email, id } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            provider_accounts::revoke(db, user.id, id)
                .await
                .map_err(explain)?;
            writeln!(out, "revoked {id}")?;
        }
        AdminCommand::Accounts { email, json } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            crate::admin_accounts::print(db, user.id, json, &mut out).await?;
        }
        AdminCommand::SetRouting { email, file } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let config: RoutingConfig = toml::from_str(&text)
                .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), e.message()))?;
            let rules = config.rules.len();
            routing_rules::set(db, user.id, config)
                .await
                .map_err(explain)?;
            writeln!(out, "routing saved: {rules} rule(s)")?;
        }
        AdminCommand::Plans => crate::admin_limits::print_plans(db, &mut out).await?,
        AdminCommand::SetLimits {
            email,
            monthly_requests,
            rpm,
            tpm,
        } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            let limits = users::LimitOverrides {
                monthly_requests,
                rpm,
                tpm,
            };
            users::set_limits(db, user.id, limits)
                .await
                .map_err(explain)?;
            writeln!(
                out,
                "limits saved for {email} (in effect within the key cache TTL)"
            )?;
        }
        AdminCommand::SetKeyLimits { key_id, rpm, tpm } => {
            api_keys::set_limits(db, key_id, rpm, tpm)
                .await
                .map_err(explain)?;
            writeln!(
                out,
                "limits saved for key {key_id} (in effect within the key cache TTL)"
            )?;
        }
        AdminCommand::Reseal => reseal(config, db, &mut out).await?,
        AdminCommand::SetPlan { email, plan, until } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            match until {
                Some(day) => {
                    let ends = end_of_day_wib(day).context("--until is out of range")?;
                    entities::billing::periods::grant_manual(db, user.id, &plan, ends)
                        .await
                        .map_err(explain)?;
                    writeln!(
                        out,
                        "{email} is on {plan} until {day} (in effect within the key cache TTL)"
                    )?;
                }
                None => {
                    users::set_plan(db, user.id, &plan, chrono::Utc::now())
                        .await
                        .map_err(explain)?;
                    writeln!(
                        out,
                        "{email} is on {plan} from now (in effect within the key cache TTL)"
                    )?;
                }
            }
        }
        AdminCommand::Invoice { number, out: path } => {
            let invoice = entities::billing::invoices::find_by_number(db, &number)
                .await
                .context("reading the invoice")?
                .with_context(|| format!("no invoice numbered {number}"))?;
            let pdf = billing::invoice_pdf::for_invoice(db, &invoice, &config.seller())
                .await
                .context("rendering the invoice")?;
            std::fs::write(&path, pdf)
                .with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(out, "{} written to {}", invoice.number, path.display())?;
        }
        AdminCommand::Emails { email, limit } => {
            crate::admin_emails::print_emails(config, db, email.as_deref(), limit, &mut out)
                .await?;
        }
        AdminCommand::Usage { email, json, limit } => {
            let user = users::find_by_email(db, &email)
                .await
                .map_err(|e| user_error(e, &email))?;
            let rows = usage_events::recent_for_user(db, user.id, limit)
                .await
                .context("reading usage")?;
            if json {
                let rows: Vec<UsageRow> = rows.iter().map(UsageRow::from).collect();
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                print_usage_table(&mut out, &rows)?;
            }
        }
    }
    Ok(())
}

async fn reseal(
    config: &Config,
    db: &DatabaseConnection,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let sealer = master_key::sealer(config)?;
    let report = entities::reseal::reseal_all(db, &sealer)
        .await
        .context("resealing credentials")?;
    writeln!(
        out,
        "{} of {} sealed values resealed under key {}",
        report.resealed,
        report.checked,
        sealer.current_id()
    )?;
    if !report.unreadable.is_empty() {
        let rows: Vec<String> = report.unreadable.iter().map(ToString::to_string).collect();
        bail!(
            "{} sealed values open with no configured key (rows {}); keep their key in security.previous_master_keys",
            rows.len(),
            rows.join(", ")
        );
    }
    writeln!(
        out,
        "every sealed value now uses key {}; earlier keys can leave security.previous_master_keys",
        sealer.current_id()
    )?;
    Ok(())
}

/// The instant `day` ends in Jakarta (midnight WIB after it).
fn end_of_day_wib(day: chrono::NaiveDate) -> Option<chrono::DateTime<chrono::Utc>> {
    let next = day.succ_opt()?.and_hms_opt(0, 0, 0)?;
    let wib = chrono::FixedOffset::east_opt(7 * 3600)?;
    Some(
        next.and_local_timezone(wib)
            .single()?
            .with_timezone(&chrono::Utc),
    )
}

const MIN_PASSWORD: usize = 8;

fn check_and_hash(password: &str) -> anyhow::Result<String> {
    if password.chars().count() < MIN_PASSWORD {
        bail!("password must be at least {MIN_PASSWORD} characters");
    }
    Ok(password::hash(password)?)
}

fn checked_base_url(
    config: &Config,
    provider: Provider,
    raw: Option<&str>,
) -> anyhow::Result<Option<String>> {
    match raw {
        Some(raw) => {
            let url =
                proxy::upstream_guard::check_base_url(raw, config.proxy.allow_private_upstreams)?;
            Ok(Some(url.to_string().trim_end_matches('/').to_owned()))
        }
        None if provider == Provider::OpenAiCompatible => {
            bail!("--base-url is required for openai-compatible accounts")
        }
        None => Ok(None),
    }
}

fn user_error(err: RepoError, email: &str) -> anyhow::Error {
    match err {
        RepoError::NotFound(_) => anyhow::anyhow!("no user with email {email}"),
        other => explain(other),
    }
}

fn explain(err: RepoError) -> anyhow::Error {
    anyhow::anyhow!(err)
}

#[derive(Serialize)]
struct UsageRow<'a> {
    request_id: String,
    created_at: String,
    endpoint: &'a str,
    model: &'a str,
    provider: Option<&'a str>,
    account_id: Option<String>,
    stream: bool,
    status: i32,
    error: Option<&'a str>,
    prompt_tokens: i64,
    completion_tokens: i64,
    cached_tokens: i64,
    reasoning_tokens: i64,
    cost_usd: f64,
    latency_ms: i64,
    ttft_ms: Option<i64>,
}

impl<'a> From<&'a usage_events::Model> for UsageRow<'a> {
    fn from(m: &'a usage_events::Model) -> Self {
        Self {
            request_id: m.request_id.to_string(),
            created_at: m.created_at.to_rfc3339(),
            endpoint: &m.endpoint,
            model: &m.model,
            provider: m.provider.as_deref(),
            account_id: m.account_id.map(|a| a.to_string()),
            stream: m.stream,
            status: m.status_code,
            error: m.error_kind.as_deref(),
            prompt_tokens: m.prompt_tokens,
            completion_tokens: m.completion_tokens,
            cached_tokens: m.cached_tokens,
            reasoning_tokens: m.reasoning_tokens,
            cost_usd: m.cost_nanos as f64 / 1e9,
            latency_ms: m.latency_ms,
            ttft_ms: m.ttft_ms,
        }
    }
}

fn print_usage_table(out: &mut impl Write, rows: &[usage_events::Model]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<20} {:<24} {:<18} {:>6} {:>8} {:>8} {:>8} {:>12} {:>8}  error",
        "time (UTC)", "model", "provider", "status", "prompt", "output", "cached", "cost USD", "ms"
    )?;
    for r in rows {
        writeln!(
            out,
            "{:<20} {:<24} {:<18} {:>6} {:>8} {:>8} {:>8} {:>12.6} {:>8}  {}",
            r.created_at.format("%Y-%m-%d %H:%M:%S"),
            r.model,
            r.provider.as_deref().unwrap_or("-"),
            r.status_code,
            r.prompt_tokens,
            r.completion_tokens,
            r.cached_tokens,
            r.cost_nanos as f64 / 1e9,
            r.latency_ms,
            r.error_kind.as_deref().unwrap_or("")
        )?;
    }
    if rows.is_empty() {
        writeln!(out, "(no usage yet)")?;
    }
    Ok(())
}
