"""Progress and status of a KPI: pure functions, no database.

The rules (DOMAIN.md):
- The target path runs in straight lines from the baseline through each target in date order,
  and stays flat after the last target.
- Only measurements dated on or after the baseline date count; the latest of those is used.
- behaald (achieved): the latest measurement meets or beats the last target.
- op koers (on track): not achieved, and the latest measurement is at or ahead of the target
  path at its own date.
- achter (behind): otherwise. Also when the value has not moved from the baseline toward the
  target at all (0 % or less): "op koers" at 0 % would read wrong.
- geen data (no data): no baseline, no target, or no measurement on or after the baseline.
  The result then says which of these is missing (``reason``) and still carries the last value
  and the target, so a page can show them.
- Progress: how far the latest value has moved from the baseline toward the target that
  counts now: the next upcoming target (the first dated on or after today), or the last
  target once all dates have passed.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

HIGHER = "hoger"
LOWER = "lager"


class Status(StrEnum):
    ACHIEVED = "behaald"
    ON_TRACK = "op_koers"
    BEHIND = "achter"
    NO_DATA = "geen_data"


class Missing(StrEnum):
    """Why a KPI has status geen data."""

    BASELINE = "nulmeting"
    TARGET = "streefwaarde"
    MEASUREMENT = "meting"


@dataclass(frozen=True)
class Point:
    date: date
    value: Decimal


@dataclass(frozen=True)
class Progress:
    status: Status
    latest: Point | None = None
    target: Point | None = None  # the target that counts for the percentage
    path_value: Decimal | None = None  # target path at the latest measurement's date
    percent: int | None = None  # 0 = at baseline, 100 = target reached; may be <0 or >100
    missing: Missing | None = None  # with status geen data: what is missing


def _points(pairs):
    return sorted((Point(d, Decimal(v)) for d, v in pairs), key=lambda p: p.date)


def better_or_equal(value, reference, direction):
    """Does ``value`` meet or beat ``reference``, for a KPI with this direction?"""
    return value >= reference if direction == HIGHER else value <= reference


def target_path(baseline, targets, on):
    """Value of the target path on date ``on`` (baseline and targets are Points, sorted)."""
    previous = baseline
    for target in targets:
        if on <= target.date:
            span = (target.date - previous.date).days
            if span <= 0:
                return target.value
            fraction = Decimal((on - previous.date).days) / Decimal(span)
            return previous.value + (target.value - previous.value) * fraction
        previous = target
    return previous.value


def compute(direction, baseline, targets, measurements, today):
    """Progress of one KPI.

    ``baseline``: a (date, value) pair or None; ``targets`` and ``measurements``: iterables of
    (date, value) pairs; ``today``: the date that decides which target is upcoming.
    """
    has_baseline = baseline is not None and None not in baseline
    base = Point(baseline[0], Decimal(baseline[1])) if has_baseline else None
    goals = [t for t in _points(targets) if base is None or t.date > base.date]
    counted = [m for m in _points(measurements) if base is None or m.date >= base.date]
    latest = counted[-1] if counted else None
    upcoming = next((t for t in goals if t.date >= today), goals[-1]) if goals else None
    missing = (
        Missing.BASELINE
        if base is None
        else Missing.TARGET
        if not goals
        else Missing.MEASUREMENT
        if latest is None
        else None
    )
    if missing:
        return Progress(Status.NO_DATA, latest, upcoming, missing=missing)
    path_value = target_path(base, goals, latest.date)
    percent = _percent(base.value, upcoming.value, latest.value, direction)
    if better_or_equal(latest.value, goals[-1].value, direction):
        status = Status.ACHIEVED
    elif better_or_equal(latest.value, path_value, direction) and percent > 0:
        status = Status.ON_TRACK
    else:
        status = Status.BEHIND
    return Progress(status, latest, upcoming, path_value, percent)


def _percent(start, goal, value, direction):
    reached = better_or_equal(value, goal, direction)
    if goal == start:
        return 100 if reached else 0
    exact = (value - start) / (goal - start) * 100
    percent = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(percent, 99) if not reached else percent  # 100% only once the target is met
