"""A Celery round trip. With REDIS_URL set (CI) it goes through Redis to a real worker
process; without it the task runs eagerly in-process."""

import os

import pytest
from django.conf import settings

from mvo.tasks import ping
from tests.factories import OrganisationFactory


@pytest.mark.django_db(transaction=True)
def test_task_round_trip_sees_the_same_database():
    org = OrganisationFactory(slug="rondje")  # committed: a worker process can see it
    result = ping.delay(org.slug).get(timeout=60)
    assert result["org_exists"] is True
    assert ping.delay("bestaat-niet").get(timeout=60)["org_exists"] is False
    if settings.REDIS_URL:
        # The task really ran elsewhere: in the worker process, via the Redis broker.
        assert result["pid"] != os.getpid()
        assert ping.app.connection().transport_cls in ("redis", "rediss") or (
            ping.app.conf.broker_url.startswith("redis")
        )
    else:
        assert settings.CELERY_TASK_ALWAYS_EAGER
        assert result["pid"] == os.getpid()
