"""Small helpers shared by the tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, path):
    """Number of database queries a GET of ``path`` takes; the page must answer 200."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(context.captured_queries)


def assert_queries_constant(client, path, add_rows, small=5, large=200):
    """The query count of a page must not grow with its rows: compare ``small`` and ``large``.

    ``add_rows(n)`` adds n rows of the kind the page lists.
    """
    add_rows(small)
    client.get(path)  # the first visit to an organisation stores it in the session
    few = count_queries(client, path)
    add_rows(large - small)
    many = count_queries(client, path)
    assert few == many, f"{path}: {few} queries with {small} rows, {many} with {large}"
    return many


def body(response):
    """The bytes of a response, streamed (CSV exports) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content
