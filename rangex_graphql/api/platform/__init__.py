"""Platform settings at run time: the admins' read and changes, and the public status."""
