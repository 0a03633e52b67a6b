"""Settings for the test suite: the normal settings, made fast and quiet."""

import os

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
ALLOWED_HOSTS = ["*"]
# Report files of test runs apart from real ones; the CI worker uses these settings too, so
# both processes read and write the same folder.
STORAGES["reports"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": os.environ.get("KOERS_TEST_MEDIA", str(BASE_DIR / "test-media"))},  # noqa: F405
}
STORAGES["evidence"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": os.path.join(STORAGES["reports"]["OPTIONS"]["location"], "evidence")},  # noqa: F405
}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the live server for browser tests then has its own connections
    # instead of sharing the test thread's one across threads.
    # KOERS_TEST_DB lets several test runs on one machine keep apart.
    name = os.environ.get("KOERS_TEST_DB", "test_koers.sqlite3")
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / name)}  # noqa: F405
