//! Every error leaves with a stable `code`, over HTTP and websockets alike: a schema extension
//! looks at each response (queries, mutations and every subscription item) before it is sent.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextRequest, NextSubscribe,
};
use async_graphql::{Response, ServerError};
use futures::StreamExt;
use futures::stream::BoxStream;

pub struct ErrorCodes;

impl ExtensionFactory for ErrorCodes {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ErrorCodes)
    }
}

#[async_trait::async_trait]
impl Extension for ErrorCodes {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut response = next.run(ctx).await;
        response.errors.iter_mut().for_each(with_code);
        response
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        next.run(ctx, stream)
            .map(|mut response| {
                response.errors.iter_mut().for_each(with_code);
                response
            })
            .boxed()
    }
}

/// Resolver errors without a code come from somewhere that should have mapped them: their
/// message may hold internals, so it is logged and replaced. Errors without a path are the
/// request's own (syntax, validation, limits) and keep their message.
fn with_code(error: &mut ServerError) {
    let has_code = error
        .extensions
        .as_ref()
        .is_some_and(|e| e.get("code").is_some());
    if has_code {
        return;
    }
    // async-graphql's own words for arguments it could not read (a null for a required
    // argument, a malformed scalar): the caller's input, not our failure.
    let bad_argument = ["Failed to parse", "Invalid value for argument"]
        .iter()
        .any(|p| error.message.starts_with(p));
    let code = if error.path.is_empty() {
        "GRAPHQL_VALIDATION_FAILED"
    } else if bad_argument {
        "BAD_USER_INPUT"
    } else {
        tracing::error!(message = %error.message, "resolver error without a code");
        error.message = "Something went wrong on our side; try again.".to_owned();
        "INTERNAL"
    };
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
}
