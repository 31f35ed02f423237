import { graphql } from "@/lib/gql/generated";

// The admin panel (web/components/admin): operators only. Everyone else is answered
// NOT_FOUND; an operator outside a section's roles, FORBIDDEN.

/** The signed-in operator and the sections their role opens: the panel's guard and nav. */
export const AdminMeQuery = graphql(`
  query AdminMe {
    adminMe {
      userId
      email
      role
      sections
    }
  }
`);

export const AdminOverviewQuery = graphql(`
  query AdminOverview {
    adminOverview {
      usersByPlan {
        planId
        users
      }
      mrrIdr
      activeSubscriptions
      churn {
        planId
        subscribersAtStart
        lost
        rate
      }
      requests {
        last24h
        last7d
        last30d
      }
      recentSignUps {
        ...AdminUserFields
      }
      recentPlanChanges {
        userId
        email
        fromPlan
        toPlan
        at
      }
    }
  }
`);

/** The plans' names, for labels and the plan picker. */
export const AdminPlansQuery = graphql(`
  query AdminPlans {
    plans {
      id
      name
    }
  }
`);

export const AdminUserFields = graphql(`
  fragment AdminUserFields on AdminUser {
    id
    email
    displayName
    planId
    platformRole
    emailVerified
    suspendedAt
    createdAt
    lastActiveAt
    mrrIdr
    extraRequests
    extraRequestsUntil
  }
`);

export const AdminUsersQuery = graphql(`
  query AdminUsers($filter: AdminUserFilter!, $first: Int!, $offset: Int!) {
    adminUsers(filter: $filter, first: $first, offset: $offset) {
      total
      items {
        ...AdminUserFields
      }
    }
  }
`);

export const AdminAuditFields = graphql(`
  fragment AdminAuditFields on AdminAuditEntry {
    id
    createdAt
    actorEmail
    actorRole
    action
    targetKind
    targetId
    targetLabel
    before
    after
    reason
    ip
  }
`);

/** One user whole; every action that changes the user answers the same. */
export const AdminUserDetailFields = graphql(`
  fragment AdminUserDetailFields on AdminUserDetail {
    user {
      ...AdminUserFields
    }
    locale
    signsInWithGoogle
    connections {
      id
      provider
      kind
      label
      status
      createdAt
      lastUsedAt
      lastErrorAt
      tokenExpiresAt
    }
    usage30d {
      requests
      errors
      costUsd
    }
    invoices {
      id
      number
      kind
      description
      total
      status
      issuedAt
      paidAt
    }
    periods {
      id
      planId
      startsAt
      endsAt
      revokedAt
      lapsedAt
    }
    teams {
      teamId
      name
      planId
      role
    }
    audit {
      ...AdminAuditFields
    }
  }
`);

export const AdminUserQuery = graphql(`
  query AdminUser($id: UUID!) {
    adminUser(id: $id) {
      ...AdminUserDetailFields
    }
  }
`);

export const AdminSuspendUserMutation = graphql(`
  mutation AdminSuspendUser($id: UUID!, $reason: String!) {
    adminSuspendUser(id: $id, reason: $reason) {
      ...AdminUserDetailFields
    }
  }
`);

export const AdminUnsuspendUserMutation = graphql(`
  mutation AdminUnsuspendUser($id: UUID!, $reason: String!) {
    adminUnsuspendUser(id: $id, reason: $reason) {
      ...AdminUserDetailFields
    }
  }
`);

/** A plan from now on, or (with `until`, a day in WIB) a comp that lapses like a paid month. */
export const AdminSetUserPlanMutation = graphql(`
  mutation AdminSetUserPlan($id: UUID!, $planId: String!, $until: NaiveDate, $reason: String!) {
    adminSetUserPlan(id: $id, planId: $planId, until: $until, reason: $reason) {
      ...AdminUserDetailFields
    }
  }
`);

export const AdminExtendPeriodMutation = graphql(`
  mutation AdminExtendPeriod($id: UUID!, $until: NaiveDate!, $reason: String!) {
    adminExtendPeriod(id: $id, until: $until, reason: $reason) {
      ...AdminUserDetailFields
    }
  }
`);

export const AdminGrantRequestsMutation = graphql(`
  mutation AdminGrantRequests($id: UUID!, $requests: Int!, $reason: String!) {
    adminGrantRequests(id: $id, requests: $requests, reason: $reason) {
      ...AdminUserDetailFields
    }
  }
`);

/** Answers how many sessions ended. */
export const AdminSignOutUserMutation = graphql(`
  mutation AdminSignOutUser($id: UUID!, $reason: String!) {
    adminSignOutUser(id: $id, reason: $reason)
  }
`);

/** False when the address was verified already (nothing is mailed). */
export const AdminResendVerificationMutation = graphql(`
  mutation AdminResendVerification($id: UUID!, $reason: String!) {
    adminResendVerification(id: $id, reason: $reason)
  }
`);

export const AdminAuditQuery = graphql(`
  query AdminAudit($filter: AdminAuditFilter!, $before: Int, $first: Int!) {
    adminAudit(filter: $filter, before: $before, first: $first) {
      items {
        ...AdminAuditFields
      }
      nextBefore
    }
  }
`);
