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
