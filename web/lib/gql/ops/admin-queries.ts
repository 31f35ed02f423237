import { graphql } from "@/lib/gql/generated";

// Saved queries (section SAVED_QUERIES, super admins): named read-only SQL, checked when saved
// and run on demand within the server's limits. Saving, deleting and running are audited.

export const SavedQueryFields = graphql(`
  fragment SavedQueryFields on SavedQuery {
    id
    name
    description
    sql
    updatedBy
    createdAt
    updatedAt
  }
`);

/** The saved queries (by name) and what one run may take. */
export const AdminSavedQueriesQuery = graphql(`
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
`);

/** Creates (no `id`) or rewrites a query; the server runs its SQL once before keeping it. */
export const AdminSaveQueryMutation = graphql(`
  mutation AdminSaveQuery($input: SavedQueryInput!) {
    adminSaveQuery(input: $input) {
      ...SavedQueryFields
    }
  }
`);

export const AdminDeleteQueryMutation = graphql(`
  mutation AdminDeleteQuery($id: UUID!) {
    adminDeleteQuery(id: $id)
  }
`);

/** A run: the table (cells as text, NULL as null), whether it was cut, and the same as CSV. */
export const AdminRunQueryMutation = graphql(`
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
`);
