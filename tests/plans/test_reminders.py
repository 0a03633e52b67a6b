"""Weekly reminders: what they say, in whose language, to whom (and not to whom), once per
week even when the task runs twice, through the real Celery path too; and the account
settings page with the switch."""

import time
from datetime import timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kpis.models import last_finished_quarter
from mvo.models import Membership
from plans import reminders, tasks
from plans.models import ReminderLog, ReminderStatus
from plans.reminders import week_start
from tests.factories import (
    ActionFactory,
    KpiFactory,
    MeasurementFactory,
    MembershipFactory,
    OrganisationFactory,
    PlanFactory,
    UserFactory,
)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def run_weekly(django_capture_on_commit_callbacks, monkeypatch):
    """Run the weekly task in this process, and the per-person tasks it queues on commit
    right after it. (These tests' data is never committed, so a worker process could not see
    it; the real Celery path is tested below with committed data.)"""
    monkeypatch.setattr(tasks.send_reminder, "delay", lambda pk: tasks.send_reminder(pk))

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            tasks.send_weekly_reminders()

    return run


def plan_for(org, today):
    return PlanFactory(organisation=org, start_year=today.year - 1, end_year=today.year + 1)


def mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_reminder_lists_overdue_soon_and_missing_measurements(org_a, today, run_weekly):
    user = org_a.member
    plan = plan_for(org_a.org, today)
    ActionFactory(plan=plan, title="Te laat", responsible=user, due_date=today - timedelta(days=3))
    ActionFactory(plan=plan, title="Binnenkort", responsible=user, due_date=today + timedelta(5))
    ActionFactory(plan=plan, title="Later", responsible=user, due_date=today + timedelta(days=60))
    ActionFactory(
        plan=plan,
        title="Afgerond",
        responsible=user,
        due_date=today - timedelta(1),
        status="afgerond",
    )
    ActionFactory(plan=plan, title="Van admin", responsible=org_a.admin, due_date=today)
    year, quarter = last_finished_quarter(today)
    KpiFactory(organisation=org_a.org, name="Energieverbruik", owner=user)
    measured = KpiFactory(organisation=org_a.org, name="Gemeten KPI", owner=user)
    MeasurementFactory(kpi=measured, year=year, quarter=quarter)
    KpiFactory(organisation=org_a.org, name="KPI van admin", owner=org_a.admin)

    run_weekly()

    [message] = mails_to(user)
    assert f"week {today.isocalendar().week}" in message.subject
    body = message.body
    assert "== Organisatie A ==" in body
    assert "Te laat" in body and "Binnenkort" in body and "Energieverbruik" in body
    assert f"(K{quarter} {year})" in body
    for absent in ("Later", "Afgerond", "Van admin", "Gemeten KPI", "KPI van admin"):
        assert absent not in body, absent
    assert body.index("Te laat") < body.index("Binnenkort")
    assert f"{settings.SITE_URL}/o/org-a/kpis/" in body
    assert f"{settings.SITE_URL}/account/instellingen/" in body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and "Energieverbruik" in html
    log = ReminderLog.objects.get(user=user)
    assert log.status == ReminderStatus.SENT and log.week == week_start(today)
    assert log.finished_at is not None
    # The admin owns an action and a KPI too: their own reminder, with only their things.
    [admin_message] = mails_to(org_a.admin)
    assert "Van admin" in admin_message.body and "Te laat" not in admin_message.body


def test_each_recipient_gets_their_own_language(org_a, today, run_weekly):
    year, quarter = last_finished_quarter(today)
    org_a.member.language = "en"
    org_a.member.save(update_fields=["language"])
    KpiFactory(organisation=org_a.org, owner=org_a.member)
    KpiFactory(organisation=org_a.org, owner=org_a.admin)  # language not set: Dutch

    run_weekly()

    assert f"(Q{quarter} {year})" in mails_to(org_a.member)[0].body
    assert f"(K{quarter} {year})" in mails_to(org_a.admin)[0].body


def test_nothing_to_say_sends_nothing(org_a, today, run_weekly):
    plan = plan_for(org_a.org, today)
    ActionFactory(plan=plan, responsible=org_a.member, due_date=today + timedelta(days=90))
    run_weekly()
    assert mail.outbox == []
    assert set(ReminderLog.objects.values_list("status", flat=True)) == {ReminderStatus.NOTHING}


def test_reminders_switched_off_or_inactive_get_nothing(org_a, today, run_weekly):
    plan = plan_for(org_a.org, today)
    late = today - timedelta(days=1)
    ActionFactory(plan=plan, responsible=org_a.member, due_date=late)
    ActionFactory(plan=plan, responsible=org_a.admin, due_date=late)
    org_a.member.weekly_reminders = False
    org_a.member.save(update_fields=["weekly_reminders"])
    org_a.admin.is_active = False
    org_a.admin.save(update_fields=["is_active"])
    run_weekly()
    assert mail.outbox == []
    assert not ReminderLog.objects.filter(user__in=[org_a.member, org_a.admin]).exists()


def test_no_reminders_about_or_to_organisations_people_left(org_a, org_b, today, run_weekly):
    # Still responsible for an action in B, but no longer a member of it.
    user = org_a.member
    former = MembershipFactory(user=user, organisation=org_b.org)
    ActionFactory(plan=plan_for(org_b.org, today), title="In B", responsible=user, due_date=today)
    KpiFactory(organisation=org_b.org, name="KPI in B", owner=user)
    former.delete()
    # Someone who left every organisation.
    gone = UserFactory()
    gone_membership = MembershipFactory(user=gone, organisation=org_a.org)
    ActionFactory(plan=plan_for(org_a.org, today), responsible=gone, due_date=today)
    gone_membership.delete()

    run_weekly()

    assert mails_to(gone) == [] and not ReminderLog.objects.filter(user=gone).exists()
    assert mails_to(user) == []
    assert ReminderLog.objects.get(user=user).status == ReminderStatus.NOTHING


def test_one_mail_per_organisation_section_in_one_mail(org_a, org_b, today, run_weekly):
    user = org_a.member
    MembershipFactory(user=user, organisation=org_b.org)
    ActionFactory(
        plan=plan_for(org_a.org, today), title="Actie A", responsible=user, due_date=today
    )
    ActionFactory(
        plan=plan_for(org_b.org, today), title="Actie B", responsible=user, due_date=today
    )
    run_weekly()
    [message] = mails_to(user)
    assert message.body.index("== Organisatie A ==") < message.body.index("Actie A")
    assert message.body.index("== Organisatie B ==") < message.body.index("Actie B")


def test_once_per_week_when_the_task_runs_twice(org_a, today, run_weekly):
    ActionFactory(plan=plan_for(org_a.org, today), responsible=org_a.member, due_date=today)
    run_weekly()
    run_weekly()
    assert len(mails_to(org_a.member)) == 1
    assert ReminderLog.objects.filter(user=org_a.member).count() == 1
    # The per-person task run again by hand (a redelivered message) sends nothing either.
    log = ReminderLog.objects.get(user=org_a.member)
    assert tasks.send_reminder(log.pk) is None
    assert len(mails_to(org_a.member)) == 1


def test_a_failed_reminder_is_recorded_and_retried_by_the_next_run(
    org_a, today, monkeypatch, run_weekly
):
    ActionFactory(plan=plan_for(org_a.org, today), responsible=org_a.member, due_date=today)

    def broken(user, today=None):
        raise ConnectionRefusedError("smtp weg")

    monkeypatch.setattr(tasks, "send_reminder_email", broken)
    run_weekly()
    log = ReminderLog.objects.get(user=org_a.member)
    assert log.status == ReminderStatus.FAILED and "smtp weg" in log.error
    monkeypatch.setattr(tasks, "send_reminder_email", reminders.send_reminder_email)
    run_weekly()
    log.refresh_from_db()
    assert log.status == ReminderStatus.SENT and log.error == ""
    assert len(mails_to(org_a.member)) == 1


def test_a_claim_from_another_run_is_respected(org_a, today, run_weekly):
    ActionFactory(plan=plan_for(org_a.org, today), responsible=org_a.member, due_date=today)
    ReminderLog.objects.create(user=org_a.member, week=week_start(today))  # claimed elsewhere
    run_weekly()
    assert mails_to(org_a.member) == []


def test_reading_a_reminder_takes_the_same_queries_for_many_rows(org_a, today):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = org_a.member
    plan = plan_for(org_a.org, today)

    def count():
        with CaptureQueriesContext(connection) as context:
            reminders.reminder_sections(user, today)
        return len(context.captured_queries)

    def add(n):
        for _ in range(n):
            ActionFactory(plan=plan, responsible=user, due_date=today - timedelta(days=2))
            KpiFactory(organisation=org_a.org, owner=user)

    add(2)
    few = count()
    add(30)
    assert count() == few


def test_beat_runs_the_task_every_monday_morning():
    from mvo.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["weekly-reminders"]
    assert entry["task"] == "plans.tasks.send_weekly_reminders"
    assert entry["schedule"] == crontab(minute=0, hour=7, day_of_week="mon")
    assert settings.CELERY_TIMEZONE == "Europe/Amsterdam"
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks


@pytest.mark.django_db(transaction=True)
def test_through_the_real_celery_path_once_per_week():
    """With REDIS_URL (CI) the tasks go through Redis to the worker process, whose outbox
    this process cannot see: the ReminderLog row says what happened. Without it they run
    eagerly and the outbox is checked too."""
    org = OrganisationFactory(slug="herinnering")
    user = MembershipFactory(organisation=org).user
    today = timezone.localdate()
    plan = PlanFactory(organisation=org, start_year=today.year, end_year=today.year + 1)
    ActionFactory(plan=plan, responsible=user, due_date=today - timedelta(days=1))

    for _ in range(2):
        tasks.send_weekly_reminders.delay().get(timeout=60)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        statuses = list(ReminderLog.objects.filter(user=user).values_list("status", flat=True))
        if statuses and statuses[0] not in (ReminderStatus.QUEUED, ReminderStatus.RUNNING):
            break
        time.sleep(0.2)
    assert statuses == [ReminderStatus.SENT]
    if not settings.REDIS_URL:
        assert len(mails_to(user)) == 1


def test_account_settings_page(org_a, client_for):
    client = client_for(org_a.member)
    url = reverse("account_settings")
    assert url == "/account/instellingen/"
    page = client.get(url).content.decode()
    assert 'name="weekly_reminders"' in page and 'name="language"' in page
    assert '<option value="nl" selected>' in page  # no choice yet: Dutch
    response = client.post(url, {"language": "en"})  # the switch unticked
    assert response.status_code == 302
    org_a.member.refresh_from_db()
    assert org_a.member.language == "en" and org_a.member.weekly_reminders is False
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    client.post(url, {"language": "nl", "weekly_reminders": "on"})
    org_a.member.refresh_from_db()
    assert org_a.member.language == "nl" and org_a.member.weekly_reminders is True
    assert client.post(url, {"language": "fr"}).status_code == 200
    assert client_for(None).get(url).status_code == 302


def test_user_menu_links_to_settings_and_calendar(org_a, client_for):
    page = client_for(org_a.member).get(reverse("account_settings")).content.decode()
    assert 'href="/account/instellingen/"' in page
    assert 'href="/account/agenda/"' in page


def test_membership_removed_after_queueing_means_no_mail(org_a, today, monkeypatch, run_weekly):
    ActionFactory(plan=plan_for(org_a.org, today), responsible=org_a.member, due_date=today)
    queued = []
    monkeypatch.setattr(tasks.send_reminder, "delay", lambda pk: queued.append(pk))  # hold them
    run_weekly()
    Membership.objects.filter(user=org_a.member).delete()
    for pk in queued:
        tasks.send_reminder(pk)
    assert mails_to(org_a.member) == []
