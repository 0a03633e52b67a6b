"""The quarter's reports by schedule: after a quarter ends, beat makes the quarterly report of
every approved plan whose period covers that quarter and mails the organisation's managers a
link, once per plan and quarter.

Beat runs ``schedule_last_quarter`` every morning of the first week after a quarter ends, so
each run must be safe to repeat:

- a plan gets one scheduled report per quarter: a plan that has one (queued, running or done)
  is skipped, a failed one is asked for again by the next run;
  a request that finds a report of the same plan and quarter already being made (someone
  asked for it by hand) marks that one as the scheduled one instead of starting another;
- the managers are told when the scheduled report is done (``tell_managers``, called by the
  task), and again by every later run for scheduled reports that are done (in case the task
  finished before the report was marked scheduled). The notification is keyed by plan and
  quarter, so whoever was told once is never told again, and its mail goes out once.
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kpis.models import last_finished_quarter, period_label
from mvo.notifications import notify
from plans.approval import approvers_of
from plans.models import Plan, PlanVersion

from .models import Report, ReportKind, ReportStatus
from .pipeline import request_report

LANGUAGE = "nl"  # the scheduled report is made once, in Dutch; anyone can ask for English


def approved_plans(year):
    """Plans with at least one approved version whose period includes ``year``."""
    return Plan.objects.filter(
        Exists(PlanVersion.objects.filter(plan=OuterRef("pk"))),
        start_year__lte=year,
        end_year__gte=year,
    ).select_related("organisation")


def scheduled_reports(year, quarter):
    return Report.objects.filter(
        scheduled=True, kind=ReportKind.QUARTERLY, year=year, quarter=quarter
    )


def schedule_last_quarter(today=None):
    """Request the last finished quarter's report of every approved plan that has no
    scheduled one yet. Returns how many were requested. Safe to run every day of the week."""
    year, quarter = last_finished_quarter(today or timezone.localdate())
    # a failed scheduled report does not count: the next morning's run asks again
    has_one = (
        scheduled_reports(year, quarter)
        .exclude(status=ReportStatus.FAILED)
        .filter(plan=OuterRef("pk"))
    )
    requested = 0
    # A list, not an iterator: each request writes, which an open SQLite cursor would block.
    for plan in list(approved_plans(year).exclude(Exists(has_one))):
        report, created = request_report(
            plan.organisation,
            plan,
            year=year,
            quarter=quarter,
            language=LANGUAGE,
            scheduled=True,
        )
        if created:
            requested += 1
        else:  # one asked for by hand is being made: that one is this quarter's report
            Report.objects.filter(pk=report.pk).update(scheduled=True)
    # Scheduled reports that are done but whose managers may not have been told yet.
    done = scheduled_reports(year, quarter).filter(status=ReportStatus.DONE)
    for report in list(done.select_related("organisation", "plan")):
        tell_managers(report)
    return requested


def tell_managers(report):
    """Notify (and mail) the managers that a scheduled report is ready; once per plan and
    quarter, however often this runs. The link is the organisation's report list (mails
    make it absolute with SITE_URL)."""
    plan = report.plan
    url = reverse("reports:index", kwargs={"org_slug": report.organisation.slug})
    period = (report.year, report.quarter)
    return notify(
        report.organisation,
        approvers_of(report.organisation),
        f"report-ready:{plan.pk}:{report.year}-{report.quarter}",
        title=lambda: (
            _("Kwartaalrapportage %(period)s van %(plan)s staat klaar")
            % {"period": period_label(*period), "plan": plan.title}
        ),
        body=lambda: (
            _("De rapportage over %(period)s is gemaakt en staat klaar om te downloaden.")
            % {"period": period_label(*period)}
        ),
        url=url,
    )
