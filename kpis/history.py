"""What the history pages show of KPIs, their targets and their measurements: the sources
for mvo.history, used by the KPI's own history page and by the history of a plan."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mvo.history import Source
from themes.models import OrgTheme

from .models import Kpi, Measurement, Target, period_label


def related(organisation):
    """The rows that KPI records point at, named the way the KPI pages name them."""
    return {
        OrgTheme: OrgTheme.objects.for_org(organisation).select_related("framework_theme"),
        Kpi: Kpi.objects.for_org(organisation),
    }


def kpi_sources(organisation, kpi_ids, link=True):
    """The history of the KPIs ``kpi_ids`` (ids, or a queryset of ids, of the organisation's
    own KPIs) with their targets and measurements. Targets and measurements carry no
    organisation of their own: they are found through their KPI. ``link``: each entry links
    to the KPI's own history."""

    def kpi_url(record):
        pk = record.id if isinstance(record, Kpi.history.model) else record.kpi_id
        return reverse("kpis:history", kwargs={"org_slug": organisation.slug, "pk": pk})

    url = kpi_url if link else None

    return [
        Source(
            "kpi",
            _("KPI"),
            Kpi.history.filter(organisation=organisation, id__in=kpi_ids),
            title="name",
            url=url,
        ),
        Source(
            "target",
            _("Streefwaarde"),
            Target.history.filter(kpi_id__in=kpi_ids),
            title=lambda record, fk: f"{fk('kpi')} · {record.date:%d-%m-%Y}",
            title_fks=("kpi",),
            url=url,
            skip=frozenset({"kpi"}),
        ),
        Source(
            "measurement",
            _("Meting"),
            Measurement.history.filter(kpi_id__in=kpi_ids),
            title=lambda record, fk: f"{fk('kpi')} · {period_label(record.year, record.quarter)}",
            title_fks=("kpi",),
            url=url,
            skip=frozenset({"kpi"}),
        ),
    ]
