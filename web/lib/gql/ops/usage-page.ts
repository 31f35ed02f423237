import { graphql } from "@/lib/gql/generated";

// The Usage page (web/components/app/usage). The overview's documents are in ops/usage.ts.

/** What the filter selects offer: keys, connections, and the providers and models seen in the range. */
export const UsageFilterOptionsQuery = graphql(`
  query UsageFilterOptions($range: UsageRange!) {
    apiKeys {
      id
      name
      status
    }
    connections {
      id
      label
      provider
    }
    currentTeam {
      id
      members {
        userId
        email
        displayName
      }
    }
    providers: usageSummary(range: $range, groupBy: PROVIDER) {
      groups {
        group
        label
      }
    }
    models: usageSummary(range: $range, groupBy: MODEL) {
      groups {
        group
        label
      }
    }
  }
`);

export const UsagePageSummaryQuery = graphql(`
  query UsagePageSummary($range: UsageRange!, $filter: UsageFilter, $groupBy: UsageGroup!) {
    summary: usageSummary(range: $range, filter: $filter) {
      from
      to
      totals {
        requests
        errors
        promptTokens
        completionTokens
        cachedTokens
        reasoningTokens
        costNanos
        latencyMsP50
        latencyMsP95
      }
    }
    byProvider: usageSummary(range: $range, groupBy: PROVIDER, filter: $filter) {
      groups {
        group
        label
        totals {
          requests
          costNanos
        }
      }
    }
    byModel: usageSummary(range: $range, groupBy: MODEL, filter: $filter) {
      groups {
        group
        label
        totals {
          requests
          costNanos
        }
      }
    }
    breakdown: usageSummary(range: $range, groupBy: $groupBy, filter: $filter) {
      groups {
        group
        label
        totals {
          requests
          errors
          promptTokens
          completionTokens
          cachedTokens
          costNanos
          latencyMsP50
          latencyMsP95
        }
      }
    }
  }
`);

export const UsagePageSeriesQuery = graphql(`
  query UsagePageSeries(
    $range: UsageRange!
    $bucket: UsageBucket!
    $groupBy: UsageGroup!
    $filter: UsageFilter
    $utcOffsetMinutes: Int!
  ) {
    grouped: usageSeries(range: $range, bucket: $bucket, groupBy: $groupBy, filter: $filter, utcOffsetMinutes: $utcOffsetMinutes) {
      from
      to
      bucket
      series {
        group
        label
        points {
          at
          totals {
            requests
          }
        }
      }
    }
    overall: usageSeries(range: $range, bucket: $bucket, filter: $filter, utcOffsetMinutes: $utcOffsetMinutes) {
      series {
        points {
          at
          totals {
            requests
            errors
            promptTokens
            completionTokens
            cachedTokens
            costNanos
            latencyMsP50
            latencyMsP95
          }
        }
      }
    }
  }
`);

export const UsageRequestLogsQuery = graphql(`
  query UsageRequestLogs($filter: RequestLogFilter, $first: Int!, $after: String) {
    requestLogs(filter: $filter, first: $first, after: $after) {
      nextCursor
      items {
        id
        createdAt
        model
        provider
        apiKeyId
        memberId
        accountId
        statusCode
        errorKind
        promptTokens
        completionTokens
        latencyMs
        ttftMs
        costNanos
      }
    }
  }
`);

export const UsageRequestLogQuery = graphql(`
  query UsageRequestLog($id: UUID!) {
    requestLog(id: $id) {
      id
      createdAt
      model
      provider
      apiKeyId
      accountId
      endpoint
      stream
      statusCode
      errorKind
      promptTokens
      completionTokens
      cachedTokens
      reasoningTokens
      costNanos
      costUsd
      latencyMs
      ttftMs
    }
  }
`);
