from django import template

from ..models import Report, ReportKind, ReportStatus

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
