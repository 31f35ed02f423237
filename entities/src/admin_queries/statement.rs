//! One statement, no more: the runner wraps the operator's SQL in `SELECT … FROM (sql)`, and a
//! `;` outside quotes and comments would let a second statement ride along. Postgres refuses
//! several commands in a prepared statement anyway; SQLite would run them, so this check (and
//! its read-only connection) is what stops it there. The quoting rules are SQLite's and the
//! SQL standard's; where Postgres reads differently (nested comments, dollar quotes,
//! backslash escapes) the check can only refuse more, never less.

/// `sql` without surrounding blanks and trailing semicolons, or why it cannot run.
pub fn one_statement(sql: &str) -> Result<&str, &'static str> {
    let sql = sql
        .trim()
        .trim_end_matches(|c: char| c == ';' || c.is_whitespace());
    if sql.is_empty() {
        return Err("The query is empty.");
    }
    if has_separator(sql) {
        return Err("A saved query is one SELECT statement: remove the `;` between statements.");
    }
    Ok(sql)
}

#[derive(Clone, Copy, PartialEq)]
enum Lex {
    Code,
    Quoted(u8),
    Bracket,
    LineComment,
    BlockComment,
}

fn has_separator(sql: &str) -> bool {
    let bytes = sql.as_bytes();
    let mut state = Lex::Code;
    let mut i = 0;
    while i < bytes.len() {
        let (b, next) = (bytes[i], bytes.get(i + 1).copied());
        state = match state {
            Lex::Code => match (b, next) {
                (b';', _) => return true,
                (b'\'' | b'"' | b'`', _) => Lex::Quoted(b),
                (b'[', _) => Lex::Bracket,
                (b'-', Some(b'-')) => {
                    i += 1;
                    Lex::LineComment
                }
                (b'/', Some(b'*')) => {
                    i += 1;
                    Lex::BlockComment
                }
                _ => Lex::Code,
            },
            // A doubled quote is the quote itself; the string goes on.
            Lex::Quoted(q) if b == q && next == Some(q) => {
                i += 1;
                state
            }
            Lex::Quoted(q) if b == q => Lex::Code,
            Lex::Bracket if b == b']' => Lex::Code,
            Lex::LineComment if b == b'\n' => Lex::Code,
            Lex::BlockComment if b == b'*' && next == Some(b'/') => {
                i += 1;
                Lex::Code
            }
            other => other,
        };
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_select_passes_with_its_trailing_semicolons_removed() {
        assert_eq!(one_statement(" SELECT 1 ;; \n"), Ok("SELECT 1"));
        assert_eq!(
            one_statement("SELECT ';' AS a, \"x;y\", [b;c], `d;` FROM t -- ; here\n"),
            Ok("SELECT ';' AS a, \"x;y\", [b;c], `d;` FROM t -- ; here")
        );
        assert_eq!(
            one_statement("SELECT 'it''s; fine' /* ; */"),
            Ok("SELECT 'it''s; fine' /* ; */")
        );
    }

    #[test]
    fn a_second_statement_is_refused() {
        for sql in [
            "SELECT 1; DELETE FROM users",
            "SELECT 'a''' ; DROP TABLE users",
            "SELECT 1 /* c */; UPDATE users SET email = ''",
            "SELECT 1 -- c\n; PRAGMA query_only = OFF",
            "SELECT [x]; SELECT 2",
        ] {
            assert!(one_statement(sql).is_err(), "{sql}");
        }
        assert!(one_statement("  ;  ").is_err());
    }
}
