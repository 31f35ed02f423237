/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      locale\n      planId\n      emailVerified\n      createdAt\n      hasPassword\n      notifications {\n        quota80\n        quota100\n        connectionExpired\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query ServerInfo {\n    serverInfo {\n      publicUrl\n      googleSignIn\n      idrPerUsd\n    }\n  }\n": typeof types.ServerInfoDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $displayName: String, $locale: String) {\n    signUp(email: $email, password: $password, displayName: $displayName, locale: $locale)\n  }\n": typeof types.SignUpDocument,
    "\n  query SignUpEmail($token: String!) {\n    signUpEmail(token: $token)\n  }\n": typeof types.SignUpEmailDocument,
    "\n  mutation CompleteSignUp($token: String!, $password: String!) {\n    completeSignUp(token: $token, password: $password) {\n      csrfToken\n      user {\n        id\n        locale\n      }\n    }\n  }\n": typeof types.CompleteSignUpDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      csrfToken\n      user {\n        id\n        locale\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!, $revokeApiKeys: Boolean!) {\n    resetPassword(token: $token, newPassword: $newPassword, revokeApiKeys: $revokeApiKeys)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation ResendVerification {\n    resendVerificationEmail\n  }\n": typeof types.ResendVerificationDocument,
    "\n  mutation StartGoogle {\n    startGoogleSignIn {\n      authorizeUrl\n    }\n  }\n": typeof types.StartGoogleDocument,
    "\n  mutation CompleteGoogle($code: String!, $state: String!) {\n    completeGoogleSignIn(code: $code, state: $state) {\n      csrfToken\n      user {\n        id\n      }\n    }\n  }\n": typeof types.CompleteGoogleDocument,
    "\n  query AdminAnalytics($days: Int!, $weeks: Int!) {\n    adminAnalytics(days: $days, weeks: $weeks) {\n      funnel {\n        signedUp\n        connected\n        requested\n        paid\n      }\n      cohorts {\n        weekStart\n        users\n        activeByWeek\n      }\n      providers {\n        name\n        requests\n      }\n      models {\n        name\n        requests\n      }\n    }\n  }\n": typeof types.AdminAnalyticsDocument,
    "\n  query AdminFinance($days: Int!) {\n    adminFinance(days: $days) {\n      mrrSeries {\n        day\n        mrrIdr\n      }\n      revenueByPlan {\n        planId\n        invoices\n        netIdr\n      }\n      refundedIdr\n      arpuIdr\n      ltvEstimateIdr\n    }\n  }\n": typeof types.AdminFinanceDocument,
    "\n  fragment AdminPaymentFields on AdminPayment {\n    orderId\n    invoiceNumber\n    userId\n    email\n    state\n    grossAmount\n    paymentType\n    transactionId\n    createdAt\n    updatedAt\n    notifications {\n      transactionStatus\n      receivedAt\n      processedAt\n      attempts\n      lastError\n    }\n  }\n": typeof types.AdminPaymentFieldsFragmentDoc,
    "\n  query AdminPayments($filter: AdminPaymentFilter!, $first: Int!, $offset: Int!) {\n    adminPayments(filter: $filter, first: $first, offset: $offset) {\n      total\n      items {\n        ...AdminPaymentFields\n      }\n    }\n  }\n": typeof types.AdminPaymentsDocument,
    "\n  mutation AdminRefundPayment($orderId: String!, $amount: Int, $reason: String!) {\n    adminRefundPayment(orderId: $orderId, amount: $amount, reason: $reason) {\n      ...AdminPaymentFields\n    }\n  }\n": typeof types.AdminRefundPaymentDocument,
    "\n  query AdminInvoices($search: String, $first: Int!, $offset: Int!) {\n    adminInvoices(search: $search, first: $first, offset: $offset) {\n      total\n      items {\n        userId\n        buyerEmail\n        invoice {\n          id\n          number\n          kind\n          planId\n          net\n          ppn\n          total\n          status\n          issuedAt\n          paidAt\n        }\n      }\n    }\n  }\n": typeof types.AdminInvoicesDocument,
    "\n  fragment AdminWindowStatsFields on WindowStats {\n    requests\n    errors\n    successRate\n    errorRate\n    p50Ms\n    p95Ms\n    p99Ms\n  }\n": typeof types.AdminWindowStatsFieldsFragmentDoc,
    "\n  fragment AdminHealthWindowsFields on HealthWindows {\n    last5m {\n      ...AdminWindowStatsFields\n    }\n    last1h {\n      ...AdminWindowStatsFields\n    }\n    last24h {\n      ...AdminWindowStatsFields\n    }\n  }\n": typeof types.AdminHealthWindowsFieldsFragmentDoc,
    "\n  query AdminHealth {\n    adminHealth {\n      platform {\n        ...AdminHealthWindowsFields\n      }\n      providers {\n        provider\n        status\n        windows {\n          ...AdminHealthWindowsFields\n        }\n        connections\n        expiredConnections\n        failingConnections\n        refreshFailures24H\n      }\n      queues {\n        emailsQueued\n        emailsFailed\n        paymentNotifications\n        slackNotices\n        jobsPending\n        jobsFailed\n      }\n      replicas {\n        replicaId\n        role\n        usageQueueDepth\n        usageQueueCapacity\n        startedAt\n        seenAt\n        stale\n      }\n    }\n  }\n": typeof types.AdminHealthDocument,
    "\n  mutation AdminStartImpersonation($userId: UUID!, $reason: String!) {\n    adminStartImpersonation(userId: $userId, reason: $reason) {\n      id\n      userId\n      userEmail\n      startedAt\n      expiresAt\n      token\n    }\n  }\n": typeof types.AdminStartImpersonationDocument,
    "\n  mutation AdminEndImpersonation($id: UUID!) {\n    adminEndImpersonation(id: $id)\n  }\n": typeof types.AdminEndImpersonationDocument,
    "\n  subscription AdminLiveCounters {\n    adminLiveCounters {\n      users\n      signUps24h\n      activeSubscriptions\n      mrrIdr\n      requests24h\n      errors24h\n      at\n    }\n  }\n": typeof types.AdminLiveCountersDocument,
    "\n  query AdminLogs($kind: AdminLogKind!, $provider: String, $before: DateTime, $first: Int!) {\n    adminLogs(kind: $kind, provider: $provider, before: $before, first: $first) {\n      items {\n        at\n        kind\n        userId\n        email\n        provider\n        model\n        statusCode\n        detail\n        ip\n        requestId\n      }\n      nextBefore\n    }\n  }\n": typeof types.AdminLogsDocument,
    "\n  fragment SavedQueryFields on SavedQuery {\n    id\n    name\n    description\n    sql\n    updatedBy\n    createdAt\n    updatedAt\n  }\n": typeof types.SavedQueryFieldsFragmentDoc,
    "\n  query AdminSavedQueries {\n    adminSavedQueries {\n      ...SavedQueryFields\n    }\n    adminSavedQueryLimits {\n      maxRows\n      timeoutMs\n      maxCellChars\n    }\n  }\n": typeof types.AdminSavedQueriesDocument,
    "\n  mutation AdminSaveQuery($input: SavedQueryInput!) {\n    adminSaveQuery(input: $input) {\n      ...SavedQueryFields\n    }\n  }\n": typeof types.AdminSaveQueryDocument,
    "\n  mutation AdminDeleteQuery($id: UUID!) {\n    adminDeleteQuery(id: $id)\n  }\n": typeof types.AdminDeleteQueryDocument,
    "\n  mutation AdminRunQuery($id: UUID!) {\n    adminRunQuery(id: $id) {\n      query {\n        ...SavedQueryFields\n      }\n      columns\n      rows\n      truncated\n      elapsedMs\n      csv\n    }\n  }\n": typeof types.AdminRunQueryDocument,
    "\n  query AdminMe {\n    adminMe {\n      userId\n      email\n      role\n      sections\n    }\n  }\n": typeof types.AdminMeDocument,
    "\n  query AdminOverview {\n    adminOverview {\n      usersByPlan {\n        planId\n        users\n      }\n      mrrIdr\n      activeSubscriptions\n      churn {\n        planId\n        subscribersAtStart\n        lost\n        rate\n      }\n      requests {\n        last24h\n        last7d\n        last30d\n      }\n      recentSignUps {\n        ...AdminUserFields\n      }\n      recentPlanChanges {\n        userId\n        email\n        fromPlan\n        toPlan\n        at\n      }\n    }\n  }\n": typeof types.AdminOverviewDocument,
    "\n  query AdminPlans {\n    plans {\n      id\n      name\n    }\n  }\n": typeof types.AdminPlansDocument,
    "\n  fragment AdminUserFields on AdminUser {\n    id\n    email\n    displayName\n    planId\n    platformRole\n    emailVerified\n    suspendedAt\n    createdAt\n    lastActiveAt\n    mrrIdr\n    extraRequests\n    extraRequestsUntil\n  }\n": typeof types.AdminUserFieldsFragmentDoc,
    "\n  query AdminUsers($filter: AdminUserFilter!, $first: Int!, $offset: Int!) {\n    adminUsers(filter: $filter, first: $first, offset: $offset) {\n      total\n      items {\n        ...AdminUserFields\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  fragment AdminAuditFields on AdminAuditEntry {\n    id\n    createdAt\n    actorEmail\n    actorRole\n    action\n    targetKind\n    targetId\n    targetLabel\n    before\n    after\n    reason\n    ip\n  }\n": typeof types.AdminAuditFieldsFragmentDoc,
    "\n  fragment AdminUserDetailFields on AdminUserDetail {\n    user {\n      ...AdminUserFields\n    }\n    locale\n    signsInWithGoogle\n    connections {\n      id\n      provider\n      kind\n      label\n      status\n      createdAt\n      lastUsedAt\n      lastErrorAt\n      tokenExpiresAt\n    }\n    usage30d {\n      requests\n      errors\n      costUsd\n    }\n    invoices {\n      id\n      number\n      kind\n      description\n      total\n      status\n      issuedAt\n      paidAt\n    }\n    periods {\n      id\n      planId\n      startsAt\n      endsAt\n      revokedAt\n      lapsedAt\n    }\n    teams {\n      teamId\n      name\n      planId\n      role\n    }\n    audit {\n      ...AdminAuditFields\n    }\n  }\n": typeof types.AdminUserDetailFieldsFragmentDoc,
    "\n  query AdminUser($id: UUID!) {\n    adminUser(id: $id) {\n      ...AdminUserDetailFields\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  mutation AdminSuspendUser($id: UUID!, $reason: String!) {\n    adminSuspendUser(id: $id, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": typeof types.AdminSuspendUserDocument,
    "\n  mutation AdminUnsuspendUser($id: UUID!, $reason: String!) {\n    adminUnsuspendUser(id: $id, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": typeof types.AdminUnsuspendUserDocument,
    "\n  mutation AdminSetUserPlan($id: UUID!, $planId: String!, $until: NaiveDate, $reason: String!) {\n    adminSetUserPlan(id: $id, planId: $planId, until: $until, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": typeof types.AdminSetUserPlanDocument,
    "\n  mutation AdminExtendPeriod($id: UUID!, $until: NaiveDate!, $reason: String!) {\n    adminExtendPeriod(id: $id, until: $until, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": typeof types.AdminExtendPeriodDocument,
    "\n  mutation AdminGrantRequests($id: UUID!, $requests: Int!, $reason: String!) {\n    adminGrantRequests(id: $id, requests: $requests, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": typeof types.AdminGrantRequestsDocument,
    "\n  mutation AdminSignOutUser($id: UUID!, $reason: String!) {\n    adminSignOutUser(id: $id, reason: $reason)\n  }\n": typeof types.AdminSignOutUserDocument,
    "\n  mutation AdminResendVerification($id: UUID!, $reason: String!) {\n    adminResendVerification(id: $id, reason: $reason)\n  }\n": typeof types.AdminResendVerificationDocument,
    "\n  query AdminAudit($filter: AdminAuditFilter!, $before: Int, $first: Int!) {\n    adminAudit(filter: $filter, before: $before, first: $first) {\n      items {\n        ...AdminAuditFields\n      }\n      nextBefore\n    }\n  }\n": typeof types.AdminAuditDocument,
    "\n  query Billing {\n    billingEnabled\n    myPlan {\n      plan {\n        id\n        name\n        priceIdr\n        monthlyRequests\n        maxOauthAccounts\n        maxProviders\n      }\n      periodStart\n      periodEnd\n      requestsUsed\n      requestsLimit\n      requestsPerMinute\n      tokensPerMinute\n      providersUsed\n      oauthAccountsUsed\n    }\n    plans {\n      id\n      name\n      priceIdr\n      monthlyRequests\n      maxOauthAccounts\n      maxProviders\n      maxMembers\n      requestsPerMinute\n      tokensPerMinute\n    }\n    subscriptionStatus {\n      ...SubscriptionStatusFields\n    }\n  }\n": typeof types.BillingDocument,
    "\n  fragment SubscriptionStatusFields on SubscriptionStatus {\n    plan {\n      id\n      name\n      priceIdr\n    }\n    period {\n      startsAt\n      endsAt\n      atEnd\n      nextPlan {\n        id\n        name\n        priceIdr\n      }\n    }\n    nextBill {\n      planId\n      total\n      dueAt\n      invoice {\n        id\n        number\n        status\n        total\n      }\n    }\n    pausedConnections\n  }\n": typeof types.SubscriptionStatusFieldsFragmentDoc,
    "\n  query BillingHistory {\n    invoices {\n      id\n      number\n      kind\n      planId\n      description\n      net\n      taxBase\n      ppn\n      total\n      status\n      issuedAt\n      dueAt\n      paidAt\n      paidMethod\n      credit\n      creditDays\n    }\n    payments {\n      orderId\n      state\n      amount\n      paymentType\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.BillingHistoryDocument,
    "\n  mutation StartCheckout($plan: String!) {\n    startCheckout(plan: $plan) {\n      orderId\n      invoiceNumber\n      total\n      redirectUrl\n      token\n    }\n  }\n": typeof types.StartCheckoutDocument,
    "\n  query CheckoutQuote($plan: String!) {\n    checkoutQuote(plan: $plan) {\n      planId\n      change\n      price\n      credit\n      creditDays\n      net\n      taxBase\n      ppn\n      total\n      invoiceNumber\n    }\n  }\n": typeof types.CheckoutQuoteDocument,
    "\n  mutation ChangePlanAtPeriodEnd($plan: String!) {\n    changePlanAtPeriodEnd(plan: $plan) {\n      ...SubscriptionStatusFields\n    }\n  }\n": typeof types.ChangePlanAtPeriodEndDocument,
    "\n  mutation CancelPlan {\n    cancelPlan {\n      ...SubscriptionStatusFields\n    }\n  }\n": typeof types.CancelPlanDocument,
    "\n  mutation ResumePlan {\n    resumePlan {\n      ...SubscriptionStatusFields\n    }\n  }\n": typeof types.ResumePlanDocument,
    "\n  query PaymentStatus($orderId: String!) {\n    payment(orderId: $orderId) {\n      orderId\n      state\n      amount\n      paymentType\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.PaymentStatusDocument,
    "\n  query Connections {\n    connections {\n      id\n      provider\n      kind\n      label\n      status\n      baseUrl\n      models\n      reachableModels\n      modelsRefreshedAt\n      modelsError\n      weight\n      priority\n      identityEmail\n      planType\n      tokenExpiresAt\n      lastRefreshedAt\n      lastError\n      lastErrorAt\n      nextAttemptAt\n      lastUsedAt\n      createdAt\n      cooldowns {\n        model\n        until\n        reason\n        failures\n      }\n    }\n    connectionLimits {\n      providersUsed\n      providersMax\n      oauthAccountsUsed\n      oauthAccountsMax\n    }\n    myPlan {\n      plan {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConnectionsDocument,
    "\n  mutation AddApiKeyConnection(\n    $provider: ProviderName!\n    $apiKey: String!\n    $baseUrl: String\n    $label: String\n    $models: [String!]!\n  ) {\n    addApiKeyConnection(provider: $provider, apiKey: $apiKey, baseUrl: $baseUrl, label: $label, models: $models) {\n      id\n      label\n    }\n  }\n": typeof types.AddApiKeyConnectionDocument,
    "\n  mutation StartOAuth($provider: ProviderName!, $device: Boolean!, $label: String) {\n    startOAuthConnection(provider: $provider, device: $device, label: $label) {\n      flowId\n      authorizeUrl\n      userCode\n      verificationUri\n      verificationUriComplete\n      intervalSecs\n      expiresInSecs\n    }\n  }\n": typeof types.StartOAuthDocument,
    "\n  mutation CompleteOAuth($flowId: UUID!, $pasted: String!) {\n    completeOAuthConnection(flowId: $flowId, pasted: $pasted) {\n      id\n      label\n    }\n  }\n": typeof types.CompleteOAuthDocument,
    "\n  mutation PollOAuth($flowId: UUID!) {\n    pollOAuthConnection(flowId: $flowId) {\n      connected\n      intervalSecs\n      connection {\n        id\n        label\n      }\n    }\n  }\n": typeof types.PollOAuthDocument,
    "\n  mutation ImportCredentials($provider: ProviderName!, $contents: String!, $label: String) {\n    importCredentials(provider: $provider, contents: $contents, label: $label) {\n      id\n      label\n    }\n  }\n": typeof types.ImportCredentialsDocument,
    "\n  mutation UpdateConnection($id: UUID!, $changes: ConnectionChanges!) {\n    updateConnection(id: $id, changes: $changes) {\n      id\n      label\n      status\n      weight\n      priority\n      models\n      lastError\n      nextAttemptAt\n    }\n  }\n": typeof types.UpdateConnectionDocument,
    "\n  mutation RefreshConnection($id: UUID!) {\n    refreshConnection(id: $id) {\n      id\n      label\n      status\n      lastError\n      lastRefreshedAt\n      tokenExpiresAt\n      nextAttemptAt\n    }\n  }\n": typeof types.RefreshConnectionDocument,
    "\n  mutation KeepConnections($ids: [UUID!]!) {\n    keepConnections(ids: $ids) {\n      id\n      status\n    }\n  }\n": typeof types.KeepConnectionsDocument,
    "\n  mutation RemoveConnection($id: UUID!) {\n    removeConnection(id: $id)\n  }\n": typeof types.RemoveConnectionDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      userId\n      name\n      prefix\n      status\n      createdAt\n      lastUsedAt\n      revokedAt\n      rpmLimit\n      tpmLimit\n    }\n    currentTeam {\n      id\n      members {\n        userId\n        email\n        displayName\n      }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      key {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RotateApiKey($id: UUID!) {\n    rotateApiKey(id: $id) {\n      secret\n      key {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: UUID!) {\n    revokeApiKey(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ModelsForSnippets {\n    models {\n      id\n    }\n  }\n": typeof types.ModelsForSnippetsDocument,
    "\n  query Routing {\n    routing {\n      strategy\n      sessionAffinity\n      followModelReplacements\n      rules {\n        pattern\n        strategy\n        targets {\n          provider\n          model\n          account\n        }\n      }\n    }\n  }\n": typeof types.RoutingDocument,
    "\n  query RoutingModels {\n    models {\n      id\n      provider\n    }\n  }\n": typeof types.RoutingModelsDocument,
    "\n  mutation SetRouting($routing: RoutingInput!) {\n    setRouting(routing: $routing) {\n      strategy\n      sessionAffinity\n      followModelReplacements\n      rules {\n        pattern\n        strategy\n        targets {\n          provider\n          model\n          account\n        }\n      }\n    }\n  }\n": typeof types.SetRoutingDocument,
    "\n  mutation UpdateProfile($displayName: String, $locale: String) {\n    updateProfile(displayName: $displayName, locale: $locale) {\n      id\n      email\n      displayName\n      locale\n      planId\n      emailVerified\n      createdAt\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation DeleteAccount($confirmEmail: String!, $password: String) {\n    deleteAccount(confirmEmail: $confirmEmail, password: $password)\n  }\n": typeof types.DeleteAccountDocument,
    "\n  mutation UpdateNotifications($quota80: Boolean, $quota100: Boolean, $connectionExpired: Boolean) {\n    updateNotifications(quota80: $quota80, quota100: $quota100, connectionExpired: $connectionExpired) {\n      quota80\n      quota100\n      connectionExpired\n    }\n  }\n": typeof types.UpdateNotificationsDocument,
    "\n  query Sessions {\n    sessions {\n      id\n      createdAt\n      expiresAt\n      userAgent\n      ip\n      current\n      supportView\n    }\n  }\n": typeof types.SessionsDocument,
    "\n  query SupportViews {\n    supportViews {\n      startedAt\n      endedAt\n      expiresAt\n      role\n    }\n  }\n": typeof types.SupportViewsDocument,
    "\n  mutation RevokeSession($id: UUID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n": typeof types.SignOutOtherSessionsDocument,
    "\n  query MyTeams {\n    teams {\n      id\n      name\n      role\n      plan {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MyTeamsDocument,
    "\n  query CurrentTeam {\n    currentTeam {\n      id\n      name\n      role\n      createdAt\n      budgetUsd\n      googleDomain\n      plan {\n        id\n        name\n        monthlyRequests\n        maxMembers\n      }\n      period {\n        start\n        end\n      }\n      slack {\n        configured\n        latest {\n          kind\n          status\n        }\n      }\n      requestsThisPeriod\n      costUsdThisPeriod\n      seatsUsed\n      seatsMax\n      members {\n        userId\n        email\n        displayName\n        role\n        joinedAt\n        monthlyRequestsLimit\n        requestsPerMinuteLimit\n        budgetUsd\n        requestsThisPeriod\n        costUsdThisPeriod\n        lastActiveAt\n      }\n    }\n  }\n": typeof types.CurrentTeamDocument,
    "\n  query TeamInvites {\n    teamInvites {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.TeamInvitesDocument,
    "\n  query TeamAuditLog($first: Int!, $before: Int) {\n    teamAuditLog(first: $first, before: $before) {\n      id\n      at\n      actorEmail\n      action\n      target\n      before\n      after\n    }\n  }\n": typeof types.TeamAuditLogDocument,
    "\n  mutation CreateTeam($name: String!) {\n    createTeam(name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation RenameTeam($name: String!) {\n    renameTeam(name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenameTeamDocument,
    "\n  mutation InviteTeamMember($email: String!, $role: TeamRole!) {\n    inviteTeamMember(email: $email, role: $role) {\n      id\n      email\n    }\n  }\n": typeof types.InviteTeamMemberDocument,
    "\n  mutation ResendTeamInvite($id: UUID!) {\n    resendTeamInvite(id: $id) {\n      id\n      expiresAt\n    }\n  }\n": typeof types.ResendTeamInviteDocument,
    "\n  mutation RevokeTeamInvite($id: UUID!) {\n    revokeTeamInvite(id: $id) {\n      id\n    }\n  }\n": typeof types.RevokeTeamInviteDocument,
    "\n  mutation SetTeamMemberRole($userId: UUID!, $role: TeamRole!) {\n    setTeamMemberRole(userId: $userId, role: $role)\n  }\n": typeof types.SetTeamMemberRoleDocument,
    "\n  mutation RemoveTeamMember($userId: UUID!) {\n    removeTeamMember(userId: $userId)\n  }\n": typeof types.RemoveTeamMemberDocument,
    "\n  mutation TransferTeamOwnership($userId: UUID!) {\n    transferTeamOwnership(userId: $userId)\n  }\n": typeof types.TransferTeamOwnershipDocument,
    "\n  mutation LeaveTeam {\n    leaveTeam\n  }\n": typeof types.LeaveTeamDocument,
    "\n  mutation SetTeamMemberLimits($userId: UUID!, $monthlyRequests: Int, $requestsPerMinute: Int, $budgetUsd: Float) {\n    setTeamMemberLimits(userId: $userId, monthlyRequests: $monthlyRequests, requestsPerMinute: $requestsPerMinute, budgetUsd: $budgetUsd)\n  }\n": typeof types.SetTeamMemberLimitsDocument,
    "\n  mutation SetTeamBudget($budgetUsd: Float) {\n    setTeamBudget(budgetUsd: $budgetUsd) {\n      id\n      budgetUsd\n    }\n  }\n": typeof types.SetTeamBudgetDocument,
    "\n  mutation SetTeamSlackWebhook($url: String) {\n    setTeamSlackWebhook(url: $url) {\n      id\n      slack {\n        configured\n      }\n    }\n  }\n": typeof types.SetTeamSlackWebhookDocument,
    "\n  mutation SendTeamSlackTest {\n    sendTeamSlackTest\n  }\n": typeof types.SendTeamSlackTestDocument,
    "\n  mutation SetTeamGoogleDomain($domain: String) {\n    setTeamGoogleDomain(domain: $domain) {\n      id\n      googleDomain\n    }\n  }\n": typeof types.SetTeamGoogleDomainDocument,
    "\n  query InvitePreview($token: String!) {\n    teamInvite(token: $token) {\n      teamName\n      email\n      role\n      expiresAt\n      accountExists\n    }\n  }\n": typeof types.InvitePreviewDocument,
    "\n  mutation AcceptTeamInvite($token: String!) {\n    acceptTeamInvite(token: $token) {\n      id\n      name\n    }\n  }\n": typeof types.AcceptTeamInviteDocument,
    "\n  mutation AcceptTeamInviteWithSignUp($token: String!, $password: String!, $displayName: String, $locale: String) {\n    acceptTeamInviteWithSignUp(token: $token, password: $password, displayName: $displayName, locale: $locale) {\n      user {\n        id\n        email\n      }\n    }\n  }\n": typeof types.AcceptTeamInviteWithSignUpDocument,
    "\n  query UsageFilterOptions($range: UsageRange!) {\n    apiKeys {\n      id\n      name\n      status\n    }\n    connections {\n      id\n      label\n      provider\n    }\n    currentTeam {\n      id\n      members {\n        userId\n        email\n        displayName\n      }\n    }\n    providers: usageSummary(range: $range, groupBy: PROVIDER) {\n      groups {\n        group\n        label\n      }\n    }\n    models: usageSummary(range: $range, groupBy: MODEL) {\n      groups {\n        group\n        label\n      }\n    }\n  }\n": typeof types.UsageFilterOptionsDocument,
    "\n  query UsagePageSummary($range: UsageRange!, $filter: UsageFilter, $groupBy: UsageGroup!) {\n    summary: usageSummary(range: $range, filter: $filter) {\n      from\n      to\n      totals {\n        requests\n        errors\n        promptTokens\n        completionTokens\n        cachedTokens\n        reasoningTokens\n        costNanos\n        latencyMsP50\n        latencyMsP95\n      }\n    }\n    byProvider: usageSummary(range: $range, groupBy: PROVIDER, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n    byModel: usageSummary(range: $range, groupBy: MODEL, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n    breakdown: usageSummary(range: $range, groupBy: $groupBy, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          errors\n          promptTokens\n          completionTokens\n          cachedTokens\n          costNanos\n          latencyMsP50\n          latencyMsP95\n        }\n      }\n    }\n  }\n": typeof types.UsagePageSummaryDocument,
    "\n  query UsagePageSeries(\n    $range: UsageRange!\n    $bucket: UsageBucket!\n    $groupBy: UsageGroup!\n    $filter: UsageFilter\n    $utcOffsetMinutes: Int!\n  ) {\n    grouped: usageSeries(range: $range, bucket: $bucket, groupBy: $groupBy, filter: $filter, utcOffsetMinutes: $utcOffsetMinutes) {\n      from\n      to\n      bucket\n      series {\n        group\n        label\n        points {\n          at\n          totals {\n            requests\n          }\n        }\n      }\n    }\n    overall: usageSeries(range: $range, bucket: $bucket, filter: $filter, utcOffsetMinutes: $utcOffsetMinutes) {\n      series {\n        points {\n          at\n          totals {\n            requests\n            errors\n            promptTokens\n            completionTokens\n            cachedTokens\n            costNanos\n            latencyMsP50\n            latencyMsP95\n          }\n        }\n      }\n    }\n  }\n": typeof types.UsagePageSeriesDocument,
    "\n  query UsageRequestLogs($filter: RequestLogFilter, $first: Int!, $after: String) {\n    requestLogs(filter: $filter, first: $first, after: $after) {\n      nextCursor\n      items {\n        id\n        createdAt\n        model\n        provider\n        apiKeyId\n        memberId\n        accountId\n        statusCode\n        errorKind\n        promptTokens\n        completionTokens\n        latencyMs\n        ttftMs\n        costNanos\n      }\n    }\n  }\n": typeof types.UsageRequestLogsDocument,
    "\n  query UsageRequestLog($id: UUID!) {\n    requestLog(id: $id) {\n      id\n      createdAt\n      model\n      provider\n      apiKeyId\n      accountId\n      endpoint\n      stream\n      statusCode\n      errorKind\n      promptTokens\n      completionTokens\n      cachedTokens\n      reasoningTokens\n      costNanos\n      costUsd\n      latencyMs\n      ttftMs\n    }\n  }\n": typeof types.UsageRequestLogDocument,
    "\n  query Overview($today: UsageRange!) {\n    myPlan {\n      plan {\n        id\n        name\n        monthlyRequests\n        maxProviders\n        maxOauthAccounts\n      }\n      periodStart\n      periodEnd\n      requestsUsed\n      requestsLimit\n      providersUsed\n      oauthAccountsUsed\n    }\n    today: usageSummary(range: $today) {\n      totals {\n        requests\n        errors\n      }\n    }\n    connections {\n      id\n      kind\n      status\n    }\n    apiKeys {\n      id\n      status\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query AccountValue($range: UsageRange!) {\n    usageSummary(range: $range, groupBy: ACCOUNT) {\n      groups {\n        group\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n  }\n": typeof types.AccountValueDocument,
    "\n  query RecentRequests($first: Int!) {\n    requestLogs(first: $first) {\n      items {\n        id\n        createdAt\n        model\n        provider\n        statusCode\n        promptTokens\n        completionTokens\n        latencyMs\n        costNanos\n      }\n    }\n  }\n": typeof types.RecentRequestsDocument,
    "\n  subscription UsageEvents {\n    usageEvents {\n      requestId\n      apiKeyId\n      accountId\n      provider\n      model\n      endpoint\n      status\n      promptTokens\n      completionTokens\n      costNanos\n      latencyMs\n      createdAt\n    }\n  }\n": typeof types.UsageEventsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      locale\n      planId\n      emailVerified\n      createdAt\n      hasPassword\n      notifications {\n        quota80\n        quota100\n        connectionExpired\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query ServerInfo {\n    serverInfo {\n      publicUrl\n      googleSignIn\n      idrPerUsd\n    }\n  }\n": types.ServerInfoDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $displayName: String, $locale: String) {\n    signUp(email: $email, password: $password, displayName: $displayName, locale: $locale)\n  }\n": types.SignUpDocument,
    "\n  query SignUpEmail($token: String!) {\n    signUpEmail(token: $token)\n  }\n": types.SignUpEmailDocument,
    "\n  mutation CompleteSignUp($token: String!, $password: String!) {\n    completeSignUp(token: $token, password: $password) {\n      csrfToken\n      user {\n        id\n        locale\n      }\n    }\n  }\n": types.CompleteSignUpDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      csrfToken\n      user {\n        id\n        locale\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!, $revokeApiKeys: Boolean!) {\n    resetPassword(token: $token, newPassword: $newPassword, revokeApiKeys: $revokeApiKeys)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  mutation ResendVerification {\n    resendVerificationEmail\n  }\n": types.ResendVerificationDocument,
    "\n  mutation StartGoogle {\n    startGoogleSignIn {\n      authorizeUrl\n    }\n  }\n": types.StartGoogleDocument,
    "\n  mutation CompleteGoogle($code: String!, $state: String!) {\n    completeGoogleSignIn(code: $code, state: $state) {\n      csrfToken\n      user {\n        id\n      }\n    }\n  }\n": types.CompleteGoogleDocument,
    "\n  query AdminAnalytics($days: Int!, $weeks: Int!) {\n    adminAnalytics(days: $days, weeks: $weeks) {\n      funnel {\n        signedUp\n        connected\n        requested\n        paid\n      }\n      cohorts {\n        weekStart\n        users\n        activeByWeek\n      }\n      providers {\n        name\n        requests\n      }\n      models {\n        name\n        requests\n      }\n    }\n  }\n": types.AdminAnalyticsDocument,
    "\n  query AdminFinance($days: Int!) {\n    adminFinance(days: $days) {\n      mrrSeries {\n        day\n        mrrIdr\n      }\n      revenueByPlan {\n        planId\n        invoices\n        netIdr\n      }\n      refundedIdr\n      arpuIdr\n      ltvEstimateIdr\n    }\n  }\n": types.AdminFinanceDocument,
    "\n  fragment AdminPaymentFields on AdminPayment {\n    orderId\n    invoiceNumber\n    userId\n    email\n    state\n    grossAmount\n    paymentType\n    transactionId\n    createdAt\n    updatedAt\n    notifications {\n      transactionStatus\n      receivedAt\n      processedAt\n      attempts\n      lastError\n    }\n  }\n": types.AdminPaymentFieldsFragmentDoc,
    "\n  query AdminPayments($filter: AdminPaymentFilter!, $first: Int!, $offset: Int!) {\n    adminPayments(filter: $filter, first: $first, offset: $offset) {\n      total\n      items {\n        ...AdminPaymentFields\n      }\n    }\n  }\n": types.AdminPaymentsDocument,
    "\n  mutation AdminRefundPayment($orderId: String!, $amount: Int, $reason: String!) {\n    adminRefundPayment(orderId: $orderId, amount: $amount, reason: $reason) {\n      ...AdminPaymentFields\n    }\n  }\n": types.AdminRefundPaymentDocument,
    "\n  query AdminInvoices($search: String, $first: Int!, $offset: Int!) {\n    adminInvoices(search: $search, first: $first, offset: $offset) {\n      total\n      items {\n        userId\n        buyerEmail\n        invoice {\n          id\n          number\n          kind\n          planId\n          net\n          ppn\n          total\n          status\n          issuedAt\n          paidAt\n        }\n      }\n    }\n  }\n": types.AdminInvoicesDocument,
    "\n  fragment AdminWindowStatsFields on WindowStats {\n    requests\n    errors\n    successRate\n    errorRate\n    p50Ms\n    p95Ms\n    p99Ms\n  }\n": types.AdminWindowStatsFieldsFragmentDoc,
    "\n  fragment AdminHealthWindowsFields on HealthWindows {\n    last5m {\n      ...AdminWindowStatsFields\n    }\n    last1h {\n      ...AdminWindowStatsFields\n    }\n    last24h {\n      ...AdminWindowStatsFields\n    }\n  }\n": types.AdminHealthWindowsFieldsFragmentDoc,
    "\n  query AdminHealth {\n    adminHealth {\n      platform {\n        ...AdminHealthWindowsFields\n      }\n      providers {\n        provider\n        status\n        windows {\n          ...AdminHealthWindowsFields\n        }\n        connections\n        expiredConnections\n        failingConnections\n        refreshFailures24H\n      }\n      queues {\n        emailsQueued\n        emailsFailed\n        paymentNotifications\n        slackNotices\n        jobsPending\n        jobsFailed\n      }\n      replicas {\n        replicaId\n        role\n        usageQueueDepth\n        usageQueueCapacity\n        startedAt\n        seenAt\n        stale\n      }\n    }\n  }\n": types.AdminHealthDocument,
    "\n  mutation AdminStartImpersonation($userId: UUID!, $reason: String!) {\n    adminStartImpersonation(userId: $userId, reason: $reason) {\n      id\n      userId\n      userEmail\n      startedAt\n      expiresAt\n      token\n    }\n  }\n": types.AdminStartImpersonationDocument,
    "\n  mutation AdminEndImpersonation($id: UUID!) {\n    adminEndImpersonation(id: $id)\n  }\n": types.AdminEndImpersonationDocument,
    "\n  subscription AdminLiveCounters {\n    adminLiveCounters {\n      users\n      signUps24h\n      activeSubscriptions\n      mrrIdr\n      requests24h\n      errors24h\n      at\n    }\n  }\n": types.AdminLiveCountersDocument,
    "\n  query AdminLogs($kind: AdminLogKind!, $provider: String, $before: DateTime, $first: Int!) {\n    adminLogs(kind: $kind, provider: $provider, before: $before, first: $first) {\n      items {\n        at\n        kind\n        userId\n        email\n        provider\n        model\n        statusCode\n        detail\n        ip\n        requestId\n      }\n      nextBefore\n    }\n  }\n": types.AdminLogsDocument,
    "\n  fragment SavedQueryFields on SavedQuery {\n    id\n    name\n    description\n    sql\n    updatedBy\n    createdAt\n    updatedAt\n  }\n": types.SavedQueryFieldsFragmentDoc,
    "\n  query AdminSavedQueries {\n    adminSavedQueries {\n      ...SavedQueryFields\n    }\n    adminSavedQueryLimits {\n      maxRows\n      timeoutMs\n      maxCellChars\n    }\n  }\n": types.AdminSavedQueriesDocument,
    "\n  mutation AdminSaveQuery($input: SavedQueryInput!) {\n    adminSaveQuery(input: $input) {\n      ...SavedQueryFields\n    }\n  }\n": types.AdminSaveQueryDocument,
    "\n  mutation AdminDeleteQuery($id: UUID!) {\n    adminDeleteQuery(id: $id)\n  }\n": types.AdminDeleteQueryDocument,
    "\n  mutation AdminRunQuery($id: UUID!) {\n    adminRunQuery(id: $id) {\n      query {\n        ...SavedQueryFields\n      }\n      columns\n      rows\n      truncated\n      elapsedMs\n      csv\n    }\n  }\n": types.AdminRunQueryDocument,
    "\n  query AdminMe {\n    adminMe {\n      userId\n      email\n      role\n      sections\n    }\n  }\n": types.AdminMeDocument,
    "\n  query AdminOverview {\n    adminOverview {\n      usersByPlan {\n        planId\n        users\n      }\n      mrrIdr\n      activeSubscriptions\n      churn {\n        planId\n        subscribersAtStart\n        lost\n        rate\n      }\n      requests {\n        last24h\n        last7d\n        last30d\n      }\n      recentSignUps {\n        ...AdminUserFields\n      }\n      recentPlanChanges {\n        userId\n        email\n        fromPlan\n        toPlan\n        at\n      }\n    }\n  }\n": types.AdminOverviewDocument,
    "\n  query AdminPlans {\n    plans {\n      id\n      name\n    }\n  }\n": types.AdminPlansDocument,
    "\n  fragment AdminUserFields on AdminUser {\n    id\n    email\n    displayName\n    planId\n    platformRole\n    emailVerified\n    suspendedAt\n    createdAt\n    lastActiveAt\n    mrrIdr\n    extraRequests\n    extraRequestsUntil\n  }\n": types.AdminUserFieldsFragmentDoc,
    "\n  query AdminUsers($filter: AdminUserFilter!, $first: Int!, $offset: Int!) {\n    adminUsers(filter: $filter, first: $first, offset: $offset) {\n      total\n      items {\n        ...AdminUserFields\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  fragment AdminAuditFields on AdminAuditEntry {\n    id\n    createdAt\n    actorEmail\n    actorRole\n    action\n    targetKind\n    targetId\n    targetLabel\n    before\n    after\n    reason\n    ip\n  }\n": types.AdminAuditFieldsFragmentDoc,
    "\n  fragment AdminUserDetailFields on AdminUserDetail {\n    user {\n      ...AdminUserFields\n    }\n    locale\n    signsInWithGoogle\n    connections {\n      id\n      provider\n      kind\n      label\n      status\n      createdAt\n      lastUsedAt\n      lastErrorAt\n      tokenExpiresAt\n    }\n    usage30d {\n      requests\n      errors\n      costUsd\n    }\n    invoices {\n      id\n      number\n      kind\n      description\n      total\n      status\n      issuedAt\n      paidAt\n    }\n    periods {\n      id\n      planId\n      startsAt\n      endsAt\n      revokedAt\n      lapsedAt\n    }\n    teams {\n      teamId\n      name\n      planId\n      role\n    }\n    audit {\n      ...AdminAuditFields\n    }\n  }\n": types.AdminUserDetailFieldsFragmentDoc,
    "\n  query AdminUser($id: UUID!) {\n    adminUser(id: $id) {\n      ...AdminUserDetailFields\n    }\n  }\n": types.AdminUserDocument,
    "\n  mutation AdminSuspendUser($id: UUID!, $reason: String!) {\n    adminSuspendUser(id: $id, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": types.AdminSuspendUserDocument,
    "\n  mutation AdminUnsuspendUser($id: UUID!, $reason: String!) {\n    adminUnsuspendUser(id: $id, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": types.AdminUnsuspendUserDocument,
    "\n  mutation AdminSetUserPlan($id: UUID!, $planId: String!, $until: NaiveDate, $reason: String!) {\n    adminSetUserPlan(id: $id, planId: $planId, until: $until, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": types.AdminSetUserPlanDocument,
    "\n  mutation AdminExtendPeriod($id: UUID!, $until: NaiveDate!, $reason: String!) {\n    adminExtendPeriod(id: $id, until: $until, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": types.AdminExtendPeriodDocument,
    "\n  mutation AdminGrantRequests($id: UUID!, $requests: Int!, $reason: String!) {\n    adminGrantRequests(id: $id, requests: $requests, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n": types.AdminGrantRequestsDocument,
    "\n  mutation AdminSignOutUser($id: UUID!, $reason: String!) {\n    adminSignOutUser(id: $id, reason: $reason)\n  }\n": types.AdminSignOutUserDocument,
    "\n  mutation AdminResendVerification($id: UUID!, $reason: String!) {\n    adminResendVerification(id: $id, reason: $reason)\n  }\n": types.AdminResendVerificationDocument,
    "\n  query AdminAudit($filter: AdminAuditFilter!, $before: Int, $first: Int!) {\n    adminAudit(filter: $filter, before: $before, first: $first) {\n      items {\n        ...AdminAuditFields\n      }\n      nextBefore\n    }\n  }\n": types.AdminAuditDocument,
    "\n  query Billing {\n    billingEnabled\n    myPlan {\n      plan {\n        id\n        name\n        priceIdr\n        monthlyRequests\n        maxOauthAccounts\n        maxProviders\n      }\n      periodStart\n      periodEnd\n      requestsUsed\n      requestsLimit\n      requestsPerMinute\n      tokensPerMinute\n      providersUsed\n      oauthAccountsUsed\n    }\n    plans {\n      id\n      name\n      priceIdr\n      monthlyRequests\n      maxOauthAccounts\n      maxProviders\n      maxMembers\n      requestsPerMinute\n      tokensPerMinute\n    }\n    subscriptionStatus {\n      ...SubscriptionStatusFields\n    }\n  }\n": types.BillingDocument,
    "\n  fragment SubscriptionStatusFields on SubscriptionStatus {\n    plan {\n      id\n      name\n      priceIdr\n    }\n    period {\n      startsAt\n      endsAt\n      atEnd\n      nextPlan {\n        id\n        name\n        priceIdr\n      }\n    }\n    nextBill {\n      planId\n      total\n      dueAt\n      invoice {\n        id\n        number\n        status\n        total\n      }\n    }\n    pausedConnections\n  }\n": types.SubscriptionStatusFieldsFragmentDoc,
    "\n  query BillingHistory {\n    invoices {\n      id\n      number\n      kind\n      planId\n      description\n      net\n      taxBase\n      ppn\n      total\n      status\n      issuedAt\n      dueAt\n      paidAt\n      paidMethod\n      credit\n      creditDays\n    }\n    payments {\n      orderId\n      state\n      amount\n      paymentType\n      createdAt\n      updatedAt\n    }\n  }\n": types.BillingHistoryDocument,
    "\n  mutation StartCheckout($plan: String!) {\n    startCheckout(plan: $plan) {\n      orderId\n      invoiceNumber\n      total\n      redirectUrl\n      token\n    }\n  }\n": types.StartCheckoutDocument,
    "\n  query CheckoutQuote($plan: String!) {\n    checkoutQuote(plan: $plan) {\n      planId\n      change\n      price\n      credit\n      creditDays\n      net\n      taxBase\n      ppn\n      total\n      invoiceNumber\n    }\n  }\n": types.CheckoutQuoteDocument,
    "\n  mutation ChangePlanAtPeriodEnd($plan: String!) {\n    changePlanAtPeriodEnd(plan: $plan) {\n      ...SubscriptionStatusFields\n    }\n  }\n": types.ChangePlanAtPeriodEndDocument,
    "\n  mutation CancelPlan {\n    cancelPlan {\n      ...SubscriptionStatusFields\n    }\n  }\n": types.CancelPlanDocument,
    "\n  mutation ResumePlan {\n    resumePlan {\n      ...SubscriptionStatusFields\n    }\n  }\n": types.ResumePlanDocument,
    "\n  query PaymentStatus($orderId: String!) {\n    payment(orderId: $orderId) {\n      orderId\n      state\n      amount\n      paymentType\n      createdAt\n      updatedAt\n    }\n  }\n": types.PaymentStatusDocument,
    "\n  query Connections {\n    connections {\n      id\n      provider\n      kind\n      label\n      status\n      baseUrl\n      models\n      reachableModels\n      modelsRefreshedAt\n      modelsError\n      weight\n      priority\n      identityEmail\n      planType\n      tokenExpiresAt\n      lastRefreshedAt\n      lastError\n      lastErrorAt\n      nextAttemptAt\n      lastUsedAt\n      createdAt\n      cooldowns {\n        model\n        until\n        reason\n        failures\n      }\n    }\n    connectionLimits {\n      providersUsed\n      providersMax\n      oauthAccountsUsed\n      oauthAccountsMax\n    }\n    myPlan {\n      plan {\n        id\n        name\n      }\n    }\n  }\n": types.ConnectionsDocument,
    "\n  mutation AddApiKeyConnection(\n    $provider: ProviderName!\n    $apiKey: String!\n    $baseUrl: String\n    $label: String\n    $models: [String!]!\n  ) {\n    addApiKeyConnection(provider: $provider, apiKey: $apiKey, baseUrl: $baseUrl, label: $label, models: $models) {\n      id\n      label\n    }\n  }\n": types.AddApiKeyConnectionDocument,
    "\n  mutation StartOAuth($provider: ProviderName!, $device: Boolean!, $label: String) {\n    startOAuthConnection(provider: $provider, device: $device, label: $label) {\n      flowId\n      authorizeUrl\n      userCode\n      verificationUri\n      verificationUriComplete\n      intervalSecs\n      expiresInSecs\n    }\n  }\n": types.StartOAuthDocument,
    "\n  mutation CompleteOAuth($flowId: UUID!, $pasted: String!) {\n    completeOAuthConnection(flowId: $flowId, pasted: $pasted) {\n      id\n      label\n    }\n  }\n": types.CompleteOAuthDocument,
    "\n  mutation PollOAuth($flowId: UUID!) {\n    pollOAuthConnection(flowId: $flowId) {\n      connected\n      intervalSecs\n      connection {\n        id\n        label\n      }\n    }\n  }\n": types.PollOAuthDocument,
    "\n  mutation ImportCredentials($provider: ProviderName!, $contents: String!, $label: String) {\n    importCredentials(provider: $provider, contents: $contents, label: $label) {\n      id\n      label\n    }\n  }\n": types.ImportCredentialsDocument,
    "\n  mutation UpdateConnection($id: UUID!, $changes: ConnectionChanges!) {\n    updateConnection(id: $id, changes: $changes) {\n      id\n      label\n      status\n      weight\n      priority\n      models\n      lastError\n      nextAttemptAt\n    }\n  }\n": types.UpdateConnectionDocument,
    "\n  mutation RefreshConnection($id: UUID!) {\n    refreshConnection(id: $id) {\n      id\n      label\n      status\n      lastError\n      lastRefreshedAt\n      tokenExpiresAt\n      nextAttemptAt\n    }\n  }\n": types.RefreshConnectionDocument,
    "\n  mutation KeepConnections($ids: [UUID!]!) {\n    keepConnections(ids: $ids) {\n      id\n      status\n    }\n  }\n": types.KeepConnectionsDocument,
    "\n  mutation RemoveConnection($id: UUID!) {\n    removeConnection(id: $id)\n  }\n": types.RemoveConnectionDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      userId\n      name\n      prefix\n      status\n      createdAt\n      lastUsedAt\n      revokedAt\n      rpmLimit\n      tpmLimit\n    }\n    currentTeam {\n      id\n      members {\n        userId\n        email\n        displayName\n      }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      key {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RotateApiKey($id: UUID!) {\n    rotateApiKey(id: $id) {\n      secret\n      key {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: UUID!) {\n    revokeApiKey(id: $id) {\n      id\n      status\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ModelsForSnippets {\n    models {\n      id\n    }\n  }\n": types.ModelsForSnippetsDocument,
    "\n  query Routing {\n    routing {\n      strategy\n      sessionAffinity\n      followModelReplacements\n      rules {\n        pattern\n        strategy\n        targets {\n          provider\n          model\n          account\n        }\n      }\n    }\n  }\n": types.RoutingDocument,
    "\n  query RoutingModels {\n    models {\n      id\n      provider\n    }\n  }\n": types.RoutingModelsDocument,
    "\n  mutation SetRouting($routing: RoutingInput!) {\n    setRouting(routing: $routing) {\n      strategy\n      sessionAffinity\n      followModelReplacements\n      rules {\n        pattern\n        strategy\n        targets {\n          provider\n          model\n          account\n        }\n      }\n    }\n  }\n": types.SetRoutingDocument,
    "\n  mutation UpdateProfile($displayName: String, $locale: String) {\n    updateProfile(displayName: $displayName, locale: $locale) {\n      id\n      email\n      displayName\n      locale\n      planId\n      emailVerified\n      createdAt\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation DeleteAccount($confirmEmail: String!, $password: String) {\n    deleteAccount(confirmEmail: $confirmEmail, password: $password)\n  }\n": types.DeleteAccountDocument,
    "\n  mutation UpdateNotifications($quota80: Boolean, $quota100: Boolean, $connectionExpired: Boolean) {\n    updateNotifications(quota80: $quota80, quota100: $quota100, connectionExpired: $connectionExpired) {\n      quota80\n      quota100\n      connectionExpired\n    }\n  }\n": types.UpdateNotificationsDocument,
    "\n  query Sessions {\n    sessions {\n      id\n      createdAt\n      expiresAt\n      userAgent\n      ip\n      current\n      supportView\n    }\n  }\n": types.SessionsDocument,
    "\n  query SupportViews {\n    supportViews {\n      startedAt\n      endedAt\n      expiresAt\n      role\n    }\n  }\n": types.SupportViewsDocument,
    "\n  mutation RevokeSession($id: UUID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n": types.SignOutOtherSessionsDocument,
    "\n  query MyTeams {\n    teams {\n      id\n      name\n      role\n      plan {\n        id\n        name\n      }\n    }\n  }\n": types.MyTeamsDocument,
    "\n  query CurrentTeam {\n    currentTeam {\n      id\n      name\n      role\n      createdAt\n      budgetUsd\n      googleDomain\n      plan {\n        id\n        name\n        monthlyRequests\n        maxMembers\n      }\n      period {\n        start\n        end\n      }\n      slack {\n        configured\n        latest {\n          kind\n          status\n        }\n      }\n      requestsThisPeriod\n      costUsdThisPeriod\n      seatsUsed\n      seatsMax\n      members {\n        userId\n        email\n        displayName\n        role\n        joinedAt\n        monthlyRequestsLimit\n        requestsPerMinuteLimit\n        budgetUsd\n        requestsThisPeriod\n        costUsdThisPeriod\n        lastActiveAt\n      }\n    }\n  }\n": types.CurrentTeamDocument,
    "\n  query TeamInvites {\n    teamInvites {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n": types.TeamInvitesDocument,
    "\n  query TeamAuditLog($first: Int!, $before: Int) {\n    teamAuditLog(first: $first, before: $before) {\n      id\n      at\n      actorEmail\n      action\n      target\n      before\n      after\n    }\n  }\n": types.TeamAuditLogDocument,
    "\n  mutation CreateTeam($name: String!) {\n    createTeam(name: $name) {\n      id\n      name\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation RenameTeam($name: String!) {\n    renameTeam(name: $name) {\n      id\n      name\n    }\n  }\n": types.RenameTeamDocument,
    "\n  mutation InviteTeamMember($email: String!, $role: TeamRole!) {\n    inviteTeamMember(email: $email, role: $role) {\n      id\n      email\n    }\n  }\n": types.InviteTeamMemberDocument,
    "\n  mutation ResendTeamInvite($id: UUID!) {\n    resendTeamInvite(id: $id) {\n      id\n      expiresAt\n    }\n  }\n": types.ResendTeamInviteDocument,
    "\n  mutation RevokeTeamInvite($id: UUID!) {\n    revokeTeamInvite(id: $id) {\n      id\n    }\n  }\n": types.RevokeTeamInviteDocument,
    "\n  mutation SetTeamMemberRole($userId: UUID!, $role: TeamRole!) {\n    setTeamMemberRole(userId: $userId, role: $role)\n  }\n": types.SetTeamMemberRoleDocument,
    "\n  mutation RemoveTeamMember($userId: UUID!) {\n    removeTeamMember(userId: $userId)\n  }\n": types.RemoveTeamMemberDocument,
    "\n  mutation TransferTeamOwnership($userId: UUID!) {\n    transferTeamOwnership(userId: $userId)\n  }\n": types.TransferTeamOwnershipDocument,
    "\n  mutation LeaveTeam {\n    leaveTeam\n  }\n": types.LeaveTeamDocument,
    "\n  mutation SetTeamMemberLimits($userId: UUID!, $monthlyRequests: Int, $requestsPerMinute: Int, $budgetUsd: Float) {\n    setTeamMemberLimits(userId: $userId, monthlyRequests: $monthlyRequests, requestsPerMinute: $requestsPerMinute, budgetUsd: $budgetUsd)\n  }\n": types.SetTeamMemberLimitsDocument,
    "\n  mutation SetTeamBudget($budgetUsd: Float) {\n    setTeamBudget(budgetUsd: $budgetUsd) {\n      id\n      budgetUsd\n    }\n  }\n": types.SetTeamBudgetDocument,
    "\n  mutation SetTeamSlackWebhook($url: String) {\n    setTeamSlackWebhook(url: $url) {\n      id\n      slack {\n        configured\n      }\n    }\n  }\n": types.SetTeamSlackWebhookDocument,
    "\n  mutation SendTeamSlackTest {\n    sendTeamSlackTest\n  }\n": types.SendTeamSlackTestDocument,
    "\n  mutation SetTeamGoogleDomain($domain: String) {\n    setTeamGoogleDomain(domain: $domain) {\n      id\n      googleDomain\n    }\n  }\n": types.SetTeamGoogleDomainDocument,
    "\n  query InvitePreview($token: String!) {\n    teamInvite(token: $token) {\n      teamName\n      email\n      role\n      expiresAt\n      accountExists\n    }\n  }\n": types.InvitePreviewDocument,
    "\n  mutation AcceptTeamInvite($token: String!) {\n    acceptTeamInvite(token: $token) {\n      id\n      name\n    }\n  }\n": types.AcceptTeamInviteDocument,
    "\n  mutation AcceptTeamInviteWithSignUp($token: String!, $password: String!, $displayName: String, $locale: String) {\n    acceptTeamInviteWithSignUp(token: $token, password: $password, displayName: $displayName, locale: $locale) {\n      user {\n        id\n        email\n      }\n    }\n  }\n": types.AcceptTeamInviteWithSignUpDocument,
    "\n  query UsageFilterOptions($range: UsageRange!) {\n    apiKeys {\n      id\n      name\n      status\n    }\n    connections {\n      id\n      label\n      provider\n    }\n    currentTeam {\n      id\n      members {\n        userId\n        email\n        displayName\n      }\n    }\n    providers: usageSummary(range: $range, groupBy: PROVIDER) {\n      groups {\n        group\n        label\n      }\n    }\n    models: usageSummary(range: $range, groupBy: MODEL) {\n      groups {\n        group\n        label\n      }\n    }\n  }\n": types.UsageFilterOptionsDocument,
    "\n  query UsagePageSummary($range: UsageRange!, $filter: UsageFilter, $groupBy: UsageGroup!) {\n    summary: usageSummary(range: $range, filter: $filter) {\n      from\n      to\n      totals {\n        requests\n        errors\n        promptTokens\n        completionTokens\n        cachedTokens\n        reasoningTokens\n        costNanos\n        latencyMsP50\n        latencyMsP95\n      }\n    }\n    byProvider: usageSummary(range: $range, groupBy: PROVIDER, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n    byModel: usageSummary(range: $range, groupBy: MODEL, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n    breakdown: usageSummary(range: $range, groupBy: $groupBy, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          errors\n          promptTokens\n          completionTokens\n          cachedTokens\n          costNanos\n          latencyMsP50\n          latencyMsP95\n        }\n      }\n    }\n  }\n": types.UsagePageSummaryDocument,
    "\n  query UsagePageSeries(\n    $range: UsageRange!\n    $bucket: UsageBucket!\n    $groupBy: UsageGroup!\n    $filter: UsageFilter\n    $utcOffsetMinutes: Int!\n  ) {\n    grouped: usageSeries(range: $range, bucket: $bucket, groupBy: $groupBy, filter: $filter, utcOffsetMinutes: $utcOffsetMinutes) {\n      from\n      to\n      bucket\n      series {\n        group\n        label\n        points {\n          at\n          totals {\n            requests\n          }\n        }\n      }\n    }\n    overall: usageSeries(range: $range, bucket: $bucket, filter: $filter, utcOffsetMinutes: $utcOffsetMinutes) {\n      series {\n        points {\n          at\n          totals {\n            requests\n            errors\n            promptTokens\n            completionTokens\n            cachedTokens\n            costNanos\n            latencyMsP50\n            latencyMsP95\n          }\n        }\n      }\n    }\n  }\n": types.UsagePageSeriesDocument,
    "\n  query UsageRequestLogs($filter: RequestLogFilter, $first: Int!, $after: String) {\n    requestLogs(filter: $filter, first: $first, after: $after) {\n      nextCursor\n      items {\n        id\n        createdAt\n        model\n        provider\n        apiKeyId\n        memberId\n        accountId\n        statusCode\n        errorKind\n        promptTokens\n        completionTokens\n        latencyMs\n        ttftMs\n        costNanos\n      }\n    }\n  }\n": types.UsageRequestLogsDocument,
    "\n  query UsageRequestLog($id: UUID!) {\n    requestLog(id: $id) {\n      id\n      createdAt\n      model\n      provider\n      apiKeyId\n      accountId\n      endpoint\n      stream\n      statusCode\n      errorKind\n      promptTokens\n      completionTokens\n      cachedTokens\n      reasoningTokens\n      costNanos\n      costUsd\n      latencyMs\n      ttftMs\n    }\n  }\n": types.UsageRequestLogDocument,
    "\n  query Overview($today: UsageRange!) {\n    myPlan {\n      plan {\n        id\n        name\n        monthlyRequests\n        maxProviders\n        maxOauthAccounts\n      }\n      periodStart\n      periodEnd\n      requestsUsed\n      requestsLimit\n      providersUsed\n      oauthAccountsUsed\n    }\n    today: usageSummary(range: $today) {\n      totals {\n        requests\n        errors\n      }\n    }\n    connections {\n      id\n      kind\n      status\n    }\n    apiKeys {\n      id\n      status\n    }\n  }\n": types.OverviewDocument,
    "\n  query AccountValue($range: UsageRange!) {\n    usageSummary(range: $range, groupBy: ACCOUNT) {\n      groups {\n        group\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n  }\n": types.AccountValueDocument,
    "\n  query RecentRequests($first: Int!) {\n    requestLogs(first: $first) {\n      items {\n        id\n        createdAt\n        model\n        provider\n        statusCode\n        promptTokens\n        completionTokens\n        latencyMs\n        costNanos\n      }\n    }\n  }\n": types.RecentRequestsDocument,
    "\n  subscription UsageEvents {\n    usageEvents {\n      requestId\n      apiKeyId\n      accountId\n      provider\n      model\n      endpoint\n      status\n      promptTokens\n      completionTokens\n      costNanos\n      latencyMs\n      createdAt\n    }\n  }\n": types.UsageEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      locale\n      planId\n      emailVerified\n      createdAt\n      hasPassword\n      notifications {\n        quota80\n        quota100\n        connectionExpired\n      }\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerInfo {\n    serverInfo {\n      publicUrl\n      googleSignIn\n      idrPerUsd\n    }\n  }\n"): typeof import('./graphql').ServerInfoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($email: String!, $password: String!, $displayName: String, $locale: String) {\n    signUp(email: $email, password: $password, displayName: $displayName, locale: $locale)\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignUpEmail($token: String!) {\n    signUpEmail(token: $token)\n  }\n"): typeof import('./graphql').SignUpEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSignUp($token: String!, $password: String!) {\n    completeSignUp(token: $token, password: $password) {\n      csrfToken\n      user {\n        id\n        locale\n      }\n    }\n  }\n"): typeof import('./graphql').CompleteSignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      csrfToken\n      user {\n        id\n        locale\n      }\n    }\n  }\n"): typeof import('./graphql').LogInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut\n  }\n"): typeof import('./graphql').LogOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!, $revokeApiKeys: Boolean!) {\n    resetPassword(token: $token, newPassword: $newPassword, revokeApiKeys: $revokeApiKeys)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerification {\n    resendVerificationEmail\n  }\n"): typeof import('./graphql').ResendVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartGoogle {\n    startGoogleSignIn {\n      authorizeUrl\n    }\n  }\n"): typeof import('./graphql').StartGoogleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteGoogle($code: String!, $state: String!) {\n    completeGoogleSignIn(code: $code, state: $state) {\n      csrfToken\n      user {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').CompleteGoogleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAnalytics($days: Int!, $weeks: Int!) {\n    adminAnalytics(days: $days, weeks: $weeks) {\n      funnel {\n        signedUp\n        connected\n        requested\n        paid\n      }\n      cohorts {\n        weekStart\n        users\n        activeByWeek\n      }\n      providers {\n        name\n        requests\n      }\n      models {\n        name\n        requests\n      }\n    }\n  }\n"): typeof import('./graphql').AdminAnalyticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminFinance($days: Int!) {\n    adminFinance(days: $days) {\n      mrrSeries {\n        day\n        mrrIdr\n      }\n      revenueByPlan {\n        planId\n        invoices\n        netIdr\n      }\n      refundedIdr\n      arpuIdr\n      ltvEstimateIdr\n    }\n  }\n"): typeof import('./graphql').AdminFinanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminPaymentFields on AdminPayment {\n    orderId\n    invoiceNumber\n    userId\n    email\n    state\n    grossAmount\n    paymentType\n    transactionId\n    createdAt\n    updatedAt\n    notifications {\n      transactionStatus\n      receivedAt\n      processedAt\n      attempts\n      lastError\n    }\n  }\n"): typeof import('./graphql').AdminPaymentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPayments($filter: AdminPaymentFilter!, $first: Int!, $offset: Int!) {\n    adminPayments(filter: $filter, first: $first, offset: $offset) {\n      total\n      items {\n        ...AdminPaymentFields\n      }\n    }\n  }\n"): typeof import('./graphql').AdminPaymentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRefundPayment($orderId: String!, $amount: Int, $reason: String!) {\n    adminRefundPayment(orderId: $orderId, amount: $amount, reason: $reason) {\n      ...AdminPaymentFields\n    }\n  }\n"): typeof import('./graphql').AdminRefundPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminInvoices($search: String, $first: Int!, $offset: Int!) {\n    adminInvoices(search: $search, first: $first, offset: $offset) {\n      total\n      items {\n        userId\n        buyerEmail\n        invoice {\n          id\n          number\n          kind\n          planId\n          net\n          ppn\n          total\n          status\n          issuedAt\n          paidAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminWindowStatsFields on WindowStats {\n    requests\n    errors\n    successRate\n    errorRate\n    p50Ms\n    p95Ms\n    p99Ms\n  }\n"): typeof import('./graphql').AdminWindowStatsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminHealthWindowsFields on HealthWindows {\n    last5m {\n      ...AdminWindowStatsFields\n    }\n    last1h {\n      ...AdminWindowStatsFields\n    }\n    last24h {\n      ...AdminWindowStatsFields\n    }\n  }\n"): typeof import('./graphql').AdminHealthWindowsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminHealth {\n    adminHealth {\n      platform {\n        ...AdminHealthWindowsFields\n      }\n      providers {\n        provider\n        status\n        windows {\n          ...AdminHealthWindowsFields\n        }\n        connections\n        expiredConnections\n        failingConnections\n        refreshFailures24H\n      }\n      queues {\n        emailsQueued\n        emailsFailed\n        paymentNotifications\n        slackNotices\n        jobsPending\n        jobsFailed\n      }\n      replicas {\n        replicaId\n        role\n        usageQueueDepth\n        usageQueueCapacity\n        startedAt\n        seenAt\n        stale\n      }\n    }\n  }\n"): typeof import('./graphql').AdminHealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminStartImpersonation($userId: UUID!, $reason: String!) {\n    adminStartImpersonation(userId: $userId, reason: $reason) {\n      id\n      userId\n      userEmail\n      startedAt\n      expiresAt\n      token\n    }\n  }\n"): typeof import('./graphql').AdminStartImpersonationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminEndImpersonation($id: UUID!) {\n    adminEndImpersonation(id: $id)\n  }\n"): typeof import('./graphql').AdminEndImpersonationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminLiveCounters {\n    adminLiveCounters {\n      users\n      signUps24h\n      activeSubscriptions\n      mrrIdr\n      requests24h\n      errors24h\n      at\n    }\n  }\n"): typeof import('./graphql').AdminLiveCountersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminLogs($kind: AdminLogKind!, $provider: String, $before: DateTime, $first: Int!) {\n    adminLogs(kind: $kind, provider: $provider, before: $before, first: $first) {\n      items {\n        at\n        kind\n        userId\n        email\n        provider\n        model\n        statusCode\n        detail\n        ip\n        requestId\n      }\n      nextBefore\n    }\n  }\n"): typeof import('./graphql').AdminLogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedQueryFields on SavedQuery {\n    id\n    name\n    description\n    sql\n    updatedBy\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').SavedQueryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSavedQueries {\n    adminSavedQueries {\n      ...SavedQueryFields\n    }\n    adminSavedQueryLimits {\n      maxRows\n      timeoutMs\n      maxCellChars\n    }\n  }\n"): typeof import('./graphql').AdminSavedQueriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSaveQuery($input: SavedQueryInput!) {\n    adminSaveQuery(input: $input) {\n      ...SavedQueryFields\n    }\n  }\n"): typeof import('./graphql').AdminSaveQueryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteQuery($id: UUID!) {\n    adminDeleteQuery(id: $id)\n  }\n"): typeof import('./graphql').AdminDeleteQueryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRunQuery($id: UUID!) {\n    adminRunQuery(id: $id) {\n      query {\n        ...SavedQueryFields\n      }\n      columns\n      rows\n      truncated\n      elapsedMs\n      csv\n    }\n  }\n"): typeof import('./graphql').AdminRunQueryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMe {\n    adminMe {\n      userId\n      email\n      role\n      sections\n    }\n  }\n"): typeof import('./graphql').AdminMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOverview {\n    adminOverview {\n      usersByPlan {\n        planId\n        users\n      }\n      mrrIdr\n      activeSubscriptions\n      churn {\n        planId\n        subscribersAtStart\n        lost\n        rate\n      }\n      requests {\n        last24h\n        last7d\n        last30d\n      }\n      recentSignUps {\n        ...AdminUserFields\n      }\n      recentPlanChanges {\n        userId\n        email\n        fromPlan\n        toPlan\n        at\n      }\n    }\n  }\n"): typeof import('./graphql').AdminOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPlans {\n    plans {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AdminPlansDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserFields on AdminUser {\n    id\n    email\n    displayName\n    planId\n    platformRole\n    emailVerified\n    suspendedAt\n    createdAt\n    lastActiveAt\n    mrrIdr\n    extraRequests\n    extraRequestsUntil\n  }\n"): typeof import('./graphql').AdminUserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($filter: AdminUserFilter!, $first: Int!, $offset: Int!) {\n    adminUsers(filter: $filter, first: $first, offset: $offset) {\n      total\n      items {\n        ...AdminUserFields\n      }\n    }\n  }\n"): typeof import('./graphql').AdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminAuditFields on AdminAuditEntry {\n    id\n    createdAt\n    actorEmail\n    actorRole\n    action\n    targetKind\n    targetId\n    targetLabel\n    before\n    after\n    reason\n    ip\n  }\n"): typeof import('./graphql').AdminAuditFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserDetailFields on AdminUserDetail {\n    user {\n      ...AdminUserFields\n    }\n    locale\n    signsInWithGoogle\n    connections {\n      id\n      provider\n      kind\n      label\n      status\n      createdAt\n      lastUsedAt\n      lastErrorAt\n      tokenExpiresAt\n    }\n    usage30d {\n      requests\n      errors\n      costUsd\n    }\n    invoices {\n      id\n      number\n      kind\n      description\n      total\n      status\n      issuedAt\n      paidAt\n    }\n    periods {\n      id\n      planId\n      startsAt\n      endsAt\n      revokedAt\n      lapsedAt\n    }\n    teams {\n      teamId\n      name\n      planId\n      role\n    }\n    audit {\n      ...AdminAuditFields\n    }\n  }\n"): typeof import('./graphql').AdminUserDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($id: UUID!) {\n    adminUser(id: $id) {\n      ...AdminUserDetailFields\n    }\n  }\n"): typeof import('./graphql').AdminUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSuspendUser($id: UUID!, $reason: String!) {\n    adminSuspendUser(id: $id, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n"): typeof import('./graphql').AdminSuspendUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUnsuspendUser($id: UUID!, $reason: String!) {\n    adminUnsuspendUser(id: $id, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n"): typeof import('./graphql').AdminUnsuspendUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetUserPlan($id: UUID!, $planId: String!, $until: NaiveDate, $reason: String!) {\n    adminSetUserPlan(id: $id, planId: $planId, until: $until, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n"): typeof import('./graphql').AdminSetUserPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminExtendPeriod($id: UUID!, $until: NaiveDate!, $reason: String!) {\n    adminExtendPeriod(id: $id, until: $until, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n"): typeof import('./graphql').AdminExtendPeriodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminGrantRequests($id: UUID!, $requests: Int!, $reason: String!) {\n    adminGrantRequests(id: $id, requests: $requests, reason: $reason) {\n      ...AdminUserDetailFields\n    }\n  }\n"): typeof import('./graphql').AdminGrantRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSignOutUser($id: UUID!, $reason: String!) {\n    adminSignOutUser(id: $id, reason: $reason)\n  }\n"): typeof import('./graphql').AdminSignOutUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResendVerification($id: UUID!, $reason: String!) {\n    adminResendVerification(id: $id, reason: $reason)\n  }\n"): typeof import('./graphql').AdminResendVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAudit($filter: AdminAuditFilter!, $before: Int, $first: Int!) {\n    adminAudit(filter: $filter, before: $before, first: $first) {\n      items {\n        ...AdminAuditFields\n      }\n      nextBefore\n    }\n  }\n"): typeof import('./graphql').AdminAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Billing {\n    billingEnabled\n    myPlan {\n      plan {\n        id\n        name\n        priceIdr\n        monthlyRequests\n        maxOauthAccounts\n        maxProviders\n      }\n      periodStart\n      periodEnd\n      requestsUsed\n      requestsLimit\n      requestsPerMinute\n      tokensPerMinute\n      providersUsed\n      oauthAccountsUsed\n    }\n    plans {\n      id\n      name\n      priceIdr\n      monthlyRequests\n      maxOauthAccounts\n      maxProviders\n      maxMembers\n      requestsPerMinute\n      tokensPerMinute\n    }\n    subscriptionStatus {\n      ...SubscriptionStatusFields\n    }\n  }\n"): typeof import('./graphql').BillingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubscriptionStatusFields on SubscriptionStatus {\n    plan {\n      id\n      name\n      priceIdr\n    }\n    period {\n      startsAt\n      endsAt\n      atEnd\n      nextPlan {\n        id\n        name\n        priceIdr\n      }\n    }\n    nextBill {\n      planId\n      total\n      dueAt\n      invoice {\n        id\n        number\n        status\n        total\n      }\n    }\n    pausedConnections\n  }\n"): typeof import('./graphql').SubscriptionStatusFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingHistory {\n    invoices {\n      id\n      number\n      kind\n      planId\n      description\n      net\n      taxBase\n      ppn\n      total\n      status\n      issuedAt\n      dueAt\n      paidAt\n      paidMethod\n      credit\n      creditDays\n    }\n    payments {\n      orderId\n      state\n      amount\n      paymentType\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').BillingHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCheckout($plan: String!) {\n    startCheckout(plan: $plan) {\n      orderId\n      invoiceNumber\n      total\n      redirectUrl\n      token\n    }\n  }\n"): typeof import('./graphql').StartCheckoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckoutQuote($plan: String!) {\n    checkoutQuote(plan: $plan) {\n      planId\n      change\n      price\n      credit\n      creditDays\n      net\n      taxBase\n      ppn\n      total\n      invoiceNumber\n    }\n  }\n"): typeof import('./graphql').CheckoutQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePlanAtPeriodEnd($plan: String!) {\n    changePlanAtPeriodEnd(plan: $plan) {\n      ...SubscriptionStatusFields\n    }\n  }\n"): typeof import('./graphql').ChangePlanAtPeriodEndDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPlan {\n    cancelPlan {\n      ...SubscriptionStatusFields\n    }\n  }\n"): typeof import('./graphql').CancelPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumePlan {\n    resumePlan {\n      ...SubscriptionStatusFields\n    }\n  }\n"): typeof import('./graphql').ResumePlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentStatus($orderId: String!) {\n    payment(orderId: $orderId) {\n      orderId\n      state\n      amount\n      paymentType\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').PaymentStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Connections {\n    connections {\n      id\n      provider\n      kind\n      label\n      status\n      baseUrl\n      models\n      reachableModels\n      modelsRefreshedAt\n      modelsError\n      weight\n      priority\n      identityEmail\n      planType\n      tokenExpiresAt\n      lastRefreshedAt\n      lastError\n      lastErrorAt\n      nextAttemptAt\n      lastUsedAt\n      createdAt\n      cooldowns {\n        model\n        until\n        reason\n        failures\n      }\n    }\n    connectionLimits {\n      providersUsed\n      providersMax\n      oauthAccountsUsed\n      oauthAccountsMax\n    }\n    myPlan {\n      plan {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddApiKeyConnection(\n    $provider: ProviderName!\n    $apiKey: String!\n    $baseUrl: String\n    $label: String\n    $models: [String!]!\n  ) {\n    addApiKeyConnection(provider: $provider, apiKey: $apiKey, baseUrl: $baseUrl, label: $label, models: $models) {\n      id\n      label\n    }\n  }\n"): typeof import('./graphql').AddApiKeyConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartOAuth($provider: ProviderName!, $device: Boolean!, $label: String) {\n    startOAuthConnection(provider: $provider, device: $device, label: $label) {\n      flowId\n      authorizeUrl\n      userCode\n      verificationUri\n      verificationUriComplete\n      intervalSecs\n      expiresInSecs\n    }\n  }\n"): typeof import('./graphql').StartOAuthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteOAuth($flowId: UUID!, $pasted: String!) {\n    completeOAuthConnection(flowId: $flowId, pasted: $pasted) {\n      id\n      label\n    }\n  }\n"): typeof import('./graphql').CompleteOAuthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PollOAuth($flowId: UUID!) {\n    pollOAuthConnection(flowId: $flowId) {\n      connected\n      intervalSecs\n      connection {\n        id\n        label\n      }\n    }\n  }\n"): typeof import('./graphql').PollOAuthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportCredentials($provider: ProviderName!, $contents: String!, $label: String) {\n    importCredentials(provider: $provider, contents: $contents, label: $label) {\n      id\n      label\n    }\n  }\n"): typeof import('./graphql').ImportCredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConnection($id: UUID!, $changes: ConnectionChanges!) {\n    updateConnection(id: $id, changes: $changes) {\n      id\n      label\n      status\n      weight\n      priority\n      models\n      lastError\n      nextAttemptAt\n    }\n  }\n"): typeof import('./graphql').UpdateConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshConnection($id: UUID!) {\n    refreshConnection(id: $id) {\n      id\n      label\n      status\n      lastError\n      lastRefreshedAt\n      tokenExpiresAt\n      nextAttemptAt\n    }\n  }\n"): typeof import('./graphql').RefreshConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeepConnections($ids: [UUID!]!) {\n    keepConnections(ids: $ids) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').KeepConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveConnection($id: UUID!) {\n    removeConnection(id: $id)\n  }\n"): typeof import('./graphql').RemoveConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      userId\n      name\n      prefix\n      status\n      createdAt\n      lastUsedAt\n      revokedAt\n      rpmLimit\n      tpmLimit\n    }\n    currentTeam {\n      id\n      members {\n        userId\n        email\n        displayName\n      }\n    }\n  }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      key {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($id: UUID!) {\n    rotateApiKey(id: $id) {\n      secret\n      key {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"): typeof import('./graphql').RotateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: UUID!) {\n    revokeApiKey(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelsForSnippets {\n    models {\n      id\n    }\n  }\n"): typeof import('./graphql').ModelsForSnippetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Routing {\n    routing {\n      strategy\n      sessionAffinity\n      followModelReplacements\n      rules {\n        pattern\n        strategy\n        targets {\n          provider\n          model\n          account\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RoutingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingModels {\n    models {\n      id\n      provider\n    }\n  }\n"): typeof import('./graphql').RoutingModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRouting($routing: RoutingInput!) {\n    setRouting(routing: $routing) {\n      strategy\n      sessionAffinity\n      followModelReplacements\n      rules {\n        pattern\n        strategy\n        targets {\n          provider\n          model\n          account\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SetRoutingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($displayName: String, $locale: String) {\n    updateProfile(displayName: $displayName, locale: $locale) {\n      id\n      email\n      displayName\n      locale\n      planId\n      emailVerified\n      createdAt\n    }\n  }\n"): typeof import('./graphql').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($confirmEmail: String!, $password: String) {\n    deleteAccount(confirmEmail: $confirmEmail, password: $password)\n  }\n"): typeof import('./graphql').DeleteAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotifications($quota80: Boolean, $quota100: Boolean, $connectionExpired: Boolean) {\n    updateNotifications(quota80: $quota80, quota100: $quota100, connectionExpired: $connectionExpired) {\n      quota80\n      quota100\n      connectionExpired\n    }\n  }\n"): typeof import('./graphql').UpdateNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sessions {\n    sessions {\n      id\n      createdAt\n      expiresAt\n      userAgent\n      ip\n      current\n      supportView\n    }\n  }\n"): typeof import('./graphql').SessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportViews {\n    supportViews {\n      startedAt\n      endedAt\n      expiresAt\n      role\n    }\n  }\n"): typeof import('./graphql').SupportViewsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: UUID!) {\n    revokeSession(id: $id)\n  }\n"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n"): typeof import('./graphql').SignOutOtherSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTeams {\n    teams {\n      id\n      name\n      role\n      plan {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyTeamsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentTeam {\n    currentTeam {\n      id\n      name\n      role\n      createdAt\n      budgetUsd\n      googleDomain\n      plan {\n        id\n        name\n        monthlyRequests\n        maxMembers\n      }\n      period {\n        start\n        end\n      }\n      slack {\n        configured\n        latest {\n          kind\n          status\n        }\n      }\n      requestsThisPeriod\n      costUsdThisPeriod\n      seatsUsed\n      seatsMax\n      members {\n        userId\n        email\n        displayName\n        role\n        joinedAt\n        monthlyRequestsLimit\n        requestsPerMinuteLimit\n        budgetUsd\n        requestsThisPeriod\n        costUsdThisPeriod\n        lastActiveAt\n      }\n    }\n  }\n"): typeof import('./graphql').CurrentTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamInvites {\n    teamInvites {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').TeamInvitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamAuditLog($first: Int!, $before: Int) {\n    teamAuditLog(first: $first, before: $before) {\n      id\n      at\n      actorEmail\n      action\n      target\n      before\n      after\n    }\n  }\n"): typeof import('./graphql').TeamAuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($name: String!) {\n    createTeam(name: $name) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameTeam($name: String!) {\n    renameTeam(name: $name) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').RenameTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteTeamMember($email: String!, $role: TeamRole!) {\n    inviteTeamMember(email: $email, role: $role) {\n      id\n      email\n    }\n  }\n"): typeof import('./graphql').InviteTeamMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendTeamInvite($id: UUID!) {\n    resendTeamInvite(id: $id) {\n      id\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').ResendTeamInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeTeamInvite($id: UUID!) {\n    revokeTeamInvite(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').RevokeTeamInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeamMemberRole($userId: UUID!, $role: TeamRole!) {\n    setTeamMemberRole(userId: $userId, role: $role)\n  }\n"): typeof import('./graphql').SetTeamMemberRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTeamMember($userId: UUID!) {\n    removeTeamMember(userId: $userId)\n  }\n"): typeof import('./graphql').RemoveTeamMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferTeamOwnership($userId: UUID!) {\n    transferTeamOwnership(userId: $userId)\n  }\n"): typeof import('./graphql').TransferTeamOwnershipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveTeam {\n    leaveTeam\n  }\n"): typeof import('./graphql').LeaveTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeamMemberLimits($userId: UUID!, $monthlyRequests: Int, $requestsPerMinute: Int, $budgetUsd: Float) {\n    setTeamMemberLimits(userId: $userId, monthlyRequests: $monthlyRequests, requestsPerMinute: $requestsPerMinute, budgetUsd: $budgetUsd)\n  }\n"): typeof import('./graphql').SetTeamMemberLimitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeamBudget($budgetUsd: Float) {\n    setTeamBudget(budgetUsd: $budgetUsd) {\n      id\n      budgetUsd\n    }\n  }\n"): typeof import('./graphql').SetTeamBudgetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeamSlackWebhook($url: String) {\n    setTeamSlackWebhook(url: $url) {\n      id\n      slack {\n        configured\n      }\n    }\n  }\n"): typeof import('./graphql').SetTeamSlackWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTeamSlackTest {\n    sendTeamSlackTest\n  }\n"): typeof import('./graphql').SendTeamSlackTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeamGoogleDomain($domain: String) {\n    setTeamGoogleDomain(domain: $domain) {\n      id\n      googleDomain\n    }\n  }\n"): typeof import('./graphql').SetTeamGoogleDomainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitePreview($token: String!) {\n    teamInvite(token: $token) {\n      teamName\n      email\n      role\n      expiresAt\n      accountExists\n    }\n  }\n"): typeof import('./graphql').InvitePreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptTeamInvite($token: String!) {\n    acceptTeamInvite(token: $token) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AcceptTeamInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptTeamInviteWithSignUp($token: String!, $password: String!, $displayName: String, $locale: String) {\n    acceptTeamInviteWithSignUp(token: $token, password: $password, displayName: $displayName, locale: $locale) {\n      user {\n        id\n        email\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptTeamInviteWithSignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageFilterOptions($range: UsageRange!) {\n    apiKeys {\n      id\n      name\n      status\n    }\n    connections {\n      id\n      label\n      provider\n    }\n    currentTeam {\n      id\n      members {\n        userId\n        email\n        displayName\n      }\n    }\n    providers: usageSummary(range: $range, groupBy: PROVIDER) {\n      groups {\n        group\n        label\n      }\n    }\n    models: usageSummary(range: $range, groupBy: MODEL) {\n      groups {\n        group\n        label\n      }\n    }\n  }\n"): typeof import('./graphql').UsageFilterOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsagePageSummary($range: UsageRange!, $filter: UsageFilter, $groupBy: UsageGroup!) {\n    summary: usageSummary(range: $range, filter: $filter) {\n      from\n      to\n      totals {\n        requests\n        errors\n        promptTokens\n        completionTokens\n        cachedTokens\n        reasoningTokens\n        costNanos\n        latencyMsP50\n        latencyMsP95\n      }\n    }\n    byProvider: usageSummary(range: $range, groupBy: PROVIDER, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n    byModel: usageSummary(range: $range, groupBy: MODEL, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n    breakdown: usageSummary(range: $range, groupBy: $groupBy, filter: $filter) {\n      groups {\n        group\n        label\n        totals {\n          requests\n          errors\n          promptTokens\n          completionTokens\n          cachedTokens\n          costNanos\n          latencyMsP50\n          latencyMsP95\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').UsagePageSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsagePageSeries(\n    $range: UsageRange!\n    $bucket: UsageBucket!\n    $groupBy: UsageGroup!\n    $filter: UsageFilter\n    $utcOffsetMinutes: Int!\n  ) {\n    grouped: usageSeries(range: $range, bucket: $bucket, groupBy: $groupBy, filter: $filter, utcOffsetMinutes: $utcOffsetMinutes) {\n      from\n      to\n      bucket\n      series {\n        group\n        label\n        points {\n          at\n          totals {\n            requests\n          }\n        }\n      }\n    }\n    overall: usageSeries(range: $range, bucket: $bucket, filter: $filter, utcOffsetMinutes: $utcOffsetMinutes) {\n      series {\n        points {\n          at\n          totals {\n            requests\n            errors\n            promptTokens\n            completionTokens\n            cachedTokens\n            costNanos\n            latencyMsP50\n            latencyMsP95\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').UsagePageSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageRequestLogs($filter: RequestLogFilter, $first: Int!, $after: String) {\n    requestLogs(filter: $filter, first: $first, after: $after) {\n      nextCursor\n      items {\n        id\n        createdAt\n        model\n        provider\n        apiKeyId\n        memberId\n        accountId\n        statusCode\n        errorKind\n        promptTokens\n        completionTokens\n        latencyMs\n        ttftMs\n        costNanos\n      }\n    }\n  }\n"): typeof import('./graphql').UsageRequestLogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageRequestLog($id: UUID!) {\n    requestLog(id: $id) {\n      id\n      createdAt\n      model\n      provider\n      apiKeyId\n      accountId\n      endpoint\n      stream\n      statusCode\n      errorKind\n      promptTokens\n      completionTokens\n      cachedTokens\n      reasoningTokens\n      costNanos\n      costUsd\n      latencyMs\n      ttftMs\n    }\n  }\n"): typeof import('./graphql').UsageRequestLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($today: UsageRange!) {\n    myPlan {\n      plan {\n        id\n        name\n        monthlyRequests\n        maxProviders\n        maxOauthAccounts\n      }\n      periodStart\n      periodEnd\n      requestsUsed\n      requestsLimit\n      providersUsed\n      oauthAccountsUsed\n    }\n    today: usageSummary(range: $today) {\n      totals {\n        requests\n        errors\n      }\n    }\n    connections {\n      id\n      kind\n      status\n    }\n    apiKeys {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountValue($range: UsageRange!) {\n    usageSummary(range: $range, groupBy: ACCOUNT) {\n      groups {\n        group\n        totals {\n          requests\n          costNanos\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AccountValueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentRequests($first: Int!) {\n    requestLogs(first: $first) {\n      items {\n        id\n        createdAt\n        model\n        provider\n        statusCode\n        promptTokens\n        completionTokens\n        latencyMs\n        costNanos\n      }\n    }\n  }\n"): typeof import('./graphql').RecentRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UsageEvents {\n    usageEvents {\n      requestId\n      apiKeyId\n      accountId\n      provider\n      model\n      endpoint\n      status\n      promptTokens\n      completionTokens\n      costNanos\n      latencyMs\n      createdAt\n    }\n  }\n"): typeof import('./graphql').UsageEventsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
