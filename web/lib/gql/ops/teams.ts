import { graphql } from "@/lib/gql/generated";

// Teams: the workspace switcher, the Team page (web/components/app/team) and the invite page.

/** The teams the viewer belongs to (any workspace): the switcher's list. */
export const MyTeamsQuery = graphql(`
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
`);

export const CurrentTeamQuery = graphql(`
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
`);

export const TeamInvitesQuery = graphql(`
  query TeamInvites {
    teamInvites {
      id
      email
      role
      createdAt
      expiresAt
    }
  }
`);

export const TeamAuditLogQuery = graphql(`
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
`);

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($name: String!) {
    createTeam(name: $name) {
      id
      name
    }
  }
`);

export const RenameTeamMutation = graphql(`
  mutation RenameTeam($name: String!) {
    renameTeam(name: $name) {
      id
      name
    }
  }
`);

export const InviteTeamMemberMutation = graphql(`
  mutation InviteTeamMember($email: String!, $role: TeamRole!) {
    inviteTeamMember(email: $email, role: $role) {
      id
      email
    }
  }
`);

export const ResendTeamInviteMutation = graphql(`
  mutation ResendTeamInvite($id: UUID!) {
    resendTeamInvite(id: $id) {
      id
      expiresAt
    }
  }
`);

export const RevokeTeamInviteMutation = graphql(`
  mutation RevokeTeamInvite($id: UUID!) {
    revokeTeamInvite(id: $id) {
      id
    }
  }
`);

export const SetTeamMemberRoleMutation = graphql(`
  mutation SetTeamMemberRole($userId: UUID!, $role: TeamRole!) {
    setTeamMemberRole(userId: $userId, role: $role)
  }
`);

export const RemoveTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($userId: UUID!) {
    removeTeamMember(userId: $userId)
  }
`);

export const TransferTeamOwnershipMutation = graphql(`
  mutation TransferTeamOwnership($userId: UUID!) {
    transferTeamOwnership(userId: $userId)
  }
`);

export const LeaveTeamMutation = graphql(`
  mutation LeaveTeam {
    leaveTeam
  }
`);

export const SetTeamMemberLimitsMutation = graphql(`
  mutation SetTeamMemberLimits($userId: UUID!, $monthlyRequests: Int, $requestsPerMinute: Int, $budgetUsd: Float) {
    setTeamMemberLimits(userId: $userId, monthlyRequests: $monthlyRequests, requestsPerMinute: $requestsPerMinute, budgetUsd: $budgetUsd)
  }
`);

export const SetTeamBudgetMutation = graphql(`
  mutation SetTeamBudget($budgetUsd: Float) {
    setTeamBudget(budgetUsd: $budgetUsd) {
      id
      budgetUsd
    }
  }
`);

export const SetTeamSlackWebhookMutation = graphql(`
  mutation SetTeamSlackWebhook($url: String) {
    setTeamSlackWebhook(url: $url) {
      id
      slack {
        configured
      }
    }
  }
`);

export const SendTeamSlackTestMutation = graphql(`
  mutation SendTeamSlackTest {
    sendTeamSlackTest
  }
`);

export const SetTeamGoogleDomainMutation = graphql(`
  mutation SetTeamGoogleDomain($domain: String) {
    setTeamGoogleDomain(domain: $domain) {
      id
      googleDomain
    }
  }
`);

/** What an invite link offers (no sign-in needed). */
export const InvitePreviewQuery = graphql(`
  query InvitePreview($token: String!) {
    teamInvite(token: $token) {
      teamName
      email
      role
      expiresAt
      accountExists
    }
  }
`);

export const AcceptTeamInviteMutation = graphql(`
  mutation AcceptTeamInvite($token: String!) {
    acceptTeamInvite(token: $token) {
      id
      name
    }
  }
`);

export const AcceptTeamInviteWithSignUpMutation = graphql(`
  mutation AcceptTeamInviteWithSignUp($token: String!, $password: String!, $displayName: String, $locale: String) {
    acceptTeamInviteWithSignUp(token: $token, password: $password, displayName: $displayName, locale: $locale) {
      user {
        id
        email
      }
    }
  }
`);
