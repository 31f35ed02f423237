//! How exported request logs are written: CSV (RFC 4180, one header line) or a JSON array whose
//! items have the fields of GraphQL's `RequestLog`.

use std::fmt::Write;

use entities::usage_events;
use serde::Deserialize;

use super::usage_types::RequestLog;

#[derive(Deserialize, Debug, Clone, Copy, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Csv,
    Json,
}

impl Format {
    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

pub const CSV_COLUMNS: &str = "created_at,request_id,model,provider,api_key_id,account_id,\
endpoint,stream,status_code,error_kind,prompt_tokens,completion_tokens,cached_tokens,\
reasoning_tokens,cost_usd,latency_ms,ttft_ms,member_id";

pub fn header_row(format: Format) -> String {
    match format {
        Format::Csv => format!("{CSV_COLUMNS}\r\n"),
        Format::Json => "[".to_owned(),
    }
}

pub fn footer(format: Format) -> String {
    match format {
        Format::Csv => String::new(),
        Format::Json => "\n]\n".to_owned(),
    }
}

/// A page of rows; `first` tells whether it is the export's first page (no leading comma).
pub fn rows(format: Format, rows: &[usage_events::Model], first: bool) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        match format {
            Format::Csv => csv_row(&mut out, row),
            Format::Json => {
                out.push_str(if first && i == 0 { "\n" } else { ",\n" });
                // Serialising plain fields cannot fail; an empty object would show if it did.
                let json = serde_json::to_string(&RequestLog::from(row))
                    .unwrap_or_else(|_| "{}".to_owned());
                out.push_str(&json);
            }
        }
    }
    out
}

fn csv_row(out: &mut String, e: &usage_events::Model) {
    let text = |v: Option<String>| v.map(|s| csv_cell(&s)).unwrap_or_default();
    let cells = [
        e.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        e.request_id.to_string(),
        csv_cell(&e.model),
        text(e.provider.clone()),
        text(e.api_key_id.map(|id| id.to_string())),
        text(e.account_id.map(|id| id.to_string())),
        csv_cell(&e.endpoint),
        e.stream.to_string(),
        e.status_code.to_string(),
        text(e.error_kind.clone()),
        e.prompt_tokens.to_string(),
        e.completion_tokens.to_string(),
        e.cached_tokens.to_string(),
        e.reasoning_tokens.to_string(),
        usd_decimal(e.cost_nanos),
        e.latency_ms.to_string(),
        e.ttft_ms.map(|t| t.to_string()).unwrap_or_default(),
        // In a team, the member whose key sent it.
        text(e.team_id.and(e.user_id).map(|id| id.to_string())),
    ];
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Quotes a cell when it holds a separator, quote or line break, and defuses text a spreadsheet
/// would run as a formula (model names are whatever the client sent).
pub(super) fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Exact dollars from nano-dollars (a float would print 4.5e-6 as 0.0000045000000000000003).
fn usd_decimal(nanos: i64) -> String {
    let mut out = String::new();
    let sign = if nanos < 0 { "-" } else { "" };
    let abs = nanos.unsigned_abs();
    let _ = write!(
        out,
        "{sign}{}.{:09}",
        abs / 1_000_000_000,
        abs % 1_000_000_000
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("gpt-4o"), "gpt-4o");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("=1,2"), "\"'=1,2\"");
    }

    #[test]
    fn dollars_are_exact() {
        assert_eq!(usd_decimal(4_500), "0.000004500");
        assert_eq!(usd_decimal(12_000_000_001), "12.000000001");
        assert_eq!(usd_decimal(0), "0.000000000");
    }
}
