import { graphql } from "@/lib/gql/generated";

// The Overview's live counters (section OVERVIEW): read when the subscription starts, then
// sent whenever they change (the server looks every 2 s) and at least once a minute.

export const AdminLiveCountersSubscription = graphql(`
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
`);
