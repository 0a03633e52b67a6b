"""Requesting, following and downloading reports with the test client: the whole flow, bad
input, the viewer's rights, another organisation's reports, and no second job for the same
plan and quarter."""

import pytest
from django.urls import reverse

from kpis.models import last_finished_quarter
from reports.models import Report, ReportKind, ReportStatus
from tests import threads
from tests.factories import PlanFactory
from tests.reports.flow import approved_version, downloaded, in_process_fixture, newest  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def url(name, org, *args):
    return reverse(f"reports:{name}", args=[org.slug, *args])


def the_quarter():
    return last_finished_quarter()


@pytest.fixture
def plan(org_a):
    year, _quarter = the_quarter()
    return PlanFactory(
        organisation=org_a.org, title="Klimaatplan Noord", start_year=year - 1, end_year=year + 1
    )


def form_data(the_plan, **changes):
    year, quarter = the_quarter()
    data = {"plan": the_plan.pk, "year": year, "quarter": quarter, "language": "nl"}
    data.update(changes)
    return data


# --- The flow -------------------------------------------------------------------------------


def test_request_list_detail_status_download(org_a, plan, client_for, in_process):
    client = client_for(org_a.member)
    page = client.get(url("index", org_a.org)).content.decode()
    year, quarter = the_quarter()
    assert "Kwartaalrapportage aanvragen" in page
    assert f'value="{year}"' in page and f'<option value="{quarter}" selected>' in page
    assert "Eerst de toelichting" in page
    assert reverse("reports:note", args=[org_a.org.slug, plan.pk, year, quarter]) in page

    response = in_process(client.post, url("index", org_a.org), form_data(plan))
    report = newest(org_a.org)
    assert response.status_code == 302
    assert response["Location"] == url("detail", org_a.org, report.pk)
    assert report.requested_by == org_a.member and (report.year, report.quarter) == (year, quarter)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)

    detail = client.get(response["Location"]).content.decode()
    assert "Het rapport is aangevraagd" in detail  # the message
    assert 'hx-trigger="every 2s"' not in detail  # done: nothing polls any more
    assert url("download", org_a.org, report.pk) in detail

    listing = client.get(url("index", org_a.org)).content.decode()
    assert "Klimaatplan Noord" in listing and org_a.member.get_full_name() in listing
    assert url("download", org_a.org, report.pk) in listing

    fragment = client.get(url("status", org_a.org, report.pk), HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert b"<html" not in fragment.content and b"hx-trigger" not in fragment.content

    pdf = client.get(url("download", org_a.org, report.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    assert report.download_name() in pdf["Content-Disposition"]
    body = downloaded(pdf)
    assert body.startswith(b"%PDF") and len(body) == report.size


def test_a_queued_report_polls_and_stops_once_done(org_a, plan, client_for, in_process):
    client = client_for(org_a.member)
    client.post(url("index", org_a.org), form_data(plan))  # on_commit not run: stays queued
    report = newest(org_a.org)
    assert report.status == ReportStatus.QUEUED
    detail = client.get(url("detail", org_a.org, report.pk)).content.decode()
    status_url = url("status", org_a.org, report.pk)
    assert f'hx-get="{status_url}"' in detail
    assert 'hx-trigger="every 2s"' in detail and 'hx-swap="outerHTML"' in detail
    assert "In de wachtrij" in detail
    fragment = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in fragment
    assert url("download", org_a.org, report.pk) not in fragment
    # not ready yet: no file to give
    assert client.get(url("download", org_a.org, report.pk)).status_code == 404

    from reports import tasks

    in_process(tasks.render_report.apply, (report.pk,))
    fragment = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in fragment
    assert url("download", org_a.org, report.pk) in fragment


def test_the_form_defaults_to_the_users_language(org_a, plan, client_for):
    org_a.member.language = "en"
    org_a.member.save()
    page = client_for(org_a.member).get(url("index", org_a.org)).content.decode()
    assert '<option value="en" selected>' in page


def test_the_address_can_pick_the_plan_and_quarter(org_a, plan, client_for):
    other = PlanFactory(organisation=org_a.org, start_year=plan.start_year, end_year=plan.end_year)
    page = (
        client_for(org_a.member)
        .get(url("index", org_a.org), {"plan": other.pk, "quarter": "2", "year": "junk"})
        .content.decode()
    )
    assert f'<option value="{other.pk}" selected>' in page
    assert '<option value="2" selected>' in page
    assert f'value="{the_quarter()[0]}"' in page  # junk ignored: the default stays


def test_an_approved_version_as_pdf(org_a, plan, client_for, in_process):
    version = approved_version(plan, org_a)
    client = client_for(org_a.member)
    page = client.get(reverse("plans:version", args=[org_a.org.slug, plan.pk, version.number]))
    assert url("version", org_a.org, version.pk) in page.content.decode()
    assert "Download als PDF" in page.content.decode()

    response = in_process(client.post, url("version", org_a.org, version.pk), {"language": "nl"})
    report = Report.objects.get(kind=ReportKind.PLAN_VERSION, version=version)
    assert response["Location"] == url("detail", org_a.org, report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    assert downloaded(client.get(url("download", org_a.org, report.pk))).startswith(b"%PDF")

    # the version page now links straight to the file, and asking again makes no new one
    page = client.get(reverse("plans:version", args=[org_a.org.slug, plan.pk, version.number]))
    assert url("download", org_a.org, report.pk) in page.content.decode()
    again = in_process(client.post, url("version", org_a.org, version.pk), {"language": "nl"})
    assert again["Location"] == url("detail", org_a.org, report.pk)
    assert Report.objects.filter(version=version).count() == 1

    # its file lost from the storage: asking again makes a new PDF instead of the dead link
    report.file.storage.delete(report.file.name)
    lost = in_process(client.post, url("version", org_a.org, version.pk), {"language": "nl"})
    remade = Report.objects.filter(version=version).exclude(pk=report.pk).get()
    assert lost["Location"] == url("detail", org_a.org, remade.pk)
    remade.refresh_from_db()
    assert remade.status == ReportStatus.DONE
    assert downloaded(client.get(url("download", org_a.org, remade.pk))).startswith(b"%PDF")


def test_the_version_pdf_takes_the_users_language_when_none_is_given(
    org_a, plan, client_for, in_process
):
    version = approved_version(plan, org_a)
    org_a.member.language = "en"
    org_a.member.save()
    client_for(org_a.member).post(url("version", org_a.org, version.pk), {"language": "xx"})
    assert Report.objects.get(version=version).language == "en"


def test_missing_file_is_a_clear_message_not_an_error(org_a, plan, client_for, in_process):
    client = client_for(org_a.member)
    in_process(client.post, url("index", org_a.org), form_data(plan))
    report = newest(org_a.org)
    report.file.storage.delete(report.file.name)
    response = client.get(url("download", org_a.org, report.pk))
    assert response.status_code == 410
    assert "niet meer te vinden" in response.content.decode()


def test_the_list_pages_by_25_newest_first(org_a, plan, client_for):
    year, _quarter = the_quarter()
    rows = [
        Report(
            organisation=org_a.org,
            plan=plan,
            kind=ReportKind.QUARTERLY,
            year=year - 1,
            quarter=1 + i % 4,
            language="nl",
            key=f"test:{i}",
            status=ReportStatus.FAILED,
            failure="opmaak",
        )
        for i in range(30)
    ]
    Report.objects.bulk_create(rows)
    client = client_for(org_a.viewer)
    first = client.get(url("index", org_a.org)).content.decode()
    assert first.count("Het document kon niet worden opgemaakt.") == 25
    second = client.get(url("index", org_a.org), {"page": "2"}).content.decode()
    assert second.count("Het document kon niet worden opgemaakt.") == 5
    assert client.get(url("index", org_a.org), {"page": "x"}).status_code == 200


def test_the_list_queries_do_not_grow(org_a, plan, client_for):
    from tests.helpers import assert_queries_constant

    year, _quarter = the_quarter()

    def add(n):
        start = Report.objects.count()
        Report.objects.bulk_create(
            Report(
                organisation=org_a.org,
                plan=PlanFactory(organisation=org_a.org) if i % 10 == 0 else plan,
                kind=ReportKind.QUARTERLY,
                year=year,
                quarter=1,
                language="nl",
                key=f"q:{start + i}",
                status=ReportStatus.DONE,
                requested_by=org_a.member,
                size=1234,
                pages=3,
            )
            for i in range(n)
        )

    client = client_for(org_a.member)
    assert assert_queries_constant(client, url("index", org_a.org), add) <= 15


# --- Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"plan": "999999"}, "Kies een van de plannen in de lijst."),
        ({"plan": "abc"}, "Kies een van de plannen in de lijst."),
        ({"plan": ""}, "Kies het plan."),
        ({"year": "1999"}, "Kies een jaar tussen 2000 en 2100."),
        ({"year": "3000"}, "Kies een jaar tussen 2000 en 2100."),
        ({"year": "twintig"}, "Vul het jaar in als getal"),
        ({"quarter": "5"}, "Kies kwartaal 1 tot en met 4."),
        ({"quarter": "0"}, "Kies kwartaal 1 tot en met 4."),
        ({"quarter": "één"}, "Kies kwartaal 1 tot en met 4."),
        ({"language": "de"}, "Kies Nederlands of Engels."),
        ({"year": "2000"}, "valt buiten de looptijd van het plan"),
    ],
)
def test_bad_input_is_a_dutch_message_and_saves_nothing(org_a, plan, client_for, changes, message):
    response = client_for(org_a.member).post(url("index", org_a.org), form_data(plan, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode() or "alert-danger" in (
        response.content.decode()
    )
    assert not Report.objects.exists()


def test_a_quarter_that_has_not_begun_cannot_be_reported(org_a, client_for):
    from kpis.models import current_quarter

    year, quarter = current_quarter()
    plan = PlanFactory(organisation=org_a.org, start_year=year, end_year=year + 1)
    later = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    data = form_data(plan, year=later[0], quarter=later[1])
    response = client_for(org_a.member).post(url("index", org_a.org), data)
    assert "nog niet begonnen" in response.content.decode()
    assert not Report.objects.exists()


def test_another_organisations_plan_cannot_be_chosen(org_a, org_b, plan, client_for):
    theirs = PlanFactory(organisation=org_b.org, start_year=plan.start_year, end_year=plan.end_year)
    response = client_for(org_a.member).post(url("index", org_a.org), form_data(theirs))
    assert response.status_code == 200
    assert "Kies een van de plannen in de lijst." in response.content.decode()
    assert theirs.title not in response.content.decode()
    assert not Report.objects.exists()


def test_odd_methods_and_ids_are_not_errors(org_a, plan, client_for):
    client = client_for(org_a.member)
    assert client.get(url("retry", org_a.org, 1)).status_code == 405
    assert client.get(url("version", org_a.org, 1)).status_code == 405
    assert client.post(url("status", org_a.org, 1)).status_code == 405
    assert client.get(url("detail", org_a.org, 424242)).status_code == 404
    assert client.post(url("version", org_a.org, 424242)).status_code == 404


# --- Rights ---------------------------------------------------------------------------------


def test_viewers_read_and_download_but_cannot_request_or_retry(org_a, plan, client_for, in_process):
    in_process(client_for(org_a.member).post, url("index", org_a.org), form_data(plan))
    done = newest(org_a.org)
    failed = Report.objects.create(
        organisation=org_a.org,
        plan=plan,
        kind=ReportKind.QUARTERLY,
        year=plan.start_year,
        quarter=1,
        language="nl",
        key="failed",
        status=ReportStatus.FAILED,
        failure="opmaak",
    )
    viewer = client_for(org_a.viewer)
    page = viewer.get(url("index", org_a.org)).content.decode()
    assert "Kwartaalrapportage aanvragen" not in page and "Opnieuw proberen" not in page
    assert url("download", org_a.org, done.pk) in page
    assert "Het document kon niet worden opgemaakt." in page
    assert downloaded(viewer.get(url("download", org_a.org, done.pk))).startswith(b"%PDF")
    failed_page = viewer.get(url("detail", org_a.org, failed.pk)).content.decode()
    assert "Opnieuw proberen" not in failed_page

    assert viewer.post(url("index", org_a.org), form_data(plan)).status_code == 403
    assert viewer.post(url("retry", org_a.org, failed.pk)).status_code == 403
    version = approved_version(plan, org_a)
    assert viewer.post(url("version", org_a.org, version.pk)).status_code == 403
    version_page = viewer.get(
        reverse("plans:version", args=[org_a.org.slug, plan.pk, version.number])
    ).content.decode()
    assert "Download als PDF" not in version_page
    assert Report.objects.count() == 2
    failed.refresh_from_db()
    assert failed.status == ReportStatus.FAILED


def test_anonymous_visitors_are_sent_to_log_in(org_a, client_for):
    response = client_for(None).get(url("index", org_a.org))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_another_organisations_reports_answer_404(org_a, org_b, plan, client_for, in_process):
    in_process(client_for(org_a.member).post, url("index", org_a.org), form_data(plan))
    report = newest(org_a.org)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.FAILED)
    version = approved_version(plan, org_a)
    outsider = client_for(org_b.member)
    for name in ("detail", "status", "download"):
        # through their own organisation's address: the row is not theirs
        assert outsider.get(url(name, org_b.org, report.pk)).status_code == 404, name
        # through organisation A's address: they are not a member
        assert outsider.get(url(name, org_a.org, report.pk)).status_code == 404, name
    assert outsider.post(url("retry", org_b.org, report.pk)).status_code == 404
    assert outsider.post(url("version", org_b.org, version.pk)).status_code == 404
    assert outsider.post(url("retry", org_a.org, report.pk)).status_code == 404
    assert url("detail", org_a.org, report.pk) not in (
        outsider.get(url("index", org_b.org)).content.decode()
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert not Report.objects.filter(kind=ReportKind.PLAN_VERSION).exists()


# --- No second job --------------------------------------------------------------------------


def test_a_second_request_while_one_waits_gets_the_same_report(org_a, plan, client_for):
    client = client_for(org_a.member)
    first = client.post(url("index", org_a.org), form_data(plan))  # stays queued
    second = client.post(url("index", org_a.org), form_data(plan), follow=True)
    assert Report.objects.count() == 1
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "Er loopt al een aanvraag voor dit plan en kwartaal" in second.content.decode()
    # another language or quarter is another report
    client.post(url("index", org_a.org), form_data(plan, language="en"))
    assert Report.objects.count() == 2


def test_a_new_request_after_a_finished_one_makes_a_new_report(org_a, plan, client_for, in_process):
    client = client_for(org_a.member)
    in_process(client.post, url("index", org_a.org), form_data(plan))
    in_process(client.post, url("index", org_a.org), form_data(plan))
    assert list(Report.objects.values_list("status", flat=True)) == ["klaar", "klaar"]


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_moment_make_one_report(monkeypatch):
    """Two people press the button at once (real threads, each its own connection): one row,
    and both are sent to it."""
    from reports import pipeline
    from tests.factories import MembershipFactory, OrganisationFactory

    monkeypatch.setattr(pipeline, "send", lambda pk: None)  # the race is about the rows
    org = OrganisationFactory(slug="tegelijk")
    year, _quarter = the_quarter()
    plan = PlanFactory(organisation=org, start_year=year - 1, end_year=year + 1)
    users = [MembershipFactory(organisation=org, role="member").user for _ in range(2)]
    clients = [threads.client(user) for user in users]
    responses = threads.at_once(
        *[lambda c=c: c.post(url("index", org), form_data(plan)) for c in clients]
    )
    assert [r.status_code for r in responses] == [302, 302]
    assert Report.objects.filter(organisation=org).count() == 1
    assert responses[0]["Location"] == responses[1]["Location"]


# --- The dashboard's recent reports ---------------------------------------------------------


def _reports(org, plan, n, status=ReportStatus.DONE):
    start = Report.objects.count()
    year, _quarter = the_quarter()
    return Report.objects.bulk_create(
        Report(
            organisation=org,
            plan=plan,
            kind=ReportKind.QUARTERLY,
            year=year,
            quarter=1 + (start + i) % 4,
            language="nl",
            key=f"dash:{start + i}",
            status=status,
            size=2048,
            pages=4,
        )
        for i in range(n)
    )


def test_the_dashboard_shows_the_last_five_reports(org_a, org_b, plan, client_for):
    older = _reports(org_a.org, plan, 1, status=ReportStatus.FAILED)[0]
    newer = _reports(org_a.org, plan, 5)
    theirs = PlanFactory(organisation=org_b.org, title="Plan van B")
    _reports(org_b.org, theirs, 1)
    page = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/").content.decode()
    assert "Laatste rapportages" in page
    for report in newer:
        assert url("detail", org_a.org, report.pk) in page
        assert url("download", org_a.org, report.pk) in page
    assert url("detail", org_a.org, older.pk) not in page
    assert "Plan van B" not in page
    assert url("index", org_a.org) in page


def test_the_dashboard_without_reports_links_to_making_one(org_a, client_for):
    page = client_for(org_a.member).get(f"/o/{org_a.org.slug}/").content.decode()
    assert "Nog geen rapportages gemaakt." in page and url("index", org_a.org) in page


def test_the_dashboard_queries_do_not_grow_with_reports(org_a, plan, client_for):
    from tests.helpers import assert_queries_constant

    def add(n):
        for i in range(n):
            _reports(org_a.org, PlanFactory(organisation=org_a.org) if i % 20 == 0 else plan, 1)

    client = client_for(org_a.viewer)
    assert assert_queries_constant(client, f"/o/{org_a.org.slug}/", add, large=40) <= 25


def test_a_done_report_can_be_made_again_with_todays_data(org_a, plan, client_for, in_process):
    client = client_for(org_a.member)
    in_process(client.post, url("index", org_a.org), form_data(plan, language="en"))
    first = newest(org_a.org)
    page = client.get(url("detail", org_a.org, first.pk)).content.decode()
    assert "Opnieuw maken met de gegevens van nu" in page
    assert 'name="language" value="en"' in page
    viewer_page = client_for(org_a.viewer).get(url("detail", org_a.org, first.pk)).content.decode()
    assert "Opnieuw maken met de gegevens van nu" not in viewer_page
    in_process(client.post, url("index", org_a.org), form_data(plan, language="en"))
    second = newest(org_a.org)
    assert second.pk != first.pk and second.language == "en"
    assert Report.objects.get(pk=first.pk).status == ReportStatus.DONE  # kept


def test_a_report_waiting_long_says_nothing_is_lost(org_a, plan, client_for, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.CELERY_TASK_ALWAYS_EAGER = False  # with a broker: beat's sweep passes it on
    client = client_for(org_a.member)
    client.post(url("index", org_a.org), form_data(plan))  # not sent (no commit here)
    report = newest(org_a.org)
    fragment = client.get(url("status", org_a.org, report.pk)).content.decode()
    assert "langer dan gewoonlijk" not in fragment
    Report.objects.filter(pk=report.pk).update(requested_at=timezone.now() - timedelta(minutes=5))
    fragment = client.get(url("status", org_a.org, report.pk)).content.decode()
    assert "Er gaat niets verloren" in fragment and 'hx-trigger="every 2s"' in fragment


def test_without_a_broker_a_stuck_report_is_swept_when_its_page_is_seen(
    org_a, plan, client_for, settings, in_process
):
    """The embedded default has no beat: looking at a report that got stuck (the server
    restarted mid-render, say) sweeps it, so it still ends klaar."""
    from datetime import timedelta

    from django.utils import timezone

    from reports import pipeline

    settings.CELERY_TASK_ALWAYS_EAGER = True
    client = client_for(org_a.member)
    client.post(url("index", org_a.org), form_data(plan))  # not sent (no commit here)
    report = newest(org_a.org)
    long_ago = timezone.now() - pipeline.RUNNING_TOO_LONG - timedelta(minutes=1)
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.RUNNING, started_at=long_ago, attempts=1, requested_at=long_ago
    )
    fragment = client.get(url("status", org_a.org, report.pk)).content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.attempts == 2
    assert 'hx-trigger="every 2s"' not in fragment


def test_lists_do_not_read_the_versions_snapshots(org_a, plan, client_for, in_process):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    version = approved_version(plan, org_a)
    client = client_for(org_a.member)
    in_process(client.post, url("version", org_a.org, version.pk), {"language": "nl"})
    report = Report.objects.get(version=version)
    for path in (
        url("index", org_a.org),
        url("detail", org_a.org, report.pk),
        f"/o/{org_a.org.slug}/",
    ):
        with CaptureQueriesContext(connection) as queries:
            page = client.get(path).content.decode()
        assert "versie 1" in page, path
        snapshot_reads = [q["sql"] for q in queries if '"plans_planversion"."data"' in q["sql"]]
        assert snapshot_reads == [], path


def test_a_report_deleted_while_its_page_polls_stops_the_polling(org_a, plan, client_for):
    client = client_for(org_a.member)
    client.post(url("index", org_a.org), form_data(plan))
    report = newest(org_a.org)
    status_url = url("status", org_a.org, report.pk)
    report.delete()
    gone = client.get(status_url, HTTP_HX_REQUEST="true")
    assert gone.status_code == 286  # htmx's "stop polling"
    assert "bestaat niet meer" in gone.content.decode() and b"hx-trigger" not in gone.content
    assert client.get(status_url).status_code == 404


def test_scheduled_reports_say_so_and_an_other_organisations_plan_is_not_prefilled(
    org_a, org_b, plan, client_for
):
    year, quarter = the_quarter()
    report = Report.objects.create(
        organisation=org_a.org,
        plan=plan,
        kind=ReportKind.QUARTERLY,
        year=year,
        quarter=quarter,
        language="nl",
        key="scheduled",
        scheduled=True,
    )
    client = client_for(org_a.member)
    assert "volgens schema" in client.get(url("index", org_a.org)).content.decode()
    assert "volgens schema" in client.get(url("detail", org_a.org, report.pk)).content.decode()
    theirs = PlanFactory(organisation=org_b.org, title="Plan van organisatie B")
    page = client.get(url("index", org_a.org), {"plan": theirs.pk}).content.decode()
    assert "Plan van organisatie B" not in page
    assert f'<option value="{theirs.pk}" selected' not in page
