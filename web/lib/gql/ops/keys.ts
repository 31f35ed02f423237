import { graphql } from "@/lib/gql/generated";

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      userId
      name
      prefix
      status
      createdAt
      lastUsedAt
      revokedAt
      rpmLimit
      tpmLimit
    }
    currentTeam {
      id
      members {
        userId
        email
        displayName
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!) {
    createApiKey(name: $name) {
      secret
      key {
        id
        name
        prefix
      }
    }
  }
`);

export const RotateApiKeyMutation = graphql(`
  mutation RotateApiKey($id: UUID!) {
    rotateApiKey(id: $id) {
      secret
      key {
        id
        name
        prefix
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: UUID!) {
    revokeApiKey(id: $id) {
      id
      status
    }
  }
`);

/** The first model the user's connections serve, for the snippets. */
export const ModelsForSnippetsQuery = graphql(`
  query ModelsForSnippets {
    models {
      id
    }
  }
`);
