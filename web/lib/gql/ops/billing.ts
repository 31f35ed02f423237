import { graphql } from "@/lib/gql/generated";

/** The Billing page: the plan, this period's use of it, and every plan to compare. */
export const BillingQuery = graphql(`
  query Billing {
    myPlan {
      plan {
        id
        name
        priceIdr
        monthlyRequests
        maxOauthAccounts
        maxProviders
      }
      periodStart
      periodEnd
      requestsUsed
      requestsLimit
      requestsPerMinute
      tokensPerMinute
      providersUsed
      oauthAccountsUsed
    }
    plans {
      id
      name
      priceIdr
      monthlyRequests
      maxOauthAccounts
      maxProviders
      maxMembers
      requestsPerMinute
      tokensPerMinute
    }
  }
`);
