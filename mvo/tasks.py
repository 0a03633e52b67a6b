import os
import socket

from celery import shared_task

from .models import Organisation


@shared_task
def ping(org_slug=""):
    """A health check that proves where tasks run: which process, and which database it sees."""
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "org_exists": Organisation.objects.filter(slug=org_slug).exists() if org_slug else None,
    }


@shared_task(
    bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5, default_retry_delay=60
)
def send_notification_mails(self, event):
    """Mail the notifications of one event (each person once, however often this runs).

    Returns how many mails this run sent. A failed mail is kept on its row (mislukt, with the
    error) and tried again: through a broker by a retry of this task (1, 2, 4, ... minutes
    later), otherwise by the next run of it."""
    from .notifications import MailFailed, mail_event

    try:
        return mail_event(event)
    except MailFailed as failure:
        in_process = self.request.is_eager or self.request.called_directly
        if in_process or self.request.retries >= self.max_retries:
            return failure.sent  # the rows keep the error; a later run may still send them
        raise self.retry(exc=failure, countdown=60 * 2**self.request.retries) from failure


@shared_task
def send_waiting_notification_mails():
    """Celery beat, every ten minutes: mail notifications whose task never ran (the broker
    was down when their event happened, or its message was lost)."""
    from .notifications import waiting_events

    for event in waiting_events():
        send_notification_mails.delay(event)
