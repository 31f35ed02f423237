//! Splits an upstream byte stream into whole SSE events without copying them.

use std::borrow::Cow;

use bytes::{Bytes, BytesMut};
use memchr::memmem;

/// Largest single event accepted from an upstream (a chunk with an inline image can be big).
pub const MAX_EVENT_BYTES: usize = 16 * 1024 * 1024;

#[derive(Default)]
pub struct SseSplitter {
    buf: BytesMut,
    /// Bytes of `buf` already searched for a boundary.
    scanned: usize,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("upstream SSE event exceeds {MAX_EVENT_BYTES} bytes")]
pub struct EventTooLarge;

impl SseSplitter {
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), EventTooLarge> {
        if self.buf.len() + chunk.len() > MAX_EVENT_BYTES {
            return Err(EventTooLarge);
        }
        self.buf.extend_from_slice(chunk);
        Ok(())
    }

    /// The next complete event, with its terminating blank line.
    pub fn next_event(&mut self) -> Option<Bytes> {
        let from = self.scanned.saturating_sub(3);
        let hay = &self.buf[from..];
        let lf = memmem::find(hay, b"\n\n").map(|i| i + 2);
        let crlf = memmem::find(hay, b"\r\n\r\n").map(|i| i + 4);
        let end = match (lf, crlf) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => {
                self.scanned = self.buf.len();
                return None;
            }
        };
        self.scanned = 0;
        Some(self.buf.split_to(from + end).freeze())
    }

    /// Whatever is left when the upstream ends (an event without its blank line).
    pub fn take_rest(&mut self) -> Option<Bytes> {
        self.scanned = 0;
        let rest = self.buf.split().freeze();
        (!rest.iter().all(u8::is_ascii_whitespace)).then_some(rest)
    }
}

/// The `data:` payload of an event (lines joined with `\n`), or `None` for comments and
/// events without data. Borrowed in the common one-line case, so most chunks cost no copy.
pub fn event_data(event: &[u8]) -> Option<Cow<'_, [u8]>> {
    let mut data: Option<Cow<'_, [u8]>> = None;
    for line in event.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if let Some(rest) = line.strip_prefix(b"data:") {
            let rest = rest.strip_prefix(b" ").unwrap_or(rest);
            data = Some(match data {
                None => Cow::Borrowed(rest),
                Some(prev) => {
                    let mut joined = prev.into_owned();
                    joined.push(b'\n');
                    joined.extend_from_slice(rest);
                    Cow::Owned(joined)
                }
            });
        }
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(s: &mut SseSplitter) -> Vec<Bytes> {
        let mut out = Vec::new();
        while let Some(e) = s.next_event() {
            out.push(e);
        }
        out
    }

    #[test]
    fn events_split_across_chunks_come_out_whole() {
        let mut s = SseSplitter::default();
        s.push(b"data: {\"a\":1}\n\nda").unwrap();
        assert_eq!(
            drain(&mut s),
            vec![Bytes::from_static(b"data: {\"a\":1}\n\n")]
        );
        s.push(b"ta: [DO").unwrap();
        assert!(drain(&mut s).is_empty());
        s.push(b"NE]\r\n\r\n: ping\n\n").unwrap();
        let events = drain(&mut s);
        assert_eq!(events.len(), 2);
        assert_eq!(&*event_data(&events[0]).unwrap(), b"[DONE]");
        assert_eq!(event_data(&events[1]), None);
        assert_eq!(s.take_rest(), None);
    }

    #[test]
    fn multi_line_data_is_joined() {
        assert_eq!(
            &*event_data(b"event: x\ndata: a\ndata:b\n\n").unwrap(),
            b"a\nb"
        );
    }
}
