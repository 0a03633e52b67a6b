"""The progress and status rules of DOMAIN.md, as pure functions."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpis.progress import HIGHER, LOWER, Status, compute, target_path
from kpis.progress import Point as P

TODAY = date(2025, 7, 1)
BASE = (date(2024, 1, 1), 100)


def status(direction, baseline, targets, measurements, today=TODAY):
    return compute(direction, baseline, targets, measurements, today)


def test_higher_is_better_on_track_behind_achieved():
    targets = [(date(2026, 1, 1), 200)]  # path: 100 → 200 over two years
    # Halfway (2025-01-01 is 366 days in, about 50%): path ≈ 150.
    assert status(HIGHER, BASE, targets, [(date(2025, 1, 1), 160)]).status == Status.ON_TRACK
    assert status(HIGHER, BASE, targets, [(date(2025, 1, 1), 140)]).status == Status.BEHIND
    assert status(HIGHER, BASE, targets, [(date(2025, 1, 1), 200)]).status == Status.ACHIEVED
    assert status(HIGHER, BASE, targets, [(date(2025, 1, 1), 250)]).status == Status.ACHIEVED


def test_lower_is_better_mirrors():
    targets = [(date(2026, 1, 1), 50)]  # path: 100 → 50
    assert status(LOWER, BASE, targets, [(date(2025, 1, 1), 70)]).status == Status.ON_TRACK
    assert status(LOWER, BASE, targets, [(date(2025, 1, 1), 90)]).status == Status.BEHIND
    assert status(LOWER, BASE, targets, [(date(2025, 1, 1), 50)]).status == Status.ACHIEVED
    assert status(LOWER, BASE, targets, [(date(2025, 1, 1), 120)]).status == Status.BEHIND


def test_exactly_on_the_path_is_on_track():
    # Path: +1 per day from 100 to 120 in 20 days; on day 10 it stands at 110.
    progress = status(HIGHER, BASE, [(date(2024, 1, 21), 120)], [(date(2024, 1, 11), 110)])
    assert progress.path_value == 110
    assert progress.status == Status.ON_TRACK


def test_no_baseline_means_no_data():
    result = status(HIGHER, None, [(date(2026, 1, 1), 200)], [(date(2025, 1, 1), 150)])
    assert result.status == Status.NO_DATA
    assert result.percent is None


def test_no_target_means_no_data():
    assert status(HIGHER, BASE, [], [(date(2025, 1, 1), 150)]).status == Status.NO_DATA


def test_no_measurements_means_no_data():
    assert status(HIGHER, BASE, [(date(2026, 1, 1), 200)], []).status == Status.NO_DATA


def test_measurement_before_baseline_does_not_count():
    targets = [(date(2026, 1, 1), 200)]
    only_old = status(HIGHER, BASE, targets, [(date(2023, 12, 31), 500)])
    assert only_old.status == Status.NO_DATA
    # With a newer one, the newer one is the latest; the old one is ignored entirely.
    mixed = status(HIGHER, BASE, targets, [(date(2023, 12, 31), 500), (date(2025, 1, 1), 120)])
    assert mixed.latest == P(date(2025, 1, 1), Decimal(120))
    assert mixed.status == Status.BEHIND


def test_measurement_on_the_baseline_date_counts_but_0_percent_is_never_on_track():
    result = status(HIGHER, BASE, [(date(2026, 1, 1), 200)], [(date(2024, 1, 1), 100)])
    assert result.latest == P(date(2024, 1, 1), Decimal(100))  # it counts ...
    assert result.percent == 0
    assert result.status == Status.BEHIND  # ... but no movement at all is not "op koers"


def test_on_the_path_with_progress_that_rounds_to_0_percent_is_behind():
    # Path 100 → 1100 over ten years; a day after the baseline the path has barely moved.
    targets = [(date(2034, 1, 1), 1100)]
    result = status(HIGHER, BASE, targets, [(date(2024, 1, 2), 101)])
    assert result.path_value < 101 and result.percent == 0
    assert result.status == Status.BEHIND
    moved = status(HIGHER, BASE, targets, [(date(2024, 1, 2), 106)])
    assert moved.percent == 1 and moved.status == Status.ON_TRACK


@pytest.mark.parametrize(
    ("baseline", "targets", "measurements", "missing"),
    [
        (None, [(date(2026, 1, 1), 200)], [(date(2025, 1, 1), 150)], "nulmeting"),
        (BASE, [], [(date(2025, 1, 1), 150)], "streefwaarde"),
        (BASE, [(date(2026, 1, 1), 200)], [(date(2023, 1, 1), 150)], "meting"),
    ],
)
def test_no_data_says_what_is_missing_and_keeps_what_is_known(
    baseline, targets, measurements, missing
):
    result = status(HIGHER, baseline, targets, measurements)
    assert result.status == Status.NO_DATA
    assert result.missing == missing
    assert result.percent is None
    if baseline is None:  # the last value and the target are still there to show
        assert result.latest == P(date(2025, 1, 1), Decimal(150))
        assert result.target == P(date(2026, 1, 1), Decimal(200))


def test_target_already_reached_before_its_date():
    targets = [(date(2027, 1, 1), 200)]
    result = status(HIGHER, BASE, targets, [(date(2024, 6, 30), 210)])
    assert result.status == Status.ACHIEVED
    assert result.percent == 110


def test_baseline_equal_to_target():
    targets = [(date(2026, 1, 1), 100)]  # keep the level
    kept = status(HIGHER, BASE, targets, [(date(2025, 1, 1), 100)])
    assert (kept.status, kept.percent) == (Status.ACHIEVED, 100)
    dropped = status(HIGHER, BASE, targets, [(date(2025, 1, 1), 90)])
    assert (dropped.status, dropped.percent) == (Status.BEHIND, 0)


def test_several_targets_the_next_upcoming_counts_for_progress():
    targets = [(date(2025, 1, 1), 120), (date(2026, 1, 1), 200), (date(2027, 1, 1), 300)]
    result = status(HIGHER, BASE, targets, [(date(2025, 6, 30), 160)], today=date(2025, 7, 1))
    assert result.target == P(date(2026, 1, 1), Decimal(200))
    assert result.percent == 60  # (160-100)/(200-100)
    # Achieved means meeting the LAST target, not the upcoming one.
    assert result.status != Status.ACHIEVED


def test_several_targets_path_bends_at_each_target():
    base = P(date(2024, 1, 1), Decimal(100))
    goals = [P(date(2024, 1, 11), Decimal(200)), P(date(2024, 1, 21), Decimal(210))]
    assert target_path(base, goals, date(2024, 1, 6)) == 150  # first segment, steep
    assert target_path(base, goals, date(2024, 1, 16)) == 205  # second segment, gentle
    assert target_path(base, goals, date(2030, 1, 1)) == 210  # flat after the last target


def test_all_targets_past_the_last_one_counts():
    targets = [(date(2024, 6, 30), 150), (date(2024, 12, 31), 200)]
    result = status(HIGHER, BASE, targets, [(date(2025, 3, 31), 180)], today=date(2025, 7, 1))
    assert result.target == P(date(2024, 12, 31), Decimal(200))
    assert result.status == Status.BEHIND  # path is flat at 200 after the last target


def test_targets_in_any_order():
    forward = [(date(2025, 1, 1), 150), (date(2026, 1, 1), 200)]
    backward = list(reversed(forward))
    m = [(date(2025, 6, 30), 170)]
    assert status(HIGHER, BASE, forward, m) == status(HIGHER, BASE, backward, m)


def test_latest_measurement_decides():
    targets = [(date(2026, 1, 1), 200)]
    result = status(HIGHER, BASE, targets, [(date(2025, 3, 31), 190), (date(2024, 6, 30), 90)])
    assert result.latest.date == date(2025, 3, 31)


@pytest.mark.parametrize("direction", [HIGHER, LOWER])
@given(
    base=st.integers(-1000, 1000),
    goal=st.integers(-1000, 1000),
    value=st.integers(-2000, 2000),
    days=st.integers(0, 2000),
)
def test_status_is_always_one_of_the_four_and_consistent(direction, base, goal, value, days):
    start = date(2020, 1, 1)
    target_date = date(2026, 1, 1)
    measured = date.fromordinal(start.toordinal() + days)
    result = compute(direction, (start, base), [(target_date, goal)], [(measured, value)], TODAY)
    assert result.status in (Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND)
    better = value >= goal if direction == HIGHER else value <= goal
    assert (result.status == Status.ACHIEVED) == better
