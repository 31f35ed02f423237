import { graphql } from "@/lib/gql/generated";

// The Logs page (section LOGS): upstream errors, refusals, OAuth failures and security events,
// newest first, a page at a time by time.

export const AdminLogsQuery = graphql(`
  query AdminLogs($kind: AdminLogKind!, $provider: String, $before: DateTime, $first: Int!) {
    adminLogs(kind: $kind, provider: $provider, before: $before, first: $first) {
      items {
        at
        kind
        userId
        email
        provider
        model
        statusCode
        detail
        ip
        requestId
      }
      nextBefore
    }
  }
`);
