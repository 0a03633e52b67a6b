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
