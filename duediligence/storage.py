"""Where evidence files live: ``STORAGES["evidence"]``, a private location outside static and
media that no URL serves; files leave only through duediligence's evidence view."""

from django.core.files.storage import storages


def evidence_storage():
    return storages["evidence"]
