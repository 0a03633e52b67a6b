"""Notifications: one row per person and event, listed in the app and mailed once.

``notify`` is called inside the service that makes something happen (a plan submitted,
approved, sent back); it stores the texts in both languages and, once the transaction
commits, queues ``mvo.tasks.send_notification_mails`` for the event. That task claims each
row before mailing it, so running it twice (or in two workers at once) mails nobody twice.

The mail states of a row: geen (no mail: no address, or the person left), wachtrij
(waiting), bezig (claimed by a run), verstuurd, mislukt (the error is on the row; the next
run tries again). A row still waiting long after its event was queued (the broker was down,
the message got lost) is picked up by ``mail_waiting``, which Celery beat runs.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme

from .models import MailStatus, Membership, Notification

logger = logging.getLogger(__name__)

# Rows a run may claim: waiting, failed before (tried again), or claimed by a worker that
# died while sending (``mailed_at`` holds the moment of the claim until the mail is sent).
SENDABLE = [MailStatus.QUEUED, MailStatus.FAILED]
WAITING_TOO_LONG = timedelta(minutes=10)
STUCK_AFTER = timedelta(minutes=15)
RETRY_FOR = timedelta(days=3)  # failed mails are tried again this long, then left failed


def sendable(now=None):
    stuck = (now or timezone.now()) - STUCK_AFTER
    return Q(mail_status__in=SENDABLE) | Q(mail_status=MailStatus.SENDING, mailed_at__lt=stuck)


class MailFailed(Exception):
    """Some mails of an event failed (each error is kept on its row)."""

    def __init__(self, errors, sent):
        super().__init__("; ".join(errors))
        self.errors, self.sent = errors, sent


def both_languages(render):
    """{"nl": render(), "en": render()} with each language active in turn."""
    texts = {}
    for language in ("nl", "en"):
        with translation.override(language):
            texts[language] = str(render())
    return texts


def notify(organisation, users, event, *, title, body=None, url=""):
    """Tell ``users`` about ``event`` (a short unique key, e.g. "plan-transition:12").

    ``title`` and ``body`` are callables that return the text in the active language; they
    are called once per language. Users who already have this event are skipped. Returns
    the number of new notifications."""
    users = {user.pk: user for user in users if user is not None and user.is_active}
    told = Notification.objects.filter(event=event, user__in=list(users)).values_list(
        "user_id", flat=True
    )
    for pk in told:
        users.pop(pk)
    if not users:
        return 0
    titles = both_languages(title)
    bodies = both_languages(body) if body else {"nl": "", "en": ""}
    rows = [
        Notification(
            organisation=organisation,
            user=user,
            event=event,
            title_nl=titles["nl"][:300],
            title_en=titles["en"][:300],
            body_nl=bodies["nl"],
            body_en=bodies["en"],
            url=url,
            mail_status=MailStatus.QUEUED if user.email else MailStatus.NONE,
        )
        for user in users.values()
    ]
    # A row made meanwhile by a parallel call for the same event is skipped by the database.
    existing = Notification.objects.filter(event=event).count()
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    # robust: a broker that is down must not fail the request after the commit; the rows
    # wait and mail_waiting sends them later.
    transaction.on_commit(lambda: queue_mails(event), robust=True)
    return Notification.objects.filter(event=event).count() - existing


def queue_mails(event):
    from .tasks import send_notification_mails

    send_notification_mails.delay(event)


def title_for(notification, language):
    return notification.title_en if language == "en" else notification.title_nl


def body_for(notification, language):
    return notification.body_en if language == "en" else notification.body_nl


def local_path(url):
    """``url`` when it is a path on this site ("/o/..."), else None: never a way out."""
    if not url.startswith("/") or url.startswith("//"):
        return None
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts=None) else None


def send_mail(notification):
    """Mail one notification to its person, in their language."""
    user = notification.user
    language = user.preferred_language
    list_path = reverse("notifications", args=[notification.organisation.slug])
    with translation.override(language):
        context = {
            "notification": notification,
            "user": user,
            "title": title_for(notification, language),
            "body": body_for(notification, language),
            # Straight to the page: a mail scanner that follows links must not mark the
            # notification read before the person has seen it.
            "link": settings.SITE_URL.rstrip("/") + (local_path(notification.url) or list_path),
            "list_link": settings.SITE_URL.rstrip("/") + list_path,
            "organisation": notification.organisation,
        }
        text = render_to_string("mvo/email/notification.txt", context)
        html = render_to_string("mvo/email/notification.html", context)
    subject = " ".join(context["title"].split())  # a header: never a line break
    message = EmailMultiAlternatives(subject, text, None, [user.email])
    message.attach_alternative(html, "text/html")
    message.send()


def still_reachable(notification):
    """Mail only an active person with an address who is still in the organisation."""
    user = notification.user
    return (
        user.is_active
        and bool(user.email)
        and Membership.objects.filter(user=user, organisation=notification.organisation_id).exists()
    )


def mail_event(event):
    """Mail every waiting (or earlier failed) notification of ``event`` once; returns how many
    were sent.

    Each row is claimed (→ bezig) in one UPDATE before its mail goes out: of two runs at the
    same time only one gets it, and a later run finds nothing left to send. A failed mail is
    recorded on its row (mislukt, with the error) for the next run; MailFailed is raised
    after the others were tried, so that the task retries."""
    sent = 0
    errors = []
    pending = Notification.objects.filter(sendable(), event=event)
    for pk in pending.values_list("pk", flat=True):
        claimed = Notification.objects.filter(sendable(), pk=pk).update(
            mail_status=MailStatus.SENDING, mailed_at=timezone.now()
        )
        if not claimed:  # another run has it, or had it
            continue
        notification = Notification.objects.select_related("user", "organisation").get(pk=pk)
        if not still_reachable(notification):
            Notification.objects.filter(pk=pk).update(mail_status=MailStatus.NONE, mail_error="")
            continue
        try:
            send_mail(notification)
        except Exception as error:  # kept on the row; the next run tries again
            logger.warning("Notification mail %s failed: %s", pk, error)
            error_text = f"{type(error).__name__}: {error}"[:2000]
            errors.append(error_text)
            Notification.objects.filter(pk=pk).update(
                mail_status=MailStatus.FAILED, mail_error=error_text
            )
            continue
        Notification.objects.filter(pk=pk).update(
            mail_status=MailStatus.SENT, mailed_at=timezone.now(), mail_error=""
        )
        sent += 1
    if errors:
        raise MailFailed(errors, sent)
    return sent


def waiting_events(now=None):
    """Events with mails to send again: still waiting long after they were made (their task
    never ran), failed within the last days, or stuck with a worker that died."""
    now = now or timezone.now()
    waiting = Notification.objects.filter(
        Q(mail_status=MailStatus.QUEUED, created_at__lt=now - WAITING_TOO_LONG)
        | Q(mail_status=MailStatus.FAILED, created_at__gte=now - RETRY_FOR)
        | Q(mail_status=MailStatus.SENDING, mailed_at__lt=now - STUCK_AFTER)
    )
    return list(waiting.order_by().values_list("event", flat=True).distinct()[:500])
