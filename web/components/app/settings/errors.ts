/** The API's rules (api/src/graphql/passwords.rs, entities/src/users.rs), checked here first. */
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 200;
export const MAX_DISPLAY_NAME = 80;
