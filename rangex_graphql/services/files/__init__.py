"""Uploaded files: uploads (create, complete), version assets, downloads, quotas."""
