"""Writes of the KPI app."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from mvo import history
from mvo.versioning import EditConflict

from .models import Frequency, Measurement

BATCH = 500  # rows per statement when a quarter of many KPIs is saved


def period_for(kpi, year, quarter):
    """The (year, quarter) a KPI is measured in: yearly KPIs have no quarter."""
    return (year, None) if kpi.frequency == Frequency.YEARLY else (year, quarter)


def measurements_for_period(kpis, year, quarter, lock=False):
    """{kpi_id: measurement} of the given KPIs for the period (yearly KPIs: the year)."""
    by_id = {kpi.pk: kpi for kpi in kpis}
    queryset = Measurement.objects.filter(kpi__in=kpis, year=year)
    if lock:
        queryset = queryset.select_for_update()
    return {
        m.kpi_id: m for m in queryset if m.quarter == period_for(by_id[m.kpi_id], year, quarter)[1]
    }


def record_quarter(kpis, year, quarter, entries, user):
    """See _record_quarter; a clash with someone saving the same quarter at the same moment
    (a unique constraint) is reported as an EditConflict without KPIs."""
    try:
        return _record_quarter(kpis, year, quarter, entries, user)
    except IntegrityError as error:
        raise EditConflict([]) from error


@transaction.atomic
def _record_quarter(kpis, year, quarter, entries, user):
    """Save a period's values for several KPIs, all or nothing.

    ``entries``: {kpi_id: (value or None, note, evidence_url, token)}, where token is the edit
    token of the measurement the user saw ("0": there was none). An empty value removes an
    existing measurement. If someone changed a measurement meanwhile, EditConflict is raised
    with the conflicting KPIs in ``args[0]`` and nothing is saved.
    Returns (created, updated, deleted) counts.
    """
    existing = measurements_for_period(kpis, year, quarter, lock=True)
    conflicts = [
        kpi
        for kpi in kpis
        if (existing[kpi.pk].edit_token if kpi.pk in existing else "0") != entries[kpi.pk][3]
    ]
    if conflicts:
        raise EditConflict(conflicts)
    created, updated, deleted = [], [], []
    changed_fields = set()
    now = timezone.now()
    for kpi in kpis:
        value, note, evidence, _version = entries[kpi.pk]
        current = existing.get(kpi.pk)
        if value is None:
            if current is not None:
                deleted.append(current)
        elif current is None:
            created.append(
                Measurement(
                    kpi=kpi,
                    year=year,
                    quarter=period_for(kpi, year, quarter)[1],
                    value=value,
                    note=note,
                    evidence_url=evidence,
                    entered_by=user,
                    entered_at=now,
                )
            )
        elif (current.value, current.note, current.evidence_url) != (value, note, evidence):
            for field, new_value in (("value", value), ("note", note), ("evidence_url", evidence)):
                if getattr(current, field) != new_value:
                    setattr(current, field, new_value)
                    changed_fields.add(field)
            updated.append(current)
    # A few statements per kind of change, in batches, however many KPIs the quarter has;
    # the history gets one record per row, written in batches too (mvo.history).
    history.delete_recorded(Measurement, deleted, user, now)
    Measurement.objects.bulk_create(created, batch_size=BATCH)
    history.record(Measurement, created, history.CREATED, user, now)
    # Who and when are the same for every changed row, and the version goes up by one: one
    # UPDATE per batch. Only the columns that really changed go through bulk_update, whose
    # CASE per row and column is what makes large quarters slow.
    updated_pks = [m.pk for m in updated]
    for start in range(0, len(updated_pks), BATCH):
        Measurement.objects.filter(pk__in=updated_pks[start : start + BATCH]).update(
            entered_by=user, entered_at=now, version=F("version") + 1
        )
    if changed_fields:
        Measurement.objects.bulk_update(updated, sorted(changed_fields), batch_size=BATCH)
    history.record(Measurement, updated, history.CHANGED, user, now)
    return len(created), len(updated), len(deleted)
