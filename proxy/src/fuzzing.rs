//! Entry points for the fuzz targets (`fuzz/`): the same parsers and decoders requests and
//! upstream answers go through, driven by arbitrary bytes. Nothing here may panic, loop or
//! grow without bound on any input; the fuzzer checks that.

use axum::http::HeaderMap;
use bytes::Bytes;

use crate::canonical::Collector;
use crate::codec::Decoder;
use crate::dialect::{Dialect, Format};
use crate::formats::openai_chat::request::MaxTokensField;
use crate::formats::{anthropic, gemini, openai_chat, openai_responses};
use crate::inbound::{self, GeminiCall};
use crate::sse::{SseSplitter, event_data};

const DIALECTS: [Dialect; 5] = [
    Dialect::OpenAiChat,
    Dialect::OpenAiCompletions,
    Dialect::OpenAiResponses,
    Dialect::Anthropic,
    Dialect::Gemini,
];

const FORMATS: [Format; 4] = [
    Format::OpenAiChat,
    Format::OpenAiResponses,
    Format::Anthropic,
    Format::Gemini,
];

/// A client's request body in the dialect `selector` picks, parsed as the proxy parses it;
/// when it parses, translated into every upstream format.
pub fn client_request(selector: u8, body: &[u8]) {
    let dialect = DIALECTS[usize::from(selector) % DIALECTS.len()];
    let gemini = (dialect == Dialect::Gemini).then(|| GeminiCall {
        model: "gemini-2.5-pro".to_owned(),
        stream: selector & 0x80 != 0,
        sse: true,
    });
    let raw = Bytes::copy_from_slice(body);
    let Ok(inbound) = inbound::parse(dialect, &raw, &HeaderMap::new(), gemini.as_ref()) else {
        return;
    };
    let request = &inbound.canonical;
    let _ = crate::count_tokens::estimate(request);
    let _ = openai_chat::request::from_canonical(request, MaxTokensField::MaxTokens);
    let _ = openai_responses::request::from_canonical(request);
    let _ = anthropic::request::from_canonical(request);
    let _ = gemini::request::from_canonical(request);
}

/// An upstream's streamed answer in the format `selector` picks, split into chunks at the
/// bytes `cuts` gives, through the SSE splitter and the format's decoder into one response.
pub fn upstream_stream(selector: u8, cuts: &[u8], stream: &[u8]) {
    let format = FORMATS[usize::from(selector) % FORMATS.len()];
    let mut splitter = SseSplitter::default();
    let mut decoder = Decoder::new(format);
    let mut events = Vec::new();
    let mut collector = Collector::default();
    let mut rest = stream;
    let mut cuts = cuts.iter().map(|c| usize::from(*c) + 1);
    while !rest.is_empty() {
        let at = cuts.next().unwrap_or(rest.len()).min(rest.len());
        let (chunk, after) = rest.split_at(at);
        rest = after;
        if splitter.push(chunk).is_err() {
            return;
        }
        while let Some(event) = splitter.next_event() {
            if let Some(data) = event_data(&event) {
                decoder.event(&data, &mut events);
            }
            events.drain(..).for_each(|e| collector.event(e));
        }
    }
    if let Some(last) = splitter.take_rest()
        && let Some(data) = event_data(&last)
    {
        decoder.event(&data, &mut events);
    }
    decoder.end(&mut events);
    events.drain(..).for_each(|e| collector.event(e));
    let _ = decoder.usage();
    let _ = collector.finish();
}
