//! One switch per wire format: the stream decoders (upstream → canonical events), the stream
//! encoders (canonical events → the client's dialect) and whole-body conversions.

use bytes::Bytes;
use serde::Deserialize;

use crate::canonical::{Event, Response, Usage};
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;
use crate::formats::{
    StreamDecoder, StreamEncoder, anthropic, gemini, openai_chat, openai_completions,
    openai_responses,
};
use crate::inbound::Inbound;
use crate::upstream::Mode;

pub enum Decoder {
    OpenAi(openai_chat::stream::Decoder),
    Responses(openai_responses::stream::Decoder),
    Anthropic(anthropic::stream::Decoder),
    Gemini(gemini::stream::Decoder),
}

impl Decoder {
    pub fn new(format: Format) -> Self {
        match format {
            Format::OpenAiChat => Decoder::OpenAi(Default::default()),
            Format::OpenAiResponses => Decoder::Responses(Default::default()),
            Format::Anthropic => Decoder::Anthropic(Default::default()),
            Format::Gemini => Decoder::Gemini(Default::default()),
        }
    }

    fn inner(&self) -> &dyn StreamDecoder {
        match self {
            Decoder::OpenAi(d) => d,
            Decoder::Responses(d) => d,
            Decoder::Anthropic(d) => d,
            Decoder::Gemini(d) => d,
        }
    }

    fn inner_mut(&mut self) -> &mut dyn StreamDecoder {
        match self {
            Decoder::OpenAi(d) => d,
            Decoder::Responses(d) => d,
            Decoder::Anthropic(d) => d,
            Decoder::Gemini(d) => d,
        }
    }

    pub fn event(&mut self, data: &[u8], out: &mut Vec<Event>) {
        self.inner_mut().event(data, out);
    }

    /// The upstream closed the stream: emit what a format only knows at its end.
    pub fn end(&mut self, out: &mut Vec<Event>) {
        self.inner_mut().end(out);
    }

    pub fn finished(&self) -> bool {
        self.inner().finished()
    }

    pub fn usage(&self) -> Usage {
        self.inner().usage()
    }
}

pub enum Encoder {
    OpenAi(openai_chat::stream::Encoder),
    Completions(openai_completions::Encoder),
    Responses(openai_responses::stream::Encoder),
    Anthropic(anthropic::stream::Encoder),
    Gemini(gemini::stream::Encoder),
}

impl Encoder {
    pub fn new(inbound: &Inbound) -> Self {
        let now = chrono::Utc::now().timestamp();
        match inbound.dialect {
            Dialect::OpenAiCompletions => Encoder::Completions(openai_completions::Encoder::new(
                &inbound.model,
                now,
                inbound.client_wants_usage,
            )),
            Dialect::OpenAiChat => Encoder::OpenAi(openai_chat::stream::Encoder::new(
                &inbound.model,
                now,
                inbound.client_wants_usage,
            )),
            Dialect::OpenAiResponses => {
                Encoder::Responses(openai_responses::stream::Encoder::new(&inbound.model, now))
            }
            Dialect::Anthropic => Encoder::Anthropic(Default::default()),
            Dialect::Gemini => Encoder::Gemini(gemini::stream::Encoder::new(
                &inbound.model,
                inbound.gemini_sse,
            )),
        }
    }

    fn inner_mut(&mut self) -> &mut dyn StreamEncoder {
        match self {
            Encoder::OpenAi(e) => e,
            Encoder::Completions(e) => e,
            Encoder::Responses(e) => e,
            Encoder::Anthropic(e) => e,
            Encoder::Gemini(e) => e,
        }
    }

    pub fn event(&mut self, event: &Event, out: &mut Vec<u8>) {
        self.inner_mut().event(event, out);
    }

    pub fn end(&mut self, out: &mut Vec<u8>) {
        self.inner_mut().end(out);
    }

    /// Whether errors must go through the encoder (it knows where the stream stands).
    pub fn owns_errors(&self) -> bool {
        matches!(self, Encoder::Gemini(_) | Encoder::Responses(_))
    }
}

/// A whole (non-streamed) upstream answer turned into the client's body, plus its usage.
pub fn whole(
    body: Bytes,
    format: Format,
    mode: Mode,
    inbound: &Inbound,
) -> Result<(Bytes, Option<Usage>), ProxyError> {
    if mode == Mode::Passthrough {
        let usage = whole_usage(&body, format);
        return Ok((body, usage));
    }
    let response = parse_whole(&body, format).ok_or(ProxyError::UpstreamInvalid)?;
    render(&response, inbound)
}

/// A canonical response as the client's body, plus its usage.
pub fn render(
    response: &Response,
    inbound: &Inbound,
) -> Result<(Bytes, Option<Usage>), ProxyError> {
    let usage = response.usage;
    let now = chrono::Utc::now().timestamp();
    let out = match inbound.dialect {
        Dialect::OpenAiChat => openai_chat::response::from_canonical(response, now),
        Dialect::OpenAiCompletions => openai_completions::from_canonical(response, now),
        Dialect::OpenAiResponses => openai_responses::response::from_canonical(response, now),
        Dialect::Anthropic => serde_json::to_value(anthropic::response::from_canonical(response))
            .map_err(|_| ProxyError::Internal)?,
        Dialect::Gemini => serde_json::to_value(gemini::response::from_canonical(response))
            .map_err(|_| ProxyError::Internal)?,
    };
    let bytes = serde_json::to_vec(&out).map_err(|_| ProxyError::Internal)?;
    Ok((Bytes::from(bytes), Some(usage)))
}

fn parse_whole(body: &[u8], format: Format) -> Option<Response> {
    Some(match format {
        Format::OpenAiChat => {
            openai_chat::response::to_canonical(serde_json::from_slice(body).ok()?)
        }
        Format::OpenAiResponses => {
            openai_responses::response::to_canonical(serde_json::from_slice(body).ok()?)
        }
        Format::Anthropic => anthropic::response::to_canonical(serde_json::from_slice(body).ok()?),
        Format::Gemini => gemini::response::to_canonical(serde_json::from_slice(body).ok()?),
    })
}

fn whole_usage(body: &[u8], format: Format) -> Option<Usage> {
    #[derive(Deserialize)]
    struct Probe<U> {
        usage: Option<U>,
    }
    match format {
        Format::OpenAiChat => serde_json::from_slice::<Probe<openai_chat::wire::Usage>>(body)
            .ok()?
            .usage
            .map(|u| openai_chat::response::usage_to_canonical(&u)),
        Format::OpenAiResponses => {
            serde_json::from_slice::<Probe<openai_responses::wire::Usage>>(body)
                .ok()?
                .usage
                .map(|u| openai_responses::response::usage_to_canonical(&u))
        }
        Format::Anthropic => serde_json::from_slice::<Probe<anthropic::wire::Usage>>(body)
            .ok()?
            .usage
            .map(|u| anthropic::response::usage_to_canonical(&u)),
        Format::Gemini => serde_json::from_slice::<gemini::wire::GenerateResponse>(body)
            .ok()?
            .usage_metadata
            .map(|u| gemini::response::usage_to_canonical(&u)),
    }
}
