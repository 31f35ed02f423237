//! People who signed up through the API, each with their own signed-in GraphQL client.

use uuid::Uuid;

use super::TestApp;
use super::graphql::Gql;

pub struct Person {
    pub gql: Gql,
    pub id: Uuid,
    pub email: String,
}

/// Signs a new person up (cookie session) and puts them on `plan`.
pub async fn signed_up(app: &TestApp, plan: &str) -> Person {
    let mut gql = Gql::new(&app.url(""));
    let email = format!("{}@example.com", Uuid::new_v4().simple());
    let user = gql.sign_up(app, &email).await;
    let id: Uuid = user["user"]["id"].as_str().unwrap().parse().unwrap();
    app.set_plan(id, plan).await;
    Person { gql, id, email }
}
