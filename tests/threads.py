"""Run requests at the same moment from real threads, each with its own database connection.

Only for tests marked ``django_db(transaction=True)``: the rows a test makes must be committed
for the threads to see them.
"""

import threading

from django.db import connections
from django.test import Client


def client(user=None):
    """A test client that answers a server error with a 500 instead of raising it."""
    made = Client(raise_request_exception=False)
    if user is not None:
        made.force_login(user)
    return made


def at_once(*calls, timeout=60):
    """Run every call in its own thread, released together; their results, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout)
            results[index] = call()
        except Exception as exc:  # reported by the assertion below
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a request hung"
    errors = [result for result in results if isinstance(result, Exception)]
    assert not errors, errors
    return results
