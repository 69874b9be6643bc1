"""Teams: creation, membership, join requests and invite codes."""
