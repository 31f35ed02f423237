//! The Content-Security-Policy of each page of the web export. The static export boots React
//! with inline scripts (`self.__next_f.push(…)`, the theme set before paint); rather than let
//! any inline script run (`'unsafe-inline'`), each page's own inline scripts are hashed when
//! Satu starts and only those may run. A script injected into a page (XSS) matches no hash.

use std::collections::HashMap;
use std::path::Path;

use axum::http::{HeaderValue, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// Everything but the scripts: the same for every page.
const REST: &str = "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/// Policies by page, keyed by the file's path below the export (`id/app/index.html`).
pub struct PagePolicies {
    by_file: HashMap<String, HeaderValue>,
    /// For answers that are not one of the export's pages (assets, files added later).
    fallback: HeaderValue,
}

impl PagePolicies {
    /// Reads every `.html` file below `dir`. Pages that cannot be read get the fallback.
    pub fn load(dir: &Path) -> Self {
        let mut by_file = HashMap::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(folder) = pending.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "html")
                    && let (Ok(html), Ok(relative)) =
                        (std::fs::read_to_string(&path), path.strip_prefix(dir))
                    && let Ok(value) = HeaderValue::try_from(policy(&inline_scripts(&html)))
                {
                    by_file.insert(relative.to_string_lossy().into_owned(), value);
                }
            }
        }
        Self {
            by_file,
            fallback: HeaderValue::from_static(FALLBACK),
        }
    }

    /// The policy of the page answering `path` with `status` (the export's 404 page for
    /// unknown paths).
    pub fn for_request(&self, path: &str, status: StatusCode) -> &HeaderValue {
        let file = if status == StatusCode::NOT_FOUND {
            "404.html".to_owned()
        } else {
            let path = path.trim_start_matches('/');
            if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_owned()
            }
        };
        self.by_file.get(&file).unwrap_or(&self.fallback)
    }
}

/// No inline script at all: for anything that is not a known page.
const FALLBACK: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
base-uri 'self'; form-action 'self'; object-src 'none'";

fn policy(scripts: &[&str]) -> String {
    let mut hashes = String::new();
    for script in scripts {
        let digest = Sha256::digest(script.as_bytes());
        hashes.push_str(" 'sha256-");
        hashes.push_str(&STANDARD.encode(digest));
        hashes.push('\'');
    }
    format!("default-src 'self'; script-src 'self'{hashes}; {REST}")
}

/// The bodies of the page's inline `<script>` elements (those without `src`).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start + "<script".len()..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let attributes = &after[..tag_end];
        let body_and_rest = &after[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !attributes.contains("src=") {
            scripts.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close + "</script>".len()..];
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script><script>!function(){document.documentElement.dataset.theme="dark"}()</script></head><body><script>self.__next_f.push([1,"x"])</script></body></html>"#;

    #[test]
    fn inline_scripts_are_found_and_hashed() {
        let scripts = inline_scripts(PAGE);
        assert_eq!(
            scripts,
            [
                r#"!function(){document.documentElement.dataset.theme="dark"}()"#,
                r#"self.__next_f.push([1,"x"])"#
            ]
        );
        let policy = policy(&scripts);
        assert_eq!(policy.matches("'sha256-").count(), 2);
        let script_src = policy.split("; ").find(|d| d.starts_with("script-src"));
        assert!(!script_src.unwrap().contains("unsafe-inline"), "{policy}");
        // The hash CSP expects: base64 of the SHA-256 of the script's exact text.
        let expected = STANDARD.encode(Sha256::digest(scripts[1].as_bytes()));
        assert!(policy.contains(&format!("'sha256-{expected}'")));
    }

    #[test]
    fn pages_are_found_by_the_paths_that_serve_them() {
        let dir = std::env::temp_dir().join(format!("satu-csp-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("id/app")).unwrap();
        std::fs::write(dir.join("index.html"), "<script>a()</script>").unwrap();
        std::fs::write(dir.join("id/app/index.html"), "<script>b()</script>").unwrap();
        std::fs::write(dir.join("404.html"), "<script>c()</script>").unwrap();
        let policies = PagePolicies::load(&dir);
        let hash = |s: &str| STANDARD.encode(Sha256::digest(s.as_bytes()));
        let of = |path, status| {
            policies
                .for_request(path, status)
                .to_str()
                .unwrap()
                .to_owned()
        };
        assert!(of("/", StatusCode::OK).contains(&hash("a()")));
        assert!(of("/id/app/", StatusCode::OK).contains(&hash("b()")));
        assert!(of("/nope/", StatusCode::NOT_FOUND).contains(&hash("c()")));
        assert_eq!(of("/_next/static/x.js", StatusCode::OK), FALLBACK);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
