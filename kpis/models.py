"""KPIs with their baseline (nulmeting), targets (streefwaarden) and measurements (metingen)."""

from collections import Counter, defaultdict
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mvo.models import Membership, OrgScopedModel, OrgScopedQuerySet
from mvo.validation import DATE_VALIDATORS, FIRST_DATE, LAST_DATE
from mvo.versioning import Versioned
from themes.expressions import person_name, theme_name
from themes.models import OrgTheme

from . import progress

# 15 significant digits: what every database (SQLite stores decimals as floats) keeps exactly.
VALUE = {"max_digits": 15, "decimal_places": 4}


def quarter_end(year, quarter):
    """The date a measurement stands for: the quarter's last day, or 31 December for a year."""
    last_day = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31), None: (12, 31)}[quarter or None]
    return date(year, *last_day)


def period_label(year, quarter):
    """K2 2025 in Dutch, Q2 2025 in English; a year on its own for yearly values."""
    if not quarter:
        return str(year)
    return gettext("K%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


def period_has_started(year, quarter, today=None):
    """A quarter (or a year, with quarter None) can only be measured once it has begun."""
    today = today or timezone.localdate()
    first_month = (quarter - 1) * 3 + 1 if quarter else 1
    return date(year, first_month, 1) <= today


def current_quarter(today=None):
    today = today or timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


def last_finished_quarter(today=None):
    """The quarter before the current one: what a working group usually enters."""
    year, quarter = current_quarter(today)
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


class Direction(models.TextChoices):
    HIGHER = progress.HIGHER, _("Hoger is beter")
    LOWER = progress.LOWER, _("Lager is beter")


class Frequency(models.TextChoices):
    QUARTERLY = "kwartaal", _("Per kwartaal")
    YEARLY = "jaar", _("Per jaar")


class StatusLabel(models.TextChoices):
    ACHIEVED = progress.Status.ACHIEVED, _("Behaald")
    ON_TRACK = progress.Status.ON_TRACK, _("Op koers")
    BEHIND = progress.Status.BEHIND, _("Achter")
    NO_DATA = progress.Status.NO_DATA, _("Geen data")


MISSING_LABELS = {
    progress.Missing.BASELINE: _("nulmeting ontbreekt"),
    progress.Missing.TARGET: _("streefwaarde ontbreekt"),
    progress.Missing.MEASUREMENT: _("nog geen meting sinds de nulmeting"),
}


def status_counts(progresses):
    """[(status label, number of KPIs)] in the fixed order of StatusLabel."""
    counts = Counter(p.status for p in progresses)
    return [(label, counts[label]) for label in StatusLabel]


def encode_period(year, quarter):
    """(2025, 2) → 20252; a yearly value (quarter None) → 20250. Decoded by decode_period."""
    return year * 10 + (quarter or 0)


def decode_period(code):
    return code // 10, (code % 10) or None


def _period_index(year, quarter):
    """Quarters counted from year 0; a yearly value stands for the fourth quarter."""
    return year * 4 + Coalesce(quarter, Value(4))


def measurements_until(measurements, until=None):
    """The measurements of periods up to and including ``until`` (year, quarter); all of
    them when ``until`` is None. A yearly value counts from the year's fourth quarter."""
    if until is None:
        return measurements
    year, quarter = until
    return measurements.alias(index=_period_index(F("year"), F("quarter"))).filter(
        index__lte=year * 4 + (quarter or 4)
    )


class KpiQuerySet(OrgScopedQuerySet):
    def with_latest(self, until=None):
        """Annotate each KPI's latest measurement (``latest_period``, encoded by
        encode_period, and ``latest_value``), fetched by a subquery per KPI.

        ``until``: an optional (year, quarter) period; measurements of later periods do not
        count (a yearly value stands for the fourth quarter). A report of a past quarter uses
        it, so values entered afterwards do not change that quarter's picture.

        That is all the status needs: if the latest measurement lies before the baseline, so do
        all others, and progress.compute then says no measurement counts."""
        latest = Measurement.objects.filter(kpi=OuterRef("pk"))
        latest = measurements_until(latest, until).order_by("-year", "-quarter")
        return self.annotate(
            latest_period=Subquery(
                latest.annotate(code=F("year") * 10 + Coalesce("quarter", Value(0))).values("code")[
                    :1
                ]
            ),
            latest_value=Subquery(latest.values("value")[:1]),
        )

    def previous_values(self, year, quarter):
        """{kpi id: (period label, value)} of each KPI's last measurement before the period
        (year, quarter), one subquery per KPI; quarter entry shows it to compare with."""
        before = (
            Measurement.objects.filter(kpi=OuterRef("pk"))
            .alias(index=_period_index(F("year"), F("quarter")))
            .filter(index__lt=year * 4 + (quarter or 4))
            .order_by("-year", "-quarter")
        )
        rows = self.annotate(
            previous_period=Subquery(
                before.annotate(code=F("year") * 10 + Coalesce("quarter", Value(0))).values("code")[
                    :1
                ]
            ),
            previous_value=Subquery(before.values("value")[:1]),
        ).values_list("pk", "previous_period", "previous_value")
        return {pk: (period_label(*decode_period(code)), value) for pk, code, value in rows if code}

    def targets_on(self, day):
        """{kpi id: (date, value)} of the target that counts on ``day``: the first one dated
        on or after it, or else the last one."""
        result = {}
        rows = Target.objects.filter(kpi__in=self.values("pk")).order_by("kpi_id", "date")
        for kpi_id, target_date, value in rows.values_list("kpi_id", "date", "value"):
            chosen = result.get(kpi_id)
            if chosen is None or chosen[0] < day:
                result[kpi_id] = (target_date, value)
        return result

    def with_names(self):
        """Theme and owner names as columns, for sorting and exports (no Python per row)."""
        return self.annotate(theme_name=theme_name("theme"), owner_name=person_name("owner"))

    def progress_map(self, today=None, until=None):
        """{kpi id: Progress} for every KPI in this queryset, in its order.

        Two queries whatever the number of KPIs: the KPIs with their latest counted
        measurement (a subquery per KPI, see with_latest) and their targets as plain values.
        No measurement becomes a model object. ``until``: see with_latest."""
        today = today or timezone.localdate()
        targets = defaultdict(list)
        target_rows = Target.objects.filter(kpi__in=self.values("pk")).values_list(
            "kpi_id", "date", "value"
        )
        for kpi_id, target_date, value in target_rows:
            targets[kpi_id].append((target_date, value))
        rows = self.with_latest(until).values_list(
            "pk", "direction", "baseline_date", "baseline_value", "latest_period", "latest_value"
        )
        result = {}
        for pk, direction, base_date, base_value, period, value in rows:
            baseline = (base_date, base_value) if base_value is not None else None
            latest = [(quarter_end(*decode_period(period)), value)] if period else []
            result[pk] = progress.compute(direction, baseline, targets[pk], latest, today)
        return result

    def for_list(self):
        """What a list row shows besides the status: theme, owner, and whether the owner is
        still a member of the organisation."""
        still_member = Membership.objects.filter(
            user=OuterRef("owner"), organisation=OuterRef("organisation")
        )
        return self.select_related("theme__framework_theme", "owner").annotate(
            owner_is_member=Exists(still_member)
        )

    def with_progress(self, today=None):
        """The KPIs as objects (theme and owner joined), each with ``progress`` filled in."""
        progress_by_pk = self.progress_map(today)
        kpis = list(self.select_related("theme__framework_theme__framework", "owner"))
        for kpi in kpis:
            kpi.progress = progress_by_pk[kpi.pk]
        return kpis

    def with_full_data(self, until=None):
        """For a detail page: targets and every measurement with who entered it (``until``:
        only measurements up to that (year, quarter), see with_latest)."""
        measurements = measurements_until(Measurement.objects.all(), until)
        measurements = measurements.order_by("year", "quarter").select_related("entered_by")
        return self.select_related("theme__framework_theme__framework", "owner").prefetch_related(
            Prefetch("targets", queryset=Target.objects.order_by("date")),
            Prefetch("measurements", queryset=measurements),
        )


class Kpi(OrgScopedModel, Versioned):
    theme = models.ForeignKey(
        OrgTheme, on_delete=models.PROTECT, related_name="kpis", verbose_name=_("thema")
    )
    name = models.CharField(_("naam"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=40, help_text=_("Bijvoorbeeld kg CO2 of %."))
    direction = models.CharField(
        _("richting"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    frequency = models.CharField(
        _("meetfrequentie"), max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eigenaar"),
    )
    definition = models.TextField(
        _("definitie"), blank=True, help_text=_("Wat telt wel, wat niet?")
    )
    data_source = models.CharField(_("databron"), max_length=200, blank=True)
    baseline_value = models.DecimalField(_("nulmeting: waarde"), null=True, blank=True, **VALUE)
    baseline_date = models.DateField(
        _("nulmeting: datum"), null=True, blank=True, validators=DATE_VALIDATORS
    )

    objects = KpiQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPI's")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="kpi_unique_name",
                violation_error_message=_("Er bestaat al een KPI met deze naam."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (self.baseline_value is None) != (self.baseline_date is None):
            raise ValidationError(
                {"baseline_date": _("Vul voor de nulmeting zowel een waarde als een datum in.")}
            )

    @property
    def baseline(self):
        if self.baseline_value is None or self.baseline_date is None:
            return None
        return (self.baseline_date, self.baseline_value)

    @cached_property
    def progress(self):
        """Status and progress as of today (uses prefetched targets and measurements)."""
        return progress.compute(
            self.direction,
            self.baseline,
            [(t.date, t.value) for t in self.targets.all()],
            [(m.period_end, m.value) for m in self.measurements.all()],
            timezone.localdate(),
        )

    @property
    def status_label(self):
        return StatusLabel(self.progress.status).label

    @property
    def is_percentage(self):
        return self.unit.strip() == "%"


class TargetQuerySet(models.QuerySet):
    def for_org(self, organisation):
        return self.filter(kpi__organisation=organisation)


class Target(models.Model):
    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="targets")
    date = models.DateField(_("datum"), validators=DATE_VALIDATORS)
    value = models.DecimalField(_("streefwaarde"), **VALUE)

    objects = TargetQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("streefwaarde")
        verbose_name_plural = _("streefwaarden")
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "date"],
                name="target_one_per_date",
                violation_error_message=_("Op deze datum bestaat al een streefwaarde."),
            )
        ]

    def __str__(self):
        return f"{self.value} ({self.date:%d-%m-%Y})"

    def clean(self):
        super().clean()
        kpi = getattr(self, "kpi", None)
        if kpi and kpi.baseline_date and self.date and self.date <= kpi.baseline_date:
            raise ValidationError(
                {"date": _("Een streefwaarde ligt na de datum van de nulmeting.")}
            )


class MeasurementQuerySet(models.QuerySet):
    def for_org(self, organisation):
        return self.filter(kpi__organisation=organisation)


class Measurement(Versioned):
    """A KPI's value for a quarter (quarterly KPIs) or a year (yearly KPIs: quarter empty)."""

    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="measurements")
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("kwartaal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    value = models.DecimalField(_("waarde"), **VALUE)
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    evidence_url = models.URLField(_("link naar onderbouwing"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevoerd door"),
    )
    entered_at = models.DateTimeField(_("ingevoerd op"), default=timezone.now)

    objects = MeasurementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "quarter"]
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        # A KPI's latest measurement (lists, dashboard, status) is the first entry here.
        indexes = [models.Index(fields=["kpi", "-year", "-quarter"], name="measurement_latest")]
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "year", "quarter"],
                condition=Q(quarter__isnull=False),
                name="measurement_one_per_quarter",
                violation_error_message=_(
                    "Voor dit kwartaal bestaat al een meting. Bewerk die meting in plaats daarvan."
                ),
            ),
            models.UniqueConstraint(
                fields=["kpi", "year"],
                condition=Q(quarter__isnull=True),
                name="measurement_one_per_year",
                violation_error_message=_(
                    "Voor dit jaar bestaat al een meting. Bewerk die meting in plaats daarvan."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.period_label}: {self.value}"

    @property
    def period_end(self):
        return quarter_end(self.year, self.quarter)

    @property
    def edit_token(self):
        """Row and version together: a measurement deleted and entered again is a new row, so
        a form still holding the old one's version is told instead of overwriting it."""
        return f"{self.pk}-{self.version}"

    @property
    def period_label(self):
        return period_label(self.year, self.quarter)

    def clean(self):
        super().clean()
        kpi = getattr(self, "kpi", None)
        if kpi is None:
            return
        if kpi.frequency == Frequency.QUARTERLY and not self.quarter:
            raise ValidationError({"quarter": _("Kies het kwartaal: deze KPI meet per kwartaal.")})
        if kpi.frequency == Frequency.YEARLY and self.quarter:
            raise ValidationError({"quarter": _("Laat het kwartaal leeg: deze KPI meet per jaar.")})
        in_range = self.year and FIRST_DATE.year <= self.year <= LAST_DATE.year
        if in_range and not period_has_started(self.year, self.quarter):
            raise ValidationError({"year": _("Deze periode is nog niet begonnen.")})
