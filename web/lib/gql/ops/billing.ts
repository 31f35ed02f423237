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
    subscriptionStatus {
      ...SubscriptionStatusFields
    }
  }
`);

/**
 * The paid period in force and what follows it (a renewal, a downgrade or the move to Free),
 * the next bill (with the renewal invoice once it is issued), and how many connections are
 * paused over the plan's caps. The plan-change mutations answer the same.
 */
export const SubscriptionStatusFields = graphql(`
  fragment SubscriptionStatusFields on SubscriptionStatus {
    plan {
      id
      name
      priceIdr
    }
    period {
      startsAt
      endsAt
      atEnd
      nextPlan {
        id
        name
        priceIdr
      }
    }
    nextBill {
      planId
      total
      dueAt
      invoice {
        id
        number
        status
        total
      }
    }
    pausedConnections
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
      credit
      creditDays
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
 * What paying for `plan` costs now: the price, an upgrade's credit for the unused days of the
 * running period, PPN and the total (null: not for sale online).
 */
export const CheckoutQuoteQuery = graphql(`
  query CheckoutQuote($plan: String!) {
    checkoutQuote(plan: $plan) {
      planId
      change
      price
      credit
      creditDays
      net
      taxBase
      ppn
      total
      invoiceNumber
    }
  }
`);

/** A cheaper plan when the paid period ends (`free` cancels; the current plan takes it back). */
export const ChangePlanAtPeriodEndMutation = graphql(`
  mutation ChangePlanAtPeriodEnd($plan: String!) {
    changePlanAtPeriodEnd(plan: $plan) {
      ...SubscriptionStatusFields
    }
  }
`);

/** No renewal: the account moves to Free when the paid period ends. */
export const CancelPlanMutation = graphql(`
  mutation CancelPlan {
    cancelPlan {
      ...SubscriptionStatusFields
    }
  }
`);

/** Takes back a cancel or a scheduled downgrade: the plan renews as before. */
export const ResumePlanMutation = graphql(`
  mutation ResumePlan {
    resumePlan {
      ...SubscriptionStatusFields
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
