//! Where configuration values come from: the TOML file, merged over the defaults, then the
//! environment (`SATU__SECTION__KEY`, `_FILE` for secrets, the conventional short forms).

use std::path::Path;

use super::{ConfigError, invalid};

pub(super) fn read_file(path: &Path) -> Result<toml::Table, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::ReadFile {
        path: path.to_owned(),
        source,
    })?;
    text.parse::<toml::Table>().map_err(|e| ConfigError::Toml {
        path: path.to_owned(),
        message: e.message().to_owned(),
    })
}

pub(super) fn merge(into: &mut toml::Table, from: toml::Table) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (Some(toml::Value::Table(existing)), toml::Value::Table(incoming)) => {
                merge(existing, incoming)
            }
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}

pub(super) fn apply_env(
    tree: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    let mut conventional = Vec::new();
    let mut explicit = Vec::new();
    for (var, value) in env {
        match var.as_str() {
            "DATABASE_URL" => {
                conventional.push((vec!["database".into(), "url".into()], string(value)))
            }
            "REDIS_URL" => conventional.push((vec!["redis".into(), "url".into()], string(value))),
            _ => {
                if let Some(rest) = var.strip_prefix("SATU__") {
                    explicit.push(env_entry(&var, rest, value)?);
                }
            }
        }
    }
    // SATU__… wins over the conventional short forms.
    for (path, value) in conventional.into_iter().chain(explicit) {
        set_path(tree, &path, value);
    }
    Ok(())
}

fn env_entry(
    var: &str,
    rest: &str,
    value: String,
) -> Result<(Vec<String>, toml::Value), ConfigError> {
    let (rest, value) = match rest.strip_suffix("_FILE") {
        Some(base) => {
            let content =
                std::fs::read_to_string(&value).map_err(|source| ConfigError::SecretFile {
                    var: var.to_owned(),
                    path: value.clone(),
                    source,
                })?;
            (base, string(content.trim().to_owned()))
        }
        None => (rest, typed(&value)),
    };
    let path: Vec<String> = rest.split("__").map(str::to_lowercase).collect();
    if path.iter().any(String::is_empty) {
        return Err(invalid(var, "malformed variable name (empty section)"));
    }
    Ok((path, value))
}

fn string(value: String) -> toml::Value {
    toml::Value::String(value)
}

/// Environment values are strings; booleans, integers, floats and `[…]` arrays are recognised
/// so they reach typed settings. Quote a value ('"123"') to force a string.
fn typed(raw: &str) -> toml::Value {
    let raw = raw.trim();
    match raw {
        "true" => return toml::Value::Boolean(true),
        "false" => return toml::Value::Boolean(false),
        _ => {}
    }
    if let Ok(i) = raw.parse::<i64>() {
        return toml::Value::Integer(i);
    }
    if raw.contains('.')
        && raw
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && let Ok(f) = raw.parse::<f64>()
    {
        return toml::Value::Float(f);
    }
    if (raw.starts_with('[') || raw.starts_with('"'))
        && let Ok(table) = format!("v = {raw}").parse::<toml::Table>()
        && let Some(v) = table.get("v")
    {
        return v.clone();
    }
    toml::Value::String(raw.to_owned())
}

fn set_path(tree: &mut toml::Table, path: &[String], value: toml::Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut node = tree;
    for key in parents {
        let entry = node
            .entry(key.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if !entry.is_table() {
            *entry = toml::Value::Table(toml::Table::new());
        }
        let toml::Value::Table(next) = entry else {
            return;
        };
        node = next;
    }
    node.insert(last.clone(), value);
}
