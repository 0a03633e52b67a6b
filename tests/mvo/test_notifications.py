"""Notifications (issue 9, item 6): who hears of a submitted, approved or returned plan, in
the app and by e-mail in their own language; each person once per event, however often the
mail task runs; failures recorded and sent by the next run; the list, reading, the bell.

Most tests run the mail task in this process right after the commit (their data is never
committed, so a worker process could not see it); the real Celery path (a worker via Redis
in CI, eager without it) is tested at the end with committed data."""

import smtplib
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mvo import notifications, tasks
from mvo.models import MailStatus, Membership, Notification, Role
from plans import approval
from tests.factories import MembershipFactory, OrganisationFactory, PlanFactory
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


class BrokenBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("mailserver weg")


class SecondRunInBetweenBackend(BaseEmailBackend):
    """Delivers to the outbox like locmem, but while the first mail goes out, a second run
    of the same event's task starts (as a second worker would)."""

    event = None

    def send_messages(self, messages):
        event, SecondRunInBetweenBackend.event = SecondRunInBetweenBackend.event, None
        if event:
            tasks.send_notification_mails(event)
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def in_process(monkeypatch, django_capture_on_commit_callbacks):
    """``in_process(service, *args)``: run a service; the mail task it queues on commit runs
    here and now instead of in a worker."""
    monkeypatch.setattr(
        tasks.send_notification_mails,
        "delay",
        lambda event: tasks.send_notification_mails.apply(args=[event]),
    )

    def run(service, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(*args, **kwargs)

    return run


@pytest.fixture
def plan(org_a):
    org_a.member.full_name = "Mira Meijer"
    org_a.member.save()
    org_a.manager.language = "en"
    org_a.manager.save()
    return PlanFactory(organisation=org_a.org, title="MVO-plan Lexman")


def mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def event_of(transition):
    return f"plan-transition:{transition.pk}"


def submitted(in_process, plan, org_a):
    return in_process(approval.submit_plan, plan, org_a.member, Role.MEMBER, "Graag voor vrijdag.")


# --- Who hears what -------------------------------------------------------------------------


def test_a_submission_tells_each_manager_and_admin_once_in_their_language(plan, org_a, in_process):
    transition = submitted(in_process, plan, org_a)

    for person in (org_a.manager, org_a.admin):
        assert Notification.objects.filter(user=person, organisation=org_a.org).count() == 1
        assert len(mails_to(person)) == 1
    assert not Notification.objects.filter(user__in=[org_a.member, org_a.viewer]).exists()
    assert len(mail.outbox) == 2

    dutch, english = mails_to(org_a.admin)[0], mails_to(org_a.manager)[0]
    assert dutch.subject == f"Ter goedkeuring: {plan}"
    with translation.override("en"):
        assert english.subject == _("Ter goedkeuring: %(plan)s") % {"plan": plan}
    row = Notification.objects.get(user=org_a.manager)
    assert english.subject == row.title_en and dutch.subject == row.title_nl
    assert 'lang="en"' in english.alternatives[0][0] and 'lang="nl"' in dutch.alternatives[0][0]
    assert "Mira Meijer heeft het plan ingediend. Graag voor vrijdag." in dutch.body
    # The mail links straight to the plan's approval page (a mail scanner following the link
    # must not mark the notification read).
    target = settings.SITE_URL + reverse("plans:approval", args=["org-a", plan.pk])
    assert target in english.body and f'href="{target}"' in english.alternatives[0][0]
    assert row.mail_status == MailStatus.SENT and row.mailed_at and row.mail_error == ""
    assert row.event == event_of(transition) and row.read_at is None


def test_an_admin_who_submits_is_not_told_about_it(plan, org_a, in_process):
    in_process(approval.submit_plan, plan, org_a.admin, Role.ADMIN)
    assert list(Notification.objects.values_list("user", flat=True)) == [org_a.manager.pk]
    assert [m.to for m in mail.outbox] == [[org_a.manager.email]]


def test_approval_and_return_tell_the_submitter_once(plan, org_a, in_process):
    submitted(in_process, plan, org_a)
    mail.outbox.clear()
    version = in_process(approval.approve_plan, plan, org_a.manager, Role.MANAGER, "Prima.")
    [message] = mail.outbox
    assert message.to == [org_a.member.email]
    assert message.subject == f"Goedgekeurd: {plan}, versie {version.number}"
    assert Notification.objects.filter(user=org_a.member).count() == 1

    other = PlanFactory(organisation=org_a.org, title="Inkoopplan")
    submitted(in_process, other, org_a)
    mail.outbox.clear()
    in_process(approval.return_plan, other, org_a.admin, Role.ADMIN, "De doelen zijn te vaag.")
    [message] = mail.outbox
    assert message.to == [org_a.member.email]
    assert message.subject == f"Teruggestuurd: {other}"
    assert "De doelen zijn te vaag." in message.body
    assert Notification.objects.filter(user=org_a.member).count() == 2


# --- Exactly once ---------------------------------------------------------------------------


def test_running_the_task_again_sends_nothing_more(plan, org_a, in_process):
    event = event_of(submitted(in_process, plan, org_a))
    assert len(mail.outbox) == 2
    assert tasks.send_notification_mails(event) == 0  # run again directly
    # and through the queue (CI: the worker, which cannot see this test's uncommitted rows)
    assert tasks.send_notification_mails.delay(event).get(timeout=60) == 0
    assert tasks.send_notification_mails.apply(args=[event]).get() == 0
    assert len(mail.outbox) == 2
    assert Notification.objects.filter(event=event).count() == 2


def test_a_second_run_at_the_same_time_sends_nobody_twice(plan, org_a, monkeypatch):
    """While the first run mails its first person, a second run of the same event starts:
    each row is claimed once, so both runs together send one mail per person."""
    monkeypatch.setattr(notifications, "queue_mails", lambda event: None)
    event = event_of(approval.submit_plan(plan, org_a.member, Role.MEMBER))
    SecondRunInBetweenBackend.event = event
    backend = "tests.mvo.test_notifications.SecondRunInBetweenBackend"
    with override_settings(EMAIL_BACKEND=backend):
        tasks.send_notification_mails(event)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([org_a.manager.email, org_a.admin.email])
    assert set(Notification.objects.values_list("mail_status", flat=True)) == {MailStatus.SENT}


def test_the_same_event_notified_twice_gives_one_row_per_person(plan, org_a):
    people = [org_a.manager, org_a.admin]
    kwargs = {"title": lambda: "Iets", "url": "/o/org-a/"}
    assert notifications.notify(org_a.org, people, "test:1", **kwargs) == 2
    assert notifications.notify(org_a.org, [*people, org_a.viewer], "test:1", **kwargs) == 1
    assert Notification.objects.filter(event="test:1").count() == 3


def test_a_failed_mail_is_recorded_and_the_next_run_sends_it_once(plan, org_a, in_process):
    with override_settings(EMAIL_BACKEND="tests.mvo.test_notifications.BrokenBackend"):
        event = event_of(submitted(in_process, plan, org_a))
    assert mail.outbox == []
    rows = Notification.objects.filter(event=event)
    assert {row.mail_status for row in rows} == {MailStatus.FAILED}
    assert all("mailserver weg" in row.mail_error for row in rows)
    assert rows.count() == 2  # the in-app notifications are there all the same

    assert tasks.send_notification_mails(event) == 2
    assert tasks.send_notification_mails(event) == 0
    assert len(mails_to(org_a.manager)) == len(mails_to(org_a.admin)) == 1
    assert {(row.mail_status, row.mail_error) for row in rows.all()} == {(MailStatus.SENT, "")}


def test_a_broker_that_is_down_does_not_break_the_submission(plan, org_a, in_process, monkeypatch):
    def down(event):
        raise ConnectionRefusedError("redis weg")

    monkeypatch.setattr(tasks.send_notification_mails, "delay", down)
    event = event_of(submitted(in_process, plan, org_a))  # no error for the person
    plan.refresh_from_db()
    assert plan.status == "ingediend"
    assert set(Notification.objects.values_list("mail_status", flat=True)) == {MailStatus.QUEUED}
    # Celery beat's sweep finds the mails that waited too long and sends them.
    assert notifications.waiting_events() == []  # not yet: the task may still come
    later = timezone.now() + timedelta(minutes=11)
    assert notifications.waiting_events(now=later) == [event]
    Notification.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    monkeypatch.setattr(
        tasks.send_notification_mails, "delay", lambda e: tasks.send_notification_mails(e)
    )
    tasks.send_waiting_notification_mails()
    assert len(mail.outbox) == 2
    assert notifications.waiting_events(now=later) == []
    assert settings.CELERY_BEAT_SCHEDULE["waiting-notification-mails"]["task"] == (
        "mvo.tasks.send_waiting_notification_mails"
    )


def test_who_left_or_was_deactivated_before_the_mail_gets_none(plan, org_a, monkeypatch):
    monkeypatch.setattr(notifications, "queue_mails", lambda event: None)
    event = event_of(approval.submit_plan(plan, org_a.member, Role.MEMBER))
    Membership.objects.filter(user=org_a.manager).delete()
    org_a.admin.is_active = False
    org_a.admin.save()
    assert tasks.send_notification_mails(event) == 0
    assert mail.outbox == []
    assert set(Notification.objects.values_list("mail_status", flat=True)) == {MailStatus.NONE}


# --- The list, reading, the bell ------------------------------------------------------------


def add_notifications(org, user, n, start=0):
    Notification.objects.bulk_create(
        Notification(
            organisation=org,
            user=user,
            event=f"test:{start + i}",
            title_nl=f"Melding {start + i}",
            title_en=f"Notification {start + i}",
            url="/o/org-a/plannen/",
            mail_status=MailStatus.NONE,
            created_at=timezone.now() - timedelta(minutes=start + i),
        )
        for i in range(n)
    )


def list_url(org):
    return reverse("notifications", args=[org.slug])


def test_the_list_shows_my_notifications_newest_first_with_the_unread_marked(
    plan, org_a, org_b, client_for, in_process
):
    submitted(in_process, plan, org_a)
    add_notifications(org_a.org, org_a.admin, 1, start=5)  # older
    Notification.objects.filter(user=org_a.admin, event="test:5").update(read_at=timezone.now())
    add_notifications(org_a.org, org_a.manager, 1, start=50)  # someone else's
    add_notifications(org_b.org, org_a.admin, 1, start=60)  # another organisation's
    page = client_for(org_a.admin).get(list_url(org_a.org)).content.decode()
    assert page.index(f"Ter goedkeuring: {plan}") < page.index("Melding 5")
    assert "Melding 50" not in page and "Melding 60" not in page
    assert page.count("Ongelezen</span>") == 1
    assert "Mira Meijer heeft het plan ingediend." in page
    english = client_for(org_a.manager).get(list_url(org_a.org)).content.decode()
    assert "Notification 50" in english  # the manager reads English


def test_the_list_has_pages_of_25(org_a, client_for):
    add_notifications(org_a.org, org_a.viewer, 30)
    client = client_for(org_a.viewer)
    first = client.get(list_url(org_a.org))
    assert len(first.context["page_obj"].object_list) == 25
    assert "Melding 0<" in first.content.decode()
    second = client.get(list_url(org_a.org), {"page": 2})
    assert [n.title_nl for n in second.context["page_obj"].object_list][-1] == "Melding 29"
    assert len(second.context["page_obj"].object_list) == 5


def test_the_list_takes_the_same_queries_for_5_or_50_notifications(org_a, client_for):
    count = assert_queries_constant(
        client_for(org_a.member),
        list_url(org_a.org),
        lambda n: add_notifications(org_a.org, org_a.member, n, start=Notification.objects.count()),
        small=5,
        large=50,
    )
    assert count <= 10


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(org_a, client_for):
    add_notifications(org_a.org, org_a.viewer, 2)
    row = Notification.objects.get(event="test:0")
    client = client_for(org_a.viewer)  # a viewer too: these are their own
    path = reverse("notification_open", args=["org-a", row.pk])
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == "/o/org-a/plannen/"
    row.refresh_from_db()
    first_read = row.read_at
    assert first_read is not None
    assert client.get(path)["Location"] == "/o/org-a/plannen/"  # again: still fine
    row.refresh_from_db()
    assert row.read_at == first_read
    assert Notification.objects.get(event="test:1").read_at is None


@pytest.mark.parametrize(
    "url",
    ["https://elders.example/x", "//elders.example/x", "/\\elders.example", "javascript:x", ""],
)
def test_opening_never_leads_off_the_site(url, org_a, client_for):
    add_notifications(org_a.org, org_a.member, 1)
    row = Notification.objects.get()
    Notification.objects.filter(pk=row.pk).update(url=url)
    response = client_for(org_a.member).get(reverse("notification_open", args=["org-a", row.pk]))
    assert response["Location"] == list_url(org_a.org)


def test_another_persons_or_organisations_notification_is_404(org_a, org_b, client_for):
    add_notifications(org_a.org, org_a.manager, 1)
    add_notifications(org_b.org, org_b.member, 1, start=1)
    theirs = Notification.objects.get(event="test:0")
    other_org = Notification.objects.get(event="test:1")
    member = client_for(org_a.member)
    assert member.get(reverse("notification_open", args=["org-a", theirs.pk])).status_code == 404
    # org B's member asks for their own row under organisation A, and A's list: 404 as well
    outsider = client_for(org_b.member)
    assert (
        outsider.get(reverse("notification_open", args=["org-a", other_org.pk])).status_code == 404
    )
    assert outsider.get(list_url(org_a.org)).status_code == 404
    # a person of A with a membership in B does not open an A row under B's address
    MembershipFactory(organisation=org_b.org, user=org_a.manager, role=Role.VIEWER)
    manager = client_for(org_a.manager)
    assert manager.get(reverse("notification_open", args=["org-b", theirs.pk])).status_code == 404
    assert Notification.objects.filter(read_at__isnull=False).count() == 0


def test_mark_all_read_for_one_organisation(org_a, org_b, client_for):
    MembershipFactory(organisation=org_b.org, user=org_a.viewer, role=Role.VIEWER)
    add_notifications(org_a.org, org_a.viewer, 3)
    add_notifications(org_b.org, org_a.viewer, 2, start=3)
    add_notifications(org_a.org, org_a.member, 1, start=5)
    client = client_for(org_a.viewer)
    page = client.get(list_url(org_a.org)).content.decode()
    assert "Alles als gelezen markeren" in page
    response = client.post(reverse("notifications_read"), {"organisation": "org-a"})
    assert response.status_code == 302 and response["Location"] == list_url(org_a.org)
    unread = Notification.objects.filter(read_at__isnull=True)
    assert sorted(unread.values_list("event", flat=True)) == ["test:3", "test:4", "test:5"]
    assert "Alles als gelezen markeren" not in client.get(list_url(org_a.org)).content.decode()
    # an organisation one is not in: nothing marked, sent home
    stranger = client_for(org_b.member)
    assert stranger.post(reverse("notifications_read"), {"organisation": "org-a"})[
        "Location"
    ] == reverse("home")
    assert (
        client_for(None)
        .post(reverse("notifications_read"), {"organisation": "org-a"})["Location"]
        .startswith("/account/inloggen/")
    )


def test_the_bell_shows_the_unread_count_of_this_organisation(org_a, org_b, client_for):
    MembershipFactory(organisation=org_b.org, user=org_a.member)
    add_notifications(org_a.org, org_a.member, 3)
    add_notifications(org_b.org, org_a.member, 1, start=3)
    add_notifications(org_a.org, org_a.admin, 2, start=4)
    client = client_for(org_a.member)
    page = client.get(reverse("reports:dashboard", args=["org-a"])).content.decode()
    assert "3 ongelezen meldingen" in page
    assert f'href="{list_url(org_a.org)}"' in page
    other = client.get(reverse("reports:dashboard", args=["org-b"])).content.decode()
    assert "1 ongelezen melding<" in other
    Notification.objects.filter(user=org_a.member).update(read_at=timezone.now())
    page = client.get(reverse("plans:index", args=["org-a"])).content.decode()
    assert "Meldingen: geen ongelezen" in page and "ongelezen meldingen" not in page


def notification_queries(client, path):
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    queries = [q["sql"] for q in context.captured_queries]
    return len(queries), [q for q in queries if "mvo_notification" in q]


def test_the_bell_costs_no_query_of_its_own_and_none_outside_an_organisation(org_a, client_for):
    client = client_for(org_a.member)
    dashboard = reverse("reports:dashboard", args=["org-a"])
    client.get(dashboard)
    before, mentions = notification_queries(client, dashboard)
    assert len(mentions) == 1  # inside the query of the organisation menu
    add_notifications(org_a.org, org_a.member, 7)
    after, _mentions = notification_queries(client, dashboard)
    assert after == before
    assert notification_queries(client, reverse("account_settings"))[1] == []
    assert notification_queries(client_for(None), reverse("login"))[1] == []


# --- The real Celery path -----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_through_the_real_celery_path_each_person_once():
    """With REDIS_URL (CI) the task goes through Redis to the worker process, whose outbox
    this process cannot see: the rows say what happened. Without it the task runs eagerly
    and the outbox is checked too."""
    org = OrganisationFactory(slug="meldingen-echt")
    submitter = MembershipFactory(organisation=org, role=Role.MEMBER).user
    manager = MembershipFactory(organisation=org, role=Role.MANAGER).user
    plan = PlanFactory(organisation=org)
    event = event_of(approval.submit_plan(plan, submitter, Role.MEMBER))  # commits, queues
    row = Notification.objects.get(event=event)
    assert row.user == manager
    deadline = time.monotonic() + 60
    while row.mail_status in (MailStatus.QUEUED, MailStatus.SENDING):
        assert time.monotonic() < deadline, row.mail_status
        time.sleep(0.2)
        row.refresh_from_db()
    assert row.mail_status == MailStatus.SENT
    for _again in range(2):
        assert tasks.send_notification_mails.delay(event).get(timeout=60) == 0
    mailed_at = row.mailed_at
    row.refresh_from_db()
    assert row.mailed_at == mailed_at and row.mail_status == MailStatus.SENT
    if not settings.REDIS_URL:
        assert len(mails_to(manager)) == 1


def test_the_sweep_tries_failed_and_stuck_mails_again_once(plan, org_a, in_process):
    """A mail that failed (retries used up) and one whose worker died while sending are both
    picked up by the ten-minute sweep, and each is sent once; old failures are left alone."""
    with override_settings(EMAIL_BACKEND="tests.mvo.test_notifications.BrokenBackend"):
        transition = in_process(approval.submit_plan, plan, org_a.member, Role.MEMBER)
    event = event_of(transition)
    rows = Notification.objects.filter(event=event).order_by("pk")
    assert {row.mail_status for row in rows} == {MailStatus.FAILED}
    failed, stuck = rows[0], rows[1]
    now = timezone.now()
    claimed = now - notifications.STUCK_AFTER - timedelta(minutes=1)
    Notification.objects.filter(pk=stuck.pk).update(
        mail_status=MailStatus.SENDING, mailed_at=claimed
    )
    assert notifications.waiting_events(now) == [event]

    mail.outbox.clear()
    tasks.send_waiting_notification_mails.apply()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([failed.user.email, stuck.user.email])
    assert set(Notification.objects.filter(event=event).values_list("mail_status", flat=True)) == {
        MailStatus.SENT
    }
    tasks.send_waiting_notification_mails.apply()
    assert len(mail.outbox) == 2  # nothing twice
    assert notifications.waiting_events(now + notifications.RETRY_FOR * 2) == []


def test_a_mail_being_sent_right_now_is_not_taken_over(plan, org_a, in_process):
    transition = in_process(approval.submit_plan, plan, org_a.member, Role.MEMBER)
    row = Notification.objects.filter(event=event_of(transition)).first()
    Notification.objects.filter(pk=row.pk).update(
        mail_status=MailStatus.SENDING, mailed_at=timezone.now()
    )
    mail.outbox.clear()
    tasks.send_notification_mails(event_of(transition))
    assert mails_to(row.user) == []


def test_a_submitted_plan_changed_before_judging_tells_submitter_and_judges(
    plan, org_a, in_process
):
    in_process(approval.submit_plan, plan, org_a.member, Role.MEMBER)
    mail.outbox.clear()
    plan.description = "Nog een zin erbij."
    plan._history_user = org_a.manager  # the manager fixes something while reviewing

    def edit():
        plan.save()

    in_process(edit)
    plan.refresh_from_db()
    assert plan.status == "concept"
    told = set(
        Notification.objects.filter(title_nl__startswith="Weer concept").values_list(
            "user", flat=True
        )
    )
    assert told == {org_a.member.pk, org_a.admin.pk}  # not the manager who changed it
    assert sorted(m.to[0] for m in mail.outbox) == sorted([org_a.member.email, org_a.admin.email])


def test_once_judged_the_submission_no_longer_rings_any_bell(plan, org_a, in_process):
    submitted = in_process(approval.submit_plan, plan, org_a.member, Role.MEMBER)
    asked = Notification.objects.filter(event=event_of(submitted))
    assert asked.count() == 2 and not asked.filter(read_at__isnull=False).exists()
    in_process(approval.approve_plan, plan, org_a.manager, Role.MANAGER)
    assert not asked.filter(read_at__isnull=True).exists()  # the admin's bell is quiet too
    told = Notification.objects.get(user=org_a.member)
    assert told.title_nl.startswith("Goedgekeurd") and told.read_at is None
