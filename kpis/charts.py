"""The KPI chart: baseline, target path, targets, measurements and today."""

from django.utils import timezone
from django.utils.translation import gettext as _

from mvo.charts import line_chart

from .models import Frequency, period_label


def quarter_label(day):
    """The quarter a day falls in: "K2 2026" for 30 June 2026 (a quarter's value date)."""
    return period_label(day.year, (day.month - 1) // 3 + 1)


def year_label(day):
    """The year a day falls in: "2025" for 31 December 2025 (a yearly value's date)."""
    return period_label(day.year, None)


def kpi_chart(kpi, today=None, today_label=None):
    """``today`` and ``today_label``: where the chart draws its "vandaag" line and what it
    calls it (a report of a past quarter draws the quarter's end instead)."""
    today = today or timezone.localdate()
    targets = [(t.date, t.value) for t in kpi.targets.all()]
    measurements = [(m.period_end, m.value) for m in kpi.measurements.all()]
    series = []
    if kpi.baseline:
        series.append({"label": _("Nulmeting"), "points": [kpi.baseline], "style": "baseline"})
        path = [kpi.baseline, *[t for t in targets if t[0] > kpi.baseline[0]]]
        if len(path) > 1:
            series.append({"label": _("Streefpad"), "points": path, "style": "dashed"})
    if targets:
        series.append({"label": _("Streefwaarden"), "points": targets, "style": "markers"})
    if measurements:
        series.append({"label": _("Metingen"), "points": measurements, "style": "line"})
    yearly = kpi.frequency == Frequency.YEARLY
    dates = [d for s in series for d, _v in s["points"]]
    if not dates:
        dates = [today]
    return line_chart(
        title=_("Verloop van %(kpi)s") % {"kpi": kpi.name},
        description=_("Nulmeting, streefpad en metingen in %(unit)s.") % {"unit": kpi.unit}
        if measurements or kpi.baseline
        else _("Nog geen nulmeting en geen metingen."),
        series=series,
        x_min=min([*dates, today]),
        x_max=max([*dates, today]),
        y_label=kpi.unit,
        today=today,
        today_label=today_label or _("vandaag"),
        date_format=year_label if yearly else quarter_label,
        period="year" if yearly else "quarter",
    )
