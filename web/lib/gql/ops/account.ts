import { graphql } from "@/lib/gql/generated";

export const MeQuery = graphql(`
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
`);

export const ServerInfoQuery = graphql(`
  query ServerInfo {
    serverInfo {
      publicUrl
      googleSignIn
      idrPerUsd
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($email: String!, $password: String!, $displayName: String, $locale: String) {
    signUp(email: $email, password: $password, displayName: $displayName, locale: $locale)
  }
`);

export const SignUpEmailQuery = graphql(`
  query SignUpEmail($token: String!) {
    signUpEmail(token: $token)
  }
`);

export const CompleteSignUpMutation = graphql(`
  mutation CompleteSignUp($token: String!, $password: String!) {
    completeSignUp(token: $token, password: $password) {
      csrfToken
      user {
        id
        locale
      }
    }
  }
`);

export const LogInMutation = graphql(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(email: $email, password: $password) {
      csrfToken
      user {
        id
        locale
      }
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!, $revokeApiKeys: Boolean!) {
    resetPassword(token: $token, newPassword: $newPassword, revokeApiKeys: $revokeApiKeys)
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

export const ResendVerificationMutation = graphql(`
  mutation ResendVerification {
    resendVerificationEmail
  }
`);

export const StartGoogleMutation = graphql(`
  mutation StartGoogle {
    startGoogleSignIn {
      authorizeUrl
    }
  }
`);

export const CompleteGoogleMutation = graphql(`
  mutation CompleteGoogle($code: String!, $state: String!) {
    completeGoogleSignIn(code: $code, state: $state) {
      csrfToken
      user {
        id
      }
    }
  }
`);
