"""Background work of the plans app (Celery): the weekly reminders.

``send_weekly_reminders`` runs from Celery beat (see CELERY_BEAT_SCHEDULE) and claims one
ReminderLog row per person and week before anything is sent; ``send_reminder`` sends one
person's reminder and records the outcome on that row. Both are safe to run twice.
"""

import logging

from celery import shared_task
from django.utils import timezone

from . import services
from .models import ReminderLog, ReminderStatus
from .reminders import send_reminder_email

logger = logging.getLogger(__name__)


@shared_task
def send_weekly_reminders():
    """Queue this week's reminders (people who already have one this week are skipped)."""
    return services.queue_weekly_reminders()


@shared_task
def send_reminder(log_id):
    """Send the reminder of one ReminderLog row, only if it is still queued."""
    claimed = ReminderLog.objects.filter(pk=log_id, status=ReminderStatus.QUEUED).update(
        status=ReminderStatus.RUNNING
    )
    if not claimed:  # sent, being sent, or gone: nothing to do
        return None
    log = ReminderLog.objects.select_related("user").get(pk=log_id)
    try:
        sent = send_reminder_email(log.user)
    except Exception as error:  # recorded on the row; the next run of the week retries it
        logger.exception("Weekly reminder %s failed", log_id)
        log.status, log.error = ReminderStatus.FAILED, f"{type(error).__name__}: {error}"[:2000]
    else:
        log.status = ReminderStatus.SENT if sent else ReminderStatus.NOTHING
        log.error = ""
    log.finished_at = timezone.now()
    log.save(update_fields=["status", "error", "finished_at"])
    return log.status
