import { graphql } from "@/lib/gql/generated";

export const OverviewQuery = graphql(`
  query Overview($today: UsageRange!) {
    myPlan {
      plan {
        id
        name
        monthlyRequests
        maxProviders
        maxOauthAccounts
      }
      periodStart
      periodEnd
      requestsUsed
      requestsLimit
      providersUsed
      oauthAccountsUsed
    }
    today: usageSummary(range: $today) {
      totals {
        requests
        errors
      }
    }
    connections {
      id
      kind
      status
    }
    apiKeys {
      id
      status
    }
  }
`);

export const AccountValueQuery = graphql(`
  query AccountValue($range: UsageRange!) {
    usageSummary(range: $range, groupBy: ACCOUNT) {
      groups {
        group
        totals {
          requests
          costNanos
        }
      }
    }
  }
`);

export const RecentRequestsQuery = graphql(`
  query RecentRequests($first: Int!) {
    requestLogs(first: $first) {
      items {
        id
        createdAt
        model
        provider
        statusCode
        promptTokens
        completionTokens
        latencyMs
        costNanos
      }
    }
  }
`);

export const UsageEventsSubscription = graphql(`
  subscription UsageEvents {
    usageEvents {
      requestId
      apiKeyId
      accountId
      provider
      model
      endpoint
      status
      promptTokens
      completionTokens
      costNanos
      latencyMs
      createdAt
    }
  }
`);
