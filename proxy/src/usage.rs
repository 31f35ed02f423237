//! Usage recording: request tasks hand events to a bounded channel; one writer task batches
//! them into the database. A full channel never drops the usage of a served request: the
//! sender waits on a tracked task instead, so backpressure shows as queue depth, not loss.
//! A refusal (nothing was served) is dropped and counted instead: a flood of bad requests
//! must not pile up tasks. While the database is unreachable the writer retries its batch
//! until it is stored (the queue fills meanwhile, then holds senders back); only once
//! shutdown has begun does it give up, after ten more attempts.

use std::sync::Arc;
use std::time::Duration;

use entities::account_cooldowns::CooldownChange;
use entities::usage_events::{self, NewUsage};
use sea_orm::DatabaseConnection;
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep_until};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::bus::{Bus, Message, UsageEvent};

pub const QUEUE_DEPTH_GAUGE: &str = "satu_usage_queue_depth";
pub const QUEUE_CAPACITY_GAUGE: &str = "satu_usage_queue_capacity";
pub const REFUSALS_DROPPED_METRIC: &str = "satu_usage_refusals_dropped_total";

/// What the writer stores: usage events, and cooldown changes riding in the same batches.
#[derive(Debug)]
pub enum Record {
    Usage(NewUsage),
    Cooldown(CooldownChange),
}

#[derive(Clone)]
pub struct UsageRecorder {
    tx: mpsc::Sender<Record>,
    tasks: TaskTracker,
    /// Wakes the writer before its flush interval when a whole batch is waiting.
    batch_ready: Arc<Notify>,
    batch_size: usize,
    /// Registered once: the registry's lookup by name costs more than the update.
    depth: metrics::Gauge,
}

impl UsageRecorder {
    pub fn record(&self, event: NewUsage) {
        self.send(Record::Usage(event));
    }

    /// A request refused before any upstream: dropped, and counted, when the queue is full.
    pub fn record_refusal(&self, event: NewUsage) {
        match self.tx.try_send(Record::Usage(event)) {
            Ok(()) => self.queued(),
            Err(mpsc::error::TrySendError::Full(_)) => {
                metrics::counter!(REFUSALS_DROPPED_METRIC).increment(1);
            }
            Err(mpsc::error::TrySendError::Closed(event)) => {
                tracing::error!(?event, "usage writer stopped; refusal not stored");
            }
        }
    }

    pub fn cooldown(&self, change: CooldownChange) {
        self.send(Record::Cooldown(change));
    }

    fn send(&self, event: Record) {
        match self.tx.try_send(event) {
            Ok(()) => {}
            Err(mpsc::error::TrySendError::Full(event)) => {
                let tx = self.tx.clone();
                self.tasks.spawn(async move {
                    if tx.send(event).await.is_err() {
                        tracing::error!("usage writer stopped; one record was not stored");
                    }
                });
            }
            Err(mpsc::error::TrySendError::Closed(event)) => {
                tracing::error!(?event, "usage writer stopped; record not stored");
            }
        }
        self.queued();
    }

    /// Records waiting for the writer, and how many fit.
    pub fn depth(&self) -> (usize, usize) {
        let max = self.tx.max_capacity();
        (max - self.tx.capacity(), max)
    }

    fn queued(&self) {
        let depth = self.tx.max_capacity() - self.tx.capacity();
        if depth == self.batch_size {
            self.batch_ready.notify_one();
        }
        self.depth.set(depth as f64);
    }
}

pub struct WriterSettings {
    pub capacity: usize,
    pub batch_size: usize,
    pub flush_interval: Duration,
}

/// The writer task. `shutdown` waits until every queued event is stored.
pub struct UsageWriter {
    handle: JoinHandle<()>,
    drain: CancellationToken,
}

pub fn start(
    db: DatabaseConnection,
    settings: WriterSettings,
    tasks: TaskTracker,
    bus: Arc<Bus>,
) -> (UsageRecorder, UsageWriter) {
    let (tx, rx) = mpsc::channel(settings.capacity.max(1));
    metrics::gauge!(QUEUE_CAPACITY_GAUGE).set(settings.capacity.max(1) as f64);
    let drain = CancellationToken::new();
    let batch_ready = Arc::new(Notify::new());
    let recorder = UsageRecorder {
        tx,
        tasks,
        batch_ready: batch_ready.clone(),
        batch_size: settings.batch_size.max(1),
        depth: metrics::gauge!(QUEUE_DEPTH_GAUGE),
    };
    let writer = Writer {
        db,
        rx,
        settings,
        drain: drain.clone(),
        batch_ready,
        bus,
    };
    let handle = tokio::spawn(writer.run());
    (recorder, UsageWriter { handle, drain })
}

impl UsageWriter {
    /// Call after every request task has finished: the writer closes the channel, stores
    /// what is queued and returns.
    pub async fn shutdown(self) {
        self.drain.cancel();
        if let Err(e) = self.handle.await {
            tracing::error!(error = %e, "usage writer task failed");
        }
    }
}

struct Writer {
    db: DatabaseConnection,
    rx: mpsc::Receiver<Record>,
    settings: WriterSettings,
    drain: CancellationToken,
    batch_ready: Arc<Notify>,
    bus: Arc<Bus>,
}

impl Writer {
    async fn run(mut self) {
        let batch_size = self.settings.batch_size.max(1);
        loop {
            let mut batch = Vec::with_capacity(batch_size.min(1024));
            let first = tokio::select! {
                n = self.rx.recv_many(&mut batch, batch_size) => n,
                () = self.drain.cancelled(), if !self.rx.is_closed() => {
                    self.rx.close();
                    continue;
                }
            };
            if first == 0 {
                break;
            }
            self.fill(&mut batch, batch_size).await;
            metrics::gauge!(QUEUE_DEPTH_GAUGE).set(self.rx.len() as f64);
            let written = write_with_retry(&self.db, batch, &self.drain).await;
            if !written.is_empty() {
                // Live views see a request once it is stored.
                self.bus.publish(Message::Usage { events: written }).await;
            }
        }
        tracing::debug!("usage writer drained");
    }

    /// Lets a batch gather until the flush interval ends, a full batch waits or shutdown
    /// starts. The channel is not polled meanwhile, so senders wake nobody per event.
    async fn fill(&mut self, batch: &mut Vec<Record>, batch_size: usize) {
        if batch.len() < batch_size && self.rx.len() < batch_size - batch.len() {
            let deadline = Instant::now() + self.settings.flush_interval;
            tokio::select! {
                () = sleep_until(deadline) => {}
                () = self.batch_ready.notified() => {}
                () = self.drain.cancelled() => {}
            }
        }
        while batch.len() < batch_size {
            match self.rx.try_recv() {
                Ok(record) => batch.push(record),
                Err(_) => break,
            }
        }
    }
}

/// Attempts at storing a batch once shutdown has begun, or when the database refuses it (a
/// constraint); otherwise a batch is retried until the database takes it (an outage fills
/// the bounded queue, then holds senders back).
const ATTEMPTS_AT_SHUTDOWN: u32 = 10;
const LONGEST_PAUSE: Duration = Duration::from_secs(5);

/// Stores a batch; returns the usage events that were stored.
async fn write_with_retry(
    db: &DatabaseConnection,
    records: Vec<Record>,
    drain: &CancellationToken,
) -> Vec<UsageEvent> {
    let mut batch = Vec::with_capacity(records.len());
    let mut cooldowns = Vec::new();
    for record in records {
        match record {
            Record::Usage(u) => batch.push(u),
            Record::Cooldown(c) => cooldowns.push(c),
        }
    }
    let mut delay = Duration::from_millis(100);
    let mut attempts_in_shutdown = 0;
    let mut retrying = false;
    loop {
        // After a failure the commit may have gone through with only its answer lost.
        let stored = retrying
            && usage_events::batch_stored(db, &batch)
                .await
                .unwrap_or(false);
        let written = if stored {
            Ok(())
        } else {
            usage_events::record_batch(db, &batch, &cooldowns).await
        };
        let Err(e) = written else {
            metrics::counter!("satu_usage_events_written_total").increment(batch.len() as u64);
            return batch.iter().map(UsageEvent::from).collect();
        };
        retrying = true;
        // A constraint the batch breaks will not heal by waiting: bounded like a shutdown, so
        // one bad batch cannot stall every later one.
        if drain.is_cancelled() || e.sql_err().is_some() {
            attempts_in_shutdown += 1;
        }
        if attempts_in_shutdown >= ATTEMPTS_AT_SHUTDOWN {
            let ids: Vec<String> = batch.iter().map(|u| u.request_id.to_string()).collect();
            tracing::error!(error = %e, events = batch.len(), request_ids = ?ids, "usage batch lost: the database kept refusing it, or stayed unreachable through shutdown");
            metrics::counter!("satu_usage_events_lost_total").increment(batch.len() as u64);
            return Vec::new();
        }
        tracing::warn!(error = %e, events = batch.len(), retry_in_ms = delay.as_millis() as u64, "usage batch write failed; retrying");
        metrics::counter!("satu_usage_write_retries_total").increment(1);
        // A shutdown wakes the pause: the remaining attempts are counted from then.
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            () = drain.cancelled(), if !drain.is_cancelled() => {}
        }
        delay = (delay * 2).min(LONGEST_PAUSE);
    }
}
