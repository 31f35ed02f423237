//! The Redis limiter, for replicas: each admission is one Lua script, so the check and the
//! increase of every counter happen atomically on the Redis server. Keys carry their expiry.
//! Keys of one request share a `{user}` hash tag, so the script also works on Redis Cluster.

use std::future::Future;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Client, Script};

use super::limiter::{Admit, Counter, Limiter, LimiterError};

/// ARGV per counter: limit, amount, ttl in ms, seeded (1 = must exist).
/// Answers {1, 0, values after…}, {0, index, values…} or {-1, index}.
const ADMIT: &str = r"
local values = {}
local rejected = -1
for i, key in ipairs(KEYS) do
  local base = (i - 1) * 4
  local current = redis.call('GET', key)
  if current then
    current = tonumber(current)
  elseif ARGV[base + 4] == '1' then
    return {-1, i - 1}
  else
    current = 0
  end
  if rejected < 0 and current + tonumber(ARGV[base + 2]) > tonumber(ARGV[base + 1]) then
    rejected = i - 1
  end
  values[i] = current
end
if rejected >= 0 then
  local out = {0, rejected}
  for _, v in ipairs(values) do out[#out + 1] = v end
  return out
end
local out = {1, 0}
for i, key in ipairs(KEYS) do
  local base = (i - 1) * 4
  out[#out + 1] = redis.call('INCRBY', key, ARGV[base + 2])
  if redis.call('PTTL', key) < 0 then
    redis.call('PEXPIRE', key, ARGV[base + 3])
  end
end
return out
";

/// ARGV: one delta per key; keys that expired are not brought back.
const ADJUST: &str = r"
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    redis.call('INCRBY', key, ARGV[i])
  end
end
return 0
";

pub struct RedisLimiter {
    connection: ConnectionManager,
    admit: Script,
    adjust: Script,
    timeout: Duration,
}

impl RedisLimiter {
    /// Connects (the first connection must succeed); later outages are reconnected in the
    /// background while calls fail fast.
    pub async fn connect(url: &str, timeout: Duration) -> Result<Self, LimiterError> {
        let client = Client::open(url)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500));
        let connection = tokio::time::timeout(
            timeout * 4,
            ConnectionManager::new_with_config(client, config),
        )
        .await
        .map_err(|_| LimiterError::Timeout(millis(timeout * 4)))??;
        Ok(Self {
            connection,
            admit: Script::new(ADMIT),
            adjust: Script::new(ADJUST),
            timeout,
        })
    }

    async fn bounded<T>(
        &self,
        call: impl Future<Output = Result<T, redis::RedisError>>,
    ) -> Result<T, LimiterError> {
        tokio::time::timeout(self.timeout, call)
            .await
            .map_err(|_| LimiterError::Timeout(millis(self.timeout)))?
            .map_err(LimiterError::from)
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl Limiter for RedisLimiter {
    async fn admit(&self, counters: &[Counter], _now_ms: i64) -> Result<Admit, LimiterError> {
        let mut invocation = self.admit.prepare_invoke();
        for counter in counters {
            invocation
                .key(&counter.key)
                .arg(counter.limit)
                .arg(counter.amount)
                .arg(counter.ttl_ms.max(1))
                .arg(u8::from(counter.seeded));
        }
        let mut connection = self.connection.clone();
        let answer: Vec<i64> = self
            .bounded(invocation.invoke_async(&mut connection))
            .await?;
        decode_admit(&answer, counters.len())
    }

    async fn adjust(&self, deltas: &[(String, i64)], _now_ms: i64) -> Result<(), LimiterError> {
        if deltas.is_empty() {
            return Ok(());
        }
        let mut invocation = self.adjust.prepare_invoke();
        for (key, delta) in deltas {
            invocation.key(key).arg(*delta);
        }
        let mut connection = self.connection.clone();
        let _: i64 = self
            .bounded(invocation.invoke_async(&mut connection))
            .await?;
        Ok(())
    }

    async fn seed(
        &self,
        key: &str,
        value: i64,
        ttl_ms: u64,
        _now_ms: i64,
    ) -> Result<(), LimiterError> {
        let mut command = redis::cmd("SET");
        command
            .arg(key)
            .arg(value)
            .arg("NX")
            .arg("PX")
            .arg(ttl_ms.max(1));
        let mut connection = self.connection.clone();
        let _: Option<String> = self.bounded(command.query_async(&mut connection)).await?;
        Ok(())
    }
}

fn decode_admit(answer: &[i64], counters: usize) -> Result<Admit, LimiterError> {
    let index = |i: i64| usize::try_from(i).ok().filter(|i| *i < counters);
    match answer {
        [1, _, values @ ..] if values.len() == counters => Ok(Admit::Admitted(values.to_vec())),
        [0, i, values @ ..] if values.len() == counters => Ok(Admit::Rejected {
            index: index(*i).ok_or(LimiterError::Protocol)?,
            values: values.to_vec(),
        }),
        [-1, i] => Ok(Admit::Unseeded(index(*i).ok_or(LimiterError::Protocol)?)),
        _ => Err(LimiterError::Protocol),
    }
}
