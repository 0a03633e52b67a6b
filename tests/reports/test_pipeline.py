"""Reliability of the report pipeline: a failure ends "mislukt" with a readable reason and can
be retried; a request made while the broker is unreachable is kept and sent by the sweep;
stuck requests are sent again, and given up with a reason after their attempts; the task is
idempotent; and the whole flow through a real worker (with REDIS_URL) or in-process."""

import time
from datetime import timedelta
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils import timezone

from kpis.models import last_finished_quarter
from mvo.celery import app
from plans.models import PlanVersion
from reports import pipeline, rendering, tasks
from reports.models import Failure, Report, ReportKind, ReportStatus
from tests.factories import MembershipFactory, OrganisationFactory, PlanFactory
from tests.reports.flow import (  # noqa: F401
    approved_version,
    downloaded,
    in_process_fixture,
    wait_until_finished,
)

UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def file_field():
    return Report._meta.get_field("file")


@pytest.fixture
def storage(tmp_path, monkeypatch):
    """Report files of this test in a folder of its own (the field keeps the storage it was
    given at start-up; this swaps it, as a settings change on a restart would)."""
    store = FileSystemStorage(location=tmp_path / "reports")
    monkeypatch.setattr(file_field(), "storage", store)
    return store


def stored_files(store, org):
    if not store.exists(str(org.pk)):
        return []
    return store.listdir(str(org.pk))[1]


@pytest.fixture
def plan(org_a):
    year, _quarter = last_finished_quarter()
    return PlanFactory(
        organisation=org_a.org, title="Energieplan", start_year=year - 1, end_year=year + 1
    )


def request_quarterly(org, plan, user=None, language="nl"):
    year, quarter = last_finished_quarter()
    return pipeline.request_report(
        org, plan, year=year, quarter=quarter, language=language, user=user
    )


def detail_page(client, report):
    org = report.organisation
    return client.get(reverse("reports:detail", args=[org.slug, report.pk])).content.decode()


# --- Failure with a readable reason, and retry ----------------------------------------------


def test_storage_that_cannot_be_written_fails_readably_and_a_retry_succeeds(
    org_a, plan, in_process, client_for, monkeypatch, tmp_path
):
    blocker = tmp_path / "geen-map"
    blocker.write_text("a file where the report folder should be")
    good = FileSystemStorage(location=tmp_path / "reports")
    monkeypatch.setattr(file_field(), "storage", FileSystemStorage(location=blocker / "reports"))

    report, _created = in_process(request_quarterly, org_a.org, plan, org_a.member)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.failure == Failure.STORAGE
    assert report.failure_detail  # the technical detail is kept for the administrator
    assert report.finished_at is not None and not report.file

    client = client_for(org_a.member)
    page = detail_page(client, report)
    assert "Mislukt" in page and "Het bestand kon niet worden opgeslagen." in page
    assert report.failure_detail not in page  # no stack traces for users
    assert reverse("reports:retry", args=[org_a.org.slug, report.pk]) in page
    listing = client.get(reverse("reports:index", args=[org_a.org.slug])).content.decode()
    assert "Het bestand kon niet worden opgeslagen." in listing and "Opnieuw proberen" in listing

    monkeypatch.setattr(file_field(), "storage", good)  # the store is fixed
    retry_url = reverse("reports:retry", args=[org_a.org.slug, report.pk])
    response = in_process(client.post, retry_url)
    assert response["Location"] == reverse("reports:detail", args=[org_a.org.slug, report.pk])
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    assert report.failure == "" and report.failure_detail == "" and report.attempts == 1
    assert good.open(report.file.name).read(4) == b"%PDF"
    assert Report.objects.count() == 1  # the same row, not a new one


def test_a_version_this_code_cannot_read_fails_with_a_reason(
    org_a, plan, in_process, client_for, storage
):
    version = approved_version(plan, org_a)
    PlanVersion.objects.filter(pk=version.pk).update(format=999)  # a format from the future
    report, _created = in_process(
        pipeline.request_report,
        org_a.org,
        plan,
        kind=ReportKind.PLAN_VERSION,
        version=version,
        language="nl",
        user=org_a.member,
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.failure == Failure.RENDER
    assert "999" in report.failure_detail
    assert "Het document kon niet worden opgemaakt." in detail_page(
        client_for(org_a.viewer), report
    )
    assert stored_files(storage, org_a.org) == []


def test_running_out_of_time_fails_with_a_reason(org_a, plan, in_process, monkeypatch, storage):
    def too_slow(report):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(rendering, "render", too_slow)
    report, _created = in_process(request_quarterly, org_a.org, plan)
    report.refresh_from_db()
    assert (report.status, report.failure) == (ReportStatus.FAILED, Failure.TIMEOUT)


def test_retrying_while_the_same_report_runs_again_gives_that_one(org_a, plan, storage):
    failed = Report.objects.create(
        organisation=org_a.org,
        plan=plan,
        kind=ReportKind.QUARTERLY,
        year=plan.start_year,
        quarter=1,
        language="nl",
        key=Report.make_key(ReportKind.QUARTERLY, plan, year=plan.start_year, quarter=1),
        status=ReportStatus.FAILED,
        failure=Failure.RENDER,
    )
    running, _created = pipeline.request_report(
        org_a.org, plan, year=plan.start_year, quarter=1, language="nl"
    )
    assert pipeline.retry_report(failed) == running
    failed.refresh_from_db()
    assert failed.status == ReportStatus.FAILED


# --- The broker unreachable at request time; the sweep -------------------------------------


@pytest.fixture
def broker_down():
    """The Celery app talks to a broker that does not answer (as when Redis is down), until
    ``restore()``; restored after the test in any case."""
    keys = ("broker_url", "broker_write_url", "task_always_eager")
    saved = {key: app.conf[key] for key in keys}
    app.conf.update(broker_url=UNREACHABLE, broker_write_url=None, task_always_eager=False)

    def restore():
        app.conf.update(saved)

    yield restore
    restore()


@pytest.mark.django_db(transaction=True)
def test_a_request_while_the_broker_is_down_is_kept_and_swept_later(broker_down, tmp_path):
    org = OrganisationFactory(slug="broker-weg")
    member = MembershipFactory(organisation=org, role="member").user
    year, quarter = last_finished_quarter()
    plan = PlanFactory(organisation=org, start_year=year - 1, end_year=year + 1)
    from django.test import Client

    client = Client()
    client.force_login(member)
    started = time.monotonic()
    response = client.post(
        reverse("reports:index", args=[org.slug]),
        {"plan": plan.pk, "year": year, "quarter": quarter, "language": "nl"},
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    assert elapsed < 5, f"the request waited {elapsed:.1f} s for the broker"
    report = Report.objects.get(organisation=org)
    assert response["Location"] == reverse("reports:detail", args=[org.slug, report.pk])
    assert report.status == ReportStatus.QUEUED and report.sent_at is None
    assert client.get(response["Location"]).status_code == 200  # the page says it waits

    assert pipeline.sweep() == {"sent": 0, "failed": 0}  # within the grace: on_commit's turn
    later = timezone.now() + pipeline.UNSENT_GRACE + timedelta(seconds=5)
    assert pipeline.sweep(now=later) == {"sent": 0, "failed": 0}  # still down: kept
    report.refresh_from_db()
    assert report.status == ReportStatus.QUEUED and report.sent_at is None

    broker_down()  # the broker is back (in CI: Redis and the worker; else in-process)
    assert tasks.sweep_reports.apply().get() == {"sent": 0, "failed": 0}  # not yet due
    assert pipeline.sweep(now=later)["sent"] == 1
    report = wait_until_finished(report)
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    assert report.attempts == 1
    body = downloaded(client.get(reverse("reports:download", args=[org.slug, report.pk])))
    assert body.startswith(b"%PDF")


def _row(org, plan, **fields):
    quarter = fields.pop("quarter", 1)
    defaults = {
        "organisation": org,
        "plan": plan,
        "kind": ReportKind.QUARTERLY,
        "year": plan.start_year,
        "quarter": quarter,
        "language": "nl",
        "key": Report.make_key(ReportKind.QUARTERLY, plan, year=plan.start_year, quarter=quarter),
    }
    report = Report.objects.create(**{**defaults, **fields})
    # requested_at is set on create (auto_now_add): age it with an UPDATE
    if "requested_at" in fields:
        Report.objects.filter(pk=report.pk).update(requested_at=fields["requested_at"])
    return report


def test_a_report_stuck_in_bezig_past_the_limit_is_made_again(org_a, plan, in_process, storage):
    now = timezone.now()
    long_ago = now - pipeline.RUNNING_TOO_LONG - timedelta(minutes=1)
    stuck = _row(
        org_a.org,
        plan,
        status=ReportStatus.RUNNING,
        started_at=long_ago,
        sent_at=long_ago,
        attempts=1,
        requested_at=long_ago,
    )
    busy = _row(
        org_a.org,
        plan,
        quarter=2,
        status=ReportStatus.RUNNING,
        started_at=now - timedelta(seconds=30),
        sent_at=now - timedelta(seconds=31),
        attempts=1,
        requested_at=long_ago,
    )
    assert pipeline.sweep(now=now) == {"sent": 1, "failed": 0}
    stuck.refresh_from_db()
    busy.refresh_from_db()
    assert stuck.status == ReportStatus.DONE and stuck.attempts == 2
    assert busy.status == ReportStatus.RUNNING  # still within its time: left alone
    assert len(stored_files(storage, org_a.org)) == 1


def test_a_sent_request_nobody_picked_up_is_sent_again(org_a, plan, in_process, storage):
    now = timezone.now()
    lost = _row(
        org_a.org,
        plan,
        sent_at=now - pipeline.QUEUED_TOO_LONG - timedelta(minutes=1),
        requested_at=now - pipeline.QUEUED_TOO_LONG - timedelta(minutes=2),
    )
    fresh = _row(
        org_a.org,
        plan,
        quarter=2,
        sent_at=now - timedelta(minutes=1),
        requested_at=now - timedelta(minutes=2),
    )
    assert pipeline.sweep(now=now)["sent"] == 1
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.status == ReportStatus.DONE
    assert fresh.status == ReportStatus.QUEUED  # its message may still be on its way


def test_a_report_out_of_attempts_ends_mislukt_with_a_reason(org_a, plan, client_for, storage):
    now = timezone.now()
    long_ago = now - pipeline.RUNNING_TOO_LONG - timedelta(minutes=1)
    dying = _row(
        org_a.org,
        plan,
        status=ReportStatus.RUNNING,
        started_at=long_ago,
        attempts=pipeline.MAX_ATTEMPTS,
        requested_at=long_ago,
    )
    unclaimable = _row(
        org_a.org,
        plan,
        quarter=2,
        attempts=pipeline.MAX_ATTEMPTS,
        requested_at=long_ago,
    )
    assert pipeline.sweep(now=now) == {"sent": 0, "failed": 2}
    for report in (dying, unclaimable):
        report.refresh_from_db()
        assert report.status == ReportStatus.FAILED and report.failure == Failure.LOST
        assert report.finished_at is not None
    page = detail_page(client_for(org_a.member), dying)
    assert "Het maken is na herhaalde pogingen niet gelukt." in page and "Opnieuw proberen" in page
    # a message still on its way finds nothing to do
    assert tasks.render_report.apply((dying.pk,)).get() == "skipped"
    assert pipeline.sweep(now=now + timedelta(hours=1)) == {"sent": 0, "failed": 0}


def test_a_request_no_worker_takes_for_a_day_ends_mislukt(org_a, plan, storage):
    now = timezone.now()
    forgotten = _row(
        org_a.org, plan, sent_at=now - timedelta(hours=25),
        requested_at=now - pipeline.GIVE_UP_AFTER - timedelta(minutes=1),
    )  # fmt: skip
    recent = _row(org_a.org, plan, quarter=2, requested_at=now - timedelta(hours=2))
    result = pipeline.sweep(now=now)
    assert result["failed"] == 1
    forgotten.refresh_from_db()
    recent.refresh_from_db()
    assert forgotten.status == ReportStatus.FAILED and forgotten.failure == Failure.LOST
    assert recent.status != ReportStatus.FAILED


def test_a_request_after_the_earlier_one_finished_makes_a_new_one(org_a, plan, storage):
    """Only queued or running reports are shared; a finished one is not handed out again."""
    year, quarter = last_finished_quarter()
    first, created = pipeline.request_report(org_a.org, plan, year=year, quarter=quarter)
    Report.objects.filter(pk=first.pk).update(status=ReportStatus.DONE)
    second, created_again = pipeline.request_report(org_a.org, plan, year=year, quarter=quarter)
    assert created and created_again and second.pk != first.pk


def test_the_sweep_leaves_finished_reports_alone(org_a, plan, storage):
    long_ago = timezone.now() - timedelta(days=3)
    done = _row(org_a.org, plan, status=ReportStatus.DONE, requested_at=long_ago)
    failed = _row(
        org_a.org, plan, quarter=2, status=ReportStatus.FAILED, failure="opmaak",
        requested_at=long_ago,
    )  # fmt: skip
    assert pipeline.sweep() == {"sent": 0, "failed": 0}
    assert Report.objects.get(pk=done.pk).status == ReportStatus.DONE
    assert Report.objects.get(pk=failed.pk).failure == "opmaak"


# --- Idempotent tasks -------------------------------------------------------------------------


def test_running_the_task_twice_makes_one_file(org_a, plan, storage):
    report, _created = request_quarterly(org_a.org, plan)  # on_commit not run: not sent
    assert tasks.render_report.apply((report.pk,)).get() == "klaar"
    assert tasks.render_report.apply((report.pk,)).get() == "skipped"
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.attempts == 1
    assert stored_files(storage, org_a.org) == [Path(report.file.name).name]


def test_a_finished_report_is_never_made_again(org_a, plan, storage, monkeypatch):
    report, _created = request_quarterly(org_a.org, plan)
    tasks.render_report.apply((report.pk,))
    report.refresh_from_db()
    finished, name = report.finished_at, report.file.name

    def must_not_render(report):
        raise AssertionError("a finished report was rendered again")

    monkeypatch.setattr(rendering, "render", must_not_render)
    assert pipeline.claim(report.pk) is None
    assert pipeline.claim(report.pk, redelivered=True) is None  # not even a redelivery
    assert tasks.render_report.apply((report.pk,)).get() == "skipped"
    assert pipeline.sweep(now=timezone.now() + timedelta(days=1)) == {"sent": 0, "failed": 0}
    report.refresh_from_db()
    assert (report.finished_at, report.file.name) == (finished, name)


def test_a_run_that_lost_its_claim_leaves_no_file(org_a, plan, storage):
    """A worker presumed dead still finishes after a redelivered message took over: only the
    run that holds the claim keeps its file."""
    report, _created = request_quarterly(org_a.org, plan)
    first = pipeline.claim(report.pk)
    assert pipeline.claim(report.pk) is None  # a second, ordinary delivery waits its turn
    second = pipeline.claim(report.pk, redelivered=True)
    assert second.attempts == first.attempts + 1
    assert pipeline.finish(second, b"%PDF-second", 1) is True
    assert pipeline.finish(first, b"%PDF-first", 1) is False
    assert pipeline.fail(first, Failure.RENDER, "late") == 0
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert stored_files(storage, org_a.org) == [Path(report.file.name).name]
    assert storage.open(report.file.name).read() == b"%PDF-second"


# --- The whole flow through the real worker --------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_whole_flow_through_the_worker():
    """With REDIS_URL (CI) the request goes through Redis to the worker process, which writes
    the file to the shared report storage; without it the task runs in-process at commit."""
    org = OrganisationFactory(slug="echte-worker")
    member = MembershipFactory(organisation=org, role="member").user
    year, quarter = last_finished_quarter()
    plan = PlanFactory(organisation=org, start_year=year - 1, end_year=year + 1)
    report, created = request_quarterly(org, plan, member)  # autocommit: sent at once
    assert created
    report = wait_until_finished(report, timeout=90)
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    assert report.sent_at is not None or not settings.REDIS_URL
    assert report.size and report.pages and report.attempts == 1
    with report.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    if settings.REDIS_URL:
        assert not app.conf.task_always_eager and app.conf.broker_url.startswith("redis")
    else:
        assert app.conf.task_always_eager
    # the same request again once it is done makes a new report, not the old one again
    again, created = request_quarterly(org, plan, member)
    assert created and again.pk != report.pk
    assert wait_until_finished(again).status == ReportStatus.DONE
