"""Notifications: one row per person and event, listed in the app and mailed once.

``notify`` is called inside the service that makes something happen (a plan submitted,
approved, sent back); it stores the texts in both languages and, once the transaction
commits, queues ``mvo.tasks.send_notification_mails`` for the event. That task claims each
row before mailing it, so running it twice mails nobody twice.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import MailStatus, Notification


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
    users = [user for user in users if user is not None and user.is_active]
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
        for user in {user.pk: user for user in users}.values()
    ]
    created = Notification.objects.bulk_create(rows, ignore_conflicts=True)
    transaction.on_commit(lambda: queue_mails(event))
    return len(created)


def queue_mails(event):
    from .tasks import send_notification_mails

    send_notification_mails.delay(event)


def title_for(notification, language):
    return notification.title_en if language == "en" else notification.title_nl


def body_for(notification, language):
    return notification.body_en if language == "en" else notification.body_nl


def send_mail(notification):
    """Mail one notification to its person, in their language."""
    user = notification.user
    language = user.preferred_language
    with translation.override(language):
        context = {
            "notification": notification,
            "title": title_for(notification, language),
            "body": body_for(notification, language),
            "link": settings.SITE_URL.rstrip("/") + notification.url if notification.url else "",
            "organisation": notification.organisation,
        }
        text = render_to_string("mvo/email/notification.txt", context)
        html = render_to_string("mvo/email/notification.html", context)
    message = EmailMultiAlternatives(context["title"], text, None, [user.email])
    message.attach_alternative(html, "text/html")
    message.send()


def mail_event(event):
    """Mail every queued notification of ``event`` once; returns how many were sent.

    Each row is claimed (queued → bezig) before its mail goes out, so a second run of the
    same task finds nothing left to send. A failed mail is recorded on the row and put back
    in the queue for the next try; the task then raises so Celery retries it."""
    sent = 0
    failures = []
    pending = Notification.objects.filter(event=event, mail_status=MailStatus.QUEUED)
    for pk in pending.values_list("pk", flat=True):
        claimed = Notification.objects.filter(pk=pk, mail_status=MailStatus.QUEUED).update(
            mail_status=MailStatus.SENDING
        )
        if not claimed:
            continue
        notification = Notification.objects.select_related("user", "organisation").get(pk=pk)
        try:
            send_mail(notification)
        except Exception as error:  # kept on the row; the task is retried
            failures.append(error)
            Notification.objects.filter(pk=pk).update(
                mail_status=MailStatus.QUEUED, mail_error=f"{type(error).__name__}: {error}"[:2000]
            )
            continue
        Notification.objects.filter(pk=pk).update(
            mail_status=MailStatus.SENT, mailed_at=timezone.now(), mail_error=""
        )
        sent += 1
    if failures:
        raise failures[0]
    return sent
