import { graphql } from "@/lib/gql/generated";

// The profile, password and account deletion on the Settings page. `me` and
// `resendVerificationEmail` are in account.ts (MeDocument, ResendVerificationDocument).

/** Sets both fields: the API stores what it is given (null display name = none, null locale = the browser's). */
export const UpdateProfileMutation = graphql(`
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
`);

/** Other sessions of the account are signed out; this one stays. */
export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** `password` is needed when the account has one (not for Google-only accounts). */
export const DeleteAccountMutation = graphql(`
  mutation DeleteAccount($confirmEmail: String!, $password: String) {
    deleteAccount(confirmEmail: $confirmEmail, password: $password)
  }
`);

/** Each choice is optional: the API keeps the others as they are. */
export const UpdateNotificationsMutation = graphql(`
  mutation UpdateNotifications($quota80: Boolean, $quota100: Boolean, $connectionExpired: Boolean) {
    updateNotifications(quota80: $quota80, quota100: $quota100, connectionExpired: $connectionExpired) {
      quota80
      quota100
      connectionExpired
    }
  }
`);

export const SessionsQuery = graphql(`
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
`);

/** When Satu support viewed the account (read-only), newest first. */
export const SupportViewsQuery = graphql(`
  query SupportViews {
    supportViews {
      startedAt
      endedAt
      expiresAt
      role
    }
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: UUID!) {
    revokeSession(id: $id)
  }
`);

export const SignOutOtherSessionsMutation = graphql(`
  mutation SignOutOtherSessions {
    signOutOtherSessions
  }
`);
