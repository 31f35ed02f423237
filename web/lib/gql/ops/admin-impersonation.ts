import { graphql } from "@/lib/gql/generated";

// Support's read-only view of a user's dashboard (section IMPERSONATION). The token it answers
// is a session of the user's that the dashboard sends as a bearer in that tab; ending the view
// goes with the operator's own session.

export const AdminStartImpersonationMutation = graphql(`
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
`);

/** False when the view had already ended or expired. */
export const AdminEndImpersonationMutation = graphql(`
  mutation AdminEndImpersonation($id: UUID!) {
    adminEndImpersonation(id: $id)
  }
`);
