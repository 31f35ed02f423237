//! The signed-in user's routing: strategy, session affinity, and rules mapping model patterns
//! to ordered targets (the first primary, the rest fallbacks).

use async_graphql::{Context, Enum, InputObject, Object, SimpleObject};
use entities::routing_rules::{RoutingConfig, Rule, RuleTarget};
use uuid::Uuid;

use super::connections::announce;
use super::context::{reader, writer};

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "entities::routing_rules::Strategy")]
pub enum Strategy {
    RoundRobin,
    Weighted,
    Priority,
    FillFirst,
    Cheapest,
    Fastest,
}

#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "TargetInput")]
pub struct Target {
    /// `openai`, `anthropic`, `gemini`, `qwen` or `openai-compatible`; null: any provider
    /// serving the model.
    pub provider: Option<String>,
    pub model: String,
    /// One of your connections; null: any of yours that serves it.
    pub account: Option<Uuid>,
}

#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "RuleInput")]
pub struct RoutingRule {
    /// A model name; `*` matches any run of characters (`claude-*`).
    pub pattern: String,
    /// Overrides the default strategy for this rule.
    pub strategy: Option<Strategy>,
    pub targets: Vec<Target>,
}

#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "RoutingInput")]
pub struct Routing {
    pub strategy: Strategy,
    /// Keep one conversation on one account (provider prompt caches stay warm).
    pub session_affinity: bool,
    /// Send requests for a retired model to its replacement (answer header
    /// `x-satu-model-replaced`) instead of refusing them with the replacement's name.
    #[graphql(default)]
    pub follow_model_replacements: bool,
    pub rules: Vec<RoutingRule>,
}

impl From<RoutingConfig> for Routing {
    fn from(c: RoutingConfig) -> Self {
        Self {
            strategy: c.strategy.into(),
            session_affinity: c.session_affinity,
            follow_model_replacements: c.follow_replacements,
            rules: c
                .rules
                .into_iter()
                .map(|r| RoutingRule {
                    pattern: r.pattern,
                    strategy: r.strategy.map(Strategy::from),
                    targets: r
                        .targets
                        .into_iter()
                        .map(|t| Target {
                            provider: t.provider,
                            model: t.model,
                            account: t.account,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

impl From<Routing> for RoutingConfig {
    fn from(r: Routing) -> Self {
        Self {
            strategy: r.strategy.into(),
            session_affinity: r.session_affinity,
            follow_replacements: r.follow_model_replacements,
            rules: r
                .rules
                .into_iter()
                .map(|rule| Rule {
                    pattern: rule.pattern,
                    strategy: rule.strategy.map(Into::into),
                    targets: rule
                        .targets
                        .into_iter()
                        .map(|t| RuleTarget {
                            provider: t.provider,
                            model: t.model,
                            account: t.account,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[derive(Default)]
pub struct RoutingQuery;

#[Object]
impl RoutingQuery {
    /// Your routing (the defaults when you never set it).
    async fn routing(&self, ctx: &Context<'_>) -> async_graphql::Result<Routing> {
        let user = reader(ctx)?;
        Ok(Routing::from(user.routing().await?))
    }
}

#[derive(Default)]
pub struct RoutingMutation;

#[Object]
impl RoutingMutation {
    /// Replaces your routing. Targets may only name your own connections.
    async fn set_routing(
        &self,
        ctx: &Context<'_>,
        routing: Routing,
    ) -> async_graphql::Result<Routing> {
        let user = writer(ctx)?;
        let config = RoutingConfig::from(routing);
        user.set_routing(config.clone()).await?;
        announce(ctx, user.workspace().id()).await;
        Ok(Routing::from(config))
    }
}
