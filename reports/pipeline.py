"""The life of a report request: request → wachtrij → bezig → klaar or mislukt.

- ``request_report`` makes the row and, once the transaction commits, hands it to Celery
  (``send``). The request returns at once; with no broker configured (the embedded default)
  Celery runs the task in-process instead.
- A second request with the same key while one is queued or running gets that one back
  (the database holds at most one active row per key).
- When the broker cannot be reached, the row simply stays unsent (``sent_at`` empty);
  ``sweep`` (Celery beat, every five minutes) sends it later, re-sends rows that waited or ran
  far too long, and gives up with a reason after ``MAX_ATTEMPTS``. Every request thus ends
  klaar or mislukt.
- ``run`` is what the task does: claim the row, render, store, finish. Running it twice, or
  in two workers at once, makes one file.
"""

import logging
from datetime import timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import ACTIVE, Failure, Report, ReportKind, ReportStatus

logger = logging.getLogger(__name__)

SOFT_TIME_LIMIT = 120  # seconds; the task then stops with a readable reason
HARD_TIME_LIMIT = 150  # the worker process is killed
MAX_ATTEMPTS = 3
UNSENT_GRACE = timedelta(minutes=1)  # on_commit normally sends within milliseconds
QUEUED_TOO_LONG = timedelta(minutes=30)  # sent, but no worker picked it up: message lost
RUNNING_TOO_LONG = timedelta(seconds=HARD_TIME_LIMIT + 60)  # its worker died
GIVE_UP_AFTER = timedelta(hours=24)  # still queued a day later (no worker at all): failed


def request_report(
    organisation,
    plan,
    *,
    kind=ReportKind.QUARTERLY,
    year=None,
    quarter=None,
    version=None,
    language="nl",
    user=None,
    scheduled=False,
):
    """(report, created): a new queued report, or the one already queued or running."""
    key = Report.make_key(
        kind, plan, year=year, quarter=quarter, version=version, language=language
    )
    for _attempt in range(3):
        existing = Report.objects.filter(key=key, status__in=ACTIVE).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    organisation=organisation,
                    plan=plan,
                    kind=kind,
                    year=year,
                    quarter=quarter,
                    version=version,
                    language=language,
                    key=key,
                    requested_by=user,
                    scheduled=scheduled,
                )
        except IntegrityError:  # a parallel request won the race: return that one (or, when
            continue  # it has already finished meanwhile, make a new request after all)
        transaction.on_commit(partial(send, report.pk))
        return report, True
    raise IntegrityError(f"No report could be requested for {key}.")


def retry_report(report, user=None):
    """Queue a failed report again (same row; the earlier reason is cleared). Returns the
    report that will run: this one, or another active one with the same key."""
    other = Report.objects.filter(key=report.key, status__in=ACTIVE).first()
    if other is not None:
        return other
    try:
        with transaction.atomic():
            changed = Report.objects.filter(pk=report.pk, status=ReportStatus.FAILED).update(
                status=ReportStatus.QUEUED,
                failure="",
                failure_detail="",
                sent_at=None,
                started_at=None,
                finished_at=None,
                attempts=0,
                requested_by=user or F("requested_by"),
                requested_at=timezone.now(),
            )
    except IntegrityError:  # a new request for the same report came first: that one runs
        other = Report.objects.filter(key=report.key, status__in=ACTIVE).first()
        if other is not None:
            return other
        changed = 0
    if changed:
        transaction.on_commit(partial(send, report.pk))
    report.refresh_from_db()
    return report


def send(pk):
    """Hand report ``pk`` to the broker. A broker that cannot be reached is logged and left
    to the sweep: the request itself never fails on it."""
    from .tasks import render_report

    app = render_report.app
    try:
        if app.conf.task_always_eager:  # no broker (the embedded default): runs here and now
            render_report.apply_async((pk,))
        else:
            # Fail fast when the broker is down: no reconnect attempts on this connection
            # (kombu otherwise waits seconds), and no result subscription (the row holds the
            # outcome; with Redis as result backend too, that retried for some 20 s).
            with app.connection_for_write(transport_options={"max_retries": 0}) as connection:
                render_report.apply_async(
                    (pk,), retry=False, ignore_result=True, connection=connection
                )
    except Exception:  # the broker is down or unreachable: kombu/redis raise many kinds
        logger.warning("Report %s not sent to the broker; the sweep sends it later.", pk)
        return False
    Report.objects.filter(pk=pk, status=ReportStatus.QUEUED).update(sent_at=timezone.now())
    return True


def is_stale(report, now=None):
    """Whether the sweep would act on this report now (see sweep)."""
    now = now or timezone.now()
    if report.status == ReportStatus.RUNNING:
        return bool(report.started_at and report.started_at < now - RUNNING_TOO_LONG)
    if report.status != ReportStatus.QUEUED:
        return False
    if report.attempts >= MAX_ATTEMPTS or report.requested_at < now - GIVE_UP_AFTER:
        return True
    if report.sent_at is None:
        return report.requested_at < now - UNSENT_GRACE
    return report.sent_at < now - QUEUED_TOO_LONG


def sweep(now=None):
    """Send what never reached a worker, re-send what got stuck, fail what keeps failing.
    Returns {"sent": n, "failed": n}."""
    now = now or timezone.now()
    stale_running = Q(status=ReportStatus.RUNNING, started_at__lt=now - RUNNING_TOO_LONG)
    # a worker died mid-render: back to the queue (or failed, below, when out of attempts)
    Report.objects.filter(stale_running, attempts__lt=MAX_ATTEMPTS).update(
        status=ReportStatus.QUEUED, sent_at=None
    )
    exhausted = Report.objects.filter(
        stale_running
        | Q(status=ReportStatus.QUEUED, attempts__gte=MAX_ATTEMPTS)
        | Q(status=ReportStatus.QUEUED, requested_at__lt=now - GIVE_UP_AFTER)
    )
    failed = exhausted.update(
        status=ReportStatus.FAILED,
        failure=Failure.LOST,
        failure_detail=(
            f"Gave up: {MAX_ATTEMPTS} attempts lost their worker, or no worker took it within "
            f"{GIVE_UP_AFTER}."
        ),
        finished_at=now,
    )
    waiting = Report.objects.filter(
        Q(status=ReportStatus.QUEUED)
        & (
            Q(sent_at__isnull=True, requested_at__lt=now - UNSENT_GRACE)
            | Q(sent_at__lt=now - QUEUED_TOO_LONG)
        )
    ).values_list("pk", flat=True)
    sent = sum(1 for pk in list(waiting[:500]) if send(pk))
    return {"sent": sent, "failed": failed}


def claim(pk, *, redelivered=False, now=None):
    """Mark report ``pk`` as being made by this run; None when another run has it or it is
    finished. A message delivered again after its worker died may take over its own row."""
    now = now or timezone.now()
    claimable = Q(status=ReportStatus.QUEUED)
    if redelivered:
        claimable |= Q(status=ReportStatus.RUNNING)
    with transaction.atomic():
        changed = (
            Report.objects.filter(claimable, pk=pk)
            .filter(attempts__lt=MAX_ATTEMPTS)
            .update(status=ReportStatus.RUNNING, started_at=now, attempts=F("attempts") + 1)
        )
    if not changed:
        return None
    return Report.objects.select_related("organisation", "plan", "version").get(pk=pk)


def finish(report, pdf_bytes, pages):
    """Store the file and mark the report done, unless this run lost its claim meanwhile
    (then the file is removed again and nothing changes)."""
    from django.core.files.base import ContentFile

    name = report.file.field.generate_filename(report, "report.pdf")
    stored = report.file.storage.save(name, ContentFile(pdf_bytes))
    with transaction.atomic():
        done = Report.objects.filter(
            pk=report.pk, status=ReportStatus.RUNNING, attempts=report.attempts
        ).update(
            status=ReportStatus.DONE,
            file=stored,
            size=len(pdf_bytes),
            pages=pages,
            finished_at=timezone.now(),
            failure="",
            failure_detail="",
        )
    if not done:
        report.file.storage.delete(stored)
        return False
    old = report.file.name
    if old and old != stored:
        report.file.storage.delete(old)
    return True


def fail(report, failure, detail=""):
    return Report.objects.filter(
        pk=report.pk, status=ReportStatus.RUNNING, attempts=report.attempts
    ).update(
        status=ReportStatus.FAILED,
        failure=failure,
        failure_detail=str(detail)[:2000],
        finished_at=timezone.now(),
    )
