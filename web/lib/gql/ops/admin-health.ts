import { graphql } from "@/lib/gql/generated";

// The Health page (section HEALTH): the platform's and each provider's figures over three
// windows, connections in trouble, the queues' depths, and the running replicas.

export const AdminWindowStatsFields = graphql(`
  fragment AdminWindowStatsFields on WindowStats {
    requests
    errors
    successRate
    errorRate
    p50Ms
    p95Ms
    p99Ms
  }
`);

export const AdminHealthWindowsFields = graphql(`
  fragment AdminHealthWindowsFields on HealthWindows {
    last5m {
      ...AdminWindowStatsFields
    }
    last1h {
      ...AdminWindowStatsFields
    }
    last24h {
      ...AdminWindowStatsFields
    }
  }
`);

export const AdminHealthQuery = graphql(`
  query AdminHealth {
    adminHealth {
      platform {
        ...AdminHealthWindowsFields
      }
      providers {
        provider
        status
        windows {
          ...AdminHealthWindowsFields
        }
        connections
        expiredConnections
        failingConnections
        refreshFailures24H
      }
      queues {
        emailsQueued
        emailsFailed
        paymentNotifications
        slackNotices
        jobsPending
        jobsFailed
      }
      replicas {
        replicaId
        role
        usageQueueDepth
        usageQueueCapacity
        startedAt
        seenAt
        stale
      }
    }
  }
`);
