"""The due-diligence rules: severity from three scores, its bands, the priority rule, and what
each kind of involvement asks (DOMAIN.md 2C, 3A, 6)."""

import math
from itertools import product

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from duediligence import rules
from duediligence.models import Involvement, Risk

score = st.integers(min_value=1, max_value=5)


@pytest.mark.parametrize(
    ("scale", "scope", "irremediability", "expected"),
    [
        (1, 1, 1, 1),
        (1, 1, 2, 2),  # 4/3 rounds up
        (2, 2, 2, 2),
        (2, 2, 3, 3),
        (3, 3, 3, 3),
        (3, 3, 4, 4),
        (4, 4, 4, 4),
        (4, 4, 5, 5),
        (5, 5, 5, 5),
        # a 5 anywhere lifts the severity to at least 4
        (5, 1, 1, 4),
        (1, 5, 1, 4),
        (1, 1, 5, 4),
        (5, 2, 1, 4),
        (5, 5, 1, 4),
        (5, 5, 2, 4),
        (5, 5, 3, 5),  # 13/3 rounds up to 5, above the floor
        (5, 4, 4, 5),
        # without a 5 only the average counts
        (4, 1, 1, 2),
        (4, 4, 1, 3),
        (4, 2, 1, 3),
    ],
)
def test_severity_examples(scale, scope, irremediability, expected):
    assert rules.severity(scale, scope, irremediability) == expected


def test_severity_of_every_combination_against_the_written_rule():
    for scores in product(range(1, 6), repeat=3):
        expected = math.ceil(sum(scores) / 3)
        if 5 in scores:
            expected = max(expected, 4)
        assert rules.severity(*scores) == expected, scores


@given(score, score, score)
def test_severity_is_in_range_and_order_free(a, b, c):
    value = rules.severity(a, b, c)
    assert 1 <= value <= 5
    assert value == rules.severity(c, a, b) == rules.severity(b, c, a)
    assert min(a, b, c) <= value <= max(a, b, c) or value == 4


@given(score, score, score, st.sampled_from([0, 1, 2]))
def test_raising_a_score_never_lowers_the_severity(a, b, c, which):
    scores = [a, b, c]
    before = rules.severity(*scores)
    scores[which] = min(scores[which] + 1, 5)
    assert rules.severity(*scores) >= before


@given(score, score, score)
def test_any_five_is_high_band(a, b, c):
    if 5 in (a, b, c):
        assert rules.band(rules.severity(a, b, c)) == rules.HIGH


@pytest.mark.parametrize(
    ("severity", "band"),
    [(1, rules.LOW), (2, rules.LOW), (3, rules.MEDIUM), (4, rules.HIGH), (5, rules.HIGH)],
)
def test_bands(severity, band):
    assert rules.band(severity) == band
    assert severity in rules.SEVERITIES_OF_BAND[band]
    assert str(rules.BAND_LABELS[band])


def test_every_severity_is_in_exactly_one_band():
    seen = sorted(s for band in rules.BANDS for s in rules.SEVERITIES_OF_BAND[band])
    assert seen == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("severity", [4, 5])
def test_highest_band_not_prioritised_needs_a_rationale(severity):
    assert rules.priority_problem(severity, False, "") is not None
    assert rules.priority_problem(severity, False, "   \n ") is not None  # only spaces
    assert rules.priority_problem(severity, False, None) is not None
    assert rules.priority_problem(severity, False, "Eerst de keten in kaart") is None
    assert rules.priority_problem(severity, True, "") is None


@pytest.mark.parametrize("severity", [1, 2, 3])
def test_lower_bands_need_no_rationale(severity):
    assert rules.priority_problem(severity, False, "") is None
    assert rules.priority_problem(severity, True, "") is None


def test_priority_message_is_dutch_and_says_postponing_is_not_dropping():
    message = str(rules.priority_problem(5, False, ""))
    assert "hoogste ernstklasse" in message
    assert "uitstellen, niet schrappen" in message


@pytest.mark.parametrize("value", Involvement.values)
def test_every_involvement_has_a_response_and_a_remediation_duty(value):
    assert str(rules.RESPONSE[value]).strip()
    assert str(rules.REMEDIATION[value]).strip()


def test_no_response_for_something_that_is_no_involvement():
    assert set(rules.RESPONSE) == set(Involvement.values)
    assert set(rules.REMEDIATION) == set(Involvement.values)


def test_the_responses_follow_the_oecd_table():
    assert "Stop de activiteit" in str(rules.RESPONSE["veroorzaakt"])
    assert "eigen bijdrage" in str(rules.RESPONSE["draagt_bij"])
    assert "invloed" in str(rules.RESPONSE["draagt_bij"])
    assert "invloed" in str(rules.RESPONSE["direct_verbonden"])
    assert "volledig" in str(rules.REMEDIATION["veroorzaakt"])
    assert "deel" in str(rules.REMEDIATION["draagt_bij"])
    assert "niet zelf" in str(rules.REMEDIATION["direct_verbonden"])
    assert len({str(text) for text in rules.RESPONSE.values()}) == 3
    assert len({str(text) for text in rules.REMEDIATION.values()}) == 3


def test_risk_properties_use_the_rules():
    risk = Risk(scale=1, scope=1, irremediability=5, likelihood=1, involvement="veroorzaakt")
    risk.severity = rules.severity(1, 1, 5)
    assert risk.band == rules.HIGH
    assert risk.band_label == rules.BAND_LABELS[rules.HIGH]
    assert risk.expected_response == rules.RESPONSE["veroorzaakt"]
    assert risk.remediation_duty == rules.REMEDIATION["veroorzaakt"]
    assert Risk(involvement="").expected_response == ""


def test_model_clean_refuses_unprioritised_high_risk_without_rationale():
    risk = Risk(
        title="x",
        category="kinderarbeid",
        area="mensenrechten",
        scale=5,
        scope=1,
        irremediability=1,
        likelihood=1,
        prioritised=False,
    )
    with pytest.raises(ValidationError) as caught:
        risk.clean()
    assert "priority_rationale" in caught.value.message_dict
    risk.priority_rationale = "Eerst de keten in kaart brengen."
    risk.clean()


def test_model_saves_the_severity(dd_plan):
    risk = Risk.objects.create(
        organisation=dd_plan.organisation,
        plan=dd_plan,
        title="x",
        category="kinderarbeid",
        area="mensenrechten",
        scale=1,
        scope=1,
        irremediability=1,
        likelihood=1,
    )
    assert risk.severity == 1
    risk.irremediability = 5
    risk.save(update_fields=["irremediability"])
    risk.refresh_from_db()
    assert risk.severity == 4
