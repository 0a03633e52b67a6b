"""The quarter's reports by schedule: beat requests the report of every approved plan after a
quarter ends and the managers get one notification and one mail per plan and quarter."""

from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from mvo.models import Membership, Notification, Role
from plans import approval
from reports import schedule
from reports.models import Report, ReportKind, ReportStatus
from reports.pipeline import request_report
from tests.factories import MembershipFactory, PlanFactory
from tests.reports.flow import tasks_in_this_process  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_this_process")]

TODAY = date(2026, 10, 2)  # the last finished quarter is K3 2026


@pytest.fixture(autouse=True)
def _quick_render(monkeypatch, tmp_path):
    """What the report holds is tested elsewhere: here a small PDF is enough, stored in a
    folder of the test's own."""
    from django.core.files.storage import FileSystemStorage

    from reports import rendering

    monkeypatch.setattr(rendering, "render", lambda report: (b"%PDF-1.7 test", 1))
    field = Report._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "reports"))


def approved_plan(org, member, manager, **fields):
    plan = PlanFactory(organisation=org, **fields)
    approval.submit_plan(plan, member, Role.MEMBER)
    approval.approve_plan(plan, manager, Role.MANAGER)
    plan.refresh_from_db()
    return plan


@pytest.fixture
def plans(org_a, org_b):
    a = org_a
    b_manager = MembershipFactory(
        organisation=org_b.org, role=Role.MANAGER, user__email="manager@b.example"
    ).user
    found = {
        "a": approved_plan(a.org, a.member, a.manager, title="Plan A 2025–2027"),
        "a_2026": approved_plan(
            a.org, a.member, a.manager, title="Plan A 2026", start_year=2026, end_year=2026
        ),
        "a_old": approved_plan(
            a.org, a.member, a.manager, title="Oud plan", start_year=2022, end_year=2025
        ),
        "a_later": approved_plan(
            a.org, a.member, a.manager, title="Later plan", start_year=2027, end_year=2029
        ),
        "a_draft": PlanFactory(organisation=a.org, title="Alleen concept"),
        "b": approved_plan(org_b.org, org_b.member, b_manager, title="Plan B"),
        "b_manager": b_manager,
    }
    mail.outbox.clear()  # the approvals mailed their submitters
    Notification.objects.all().delete()
    return found


def run(django_capture_on_commit_callbacks, today=TODAY):
    with django_capture_on_commit_callbacks(execute=True):
        return schedule.schedule_last_quarter(today=today)


def report_list_link(org):
    return settings.SITE_URL + reverse("reports:index", kwargs={"org_slug": org.slug})


def test_beat_has_both_report_entries_and_their_tasks_exist():
    from mvo.celery import app

    app.loader.import_default_modules()
    beat = settings.CELERY_BEAT_SCHEDULE
    assert beat["report-sweep"]["task"] == "reports.tasks.sweep_reports"
    assert beat["scheduled-quarter-reports"]["task"] == "reports.tasks.schedule_quarter_reports"
    for entry in ("report-sweep", "scheduled-quarter-reports"):
        assert beat[entry]["task"] in app.tasks
    quarterly = beat["scheduled-quarter-reports"]["schedule"]
    assert quarterly.month_of_year == {1, 4, 7, 10}
    assert quarterly.day_of_month == set(range(1, 8))


def test_the_reports_of_approved_plans_of_that_year_are_requested(
    plans, django_capture_on_commit_callbacks
):
    assert run(django_capture_on_commit_callbacks) == 3
    reports = Report.objects.filter(scheduled=True)
    assert {r.plan.title for r in reports} == {"Plan A 2025–2027", "Plan A 2026", "Plan B"}
    for report in reports:
        assert (report.kind, report.year, report.quarter) == (ReportKind.QUARTERLY, 2026, 3)
        assert report.status == ReportStatus.DONE
        assert report.requested_by is None


def test_running_again_requests_nothing_and_tells_nobody_twice(
    plans, org_a, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    notifications, mails = Notification.objects.count(), len(mail.outbox)
    for day in (2, 3, 7):
        assert run(django_capture_on_commit_callbacks, date(2026, 10, day)) == 0
    assert Report.objects.count() == 3
    assert Notification.objects.count() == notifications
    assert len(mail.outbox) == mails


def test_a_failed_scheduled_report_is_asked_for_again_the_next_morning(
    plans, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    failed = Report.objects.get(plan=plans["b"], scheduled=True)
    Report.objects.filter(pk=failed.pk).update(status=ReportStatus.FAILED, failure="opmaak")
    assert run(django_capture_on_commit_callbacks, date(2026, 10, 3)) == 1
    again = Report.objects.filter(plan=plans["b"], scheduled=True).exclude(pk=failed.pk).get()
    assert again.status == ReportStatus.DONE
    assert run(django_capture_on_commit_callbacks, date(2026, 10, 4)) == 0


def test_each_manager_and_admin_gets_one_notification_and_one_mail_per_plan(
    plans, org_a, org_b, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    link = report_list_link(org_a.org)
    for person in (org_a.manager, org_a.admin):
        mine = Notification.objects.filter(user=person)
        assert mine.count() == 2  # Plan A 2025–2027 and Plan A 2026
        assert {n.url for n in mine} == {
            reverse("reports:index", kwargs={"org_slug": org_a.org.slug})
        }
        assert all("K3 2026" in n.title_nl and "Q3 2026" in n.title_en for n in mine)
        mails = [m for m in mail.outbox if m.to == [person.email]]
        assert len(mails) == 2
        assert all(link in m.body and link.startswith("http") for m in mails)
    for person in (org_a.member, org_a.viewer, org_b.member):
        assert not Notification.objects.filter(user=person).exists()
        assert not [m for m in mail.outbox if m.to == [person.email]]
    b_manager = plans["b_manager"]
    assert Notification.objects.filter(user=b_manager, organisation=org_b.org).count() == 1
    theirs = [m for m in mail.outbox if m.to == [b_manager.email]]
    assert len(theirs) == 1
    assert report_list_link(org_b.org) in theirs[0].body
    assert report_list_link(org_a.org) not in theirs[0].body


def test_making_the_report_again_tells_nobody_again(
    plans, org_a, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    notifications, mails = Notification.objects.count(), len(mail.outbox)
    # the scheduled report is made again (deleted, then the schedule runs again), and a
    # manager asks for the same quarter by hand
    Report.objects.filter(plan=plans["a"]).delete()
    assert run(django_capture_on_commit_callbacks) == 1
    with django_capture_on_commit_callbacks(execute=True):
        request_report(org_a.org, plans["a"], year=2026, quarter=3, user=org_a.manager)
    assert Report.objects.filter(plan=plans["a"], status=ReportStatus.DONE).count() == 2
    assert Notification.objects.count() == notifications
    assert len(mail.outbox) == mails


def test_a_report_asked_for_by_hand_while_it_runs_becomes_the_scheduled_one(
    plans, org_a, django_capture_on_commit_callbacks
):
    # asked for by hand; the broker never got it (still in the queue)
    by_hand, _ = request_report(org_a.org, plans["a"], year=2026, quarter=3, user=org_a.member)
    assert run(django_capture_on_commit_callbacks) == 2  # Plan A 2026 and Plan B
    by_hand.refresh_from_db()
    assert by_hand.scheduled and by_hand.status == ReportStatus.QUEUED
    assert Report.objects.filter(plan=plans["a"]).count() == 1
    # it is made later (the sweep sends it): the managers are told then
    with django_capture_on_commit_callbacks(execute=True):
        from reports.tasks import render_report

        render_report.delay(by_hand.pk)
    assert Notification.objects.filter(user=org_a.manager).count() == 2


def test_a_report_done_before_it_was_marked_scheduled_is_told_by_the_next_run(
    plans, org_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = request_report(org_a.org, plans["a"], year=2026, quarter=3)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and not report.scheduled
    Report.objects.filter(pk=report.pk).update(scheduled=True)  # marked just after it finished
    run(django_capture_on_commit_callbacks)
    assert Notification.objects.filter(user=org_a.manager).count() == 2


def test_a_manager_who_left_gets_nothing(plans, org_a, django_capture_on_commit_callbacks):
    Membership.objects.filter(user=org_a.admin, organisation=org_a.org).delete()
    run(django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(user=org_a.admin).exists()
    assert not [m for m in mail.outbox if m.to == [org_a.admin.email]]
