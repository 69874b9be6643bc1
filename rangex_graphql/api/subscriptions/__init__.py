"""Live subscriptions: the root ``Subscription`` fields, their feeds, shared execution
across subscribers, and the graphql-transport-ws connection that serves them."""
