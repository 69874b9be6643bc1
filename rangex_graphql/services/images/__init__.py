"""Image governance: the image catalog, approval of creators' images, and the private
registries' credentials."""
