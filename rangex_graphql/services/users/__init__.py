"""Admin user management (invitations, erasure) and the viewer's own data export."""
