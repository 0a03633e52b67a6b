"""Shared pieces of the report tests: run the render task here and now, poll a row, read a
download, an approved plan version."""

import time

import pytest

from reports import tasks
from reports.models import Report, ReportStatus


@pytest.fixture
def tasks_in_this_process():
    """Every Celery task runs in this process for the test, even where a worker listens on
    Redis (CI): that worker could not see a test's uncommitted rows, its storage folder or
    this outbox. For tests of what a report holds; the transport itself is tested in
    test_pipeline and tests/mvo/test_notifications."""
    from mvo.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture(name="in_process")
def in_process_fixture(monkeypatch, django_capture_on_commit_callbacks):
    """``in_process(call, *args)``: run a call (a request through the test client, a service);
    the render task it queues on commit runs in this process, even where a real worker listens
    on Redis (the worker cannot see this test's uncommitted rows)."""
    monkeypatch.setattr(
        tasks.render_report,
        "apply_async",
        lambda args=(), kwargs=None, **options: tasks.render_report.apply(args, kwargs),
    )

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


def wait_until_finished(report, timeout=90):
    """Poll the row until it is klaar or mislukt (a real worker needs a moment)."""
    deadline = time.monotonic() + timeout
    report.refresh_from_db()
    while report.status not in (ReportStatus.DONE, ReportStatus.FAILED):
        assert time.monotonic() < deadline, f"report {report.pk} still {report.status}"
        time.sleep(0.3)
        report.refresh_from_db()
    return report


def downloaded(response):
    return b"".join(response.streaming_content)


def approved_version(plan, org):
    """An approved version of ``plan`` through the approval workflow."""
    from mvo.models import Role
    from plans import approval

    approval.submit_plan(plan, org.member, Role.MEMBER)
    return approval.approve_plan(plan, org.manager, Role.MANAGER)


def newest(org):
    return Report.objects.for_org(org).order_by("-pk").first()
