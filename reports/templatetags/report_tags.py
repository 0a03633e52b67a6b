from django import template
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from ..models import YEAR_KINDS, Report, ReportKind, ReportStatus

register = template.Library()


@register.simple_tag
def version_pdfs(version):
    """The finished PDFs of an approved plan version, the newest per language (one query)."""
    reports = (
        Report.objects.filter(
            organisation_id=version.plan.organisation_id,
            plan_id=version.plan_id,
            version=version,
            kind=ReportKind.PLAN_VERSION,
            status=ReportStatus.DONE,
        )
        .only("pk", "language", "size", "pages", "finished_at")
        .order_by("-finished_at", "-pk")
    )
    newest = {}
    for report in reports:
        newest.setdefault(report.language, report)
    return list(newest.values())


@register.simple_tag
def year_documents(plan):
    """The newest report of each year document kind (jaarplan, evaluatie) and year of a plan:
    [{"year": y, "jaarplan": report or None, "evaluatie": report or None}] for every year of
    its period (one query)."""
    newest = (
        Report.objects.filter(
            organisation_id=plan.organisation_id, plan_id=plan.pk, kind__in=YEAR_KINDS
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("kind"), F("year")],
                order_by=[F("requested_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank=1)
        .only("pk", "kind", "year", "language", "status", "size", "pages", "finished_at")
    )
    found = {(report.kind, report.year): report for report in newest}
    return [
        {"year": year, **{kind.value: found.get((kind.value, year)) for kind in YEAR_KINDS}}
        for year in range(plan.start_year, plan.end_year + 1)
    ]
