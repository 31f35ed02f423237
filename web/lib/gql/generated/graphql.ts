/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AdminAuditFilter = {
  /** `user.suspended`, `user.plan_changed`, … */
  action?: string | null | undefined;
  actorId?: string | null | undefined;
  /** Entries about this target (a user id, an order id). */
  targetId?: string | null | undefined;
  /** Part of the actor's email, the target's name or the reason. */
  text?: string | null | undefined;
};

export type AdminLogKind =
  | 'OAUTH_FAILURES'
  | 'REFUSALS'
  /** Failed sign-ins, lockouts, refused payment notifications, suspended keys in use. */
  | 'SECURITY'
  | 'UPSTREAM_ERRORS';

export type AdminPaymentFilter = {
  /** Part of the order id, the invoice number or the buyer's email. */
  search?: string | null | undefined;
  /**
   * Payment states to show (all when empty): `expired` and `failed` are the ones to follow
   * up.
   */
  states?: Array<string>;
};

/** The panel's sections; each admin field and mutation belongs to one. */
export type AdminSection =
  | 'ANALYTICS'
  | 'FINANCE'
  | 'HEALTH'
  | 'IMPERSONATION'
  | 'LOGS'
  | 'OVERVIEW'
  | 'SAVED_QUERIES'
  | 'USERS';

export type AdminUserFilter = {
  planId?: string | null | undefined;
  /** Part of the email, or a whole user id. */
  search?: string | null | undefined;
  sort?: AdminUserSort;
  status?: AdminUserStatus;
};

export type AdminUserSort =
  | 'EMAIL'
  | 'NEWEST'
  | 'OLDEST';

export type AdminUserStatus =
  | 'ACTIVE'
  | 'ANY'
  | 'SUSPENDED'
  | 'UNVERIFIED';

export type ConnectionChanges = {
  enabled?: boolean | null | undefined;
  label?: string | null | undefined;
  /** Models it serves; an empty list: the provider's catalog. */
  models?: Array<string> | null | undefined;
  priority?: number | null | undefined;
  weight?: number | null | undefined;
};

export type ConnectionKind =
  | 'API_KEY'
  | 'OAUTH';

export type ConnectionStatus =
  | 'ACTIVE'
  | 'DISABLED'
  | 'ERROR'
  | 'EXPIRED'
  /** Kept but not used: over the plan's connection caps. */
  | 'PAUSED'
  | 'REFRESHING'
  | 'REVOKED';

export type KeyStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

/** What happens when the paid period ends. */
export type PeriodEnd =
  /** The plan ends and the account moves to Free. */
  | 'CANCEL'
  /** A cheaper plan follows (its invoice comes 7 days before). */
  | 'DOWNGRADE'
  /** The plan renews for another month (its invoice comes 7 days before). */
  | 'RENEW';

export type PlanChange =
  /** The plan you are on (payable only through its open renewal invoice). */
  | 'CURRENT'
  /** Costs less: takes effect when the period ends (`changePlanAtPeriodEnd`). */
  | 'DOWNGRADE'
  /** No paid period runs: the plan starts at payment. */
  | 'START'
  /** Costs more: starts at payment, the current period's unused days credited. */
  | 'UPGRADE';

/** A platform role, as stored on `users.platform_role`. */
export type PlatformRole =
  | 'FINANCE'
  | 'SUPER_ADMIN'
  | 'SUPPORT';

export type ProviderHealth =
  | 'DEGRADED'
  | 'DOWN'
  | 'HEALTHY'
  /** Too few requests lately to judge. */
  | 'IDLE';

export type ProviderName =
  | 'ANTHROPIC'
  | 'GEMINI'
  | 'OPENAI'
  | 'OPENAI_COMPATIBLE'
  | 'QWEN';

/** The usage filter plus status and a time window `[from, to)`. */
export type RequestLogFilter = {
  accountId?: string | null | undefined;
  apiKeyId?: string | null | undefined;
  from?: string | null | undefined;
  memberId?: string | null | undefined;
  model?: string | null | undefined;
  provider?: string | null | undefined;
  status?: RequestStatus | null | undefined;
  to?: string | null | undefined;
};

export type RequestStatus =
  /** Status 400 or above, or failed on the way. */
  | 'ERROR'
  /** Answered without error. */
  | 'OK';

export type RoutingInput = {
  /**
   * Send requests for a retired model to its replacement (answer header
   * `x-satu-model-replaced`) instead of refusing them with the replacement's name.
   */
  followModelReplacements?: boolean;
  rules: Array<RuleInput>;
  /** Keep one conversation on one account (provider prompt caches stay warm). */
  sessionAffinity: boolean;
  strategy: Strategy;
};

export type RuleInput = {
  /** A model name; `*` matches any run of characters (`claude-*`). */
  pattern: string;
  /** Overrides the default strategy for this rule. */
  strategy?: Strategy | null | undefined;
  targets: Array<TargetInput>;
};

export type SavedQueryInput = {
  description?: string;
  /** The query to rewrite; a new one without it. */
  id?: string | null | undefined;
  name: string;
  sql: string;
};

export type Strategy =
  | 'CHEAPEST'
  | 'FASTEST'
  | 'FILL_FIRST'
  | 'PRIORITY'
  | 'ROUND_ROBIN'
  | 'WEIGHTED';

export type TargetInput = {
  /** One of your connections; null: any of yours that serves it. */
  account?: string | null | undefined;
  model: string;
  /**
   * `openai`, `anthropic`, `gemini`, `qwen` or `openai-compatible`; null: any provider
   * serving the model.
   */
  provider?: string | null | undefined;
};

export type TeamRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

export type UsageBucket =
  | 'DAY'
  | 'HOUR';

/**
 * Narrows usage to one model, provider, API key or connection (your own: another id is
 * "not found").
 */
export type UsageFilter = {
  accountId?: string | null | undefined;
  apiKeyId?: string | null | undefined;
  /** A team member's requests (in a team workspace). */
  memberId?: string | null | undefined;
  model?: string | null | undefined;
  provider?: string | null | undefined;
};

export type UsageGroup =
  | 'ACCOUNT'
  | 'API_KEY'
  /** Team members (in a team workspace): each member's keys together. */
  | 'MEMBER'
  | 'MODEL'
  | 'PROVIDER';

/**
 * A preset, or a custom `from`/`to` (both, `from` before `to`, at most 400 days apart).
 * Ranges are whole hours: `from` rounds down, `to` up.
 */
export type UsageRange = {
  from?: string | null | undefined;
  preset?: UsageRangePreset | null | undefined;
  to?: string | null | undefined;
};

export type UsageRangePreset =
  | 'LAST_7D'
  | 'LAST_24H'
  | 'LAST_30D';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string | null, locale: string | null, planId: string, emailVerified: boolean, createdAt: string, hasPassword: boolean, notifications: { quota80: boolean, quota100: boolean, connectionExpired: boolean } } };

export type ServerInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerInfoQuery = { serverInfo: { publicUrl: string, googleSignIn: boolean, idrPerUsd: number } };

export type SignUpMutationVariables = Exact<{
  email: string;
  password: string;
  displayName?: string | null | undefined;
  locale?: string | null | undefined;
}>;


export type SignUpMutation = { signUp: boolean };

export type SignUpEmailQueryVariables = Exact<{
  token: string;
}>;


export type SignUpEmailQuery = { signUpEmail: string | null };

export type CompleteSignUpMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type CompleteSignUpMutation = { completeSignUp: { csrfToken: string | null, user: { id: string, locale: string | null } } };

export type LogInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LogInMutation = { logIn: { csrfToken: string | null, user: { id: string, locale: string | null } } };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { logOut: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
  revokeApiKeys: boolean;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail: boolean };

export type ResendVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type ResendVerificationMutation = { resendVerificationEmail: boolean };

export type StartGoogleMutationVariables = Exact<{ [key: string]: never; }>;


export type StartGoogleMutation = { startGoogleSignIn: { authorizeUrl: string } };

export type CompleteGoogleMutationVariables = Exact<{
  code: string;
  state: string;
}>;


export type CompleteGoogleMutation = { completeGoogleSignIn: { csrfToken: string | null, user: { id: string } } };

export type AdminAnalyticsQueryVariables = Exact<{
  days: number;
  weeks: number;
}>;


export type AdminAnalyticsQuery = { adminAnalytics: { funnel: { signedUp: number, connected: number, requested: number, paid: number }, cohorts: Array<{ weekStart: string, users: number, activeByWeek: Array<number> }>, providers: Array<{ name: string, requests: number }>, models: Array<{ name: string, requests: number }> } };

export type AdminFinanceQueryVariables = Exact<{
  days: number;
}>;


export type AdminFinanceQuery = { adminFinance: { refundedIdr: number, arpuIdr: number, ltvEstimateIdr: number | null, mrrSeries: Array<{ day: string, mrrIdr: number }>, revenueByPlan: Array<{ planId: string, invoices: number, netIdr: number }> } };

export type AdminPaymentFieldsFragment = { orderId: string, invoiceNumber: string | null, userId: string, email: string | null, state: string, grossAmount: number, paymentType: string | null, transactionId: string | null, createdAt: string, updatedAt: string, notifications: Array<{ transactionStatus: string, receivedAt: string, processedAt: string | null, attempts: number, lastError: string | null }> };

export type AdminPaymentsQueryVariables = Exact<{
  filter: AdminPaymentFilter;
  first: number;
  offset: number;
}>;


export type AdminPaymentsQuery = { adminPayments: { total: number, items: Array<{ orderId: string, invoiceNumber: string | null, userId: string, email: string | null, state: string, grossAmount: number, paymentType: string | null, transactionId: string | null, createdAt: string, updatedAt: string, notifications: Array<{ transactionStatus: string, receivedAt: string, processedAt: string | null, attempts: number, lastError: string | null }> }> } };

export type AdminRefundPaymentMutationVariables = Exact<{
  orderId: string;
  amount?: number | null | undefined;
  reason: string;
}>;


export type AdminRefundPaymentMutation = { adminRefundPayment: { orderId: string, invoiceNumber: string | null, userId: string, email: string | null, state: string, grossAmount: number, paymentType: string | null, transactionId: string | null, createdAt: string, updatedAt: string, notifications: Array<{ transactionStatus: string, receivedAt: string, processedAt: string | null, attempts: number, lastError: string | null }> } };

export type AdminInvoicesQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
  offset: number;
}>;


export type AdminInvoicesQuery = { adminInvoices: { total: number, items: Array<{ userId: string, buyerEmail: string, invoice: { id: string, number: string, kind: string, planId: string | null, net: number, ppn: number, total: number, status: string, issuedAt: string, paidAt: string | null } }> } };

export type AdminWindowStatsFieldsFragment = { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null };

export type AdminHealthWindowsFieldsFragment = { last5m: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null }, last1h: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null }, last24h: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null } };

export type AdminHealthQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminHealthQuery = { adminHealth: { platform: { last5m: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null }, last1h: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null }, last24h: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null } }, providers: Array<{ provider: string, status: ProviderHealth, connections: number, expiredConnections: number, failingConnections: number, refreshFailures24H: number, windows: { last5m: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null }, last1h: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null }, last24h: { requests: number, errors: number, successRate: number | null, errorRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null } } }>, queues: { emailsQueued: number, emailsFailed: number, paymentNotifications: number, slackNotices: number, jobsPending: number | null, jobsFailed: number | null }, replicas: Array<{ replicaId: string, role: string, usageQueueDepth: number, usageQueueCapacity: number, startedAt: string, seenAt: string, stale: boolean }> } };

export type AdminStartImpersonationMutationVariables = Exact<{
  userId: string;
  reason: string;
}>;


export type AdminStartImpersonationMutation = { adminStartImpersonation: { id: string, userId: string, userEmail: string, startedAt: string, expiresAt: string, token: string | null } };

export type AdminEndImpersonationMutationVariables = Exact<{
  id: string;
}>;


export type AdminEndImpersonationMutation = { adminEndImpersonation: boolean };

export type AdminLiveCountersSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AdminLiveCountersSubscription = { adminLiveCounters: { users: number, signUps24h: number, activeSubscriptions: number, mrrIdr: number, requests24h: number, errors24h: number, at: string } };

export type AdminLogsQueryVariables = Exact<{
  kind: AdminLogKind;
  provider?: string | null | undefined;
  before?: string | null | undefined;
  first: number;
}>;


export type AdminLogsQuery = { adminLogs: { nextBefore: string | null, items: Array<{ at: string, kind: string, userId: string | null, email: string | null, provider: string | null, model: string | null, statusCode: number | null, detail: string | null, ip: string | null, requestId: string | null }> } };

export type SavedQueryFieldsFragment = { id: string, name: string, description: string, sql: string, updatedBy: string, createdAt: string, updatedAt: string };

export type AdminSavedQueriesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminSavedQueriesQuery = { adminSavedQueries: Array<{ id: string, name: string, description: string, sql: string, updatedBy: string, createdAt: string, updatedAt: string }>, adminSavedQueryLimits: { maxRows: number, timeoutMs: number, maxCellChars: number } };

export type AdminSaveQueryMutationVariables = Exact<{
  input: SavedQueryInput;
}>;


export type AdminSaveQueryMutation = { adminSaveQuery: { id: string, name: string, description: string, sql: string, updatedBy: string, createdAt: string, updatedAt: string } };

export type AdminDeleteQueryMutationVariables = Exact<{
  id: string;
}>;


export type AdminDeleteQueryMutation = { adminDeleteQuery: boolean };

export type AdminRunQueryMutationVariables = Exact<{
  id: string;
}>;


export type AdminRunQueryMutation = { adminRunQuery: { columns: Array<string>, rows: Array<Array<string | null>>, truncated: boolean, elapsedMs: number, csv: string, query: { id: string, name: string, description: string, sql: string, updatedBy: string, createdAt: string, updatedAt: string } } };

export type AdminMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminMeQuery = { adminMe: { userId: string, email: string, role: PlatformRole, sections: Array<AdminSection> } };

export type AdminOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminOverviewQuery = { adminOverview: { mrrIdr: number, activeSubscriptions: number, usersByPlan: Array<{ planId: string, users: number }>, churn: Array<{ planId: string, subscribersAtStart: number, lost: number, rate: number }>, requests: { last24h: number, last7d: number, last30d: number }, recentSignUps: Array<{ id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }>, recentPlanChanges: Array<{ userId: string, email: string | null, fromPlan: string, toPlan: string, at: string }> } };

export type AdminPlansQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminPlansQuery = { plans: Array<{ id: string, name: string }> };

export type AdminUserFieldsFragment = { id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null };

export type AdminUsersQueryVariables = Exact<{
  filter: AdminUserFilter;
  first: number;
  offset: number;
}>;


export type AdminUsersQuery = { adminUsers: { total: number, items: Array<{ id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }> } };

export type AdminAuditFieldsFragment = { id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null };

export type AdminUserDetailFieldsFragment = { locale: string | null, signsInWithGoogle: boolean, user: { id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }, connections: Array<{ id: string, provider: ProviderName, kind: ConnectionKind, label: string, status: ConnectionStatus, createdAt: string, lastUsedAt: string | null, lastErrorAt: string | null, tokenExpiresAt: string | null }>, usage30d: { requests: number, errors: number, costUsd: number }, invoices: Array<{ id: string, number: string, kind: string, description: string, total: number, status: string, issuedAt: string, paidAt: string | null }>, periods: Array<{ id: string, planId: string, startsAt: string, endsAt: string, revokedAt: string | null, lapsedAt: string | null }>, teams: Array<{ teamId: string, name: string, planId: string, role: string }>, audit: Array<{ id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null }> };

export type AdminUserQueryVariables = Exact<{
  id: string;
}>;


export type AdminUserQuery = { adminUser: { locale: string | null, signsInWithGoogle: boolean, user: { id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }, connections: Array<{ id: string, provider: ProviderName, kind: ConnectionKind, label: string, status: ConnectionStatus, createdAt: string, lastUsedAt: string | null, lastErrorAt: string | null, tokenExpiresAt: string | null }>, usage30d: { requests: number, errors: number, costUsd: number }, invoices: Array<{ id: string, number: string, kind: string, description: string, total: number, status: string, issuedAt: string, paidAt: string | null }>, periods: Array<{ id: string, planId: string, startsAt: string, endsAt: string, revokedAt: string | null, lapsedAt: string | null }>, teams: Array<{ teamId: string, name: string, planId: string, role: string }>, audit: Array<{ id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null }> } };

export type AdminSuspendUserMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type AdminSuspendUserMutation = { adminSuspendUser: { locale: string | null, signsInWithGoogle: boolean, user: { id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }, connections: Array<{ id: string, provider: ProviderName, kind: ConnectionKind, label: string, status: ConnectionStatus, createdAt: string, lastUsedAt: string | null, lastErrorAt: string | null, tokenExpiresAt: string | null }>, usage30d: { requests: number, errors: number, costUsd: number }, invoices: Array<{ id: string, number: string, kind: string, description: string, total: number, status: string, issuedAt: string, paidAt: string | null }>, periods: Array<{ id: string, planId: string, startsAt: string, endsAt: string, revokedAt: string | null, lapsedAt: string | null }>, teams: Array<{ teamId: string, name: string, planId: string, role: string }>, audit: Array<{ id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null }> } };

export type AdminUnsuspendUserMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type AdminUnsuspendUserMutation = { adminUnsuspendUser: { locale: string | null, signsInWithGoogle: boolean, user: { id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }, connections: Array<{ id: string, provider: ProviderName, kind: ConnectionKind, label: string, status: ConnectionStatus, createdAt: string, lastUsedAt: string | null, lastErrorAt: string | null, tokenExpiresAt: string | null }>, usage30d: { requests: number, errors: number, costUsd: number }, invoices: Array<{ id: string, number: string, kind: string, description: string, total: number, status: string, issuedAt: string, paidAt: string | null }>, periods: Array<{ id: string, planId: string, startsAt: string, endsAt: string, revokedAt: string | null, lapsedAt: string | null }>, teams: Array<{ teamId: string, name: string, planId: string, role: string }>, audit: Array<{ id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null }> } };

export type AdminSetUserPlanMutationVariables = Exact<{
  id: string;
  planId: string;
  until?: string | null | undefined;
  reason: string;
}>;


export type AdminSetUserPlanMutation = { adminSetUserPlan: { locale: string | null, signsInWithGoogle: boolean, user: { id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }, connections: Array<{ id: string, provider: ProviderName, kind: ConnectionKind, label: string, status: ConnectionStatus, createdAt: string, lastUsedAt: string | null, lastErrorAt: string | null, tokenExpiresAt: string | null }>, usage30d: { requests: number, errors: number, costUsd: number }, invoices: Array<{ id: string, number: string, kind: string, description: string, total: number, status: string, issuedAt: string, paidAt: string | null }>, periods: Array<{ id: string, planId: string, startsAt: string, endsAt: string, revokedAt: string | null, lapsedAt: string | null }>, teams: Array<{ teamId: string, name: string, planId: string, role: string }>, audit: Array<{ id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null }> } };

export type AdminExtendPeriodMutationVariables = Exact<{
  id: string;
  until: string;
  reason: string;
}>;


export type AdminExtendPeriodMutation = { adminExtendPeriod: { locale: string | null, signsInWithGoogle: boolean, user: { id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }, connections: Array<{ id: string, provider: ProviderName, kind: ConnectionKind, label: string, status: ConnectionStatus, createdAt: string, lastUsedAt: string | null, lastErrorAt: string | null, tokenExpiresAt: string | null }>, usage30d: { requests: number, errors: number, costUsd: number }, invoices: Array<{ id: string, number: string, kind: string, description: string, total: number, status: string, issuedAt: string, paidAt: string | null }>, periods: Array<{ id: string, planId: string, startsAt: string, endsAt: string, revokedAt: string | null, lapsedAt: string | null }>, teams: Array<{ teamId: string, name: string, planId: string, role: string }>, audit: Array<{ id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null }> } };

export type AdminGrantRequestsMutationVariables = Exact<{
  id: string;
  requests: number;
  reason: string;
}>;


export type AdminGrantRequestsMutation = { adminGrantRequests: { locale: string | null, signsInWithGoogle: boolean, user: { id: string, email: string, displayName: string | null, planId: string, platformRole: string | null, emailVerified: boolean, suspendedAt: string | null, createdAt: string, lastActiveAt: string | null, mrrIdr: number, extraRequests: number, extraRequestsUntil: string | null }, connections: Array<{ id: string, provider: ProviderName, kind: ConnectionKind, label: string, status: ConnectionStatus, createdAt: string, lastUsedAt: string | null, lastErrorAt: string | null, tokenExpiresAt: string | null }>, usage30d: { requests: number, errors: number, costUsd: number }, invoices: Array<{ id: string, number: string, kind: string, description: string, total: number, status: string, issuedAt: string, paidAt: string | null }>, periods: Array<{ id: string, planId: string, startsAt: string, endsAt: string, revokedAt: string | null, lapsedAt: string | null }>, teams: Array<{ teamId: string, name: string, planId: string, role: string }>, audit: Array<{ id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null }> } };

export type AdminSignOutUserMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type AdminSignOutUserMutation = { adminSignOutUser: number };

export type AdminResendVerificationMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type AdminResendVerificationMutation = { adminResendVerification: boolean };

export type AdminAuditQueryVariables = Exact<{
  filter: AdminAuditFilter;
  before?: number | null | undefined;
  first: number;
}>;


export type AdminAuditQuery = { adminAudit: { nextBefore: number | null, items: Array<{ id: number, createdAt: string, actorEmail: string, actorRole: string, action: string, targetKind: string, targetId: string | null, targetLabel: string | null, before: string | null, after: string | null, reason: string | null, ip: string | null }> } };

export type BillingQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingQuery = { billingEnabled: boolean, myPlan: { periodStart: string, periodEnd: string, requestsUsed: number, requestsLimit: number | null, requestsPerMinute: number | null, tokensPerMinute: number | null, providersUsed: number, oauthAccountsUsed: number, plan: { id: string, name: string, priceIdr: number | null, monthlyRequests: number | null, maxOauthAccounts: number | null, maxProviders: number | null } }, plans: Array<{ id: string, name: string, priceIdr: number | null, monthlyRequests: number | null, maxOauthAccounts: number | null, maxProviders: number | null, maxMembers: number | null, requestsPerMinute: number | null, tokensPerMinute: number | null }>, subscriptionStatus: { pausedConnections: number, plan: { id: string, name: string, priceIdr: number | null }, period: { startsAt: string, endsAt: string, atEnd: PeriodEnd, nextPlan: { id: string, name: string, priceIdr: number | null } } | null, nextBill: { planId: string, total: number, dueAt: string, invoice: { id: string, number: string, status: string, total: number } | null } | null } };

export type SubscriptionStatusFieldsFragment = { pausedConnections: number, plan: { id: string, name: string, priceIdr: number | null }, period: { startsAt: string, endsAt: string, atEnd: PeriodEnd, nextPlan: { id: string, name: string, priceIdr: number | null } } | null, nextBill: { planId: string, total: number, dueAt: string, invoice: { id: string, number: string, status: string, total: number } | null } | null };

export type BillingHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingHistoryQuery = { invoices: Array<{ id: string, number: string, kind: string, planId: string | null, description: string, net: number, taxBase: number, ppn: number, total: number, status: string, issuedAt: string, dueAt: string, paidAt: string | null, paidMethod: string | null, credit: number, creditDays: number }>, payments: Array<{ orderId: string, state: string, amount: number, paymentType: string | null, createdAt: string, updatedAt: string }> };

export type StartCheckoutMutationVariables = Exact<{
  plan: string;
}>;


export type StartCheckoutMutation = { startCheckout: { orderId: string, invoiceNumber: string, total: number, redirectUrl: string, token: string } };

export type CheckoutQuoteQueryVariables = Exact<{
  plan: string;
}>;


export type CheckoutQuoteQuery = { checkoutQuote: { planId: string, change: PlanChange, price: number, credit: number, creditDays: number, net: number, taxBase: number, ppn: number, total: number, invoiceNumber: string | null } | null };

export type ChangePlanAtPeriodEndMutationVariables = Exact<{
  plan: string;
}>;


export type ChangePlanAtPeriodEndMutation = { changePlanAtPeriodEnd: { pausedConnections: number, plan: { id: string, name: string, priceIdr: number | null }, period: { startsAt: string, endsAt: string, atEnd: PeriodEnd, nextPlan: { id: string, name: string, priceIdr: number | null } } | null, nextBill: { planId: string, total: number, dueAt: string, invoice: { id: string, number: string, status: string, total: number } | null } | null } };

export type CancelPlanMutationVariables = Exact<{ [key: string]: never; }>;


export type CancelPlanMutation = { cancelPlan: { pausedConnections: number, plan: { id: string, name: string, priceIdr: number | null }, period: { startsAt: string, endsAt: string, atEnd: PeriodEnd, nextPlan: { id: string, name: string, priceIdr: number | null } } | null, nextBill: { planId: string, total: number, dueAt: string, invoice: { id: string, number: string, status: string, total: number } | null } | null } };

export type ResumePlanMutationVariables = Exact<{ [key: string]: never; }>;


export type ResumePlanMutation = { resumePlan: { pausedConnections: number, plan: { id: string, name: string, priceIdr: number | null }, period: { startsAt: string, endsAt: string, atEnd: PeriodEnd, nextPlan: { id: string, name: string, priceIdr: number | null } } | null, nextBill: { planId: string, total: number, dueAt: string, invoice: { id: string, number: string, status: string, total: number } | null } | null } };

export type PaymentStatusQueryVariables = Exact<{
  orderId: string;
}>;


export type PaymentStatusQuery = { payment: { orderId: string, state: string, amount: number, paymentType: string | null, createdAt: string, updatedAt: string } | null };

export type ConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectionsQuery = { connections: Array<{ id: string, provider: ProviderName, kind: ConnectionKind, label: string, status: ConnectionStatus, baseUrl: string | null, models: Array<string>, reachableModels: Array<string> | null, modelsRefreshedAt: string | null, modelsError: string | null, weight: number, priority: number, identityEmail: string | null, planType: string | null, tokenExpiresAt: string | null, lastRefreshedAt: string | null, lastError: string | null, lastErrorAt: string | null, nextAttemptAt: string | null, lastUsedAt: string | null, createdAt: string, cooldowns: Array<{ model: string, until: string, reason: string, failures: number }> }>, connectionLimits: { providersUsed: number, providersMax: number | null, oauthAccountsUsed: number, oauthAccountsMax: number | null }, myPlan: { plan: { id: string, name: string } } };

export type AddApiKeyConnectionMutationVariables = Exact<{
  provider: ProviderName;
  apiKey: string;
  baseUrl?: string | null | undefined;
  label?: string | null | undefined;
  models: Array<string> | string;
}>;


export type AddApiKeyConnectionMutation = { addApiKeyConnection: { id: string, label: string } };

export type StartOAuthMutationVariables = Exact<{
  provider: ProviderName;
  device: boolean;
  label?: string | null | undefined;
}>;


export type StartOAuthMutation = { startOAuthConnection: { flowId: string, authorizeUrl: string | null, userCode: string | null, verificationUri: string | null, verificationUriComplete: string | null, intervalSecs: number | null, expiresInSecs: number | null } };

export type CompleteOAuthMutationVariables = Exact<{
  flowId: string;
  pasted: string;
}>;


export type CompleteOAuthMutation = { completeOAuthConnection: { id: string, label: string } };

export type PollOAuthMutationVariables = Exact<{
  flowId: string;
}>;


export type PollOAuthMutation = { pollOAuthConnection: { connected: boolean, intervalSecs: number, connection: { id: string, label: string } | null } };

export type ImportCredentialsMutationVariables = Exact<{
  provider: ProviderName;
  contents: string;
  label?: string | null | undefined;
}>;


export type ImportCredentialsMutation = { importCredentials: { id: string, label: string } };

export type UpdateConnectionMutationVariables = Exact<{
  id: string;
  changes: ConnectionChanges;
}>;


export type UpdateConnectionMutation = { updateConnection: { id: string, label: string, status: ConnectionStatus, weight: number, priority: number, models: Array<string>, lastError: string | null, nextAttemptAt: string | null } };

export type RefreshConnectionMutationVariables = Exact<{
  id: string;
}>;


export type RefreshConnectionMutation = { refreshConnection: { id: string, label: string, status: ConnectionStatus, lastError: string | null, lastRefreshedAt: string | null, tokenExpiresAt: string | null, nextAttemptAt: string | null } };

export type KeepConnectionsMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type KeepConnectionsMutation = { keepConnections: Array<{ id: string, status: ConnectionStatus }> };

export type RemoveConnectionMutationVariables = Exact<{
  id: string;
}>;


export type RemoveConnectionMutation = { removeConnection: boolean };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, userId: string, name: string, prefix: string, status: KeyStatus, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, rpmLimit: number | null, tpmLimit: number | null }>, currentTeam: { id: string, members: Array<{ userId: string, email: string, displayName: string | null }> } | null };

export type CreateApiKeyMutationVariables = Exact<{
  name: string;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, key: { id: string, name: string, prefix: string } } };

export type RotateApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type RotateApiKeyMutation = { rotateApiKey: { secret: string, key: { id: string, name: string, prefix: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, status: KeyStatus } };

export type ModelsForSnippetsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsForSnippetsQuery = { models: Array<{ id: string }> };

export type RoutingQueryVariables = Exact<{ [key: string]: never; }>;


export type RoutingQuery = { routing: { strategy: Strategy, sessionAffinity: boolean, followModelReplacements: boolean, rules: Array<{ pattern: string, strategy: Strategy | null, targets: Array<{ provider: string | null, model: string, account: string | null }> }> } };

export type RoutingModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type RoutingModelsQuery = { models: Array<{ id: string, provider: string }> };

export type SetRoutingMutationVariables = Exact<{
  routing: RoutingInput;
}>;


export type SetRoutingMutation = { setRouting: { strategy: Strategy, sessionAffinity: boolean, followModelReplacements: boolean, rules: Array<{ pattern: string, strategy: Strategy | null, targets: Array<{ provider: string | null, model: string, account: string | null }> }> } };

export type UpdateProfileMutationVariables = Exact<{
  displayName?: string | null | undefined;
  locale?: string | null | undefined;
}>;


export type UpdateProfileMutation = { updateProfile: { id: string, email: string, displayName: string | null, locale: string | null, planId: string, emailVerified: boolean, createdAt: string } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type DeleteAccountMutationVariables = Exact<{
  confirmEmail: string;
  password?: string | null | undefined;
}>;


export type DeleteAccountMutation = { deleteAccount: boolean };

export type UpdateNotificationsMutationVariables = Exact<{
  quota80?: boolean | null | undefined;
  quota100?: boolean | null | undefined;
  connectionExpired?: boolean | null | undefined;
}>;


export type UpdateNotificationsMutation = { updateNotifications: { quota80: boolean, quota100: boolean, connectionExpired: boolean } };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { sessions: Array<{ id: string, createdAt: string, expiresAt: string, userAgent: string | null, ip: string | null, current: boolean, supportView: boolean }> };

export type SupportViewsQueryVariables = Exact<{ [key: string]: never; }>;


export type SupportViewsQuery = { supportViews: Array<{ startedAt: string, endedAt: string | null, expiresAt: string, role: string }> };

export type RevokeSessionMutationVariables = Exact<{
  id: string;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type SignOutOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutOtherSessionsMutation = { signOutOtherSessions: number };

export type MyTeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTeamsQuery = { teams: Array<{ id: string, name: string, role: TeamRole, plan: { id: string, name: string } }> };

export type CurrentTeamQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentTeamQuery = { currentTeam: { id: string, name: string, role: TeamRole, createdAt: string, budgetUsd: number | null, googleDomain: string | null, requestsThisPeriod: number, costUsdThisPeriod: number, seatsUsed: number, seatsMax: number | null, plan: { id: string, name: string, monthlyRequests: number | null, maxMembers: number | null }, period: { start: string, end: string }, slack: { configured: boolean, latest: { kind: string, status: string } | null } | null, members: Array<{ userId: string, email: string, displayName: string | null, role: TeamRole, joinedAt: string, monthlyRequestsLimit: number | null, requestsPerMinuteLimit: number | null, budgetUsd: number | null, requestsThisPeriod: number | null, costUsdThisPeriod: number | null, lastActiveAt: string | null }> } | null };

export type TeamInvitesQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamInvitesQuery = { teamInvites: Array<{ id: string, email: string, role: TeamRole, createdAt: string, expiresAt: string }> };

export type TeamAuditLogQueryVariables = Exact<{
  first: number;
  before?: number | null | undefined;
}>;


export type TeamAuditLogQuery = { teamAuditLog: Array<{ id: number, at: string, actorEmail: string | null, action: string, target: string | null, before: unknown, after: unknown }> };

export type CreateTeamMutationVariables = Exact<{
  name: string;
}>;


export type CreateTeamMutation = { createTeam: { id: string, name: string } };

export type RenameTeamMutationVariables = Exact<{
  name: string;
}>;


export type RenameTeamMutation = { renameTeam: { id: string, name: string } };

export type InviteTeamMemberMutationVariables = Exact<{
  email: string;
  role: TeamRole;
}>;


export type InviteTeamMemberMutation = { inviteTeamMember: { id: string, email: string } };

export type ResendTeamInviteMutationVariables = Exact<{
  id: string;
}>;


export type ResendTeamInviteMutation = { resendTeamInvite: { id: string, expiresAt: string } };

export type RevokeTeamInviteMutationVariables = Exact<{
  id: string;
}>;


export type RevokeTeamInviteMutation = { revokeTeamInvite: { id: string } };

export type SetTeamMemberRoleMutationVariables = Exact<{
  userId: string;
  role: TeamRole;
}>;


export type SetTeamMemberRoleMutation = { setTeamMemberRole: boolean };

export type RemoveTeamMemberMutationVariables = Exact<{
  userId: string;
}>;


export type RemoveTeamMemberMutation = { removeTeamMember: boolean };

export type TransferTeamOwnershipMutationVariables = Exact<{
  userId: string;
}>;


export type TransferTeamOwnershipMutation = { transferTeamOwnership: boolean };

export type LeaveTeamMutationVariables = Exact<{ [key: string]: never; }>;


export type LeaveTeamMutation = { leaveTeam: boolean };

export type SetTeamMemberLimitsMutationVariables = Exact<{
  userId: string;
  monthlyRequests?: number | null | undefined;
  requestsPerMinute?: number | null | undefined;
  budgetUsd?: number | null | undefined;
}>;


export type SetTeamMemberLimitsMutation = { setTeamMemberLimits: boolean };

export type SetTeamBudgetMutationVariables = Exact<{
  budgetUsd?: number | null | undefined;
}>;


export type SetTeamBudgetMutation = { setTeamBudget: { id: string, budgetUsd: number | null } };

export type SetTeamSlackWebhookMutationVariables = Exact<{
  url?: string | null | undefined;
}>;


export type SetTeamSlackWebhookMutation = { setTeamSlackWebhook: { id: string, slack: { configured: boolean } | null } };

export type SendTeamSlackTestMutationVariables = Exact<{ [key: string]: never; }>;


export type SendTeamSlackTestMutation = { sendTeamSlackTest: boolean };

export type SetTeamGoogleDomainMutationVariables = Exact<{
  domain?: string | null | undefined;
}>;


export type SetTeamGoogleDomainMutation = { setTeamGoogleDomain: { id: string, googleDomain: string | null } };

export type InvitePreviewQueryVariables = Exact<{
  token: string;
}>;


export type InvitePreviewQuery = { teamInvite: { teamName: string, email: string, role: TeamRole, expiresAt: string, accountExists: boolean } | null };

export type AcceptTeamInviteMutationVariables = Exact<{
  token: string;
}>;


export type AcceptTeamInviteMutation = { acceptTeamInvite: { id: string, name: string } };

export type AcceptTeamInviteWithSignUpMutationVariables = Exact<{
  token: string;
  password: string;
  displayName?: string | null | undefined;
  locale?: string | null | undefined;
}>;


export type AcceptTeamInviteWithSignUpMutation = { acceptTeamInviteWithSignUp: { user: { id: string, email: string } } };

export type UsageFilterOptionsQueryVariables = Exact<{
  range: UsageRange;
}>;


export type UsageFilterOptionsQuery = { apiKeys: Array<{ id: string, name: string, status: KeyStatus }>, connections: Array<{ id: string, label: string, provider: ProviderName }>, currentTeam: { id: string, members: Array<{ userId: string, email: string, displayName: string | null }> } | null, providers: { groups: Array<{ group: string | null, label: string | null }> }, models: { groups: Array<{ group: string | null, label: string | null }> } };

export type UsagePageSummaryQueryVariables = Exact<{
  range: UsageRange;
  filter?: UsageFilter | null | undefined;
  groupBy: UsageGroup;
}>;


export type UsagePageSummaryQuery = { summary: { from: string, to: string, totals: { requests: number, errors: number, promptTokens: number, completionTokens: number, cachedTokens: number, reasoningTokens: number, costNanos: number, latencyMsP50: number | null, latencyMsP95: number | null } }, byProvider: { groups: Array<{ group: string | null, label: string | null, totals: { requests: number, costNanos: number } }> }, byModel: { groups: Array<{ group: string | null, label: string | null, totals: { requests: number, costNanos: number } }> }, breakdown: { groups: Array<{ group: string | null, label: string | null, totals: { requests: number, errors: number, promptTokens: number, completionTokens: number, cachedTokens: number, costNanos: number, latencyMsP50: number | null, latencyMsP95: number | null } }> } };

export type UsagePageSeriesQueryVariables = Exact<{
  range: UsageRange;
  bucket: UsageBucket;
  groupBy: UsageGroup;
  filter?: UsageFilter | null | undefined;
  utcOffsetMinutes: number;
}>;


export type UsagePageSeriesQuery = { grouped: { from: string, to: string, bucket: UsageBucket, series: Array<{ group: string | null, label: string | null, points: Array<{ at: string, totals: { requests: number } }> }> }, overall: { series: Array<{ points: Array<{ at: string, totals: { requests: number, errors: number, promptTokens: number, completionTokens: number, cachedTokens: number, costNanos: number, latencyMsP50: number | null, latencyMsP95: number | null } }> }> } };

export type UsageRequestLogsQueryVariables = Exact<{
  filter?: RequestLogFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type UsageRequestLogsQuery = { requestLogs: { nextCursor: string | null, items: Array<{ id: string, createdAt: string, model: string, provider: string | null, apiKeyId: string | null, memberId: string | null, accountId: string | null, statusCode: number, errorKind: string | null, promptTokens: number, completionTokens: number, latencyMs: number, ttftMs: number | null, costNanos: number }> } };

export type UsageRequestLogQueryVariables = Exact<{
  id: string;
}>;


export type UsageRequestLogQuery = { requestLog: { id: string, createdAt: string, model: string, provider: string | null, apiKeyId: string | null, accountId: string | null, endpoint: string, stream: boolean, statusCode: number, errorKind: string | null, promptTokens: number, completionTokens: number, cachedTokens: number, reasoningTokens: number, costNanos: number, costUsd: number, latencyMs: number, ttftMs: number | null } };

export type OverviewQueryVariables = Exact<{
  today: UsageRange;
}>;


export type OverviewQuery = { myPlan: { periodStart: string, periodEnd: string, requestsUsed: number, requestsLimit: number | null, providersUsed: number, oauthAccountsUsed: number, plan: { id: string, name: string, monthlyRequests: number | null, maxProviders: number | null, maxOauthAccounts: number | null } }, today: { totals: { requests: number, errors: number } }, connections: Array<{ id: string, kind: ConnectionKind, status: ConnectionStatus }>, apiKeys: Array<{ id: string, status: KeyStatus }> };

export type AccountValueQueryVariables = Exact<{
  range: UsageRange;
}>;


export type AccountValueQuery = { usageSummary: { groups: Array<{ group: string | null, totals: { requests: number, costNanos: number } }> } };

export type RecentRequestsQueryVariables = Exact<{
  first: number;
}>;


export type RecentRequestsQuery = { requestLogs: { items: Array<{ id: string, createdAt: string, model: string, provider: string | null, statusCode: number, promptTokens: number, completionTokens: number, latencyMs: number, costNanos: number }> } };

export type UsageEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type UsageEventsSubscription = { usageEvents: { requestId: string, apiKeyId: string, accountId: string | null, provider: string | null, model: string, endpoint: string, status: number, promptTokens: number, completionTokens: number, costNanos: number, latencyMs: number, createdAt: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AdminPaymentFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"AdminPaymentFields"}) as unknown as TypedDocumentString<AdminPaymentFieldsFragment, unknown>;
export const AdminWindowStatsFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminWindowStatsFields on WindowStats {
  requests
  errors
  successRate
  errorRate
  p50Ms
  p95Ms
  p99Ms
}
    `, {"fragmentName":"AdminWindowStatsFields"}) as unknown as TypedDocumentString<AdminWindowStatsFieldsFragment, unknown>;
export const AdminHealthWindowsFieldsFragmentDoc = new TypedDocumentString(`
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
    fragment AdminWindowStatsFields on WindowStats {
  requests
  errors
  successRate
  errorRate
  p50Ms
  p95Ms
  p99Ms
}`, {"fragmentName":"AdminHealthWindowsFields"}) as unknown as TypedDocumentString<AdminHealthWindowsFieldsFragment, unknown>;
export const SavedQueryFieldsFragmentDoc = new TypedDocumentString(`
    fragment SavedQueryFields on SavedQuery {
  id
  name
  description
  sql
  updatedBy
  createdAt
  updatedAt
}
    `, {"fragmentName":"SavedQueryFields"}) as unknown as TypedDocumentString<SavedQueryFieldsFragment, unknown>;
export const AdminUserFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"AdminUserFields"}) as unknown as TypedDocumentString<AdminUserFieldsFragment, unknown>;
export const AdminAuditFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"AdminAuditFields"}) as unknown as TypedDocumentString<AdminAuditFieldsFragment, unknown>;
export const AdminUserDetailFieldsFragmentDoc = new TypedDocumentString(`
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
}`, {"fragmentName":"AdminUserDetailFields"}) as unknown as TypedDocumentString<AdminUserDetailFieldsFragment, unknown>;
export const SubscriptionStatusFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"SubscriptionStatusFields"}) as unknown as TypedDocumentString<SubscriptionStatusFieldsFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    displayName
    locale
    planId
    emailVerified
    createdAt
    hasPassword
    notifications {
      quota80
      quota100
      connectionExpired
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const ServerInfoDocument = new TypedDocumentString(`
    query ServerInfo {
  serverInfo {
    publicUrl
    googleSignIn
    idrPerUsd
  }
}
    `) as unknown as TypedDocumentString<ServerInfoQuery, ServerInfoQueryVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($email: String!, $password: String!, $displayName: String, $locale: String) {
  signUp(
    email: $email
    password: $password
    displayName: $displayName
    locale: $locale
  )
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const SignUpEmailDocument = new TypedDocumentString(`
    query SignUpEmail($token: String!) {
  signUpEmail(token: $token)
}
    `) as unknown as TypedDocumentString<SignUpEmailQuery, SignUpEmailQueryVariables>;
export const CompleteSignUpDocument = new TypedDocumentString(`
    mutation CompleteSignUp($token: String!, $password: String!) {
  completeSignUp(token: $token, password: $password) {
    csrfToken
    user {
      id
      locale
    }
  }
}
    `) as unknown as TypedDocumentString<CompleteSignUpMutation, CompleteSignUpMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) {
    csrfToken
    user {
      id
      locale
    }
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const LogOutDocument = new TypedDocumentString(`
    mutation LogOut {
  logOut
}
    `) as unknown as TypedDocumentString<LogOutMutation, LogOutMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!, $revokeApiKeys: Boolean!) {
  resetPassword(
    token: $token
    newPassword: $newPassword
    revokeApiKeys: $revokeApiKeys
  )
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token)
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const ResendVerificationDocument = new TypedDocumentString(`
    mutation ResendVerification {
  resendVerificationEmail
}
    `) as unknown as TypedDocumentString<ResendVerificationMutation, ResendVerificationMutationVariables>;
export const StartGoogleDocument = new TypedDocumentString(`
    mutation StartGoogle {
  startGoogleSignIn {
    authorizeUrl
  }
}
    `) as unknown as TypedDocumentString<StartGoogleMutation, StartGoogleMutationVariables>;
export const CompleteGoogleDocument = new TypedDocumentString(`
    mutation CompleteGoogle($code: String!, $state: String!) {
  completeGoogleSignIn(code: $code, state: $state) {
    csrfToken
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CompleteGoogleMutation, CompleteGoogleMutationVariables>;
export const AdminAnalyticsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AdminAnalyticsQuery, AdminAnalyticsQueryVariables>;
export const AdminFinanceDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AdminFinanceQuery, AdminFinanceQueryVariables>;
export const AdminPaymentsDocument = new TypedDocumentString(`
    query AdminPayments($filter: AdminPaymentFilter!, $first: Int!, $offset: Int!) {
  adminPayments(filter: $filter, first: $first, offset: $offset) {
    total
    items {
      ...AdminPaymentFields
    }
  }
}
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
}`) as unknown as TypedDocumentString<AdminPaymentsQuery, AdminPaymentsQueryVariables>;
export const AdminRefundPaymentDocument = new TypedDocumentString(`
    mutation AdminRefundPayment($orderId: String!, $amount: Int, $reason: String!) {
  adminRefundPayment(orderId: $orderId, amount: $amount, reason: $reason) {
    ...AdminPaymentFields
  }
}
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
}`) as unknown as TypedDocumentString<AdminRefundPaymentMutation, AdminRefundPaymentMutationVariables>;
export const AdminInvoicesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AdminInvoicesQuery, AdminInvoicesQueryVariables>;
export const AdminHealthDocument = new TypedDocumentString(`
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
    fragment AdminWindowStatsFields on WindowStats {
  requests
  errors
  successRate
  errorRate
  p50Ms
  p95Ms
  p99Ms
}
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
}`) as unknown as TypedDocumentString<AdminHealthQuery, AdminHealthQueryVariables>;
export const AdminStartImpersonationDocument = new TypedDocumentString(`
    mutation AdminStartImpersonation($userId: UUID!, $reason: String!) {
  adminStartImpersonation(userId: $userId, reason: $reason) {
    id
    userId
    userEmail
    startedAt
    expiresAt
    token
  }
}
    `) as unknown as TypedDocumentString<AdminStartImpersonationMutation, AdminStartImpersonationMutationVariables>;
export const AdminEndImpersonationDocument = new TypedDocumentString(`
    mutation AdminEndImpersonation($id: UUID!) {
  adminEndImpersonation(id: $id)
}
    `) as unknown as TypedDocumentString<AdminEndImpersonationMutation, AdminEndImpersonationMutationVariables>;
export const AdminLiveCountersDocument = new TypedDocumentString(`
    subscription AdminLiveCounters {
  adminLiveCounters {
    users
    signUps24h
    activeSubscriptions
    mrrIdr
    requests24h
    errors24h
    at
  }
}
    `) as unknown as TypedDocumentString<AdminLiveCountersSubscription, AdminLiveCountersSubscriptionVariables>;
export const AdminLogsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AdminLogsQuery, AdminLogsQueryVariables>;
export const AdminSavedQueriesDocument = new TypedDocumentString(`
    query AdminSavedQueries {
  adminSavedQueries {
    ...SavedQueryFields
  }
  adminSavedQueryLimits {
    maxRows
    timeoutMs
    maxCellChars
  }
}
    fragment SavedQueryFields on SavedQuery {
  id
  name
  description
  sql
  updatedBy
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AdminSavedQueriesQuery, AdminSavedQueriesQueryVariables>;
export const AdminSaveQueryDocument = new TypedDocumentString(`
    mutation AdminSaveQuery($input: SavedQueryInput!) {
  adminSaveQuery(input: $input) {
    ...SavedQueryFields
  }
}
    fragment SavedQueryFields on SavedQuery {
  id
  name
  description
  sql
  updatedBy
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AdminSaveQueryMutation, AdminSaveQueryMutationVariables>;
export const AdminDeleteQueryDocument = new TypedDocumentString(`
    mutation AdminDeleteQuery($id: UUID!) {
  adminDeleteQuery(id: $id)
}
    `) as unknown as TypedDocumentString<AdminDeleteQueryMutation, AdminDeleteQueryMutationVariables>;
export const AdminRunQueryDocument = new TypedDocumentString(`
    mutation AdminRunQuery($id: UUID!) {
  adminRunQuery(id: $id) {
    query {
      ...SavedQueryFields
    }
    columns
    rows
    truncated
    elapsedMs
    csv
  }
}
    fragment SavedQueryFields on SavedQuery {
  id
  name
  description
  sql
  updatedBy
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AdminRunQueryMutation, AdminRunQueryMutationVariables>;
export const AdminMeDocument = new TypedDocumentString(`
    query AdminMe {
  adminMe {
    userId
    email
    role
    sections
  }
}
    `) as unknown as TypedDocumentString<AdminMeQuery, AdminMeQueryVariables>;
export const AdminOverviewDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<AdminOverviewQuery, AdminOverviewQueryVariables>;
export const AdminPlansDocument = new TypedDocumentString(`
    query AdminPlans {
  plans {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AdminPlansQuery, AdminPlansQueryVariables>;
export const AdminUsersDocument = new TypedDocumentString(`
    query AdminUsers($filter: AdminUserFilter!, $first: Int!, $offset: Int!) {
  adminUsers(filter: $filter, first: $first, offset: $offset) {
    total
    items {
      ...AdminUserFields
    }
  }
}
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
}`) as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const AdminUserDocument = new TypedDocumentString(`
    query AdminUser($id: UUID!) {
  adminUser(id: $id) {
    ...AdminUserDetailFields
  }
}
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
}`) as unknown as TypedDocumentString<AdminUserQuery, AdminUserQueryVariables>;
export const AdminSuspendUserDocument = new TypedDocumentString(`
    mutation AdminSuspendUser($id: UUID!, $reason: String!) {
  adminSuspendUser(id: $id, reason: $reason) {
    ...AdminUserDetailFields
  }
}
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
}`) as unknown as TypedDocumentString<AdminSuspendUserMutation, AdminSuspendUserMutationVariables>;
export const AdminUnsuspendUserDocument = new TypedDocumentString(`
    mutation AdminUnsuspendUser($id: UUID!, $reason: String!) {
  adminUnsuspendUser(id: $id, reason: $reason) {
    ...AdminUserDetailFields
  }
}
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
}`) as unknown as TypedDocumentString<AdminUnsuspendUserMutation, AdminUnsuspendUserMutationVariables>;
export const AdminSetUserPlanDocument = new TypedDocumentString(`
    mutation AdminSetUserPlan($id: UUID!, $planId: String!, $until: NaiveDate, $reason: String!) {
  adminSetUserPlan(id: $id, planId: $planId, until: $until, reason: $reason) {
    ...AdminUserDetailFields
  }
}
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
}`) as unknown as TypedDocumentString<AdminSetUserPlanMutation, AdminSetUserPlanMutationVariables>;
export const AdminExtendPeriodDocument = new TypedDocumentString(`
    mutation AdminExtendPeriod($id: UUID!, $until: NaiveDate!, $reason: String!) {
  adminExtendPeriod(id: $id, until: $until, reason: $reason) {
    ...AdminUserDetailFields
  }
}
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
}`) as unknown as TypedDocumentString<AdminExtendPeriodMutation, AdminExtendPeriodMutationVariables>;
export const AdminGrantRequestsDocument = new TypedDocumentString(`
    mutation AdminGrantRequests($id: UUID!, $requests: Int!, $reason: String!) {
  adminGrantRequests(id: $id, requests: $requests, reason: $reason) {
    ...AdminUserDetailFields
  }
}
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
}`) as unknown as TypedDocumentString<AdminGrantRequestsMutation, AdminGrantRequestsMutationVariables>;
export const AdminSignOutUserDocument = new TypedDocumentString(`
    mutation AdminSignOutUser($id: UUID!, $reason: String!) {
  adminSignOutUser(id: $id, reason: $reason)
}
    `) as unknown as TypedDocumentString<AdminSignOutUserMutation, AdminSignOutUserMutationVariables>;
export const AdminResendVerificationDocument = new TypedDocumentString(`
    mutation AdminResendVerification($id: UUID!, $reason: String!) {
  adminResendVerification(id: $id, reason: $reason)
}
    `) as unknown as TypedDocumentString<AdminResendVerificationMutation, AdminResendVerificationMutationVariables>;
export const AdminAuditDocument = new TypedDocumentString(`
    query AdminAudit($filter: AdminAuditFilter!, $before: Int, $first: Int!) {
  adminAudit(filter: $filter, before: $before, first: $first) {
    items {
      ...AdminAuditFields
    }
    nextBefore
  }
}
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
}`) as unknown as TypedDocumentString<AdminAuditQuery, AdminAuditQueryVariables>;
export const BillingDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<BillingQuery, BillingQueryVariables>;
export const BillingHistoryDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<BillingHistoryQuery, BillingHistoryQueryVariables>;
export const StartCheckoutDocument = new TypedDocumentString(`
    mutation StartCheckout($plan: String!) {
  startCheckout(plan: $plan) {
    orderId
    invoiceNumber
    total
    redirectUrl
    token
  }
}
    `) as unknown as TypedDocumentString<StartCheckoutMutation, StartCheckoutMutationVariables>;
export const CheckoutQuoteDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CheckoutQuoteQuery, CheckoutQuoteQueryVariables>;
export const ChangePlanAtPeriodEndDocument = new TypedDocumentString(`
    mutation ChangePlanAtPeriodEnd($plan: String!) {
  changePlanAtPeriodEnd(plan: $plan) {
    ...SubscriptionStatusFields
  }
}
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
}`) as unknown as TypedDocumentString<ChangePlanAtPeriodEndMutation, ChangePlanAtPeriodEndMutationVariables>;
export const CancelPlanDocument = new TypedDocumentString(`
    mutation CancelPlan {
  cancelPlan {
    ...SubscriptionStatusFields
  }
}
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
}`) as unknown as TypedDocumentString<CancelPlanMutation, CancelPlanMutationVariables>;
export const ResumePlanDocument = new TypedDocumentString(`
    mutation ResumePlan {
  resumePlan {
    ...SubscriptionStatusFields
  }
}
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
}`) as unknown as TypedDocumentString<ResumePlanMutation, ResumePlanMutationVariables>;
export const PaymentStatusDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PaymentStatusQuery, PaymentStatusQueryVariables>;
export const ConnectionsDocument = new TypedDocumentString(`
    query Connections {
  connections {
    id
    provider
    kind
    label
    status
    baseUrl
    models
    reachableModels
    modelsRefreshedAt
    modelsError
    weight
    priority
    identityEmail
    planType
    tokenExpiresAt
    lastRefreshedAt
    lastError
    lastErrorAt
    nextAttemptAt
    lastUsedAt
    createdAt
    cooldowns {
      model
      until
      reason
      failures
    }
  }
  connectionLimits {
    providersUsed
    providersMax
    oauthAccountsUsed
    oauthAccountsMax
  }
  myPlan {
    plan {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConnectionsQuery, ConnectionsQueryVariables>;
export const AddApiKeyConnectionDocument = new TypedDocumentString(`
    mutation AddApiKeyConnection($provider: ProviderName!, $apiKey: String!, $baseUrl: String, $label: String, $models: [String!]!) {
  addApiKeyConnection(
    provider: $provider
    apiKey: $apiKey
    baseUrl: $baseUrl
    label: $label
    models: $models
  ) {
    id
    label
  }
}
    `) as unknown as TypedDocumentString<AddApiKeyConnectionMutation, AddApiKeyConnectionMutationVariables>;
export const StartOAuthDocument = new TypedDocumentString(`
    mutation StartOAuth($provider: ProviderName!, $device: Boolean!, $label: String) {
  startOAuthConnection(provider: $provider, device: $device, label: $label) {
    flowId
    authorizeUrl
    userCode
    verificationUri
    verificationUriComplete
    intervalSecs
    expiresInSecs
  }
}
    `) as unknown as TypedDocumentString<StartOAuthMutation, StartOAuthMutationVariables>;
export const CompleteOAuthDocument = new TypedDocumentString(`
    mutation CompleteOAuth($flowId: UUID!, $pasted: String!) {
  completeOAuthConnection(flowId: $flowId, pasted: $pasted) {
    id
    label
  }
}
    `) as unknown as TypedDocumentString<CompleteOAuthMutation, CompleteOAuthMutationVariables>;
export const PollOAuthDocument = new TypedDocumentString(`
    mutation PollOAuth($flowId: UUID!) {
  pollOAuthConnection(flowId: $flowId) {
    connected
    intervalSecs
    connection {
      id
      label
    }
  }
}
    `) as unknown as TypedDocumentString<PollOAuthMutation, PollOAuthMutationVariables>;
export const ImportCredentialsDocument = new TypedDocumentString(`
    mutation ImportCredentials($provider: ProviderName!, $contents: String!, $label: String) {
  importCredentials(provider: $provider, contents: $contents, label: $label) {
    id
    label
  }
}
    `) as unknown as TypedDocumentString<ImportCredentialsMutation, ImportCredentialsMutationVariables>;
export const UpdateConnectionDocument = new TypedDocumentString(`
    mutation UpdateConnection($id: UUID!, $changes: ConnectionChanges!) {
  updateConnection(id: $id, changes: $changes) {
    id
    label
    status
    weight
    priority
    models
    lastError
    nextAttemptAt
  }
}
    `) as unknown as TypedDocumentString<UpdateConnectionMutation, UpdateConnectionMutationVariables>;
export const RefreshConnectionDocument = new TypedDocumentString(`
    mutation RefreshConnection($id: UUID!) {
  refreshConnection(id: $id) {
    id
    label
    status
    lastError
    lastRefreshedAt
    tokenExpiresAt
    nextAttemptAt
  }
}
    `) as unknown as TypedDocumentString<RefreshConnectionMutation, RefreshConnectionMutationVariables>;
export const KeepConnectionsDocument = new TypedDocumentString(`
    mutation KeepConnections($ids: [UUID!]!) {
  keepConnections(ids: $ids) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<KeepConnectionsMutation, KeepConnectionsMutationVariables>;
export const RemoveConnectionDocument = new TypedDocumentString(`
    mutation RemoveConnection($id: UUID!) {
  removeConnection(id: $id)
}
    `) as unknown as TypedDocumentString<RemoveConnectionMutation, RemoveConnectionMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    id
    userId
    name
    prefix
    status
    createdAt
    lastUsedAt
    revokedAt
    rpmLimit
    tpmLimit
  }
  currentTeam {
    id
    members {
      userId
      email
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($name: String!) {
  createApiKey(name: $name) {
    secret
    key {
      id
      name
      prefix
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RotateApiKeyDocument = new TypedDocumentString(`
    mutation RotateApiKey($id: UUID!) {
  rotateApiKey(id: $id) {
    secret
    key {
      id
      name
      prefix
    }
  }
}
    `) as unknown as TypedDocumentString<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: UUID!) {
  revokeApiKey(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ModelsForSnippetsDocument = new TypedDocumentString(`
    query ModelsForSnippets {
  models {
    id
  }
}
    `) as unknown as TypedDocumentString<ModelsForSnippetsQuery, ModelsForSnippetsQueryVariables>;
export const RoutingDocument = new TypedDocumentString(`
    query Routing {
  routing {
    strategy
    sessionAffinity
    followModelReplacements
    rules {
      pattern
      strategy
      targets {
        provider
        model
        account
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoutingQuery, RoutingQueryVariables>;
export const RoutingModelsDocument = new TypedDocumentString(`
    query RoutingModels {
  models {
    id
    provider
  }
}
    `) as unknown as TypedDocumentString<RoutingModelsQuery, RoutingModelsQueryVariables>;
export const SetRoutingDocument = new TypedDocumentString(`
    mutation SetRouting($routing: RoutingInput!) {
  setRouting(routing: $routing) {
    strategy
    sessionAffinity
    followModelReplacements
    rules {
      pattern
      strategy
      targets {
        provider
        model
        account
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SetRoutingMutation, SetRoutingMutationVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($displayName: String, $locale: String) {
  updateProfile(displayName: $displayName, locale: $locale) {
    id
    email
    displayName
    locale
    planId
    emailVerified
    createdAt
  }
}
    `) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($confirmEmail: String!, $password: String) {
  deleteAccount(confirmEmail: $confirmEmail, password: $password)
}
    `) as unknown as TypedDocumentString<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const UpdateNotificationsDocument = new TypedDocumentString(`
    mutation UpdateNotifications($quota80: Boolean, $quota100: Boolean, $connectionExpired: Boolean) {
  updateNotifications(
    quota80: $quota80
    quota100: $quota100
    connectionExpired: $connectionExpired
  ) {
    quota80
    quota100
    connectionExpired
  }
}
    `) as unknown as TypedDocumentString<UpdateNotificationsMutation, UpdateNotificationsMutationVariables>;
export const SessionsDocument = new TypedDocumentString(`
    query Sessions {
  sessions {
    id
    createdAt
    expiresAt
    userAgent
    ip
    current
    supportView
  }
}
    `) as unknown as TypedDocumentString<SessionsQuery, SessionsQueryVariables>;
export const SupportViewsDocument = new TypedDocumentString(`
    query SupportViews {
  supportViews {
    startedAt
    endedAt
    expiresAt
    role
  }
}
    `) as unknown as TypedDocumentString<SupportViewsQuery, SupportViewsQueryVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: UUID!) {
  revokeSession(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const SignOutOtherSessionsDocument = new TypedDocumentString(`
    mutation SignOutOtherSessions {
  signOutOtherSessions
}
    `) as unknown as TypedDocumentString<SignOutOtherSessionsMutation, SignOutOtherSessionsMutationVariables>;
export const MyTeamsDocument = new TypedDocumentString(`
    query MyTeams {
  teams {
    id
    name
    role
    plan {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MyTeamsQuery, MyTeamsQueryVariables>;
export const CurrentTeamDocument = new TypedDocumentString(`
    query CurrentTeam {
  currentTeam {
    id
    name
    role
    createdAt
    budgetUsd
    googleDomain
    plan {
      id
      name
      monthlyRequests
      maxMembers
    }
    period {
      start
      end
    }
    slack {
      configured
      latest {
        kind
        status
      }
    }
    requestsThisPeriod
    costUsdThisPeriod
    seatsUsed
    seatsMax
    members {
      userId
      email
      displayName
      role
      joinedAt
      monthlyRequestsLimit
      requestsPerMinuteLimit
      budgetUsd
      requestsThisPeriod
      costUsdThisPeriod
      lastActiveAt
    }
  }
}
    `) as unknown as TypedDocumentString<CurrentTeamQuery, CurrentTeamQueryVariables>;
export const TeamInvitesDocument = new TypedDocumentString(`
    query TeamInvites {
  teamInvites {
    id
    email
    role
    createdAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<TeamInvitesQuery, TeamInvitesQueryVariables>;
export const TeamAuditLogDocument = new TypedDocumentString(`
    query TeamAuditLog($first: Int!, $before: Int) {
  teamAuditLog(first: $first, before: $before) {
    id
    at
    actorEmail
    action
    target
    before
    after
  }
}
    `) as unknown as TypedDocumentString<TeamAuditLogQuery, TeamAuditLogQueryVariables>;
export const CreateTeamDocument = new TypedDocumentString(`
    mutation CreateTeam($name: String!) {
  createTeam(name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateTeamMutation, CreateTeamMutationVariables>;
export const RenameTeamDocument = new TypedDocumentString(`
    mutation RenameTeam($name: String!) {
  renameTeam(name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RenameTeamMutation, RenameTeamMutationVariables>;
export const InviteTeamMemberDocument = new TypedDocumentString(`
    mutation InviteTeamMember($email: String!, $role: TeamRole!) {
  inviteTeamMember(email: $email, role: $role) {
    id
    email
  }
}
    `) as unknown as TypedDocumentString<InviteTeamMemberMutation, InviteTeamMemberMutationVariables>;
export const ResendTeamInviteDocument = new TypedDocumentString(`
    mutation ResendTeamInvite($id: UUID!) {
  resendTeamInvite(id: $id) {
    id
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ResendTeamInviteMutation, ResendTeamInviteMutationVariables>;
export const RevokeTeamInviteDocument = new TypedDocumentString(`
    mutation RevokeTeamInvite($id: UUID!) {
  revokeTeamInvite(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RevokeTeamInviteMutation, RevokeTeamInviteMutationVariables>;
export const SetTeamMemberRoleDocument = new TypedDocumentString(`
    mutation SetTeamMemberRole($userId: UUID!, $role: TeamRole!) {
  setTeamMemberRole(userId: $userId, role: $role)
}
    `) as unknown as TypedDocumentString<SetTeamMemberRoleMutation, SetTeamMemberRoleMutationVariables>;
export const RemoveTeamMemberDocument = new TypedDocumentString(`
    mutation RemoveTeamMember($userId: UUID!) {
  removeTeamMember(userId: $userId)
}
    `) as unknown as TypedDocumentString<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>;
export const TransferTeamOwnershipDocument = new TypedDocumentString(`
    mutation TransferTeamOwnership($userId: UUID!) {
  transferTeamOwnership(userId: $userId)
}
    `) as unknown as TypedDocumentString<TransferTeamOwnershipMutation, TransferTeamOwnershipMutationVariables>;
export const LeaveTeamDocument = new TypedDocumentString(`
    mutation LeaveTeam {
  leaveTeam
}
    `) as unknown as TypedDocumentString<LeaveTeamMutation, LeaveTeamMutationVariables>;
export const SetTeamMemberLimitsDocument = new TypedDocumentString(`
    mutation SetTeamMemberLimits($userId: UUID!, $monthlyRequests: Int, $requestsPerMinute: Int, $budgetUsd: Float) {
  setTeamMemberLimits(
    userId: $userId
    monthlyRequests: $monthlyRequests
    requestsPerMinute: $requestsPerMinute
    budgetUsd: $budgetUsd
  )
}
    `) as unknown as TypedDocumentString<SetTeamMemberLimitsMutation, SetTeamMemberLimitsMutationVariables>;
export const SetTeamBudgetDocument = new TypedDocumentString(`
    mutation SetTeamBudget($budgetUsd: Float) {
  setTeamBudget(budgetUsd: $budgetUsd) {
    id
    budgetUsd
  }
}
    `) as unknown as TypedDocumentString<SetTeamBudgetMutation, SetTeamBudgetMutationVariables>;
export const SetTeamSlackWebhookDocument = new TypedDocumentString(`
    mutation SetTeamSlackWebhook($url: String) {
  setTeamSlackWebhook(url: $url) {
    id
    slack {
      configured
    }
  }
}
    `) as unknown as TypedDocumentString<SetTeamSlackWebhookMutation, SetTeamSlackWebhookMutationVariables>;
export const SendTeamSlackTestDocument = new TypedDocumentString(`
    mutation SendTeamSlackTest {
  sendTeamSlackTest
}
    `) as unknown as TypedDocumentString<SendTeamSlackTestMutation, SendTeamSlackTestMutationVariables>;
export const SetTeamGoogleDomainDocument = new TypedDocumentString(`
    mutation SetTeamGoogleDomain($domain: String) {
  setTeamGoogleDomain(domain: $domain) {
    id
    googleDomain
  }
}
    `) as unknown as TypedDocumentString<SetTeamGoogleDomainMutation, SetTeamGoogleDomainMutationVariables>;
export const InvitePreviewDocument = new TypedDocumentString(`
    query InvitePreview($token: String!) {
  teamInvite(token: $token) {
    teamName
    email
    role
    expiresAt
    accountExists
  }
}
    `) as unknown as TypedDocumentString<InvitePreviewQuery, InvitePreviewQueryVariables>;
export const AcceptTeamInviteDocument = new TypedDocumentString(`
    mutation AcceptTeamInvite($token: String!) {
  acceptTeamInvite(token: $token) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AcceptTeamInviteMutation, AcceptTeamInviteMutationVariables>;
export const AcceptTeamInviteWithSignUpDocument = new TypedDocumentString(`
    mutation AcceptTeamInviteWithSignUp($token: String!, $password: String!, $displayName: String, $locale: String) {
  acceptTeamInviteWithSignUp(
    token: $token
    password: $password
    displayName: $displayName
    locale: $locale
  ) {
    user {
      id
      email
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptTeamInviteWithSignUpMutation, AcceptTeamInviteWithSignUpMutationVariables>;
export const UsageFilterOptionsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<UsageFilterOptionsQuery, UsageFilterOptionsQueryVariables>;
export const UsagePageSummaryDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<UsagePageSummaryQuery, UsagePageSummaryQueryVariables>;
export const UsagePageSeriesDocument = new TypedDocumentString(`
    query UsagePageSeries($range: UsageRange!, $bucket: UsageBucket!, $groupBy: UsageGroup!, $filter: UsageFilter, $utcOffsetMinutes: Int!) {
  grouped: usageSeries(
    range: $range
    bucket: $bucket
    groupBy: $groupBy
    filter: $filter
    utcOffsetMinutes: $utcOffsetMinutes
  ) {
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
  overall: usageSeries(
    range: $range
    bucket: $bucket
    filter: $filter
    utcOffsetMinutes: $utcOffsetMinutes
  ) {
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
    `) as unknown as TypedDocumentString<UsagePageSeriesQuery, UsagePageSeriesQueryVariables>;
export const UsageRequestLogsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<UsageRequestLogsQuery, UsageRequestLogsQueryVariables>;
export const UsageRequestLogDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<UsageRequestLogQuery, UsageRequestLogQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const AccountValueDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AccountValueQuery, AccountValueQueryVariables>;
export const RecentRequestsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RecentRequestsQuery, RecentRequestsQueryVariables>;
export const UsageEventsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<UsageEventsSubscription, UsageEventsSubscriptionVariables>;