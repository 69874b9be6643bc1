"""Image governance in GraphQL: the image catalog and the registry credentials."""
