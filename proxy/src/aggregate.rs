//! Reads a whole upstream stream into one canonical response, for upstreams that always stream
//! (the Codex backend) answering callers that did not ask for a stream. The stream read is
//! capped like a whole answer.

use futures::stream::StreamExt;

use crate::canonical::{Collector, Response};
use crate::codec::Decoder;
use crate::dialect::Format;
use crate::error::ProxyError;
use crate::providers::Spoke;
use crate::sse::{SseSplitter, event_data};
use crate::upstream_client::{ByteStream, MAX_ANSWER_BYTES};

pub async fn collect(
    mut stream: ByteStream,
    format: Format,
    spoke: &dyn Spoke,
) -> Result<Response, ProxyError> {
    let mut splitter = SseSplitter::default();
    let mut decoder = Decoder::new(format);
    let mut events = Vec::new();
    let mut collector = Collector::default();
    let mut read = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ProxyError::UpstreamInterrupted)?;
        read += chunk.len();
        if read > MAX_ANSWER_BYTES {
            return Err(ProxyError::UpstreamTooLarge(MAX_ANSWER_BYTES));
        }
        splitter
            .push(&chunk)
            .map_err(|_| ProxyError::UpstreamInterrupted)?;
        while let Some(event) = splitter.next_event() {
            let Some(data) = event_data(&event) else {
                continue;
            };
            match spoke.unwrap(&data) {
                Some(inner) => decoder.event(&inner, &mut events),
                None => decoder.event(&data, &mut events),
            }
            events.drain(..).for_each(|e| collector.event(e));
        }
    }
    decoder.end(&mut events);
    events.drain(..).for_each(|e| collector.event(e));
    collector.finish().map_err(|e| {
        tracing::warn!(reason = %e, "upstream stream could not be collected");
        ProxyError::UpstreamInterrupted
    })
}
