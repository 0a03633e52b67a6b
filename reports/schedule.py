"""The quarter's reports by schedule: after a quarter ends, beat makes the quarterly report of
every approved plan whose period covers that quarter and mails the organisation's managers a
link, once per plan and quarter."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kpis.models import last_finished_quarter, period_label
from mvo.notifications import notify
from plans.approval import approvers_of
from plans.models import Plan, PlanVersion

from .models import Report, ReportKind
from .pipeline import request_report


def approved_plans(year):
    """Plans with at least one approved version whose period includes ``year``."""
    return Plan.objects.filter(
        Exists(PlanVersion.objects.filter(plan=OuterRef("pk"))),
        start_year__lte=year,
        end_year__gte=year,
    ).select_related("organisation")


def schedule_last_quarter(today=None):
    """Request the last finished quarter's report of every approved plan that has no
    scheduled one yet. Returns how many were requested. Safe to run every day of the week."""
    year, quarter = last_finished_quarter(today or timezone.localdate())
    done_before = Report.objects.filter(
        plan=OuterRef("pk"), scheduled=True, kind=ReportKind.QUARTERLY, year=year, quarter=quarter
    )
    requested = 0
    for plan in approved_plans(year).exclude(Exists(done_before)).iterator():
        _report, created = request_report(
            plan.organisation, plan, year=year, quarter=quarter, language="nl", scheduled=True
        )
        requested += created
    return requested


def tell_managers(report):
    """Notify (and mail) the managers that a scheduled report is ready; once per plan and
    quarter, however often this runs."""
    plan = report.plan
    url = reverse("reports:index", kwargs={"org_slug": report.organisation.slug})
    period = (report.year, report.quarter)
    notify(
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
