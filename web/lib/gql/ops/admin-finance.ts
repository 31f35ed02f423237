import { graphql } from "@/lib/gql/generated";

// The Finance page (section FINANCE): revenue figures, payments with their Midtrans
// notifications and refunds, and every invoice.

export const AdminFinanceQuery = graphql(`
  query AdminFinance($days: Int!) {
    adminFinance(days: $days) {
      mrrSeries {
        day
        mrrIdr
      }
      revenueByPlan {
        planId
        invoices
        netIdr
      }
      refundedIdr
      arpuIdr
      ltvEstimateIdr
    }
  }
`);

export const AdminPaymentFields = graphql(`
  fragment AdminPaymentFields on AdminPayment {
    orderId
    invoiceNumber
    userId
    email
    state
    grossAmount
    paymentType
    transactionId
    createdAt
    updatedAt
    notifications {
      transactionStatus
      receivedAt
      processedAt
      attempts
      lastError
    }
  }
`);

export const AdminPaymentsQuery = graphql(`
  query AdminPayments($filter: AdminPaymentFilter!, $first: Int!, $offset: Int!) {
    adminPayments(filter: $filter, first: $first, offset: $offset) {
      total
      items {
        ...AdminPaymentFields
      }
    }
  }
`);

/** The whole payment without `amount`; the plan it bought is taken back and a credit note issued. */
export const AdminRefundPaymentMutation = graphql(`
  mutation AdminRefundPayment($orderId: String!, $amount: Int, $reason: String!) {
    adminRefundPayment(orderId: $orderId, amount: $amount, reason: $reason) {
      ...AdminPaymentFields
    }
  }
`);

export const AdminInvoicesQuery = graphql(`
  query AdminInvoices($search: String, $first: Int!, $offset: Int!) {
    adminInvoices(search: $search, first: $first, offset: $offset) {
      total
      items {
        userId
        buyerEmail
        invoice {
          id
          number
          kind
          planId
          net
          ppn
          total
          status
          issuedAt
          paidAt
        }
      }
    }
  }
`);
