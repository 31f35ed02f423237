import { graphql } from "@/lib/gql/generated";

// The Analytics page (section ANALYTICS): the sign-up funnel, weekly cohorts, and which
// providers and models are used.

export const AdminAnalyticsQuery = graphql(`
  query AdminAnalytics($days: Int!, $weeks: Int!) {
    adminAnalytics(days: $days, weeks: $weeks) {
      funnel {
        signedUp
        connected
        requested
        paid
      }
      cohorts {
        weekStart
        users
        activeByWeek
      }
      providers {
        name
        requests
      }
      models {
        name
        requests
      }
    }
  }
`);
