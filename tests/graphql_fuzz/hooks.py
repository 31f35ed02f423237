"""Checks schemathesis runs on every answer of /graphql (scripts/graphql-fuzz.sh): no 5xx, each
error has a code, none is INTERNAL (a fault), and no message shows Satu's insides.

Schemathesis' own `not_a_server_error` counts every GraphQL `errors` entry as a resolver
failure; Satu answers expected refusals (not signed in, bad input, not found) that way, with
a code, so these checks take its place."""
import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

# Satu's calendar days (`until: NaiveDate`): real days, and strings that are not days at all
# (refused as bad input, never a fault).
schemathesis.graphql.scalar(
    "NaiveDate",
    st.one_of(st.dates().map(lambda day: day.isoformat()), st.text(max_size=12)).map(nodes.String),
)

# What a message must never contain: database, panic and source-location words.
LEAKS = ("panicked", "sqlx", "sqlite", "postgres", "DbErr", "RUST_BACKTRACE", ".rs:", "stack backtrace")


@schemathesis.check
def no_server_error_status(ctx, response, case):
    if response.status_code >= 500:
        raise AssertionError(f"status {response.status_code}: {response.text[:300]!r}")


@schemathesis.check
def errors_have_codes_and_hide_internals(ctx, response, case):
    try:
        body = response.json()
    except ValueError:
        raise AssertionError(f"not JSON (status {response.status_code}): {response.text[:200]!r}")
    for error in (body or {}).get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        message = error.get("message") or ""
        if not code:
            raise AssertionError(f"an error without a code: {error}")
        if code == "INTERNAL":
            raise AssertionError(f"an internal error: {error}")
        leaked = [word for word in LEAKS if word.lower() in message.lower()]
        if leaked:
            raise AssertionError(f"the message shows {leaked}: {message[:300]}")
