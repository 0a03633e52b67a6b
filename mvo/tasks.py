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
    """Mail the notifications of one event (each person once, however often this runs)."""
    from .notifications import mail_event

    try:
        return mail_event(event)
    except Exception as error:
        if self.request.is_eager:  # in-process (no broker): the row keeps the error
            return None
        raise self.retry(exc=error) from error
