import { graphql } from "@/lib/gql/generated";

export const RoutingQuery = graphql(`
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
`);

/** Model names the user's connections serve: suggestions for a routing target's model. */
export const RoutingModelsQuery = graphql(`
  query RoutingModels {
    models {
      id
      provider
    }
  }
`);

export const SetRoutingMutation = graphql(`
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
`);
