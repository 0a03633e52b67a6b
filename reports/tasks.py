"""Celery tasks of the reports: render one report, sweep stuck requests, the quarter's
scheduled reports. The rules they follow are in reports.pipeline."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from . import pipeline

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=pipeline.SOFT_TIME_LIMIT,
    time_limit=pipeline.HARD_TIME_LIMIT,
)
def render_report(self, pk):
    """Render report ``pk`` into a PDF and store it. Idempotent: a report that is already
    being made by another run, or finished, is left alone. Returns the final status."""
    from .models import Failure
    from .rendering import GoneError, render

    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    report = pipeline.claim(pk, redelivered=redelivered)
    if report is None:
        return "skipped"
    try:
        pdf_bytes, pages = render(report)
    except SoftTimeLimitExceeded:
        pipeline.fail(report, Failure.TIMEOUT, f"soft time limit {pipeline.SOFT_TIME_LIMIT}s")
        return "mislukt"
    except GoneError as error:
        pipeline.fail(report, Failure.GONE, error)
        return "mislukt"
    except Exception as error:
        logger.exception("Report %s could not be rendered", pk)
        pipeline.fail(report, Failure.RENDER, f"{type(error).__name__}: {error}")
        return "mislukt"
    try:
        stored = pipeline.finish(report, pdf_bytes, pages)
    except Exception as error:
        logger.exception("Report %s could not be stored", pk)
        pipeline.fail(report, Failure.STORAGE, f"{type(error).__name__}: {error}")
        return "mislukt"
    if stored and report.scheduled:
        from .schedule import tell_managers

        tell_managers(report)
    return "klaar" if stored else "skipped"


@shared_task
def sweep_reports():
    """Celery beat, every five minutes: see pipeline.sweep."""
    return pipeline.sweep()


@shared_task
def schedule_quarter_reports():
    """Celery beat, in the first week after a quarter ends: the reports of approved plans."""
    from .schedule import schedule_last_quarter

    return schedule_last_quarter()
