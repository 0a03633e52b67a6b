"""The MVOI demo of Gemeente Voorbeeld: a 2024–2027-style plan (two years ago to next year)
with four focus themes, targets 75 / 80 / 85 %, forty tenders over last year and this year
(last year above its target, this year below), a postponed and a cancelled tender, explained
deviations, product groups with kansenkaarten, a year plan and one finished evaluation."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from mvo.models import Membership, Role
from plans.models import Action, Method, Plan
from procurement import rules, screens
from procurement.models import (
    STANDARD_PRODUCT_GROUPS,
    TEAMS,
    ActionDetail,
    Anchoring,
    AnchoringArea,
    Evaluation,
    EvaluationLevel,
    EvaluationQuestion,
    ProductGroup,
    Tender,
    TenderStatus,
    TenderTheme,
    ThemeAmbition,
    ThemeBaseline,
    YearTarget,
    evaluation_field,
)
from procurement.share import share_by_year

SLUG = "gemeente-voorbeeld"


@pytest.fixture
def plan(db):
    call_command("seed_demo", stdout=StringIO())
    return Plan.objects.get(organisation__slug=SLUG, method=Method.MVOI)


def years():
    today = timezone.localdate()
    return today.year - 1, today.year


def test_plan_has_four_focus_themes_a_baseline_for_all_six_and_ambitions(plan):
    today = timezone.localdate()
    assert (plan.start_year, plan.end_year) == (today.year - 2, today.year + 1)
    themes = list(plan.themes.all())
    focus = [t for t in themes if t.is_focus]
    assert len(themes) == 6 and len(focus) == 4
    assert all(t.ambition_current and t.ambition_target for t in focus)
    baselines = ThemeBaseline.objects.filter(plan=plan).select_related("theme")
    assert {b.theme for b in baselines} == set(themes)
    for baseline in baselines:
        assert baseline.ambitions and baseline.goals and baseline.activities and baseline.level
        assert len(baseline.source_labels()) == 3
    # The nulmeting's levels are those of step 1 and of the themes' current level.
    assert {b.theme_id: b.level for b in baselines if b.theme.is_focus} == {
        t.pk: t.ambition_current for t in focus
    }
    ambitions = ThemeAmbition.objects.filter(plan=plan)
    assert {a.theme for a in ambitions} == set(focus)


def test_targets_and_the_share_last_year_above_this_year_below(plan):
    last, this = years()
    targets = dict(YearTarget.objects.filter(plan=plan).values_list("year", "target_pct"))
    assert targets[last] == 75 and targets[this] == 80 and targets[this + 1] == 85
    assert targets.get(2030) in (None, 100)
    share = {row["year"]: row for row in share_by_year(plan)}
    assert share[last]["actual_pct"] > share[last]["target_pct"]
    assert share[this]["actual_pct"] < share[this]["target_pct"]
    assert share[last]["tenders"] >= 15 and share[this]["tenders"] >= 15


def test_the_calendar_has_forty_tenders_across_groups_with_consistent_statuses(plan):
    last, this = years()
    tenders = Tender.objects.filter(plan=plan).select_related("product_group")
    assert 36 <= tenders.count() <= 44
    assert set(tenders.values_list("planned_year", flat=True)) == {last, this}
    assert tenders.values("product_group").distinct().count() >= 10
    assert tenders.filter(promising=False).exists()
    statuses = Counter(tenders.values_list("status", flat=True))
    assert statuses[TenderStatus.CANCELLED] == 1 and statuses[TenderStatus.POSTPONED] == 1
    started = set(rules.STARTED)
    assert all(t.status in started for t in tenders.filter(planned_year=last))
    fourth = tenders.filter(planned_year=this, planned_quarter=4)
    assert set(fourth.values_list("status", flat=True)) == {TenderStatus.PREPARING}
    for tender in tenders:
        assert tender.estimated_value and tender.procedure and tender.budget_holder
        assert tender.purchaser
    assert tenders.filter(procedure="europees", estimated_value__gte=1_000_000).count() >= 10
    applied = TenderTheme.objects.filter(tender__plan=plan)
    assert applied.exclude(instrument="").count() == applied.count() > 40
    assert applied.filter(criterion_ref__startswith="MVI-criteriatool").exists()
    # Comply or explain: the promising tenders that started without a theme all explain why.
    deviations = list(rules.deviations(tenders))
    assert 2 <= len(deviations) <= 3 and all(t.explanation for t in deviations)


def test_the_postponed_tender_moved_to_this_year_in_its_history(plan):
    last, this = years()
    tender = Tender.objects.get(plan=plan, status=TenderStatus.POSTPONED)
    assert tender.planned_year == this
    records = list(tender.history.order_by("history_date", "history_id"))
    assert [r.planned_year for r in records] == [last, this]
    assert records[0].history_date < records[1].history_date < timezone.now()
    assert records[1].history_user.email == "inkoper@voorbeeld.example"
    counted = Tender.objects.counting_for_share(this)
    assert counted.filter(pk=tender.pk).exists()


def test_product_groups_with_spend_impact_chance_owners_and_three_kansenkaarten(plan):
    groups = ProductGroup.objects.filter(organisation=plan.organisation)
    names = set(groups.values_list("name", flat=True))
    assert set(STANDARD_PRODUCT_GROUPS) < names and len(names) == len(STANDARD_PRODUCT_GROUPS) + 1
    for group in groups:
        assert group.annual_spend > 0 and 1 <= group.impact <= 5 and 1 <= group.chance <= 5
    by_name = {g.name: g for g in groups}
    assert (
        by_name["GWW (grond-, weg- en waterbouw)"].annual_spend
        > by_name["ICT"].annual_spend
        > by_name["Catering"].annual_spend
    )
    assert by_name["GWW (grond-, weg- en waterbouw)"].impact == 5 > by_name["Catering"].impact
    assert len({(g.impact, g.chance) for g in groups}) >= 6
    members = set(
        Membership.objects.filter(organisation=plan.organisation)
        .exclude(role=Role.VIEWER)
        .values_list("user", flat=True)
    )
    owned = groups.exclude(owner=None)
    assert owned.count() >= 3 and set(owned.values_list("owner", flat=True)) <= members
    cards = groups.exclude(card_chances="")
    assert cards.count() == 3
    for card in cards:
        assert card.card_tenders and card.card_actions
        assert card.card_updated_by_id in members and card.card_updated_at < timezone.now()


def test_anchoring_and_the_year_plan_fill_every_team_this_year(plan):
    _last, this = years()
    assert set(Anchoring.objects.filter(plan=plan).values_list("area", flat=True)) == set(
        AnchoringArea.values
    )
    assert all(a.anchored for a in Anchoring.objects.filter(plan=plan))
    actions = Action.objects.filter(plan=plan)
    details = ActionDetail.objects.filter(action__plan=plan)
    assert details.count() == actions.count()
    assert details.filter(anchoring="structureel").count() >= 3
    assert details.filter(anchoring="eenmalig").exists()
    assert (
        details.filter(extra_budget=True).exists() and details.filter(extra_capacity=True).exists()
    )
    teams = set(actions.filter(planned_year=this).values_list("team", flat=True))
    assert set(TEAMS) <= teams


def test_one_finished_evaluation_last_year_with_its_facts_and_a_concept_this_year(plan):
    last, this = years()
    finished = Evaluation.objects.get(plan=plan, finished_at__isnull=False)
    assert finished.year == last and finished.finished_by is not None
    assert finished.finished_at.date() < timezone.localdate()
    for level in EvaluationLevel.values:
        for question in EvaluationQuestion.values:
            assert getattr(finished, evaluation_field(level, question)), (level, question)
    share = {row["year"]: row for row in share_by_year(plan)}[last]
    assert finished.facts["share"]["actual_pct"] == share["actual_pct"]
    assert finished.facts["share"]["target_pct"] == 75
    concept = Evaluation.objects.get(plan=plan, year=this)
    assert concept.finished_at is None and concept.strategisch_beter


def test_seeding_again_adds_nothing_and_keeps_edits(plan):
    models = (
        ProductGroup,
        Tender,
        TenderTheme,
        YearTarget,
        ThemeBaseline,
        ThemeAmbition,
        Anchoring,
        ActionDetail,
        Evaluation,
        Action,
    )

    def counts():
        return [model.objects.count() for model in models] + [Tender.history.count()]

    before = counts()
    Tender.objects.filter(pk=Tender.objects.filter(plan=plan).first().pk).update(title="Eigen")
    call_command("seed_demo", stdout=StringIO())
    assert counts() == before
    assert Tender.objects.filter(title="Eigen").count() == 1


def test_the_mvoi_screens_open_on_the_demo(plan, client_for):
    viewer = Membership.objects.get(organisation=plan.organisation, role=Role.VIEWER).user
    client = client_for(viewer)
    opened = 0
    for _label, name, with_plan in screens.NAV:
        kwargs = {"org_slug": SLUG, **({"pk": plan.pk} if with_plan else {})}
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:  # a screen not built yet
            continue
        response = client.get(url)
        assert response.status_code == 200, name
        opened += 1
    assert opened >= 1
