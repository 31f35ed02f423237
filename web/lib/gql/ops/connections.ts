import { graphql } from "@/lib/gql/generated";

export const ConnectionsQuery = graphql(`
  query Connections {
    connections {
      id
      provider
      kind
      label
      status
      baseUrl
      models
      reachableModels
      modelsRefreshedAt
      modelsError
      weight
      priority
      identityEmail
      planType
      tokenExpiresAt
      lastRefreshedAt
      lastError
      lastErrorAt
      nextAttemptAt
      lastUsedAt
      createdAt
      cooldowns {
        model
        until
        reason
        failures
      }
    }
    connectionLimits {
      providersUsed
      providersMax
      oauthAccountsUsed
      oauthAccountsMax
    }
    myPlan {
      plan {
        id
        name
      }
    }
  }
`);

export const AddApiKeyConnectionMutation = graphql(`
  mutation AddApiKeyConnection(
    $provider: ProviderName!
    $apiKey: String!
    $baseUrl: String
    $label: String
    $models: [String!]!
  ) {
    addApiKeyConnection(provider: $provider, apiKey: $apiKey, baseUrl: $baseUrl, label: $label, models: $models) {
      id
      label
    }
  }
`);

export const StartOAuthMutation = graphql(`
  mutation StartOAuth($provider: ProviderName!, $device: Boolean!, $label: String) {
    startOAuthConnection(provider: $provider, device: $device, label: $label) {
      flowId
      authorizeUrl
      userCode
      verificationUri
      verificationUriComplete
      intervalSecs
      expiresInSecs
    }
  }
`);

export const CompleteOAuthMutation = graphql(`
  mutation CompleteOAuth($flowId: UUID!, $pasted: String!) {
    completeOAuthConnection(flowId: $flowId, pasted: $pasted) {
      id
      label
    }
  }
`);

export const PollOAuthMutation = graphql(`
  mutation PollOAuth($flowId: UUID!) {
    pollOAuthConnection(flowId: $flowId) {
      connected
      intervalSecs
      connection {
        id
        label
      }
    }
  }
`);

export const ImportCredentialsMutation = graphql(`
  mutation ImportCredentials($provider: ProviderName!, $contents: String!, $label: String) {
    importCredentials(provider: $provider, contents: $contents, label: $label) {
      id
      label
    }
  }
`);

export const UpdateConnectionMutation = graphql(`
  mutation UpdateConnection($id: UUID!, $changes: ConnectionChanges!) {
    updateConnection(id: $id, changes: $changes) {
      id
      label
      status
      weight
      priority
      models
      lastError
      nextAttemptAt
    }
  }
`);

export const RefreshConnectionMutation = graphql(`
  mutation RefreshConnection($id: UUID!) {
    refreshConnection(id: $id) {
      id
      label
      status
      lastError
      lastRefreshedAt
      tokenExpiresAt
      nextAttemptAt
    }
  }
`);

/**
 * After a move to a smaller plan: the connections to keep using (they must fit the plan
 * together); every other one in use or paused is paused.
 */
export const KeepConnectionsMutation = graphql(`
  mutation KeepConnections($ids: [UUID!]!) {
    keepConnections(ids: $ids) {
      id
      status
    }
  }
`);

export const RemoveConnectionMutation = graphql(`
  mutation RemoveConnection($id: UUID!) {
    removeConnection(id: $id)
  }
`);
