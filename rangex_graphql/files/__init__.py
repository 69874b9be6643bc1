"""The object store behind covers, avatars and version assets: one interface
(``store.ObjectStore``), a local-directory store (the embedded default) and S3."""

from .store import ObjectInfo, ObjectStore, PresignedUpload, UploadConditions

__all__ = ["ObjectInfo", "ObjectStore", "PresignedUpload", "UploadConditions"]
