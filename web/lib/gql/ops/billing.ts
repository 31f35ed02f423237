import { graphql } from "@/lib/gql/generated";

/**
 * The Billing page: the plan, this period's use of it, every plan to compare, and whether
 * this server takes payments online (a Midtrans key is configured).
 */
export const BillingQuery = graphql(`
  query Billing {
    billingEnabled
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

/** Invoices and credit notes, and every payment attempt, newest first. */
export const BillingHistoryQuery = graphql(`
  query BillingHistory {
    invoices {
      id
      number
      kind
      planId
      description
      net
      taxBase
      ppn
      total
      status
      issuedAt
      dueAt
      paidAt
      paidMethod
    }
    payments {
      orderId
      state
      amount
      paymentType
      createdAt
      updatedAt
    }
  }
`);

/** An invoice for `plan` and a Midtrans Snap page to pay it on (`redirectUrl`). */
export const StartCheckoutMutation = graphql(`
  mutation StartCheckout($plan: String!) {
    startCheckout(plan: $plan) {
      orderId
      invoiceNumber
      total
      redirectUrl
      token
    }
  }
`);

/**
 * One of the user's payments by the order id Snap's return address carries (null: none of
 * theirs). Polled after the return: the query string itself is never trusted.
 */
export const PaymentStatusQuery = graphql(`
  query PaymentStatus($orderId: String!) {
    payment(orderId: $orderId) {
      orderId
      state
      amount
      paymentType
      createdAt
      updatedAt
    }
  }
`);
