"""The throw-away database of the benchmark scripts.

    with throwaway.database() as connection:
        ...  # build rows, time things

Django is set up first (the caller has set DJANGO_SETTINGS_MODULE and, for SQLite, the
KOERS_TEST_DB file name). The database is the test database of that configuration: a SQLite
file, or a database beside the one DATABASE_URL names; it is created on entry and dropped on
exit, whatever happens in between.
"""

from contextlib import contextmanager


@contextmanager
def database():
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
