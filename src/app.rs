//! Builds Satu for a role and runs it until shutdown. Tests build the same app on port 0.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::cli::Role;
use crate::config::Config;
use crate::{db, http_server, master_key};

const CATALOG_REFRESH: Duration = Duration::from_secs(60);
const PRUNE_INTERVAL: Duration = Duration::from_secs(3600);
/// Extra time for connections to close once open streams have been cut.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);

pub struct App {
    router: Router,
    db: DatabaseConnection,
    usage_writer: Option<proxy::usage::UsageWriter>,
    tasks: TaskTracker,
    shutdown: CancellationToken,
    hard_stop: CancellationToken,
    grace: Duration,
    limits: http_server::ServerLimits,
}

/// Opens the database (migrating it when configured) and builds the app for `role`.
pub async fn build(config: &Config, role: Role) -> anyhow::Result<App> {
    let db = db::open(config).await?;
    build_with_db(config, role, db).await
}

pub async fn build_with_db(
    config: &Config,
    role: Role,
    db: DatabaseConnection,
) -> anyhow::Result<App> {
    let tasks = TaskTracker::new();
    let shutdown = CancellationToken::new();
    let hard_stop = CancellationToken::new();
    let metrics_token = config.server.metrics_token.as_ref().map(|t| t.expose());
    // The control plane (ops, GraphQL, the web app) carries the security headers; the proxy's
    // routes stay without that middleware on their hot path.
    let mut control = api::ops::router(db.clone(), metrics_token);
    let mut router = Router::new();
    let mut usage_writer = None;
    let mut usage_recorder = None;
    let sealer = Arc::new(master_key::sealer(config)?);
    let refresher = Arc::new(
        proxy::oauth::Refresher::new(
            db.clone(),
            sealer.clone(),
            config.oauth.clone(),
            config.proxy.allow_private_upstreams,
        )
        .context("building the OAuth client")?,
    );
    let counters = counters(config, role).await?;
    let bus = bus(config, &tasks, &shutdown).await?;
    let billing = config
        .billing_settings()
        .map(billing::Billing::new)
        .transpose()
        .context("setting up billing")?
        .map(Arc::new);
    if role.serves_web() {
        let deps = api::graphql::ApiDeps {
            db: db.clone(),
            attempts: api::graphql::attempts::Attempts::new(
                counters.clone(),
                &config.limits.key_prefix,
            ),
            config: config.api.clone(),
            bus: bus.clone(),
            connections: connection_services(config, &db, &sealer, &refresher)?,
            billing: billing.clone(),
            seller: Arc::new(config.seller()),
        };
        control = control
            .merge(api::graphql::router(deps))
            .merge(api::unsubscribe::router(db.clone(), sealer.clone()));
        if let Some(billing) = &billing {
            control = control.merge(api::payments::router(
                db.clone(),
                billing.clone(),
                config.api.trusted_proxy_hops,
            ));
        }
    }
    if role.runs_proxy() {
        let limits =
            proxy::limits::Limits::new(counters, config.limits.clone(), db.clone(), tasks.clone());
        let (state, writer) = proxy::ProxyState::start(proxy::ProxyDeps {
            db: db.clone(),
            sealer: sealer.clone(),
            config: config.proxy.clone(),
            providers: config.providers.clone(),
            refresher: refresher.clone(),
            limits,
            bus: bus.clone(),
            tasks: tasks.clone(),
            shutdown: shutdown.clone(),
            hard_stop: hard_stop.clone(),
            telemetry: config.telemetry.clone(),
        })
        .await
        .context("starting the proxy")?;
        usage_recorder = Some(state.usage.clone());
        tasks.spawn(refresh_catalog(state.clone(), db.clone(), shutdown.clone()));
        router = router.merge(proxy::router(state));
        usage_writer = Some(writer);
    }
    if role.runs_worker() {
        let settings = jobs::WorkerSettings {
            usage_retention_days: config.usage.retention_days,
            prune_interval: PRUNE_INTERVAL,
            refresh_scan_interval: Duration::from_secs(config.oauth.scan_interval_secs.max(1)),
            models: model_refresh(config, &db, &sealer, &bus)?,
            slack: Some(slack_delivery(config, &db, &sealer)?),
            refresher,
        };
        tasks.spawn(jobs::run_worker(db.clone(), settings, shutdown.clone()));
        tasks.spawn(jobs::gauges::run(db.clone(), shutdown.clone()));
        tasks.spawn(billing::clock::run_clock(
            db.clone(),
            config.period_clock(),
            bus.clone(),
            shutdown.clone(),
        ));
        if let Some(billing) = &billing {
            tasks.spawn(billing::process::run_processor(
                db.clone(),
                billing.clone(),
                bus.clone(),
                shutdown.clone(),
            ));
        }
        if let Some(mailer) = mailer(config)? {
            tasks.spawn(mail::run_delivery(
                db.clone(),
                sealer.clone(),
                mailer,
                shutdown.clone(),
            ));
        }
    }
    let secure = axum::middleware::from_fn_with_state(
        api::security_headers::SecurityHeaders::new(
            &config.api.public_url,
            config.api.hsts_max_age_secs,
        ),
        api::security_headers::add,
    );
    router = router.merge(control.layer(secure.clone()));
    if role.serves_web() {
        router = router.fallback_service(api::web::router(&config.web.dir).layer(secure));
    }
    tasks.spawn(metrics_upkeep(shutdown.clone()));
    tasks.spawn(crate::heartbeat::run(
        db.clone(),
        role,
        usage_recorder,
        shutdown.clone(),
    ));
    let router = router.layer(axum::middleware::from_fn(api::http_metrics::track));
    Ok(App {
        router,
        db,
        usage_writer,
        tasks,
        shutdown,
        hard_stop,
        grace: Duration::from_secs(config.server.shutdown_grace_secs),
        limits: http_server::ServerLimits {
            header_read_timeout: Duration::from_secs(config.server.header_read_timeout_secs.max(1)),
            max_connections: config.server.max_connections,
        },
    })
}

/// The SMTP sender when `email.smtp_url` is set (checked now: a typo stops start-up).
fn mailer(config: &Config) -> anyhow::Result<Option<mail::Mailer>> {
    let Some(url) = &config.email.smtp_url else {
        return Ok(None);
    };
    let e = &config.email;
    let settings = mail::DeliverySettings {
        smtp_url: url.expose().to_owned(),
        from: e.from.clone(),
        public_url: config.api.public_url.clone(),
        retry_backoff: e
            .retry_backoff_secs
            .iter()
            .map(|s| Duration::from_secs(*s))
            .collect(),
        poll_interval: Duration::from_millis(e.poll_interval_ms.max(10)),
        batch: 20,
    };
    Ok(Some(mail::Mailer::new(settings)?))
}

/// What the API needs to add, sign in, check and refresh connections.
/// The worker's model-list schedule, unless turned off.
fn model_refresh(
    config: &Config,
    db: &DatabaseConnection,
    sealer: &Arc<entities::seal::Sealer>,
    bus: &Arc<proxy::bus::Bus>,
) -> anyhow::Result<Option<jobs::models::ModelRefresh>> {
    if !config.models.refresh {
        return Ok(None);
    }
    let allow_private = config.proxy.allow_private_upstreams;
    let lister = proxy::model_lists::ModelLister {
        db: db.clone(),
        opener: proxy::directory::Opener {
            sealer: sealer.clone(),
            providers: config.providers.clone(),
            allow_private,
        },
        http: proxy::oauth::oauth_client(&config.oauth, allow_private)
            .context("building the model-list client")?,
        settings: proxy::providers::SpokeSettings::new(&config.providers),
        bus: bus.clone(),
        staleness: config.models.staleness(),
    };
    Ok(Some(jobs::models::ModelRefresh {
        lister: Arc::new(lister),
        scan_interval: Duration::from_secs(config.models.scan_interval_secs.max(1)),
    }))
}

fn slack_delivery(
    config: &Config,
    db: &DatabaseConnection,
    sealer: &Arc<entities::seal::Sealer>,
) -> anyhow::Result<jobs::slack::SlackDelivery> {
    let allow_private = config.proxy.allow_private_upstreams;
    Ok(jobs::slack::SlackDelivery {
        db: db.clone(),
        sealer: sealer.clone(),
        http: proxy::oauth::oauth_client(&config.oauth, allow_private)
            .context("building the Slack client")?,
        interval: Duration::from_secs(config.teams.slack_interval_secs.max(1)),
        first_retry: Duration::from_secs(config.teams.slack_retry_secs.max(1)),
    })
}

fn connection_services(
    config: &Config,
    db: &DatabaseConnection,
    sealer: &Arc<entities::seal::Sealer>,
    refresher: &Arc<proxy::oauth::Refresher>,
) -> anyhow::Result<api::graphql::connections::ConnectionServices> {
    api::graphql::connections::ConnectionServices::new(
        db,
        sealer.clone(),
        refresher.clone(),
        config.oauth.clone(),
        config.providers.clone(),
        config.proxy.allow_private_upstreams,
    )
    .context("building the OAuth client")
}

/// Where limits and attempts are counted: Redis when `redis.url` is set (replicas share the
/// counts), memory otherwise. A worker counts nothing.
async fn counters(config: &Config, role: Role) -> anyhow::Result<Arc<proxy::limits::Backend>> {
    let url = config.redis.url.as_ref().map(|u| u.expose());
    let url = url.filter(|_| role.runs_proxy() || role.serves_web());
    let backend = proxy::limits::Backend::connect(url, &config.limits)
        .await
        .context("connecting to Redis for limits (redis.url)")?;
    Ok(Arc::new(backend))
}

/// The live bus: through Redis when `redis.url` is set (events reach every replica), in
/// process otherwise.
async fn bus(
    config: &Config,
    tasks: &TaskTracker,
    shutdown: &CancellationToken,
) -> anyhow::Result<Arc<proxy::bus::Bus>> {
    match &config.redis.url {
        None => Ok(proxy::bus::Bus::local()),
        Some(url) => proxy::bus::Bus::redis(
            url.expose(),
            &config.redis.bus_channel,
            tasks,
            shutdown.clone(),
        )
        .await
        .context("connecting to Redis for the live bus (redis.url)"),
    }
}

/// How often histogram samples are folded into their buckets.
const METRICS_UPKEEP: Duration = Duration::from_secs(5);

/// The Prometheus recorder keeps raw histogram samples until upkeep or a scrape: without this,
/// memory would grow with every request while nothing scrapes `/metrics`.
async fn metrics_upkeep(shutdown: CancellationToken) {
    let Some(handle) = api::http_metrics::handle() else {
        return;
    };
    let mut tick = tokio::time::interval(METRICS_UPKEEP);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = tick.tick() => handle.run_upkeep(),
        }
    }
}

async fn refresh_catalog(
    state: proxy::ProxyState,
    db: DatabaseConnection,
    shutdown: CancellationToken,
) {
    let mut tick = tokio::time::interval(CATALOG_REFRESH);
    tick.tick().await;
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = tick.tick() => {
                if let Err(e) = state.catalog.reload(&db).await {
                    tracing::warn!(error = %e, "model catalog refresh failed");
                }
            }
        }
    }
}

impl App {
    /// Cancelling this token starts a graceful shutdown (what SIGTERM does).
    pub fn shutdown_token(&self) -> CancellationToken {
        self.shutdown.clone()
    }

    /// Serves until `signal` completes or the shutdown token is cancelled, then: stops
    /// accepting, lets open requests finish for up to the grace period, cuts what is left,
    /// waits for every request task, and flushes usage.
    pub async fn serve(
        self,
        listener: TcpListener,
        signal: impl Future<Output = ()>,
    ) -> anyhow::Result<()> {
        let App {
            router,
            db,
            usage_writer,
            tasks,
            shutdown,
            hard_stop,
            grace,
            limits,
        } = self;
        let server = http_server::serve(listener, router, limits, shutdown.clone());
        tokio::pin!(server);
        let deadline = async {
            tokio::select! {
                () = signal => shutdown.cancel(),
                () = shutdown.cancelled() => {}
            }
            tracing::info!(
                grace_secs = grace.as_secs(),
                "shutting down: draining open requests"
            );
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            () = &mut server => {}
            () = deadline => {
                tracing::warn!("shutdown grace period over; cutting open streams");
                hard_stop.cancel();
                if tokio::time::timeout(CLOSE_TIMEOUT, &mut server).await.is_err() {
                    tracing::warn!("connections still open after the grace period; closing");
                }
            }
        }
        shutdown.cancel();
        tasks.close();
        if tokio::time::timeout(grace + CLOSE_TIMEOUT, tasks.wait())
            .await
            .is_err()
        {
            hard_stop.cancel();
            tasks.wait().await;
        }
        if let Some(writer) = usage_writer {
            writer.shutdown().await;
        }
        if let Err(e) = db.close().await {
            tracing::warn!(error = %e, "closing the database pool");
        }
        tracing::info!("stopped");
        Ok(())
    }
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn termination_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
