"""Every main page fits a 390 px wide phone (and a 1280 px laptop) without sideways scrolling.

The page list is checked against the URL conf: a new route under /o/<slug>/ must be added to
ORG_PAGES or to NOT_A_PAGE (with the reason), so it cannot be skipped without anyone noticing.
Screenshots of the phone run land in /tmp/phone_<name>.png for a human look.
"""

import io
import json
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
import xlsxwriter
from django.core import mail
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from playwright.sync_api import expect

from mvo.models import Role
from plans import approval, services
from plans.forms import mission_questions
from plans.importer import COLUMNS
from plans.models import ActionStatus, Feedback, Stage, StepStatus, UrgentVote, Wish
from stakeholders.models import Stakeholder
from tests.factories import (
    ActionFactory,
    DialogueFactory,
    GoalFactory,
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    PlanFactory,
    StakeholderFactory,
    TargetFactory,
    UserFactory,
    WorkingGroupMemberFactory,
)
from themes.models import FrameworkTheme

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 1024, "height": 768}
LAPTOP = {"width": 1280, "height": 800}

# Every named route under /o/<slug>/ that shows a page: URL name → the data it needs.
ORG_PAGES = {
    "reports:dashboard": {},
    "reports:index": {},
    "reports:note": {"plan_pk": "plan", "year": "note_year", "quarter": "note_quarter"},
    "reports:detail": {"pk": "report"},
    "plans:index": {},
    "plans:create": {},
    "plans:detail": {"pk": "plan"},
    "plans:update": {"pk": "plan"},
    "plans:delete": {"pk": "plan"},
    "plans:step": {"pk": "plan", "step_pk": "plan_step"},
    "plans:kpis": {"pk": "plan"},
    "plans:actions_import": {},
    "plans:goals": {"pk": "plan"},
    "plans:goal_create": {"pk": "plan"},
    "plans:goal_update": {"pk": "goal"},
    "plans:goal_delete": {"pk": "goal"},
    "plans:wishes": {"pk": "plan"},
    "plans:mission": {"pk": "plan"},
    "plans:mission_versions": {"pk": "plan"},
    "plans:mission_version": {"pk": "plan", "number": "mission_version"},
    "plans:next_cycle": {"pk": "plan"},
    "plans:actions": {},
    "plans:action_create": {},
    "plans:action_detail": {"pk": "action"},
    "plans:action_update": {"pk": "action"},
    "plans:action_delete": {"pk": "action"},
    "plans:plan_actions": {"pk": "plan"},  # redirects to the action list, filtered on the plan
    "plans:board": {"pk": "plan"},
    "plans:approval": {"pk": "plan"},  # approved as version 1, changed since
    "plans:version": {"pk": "plan", "number": "plan_version"},
    "plans:history": {"pk": "plan"},
    "plans:action_history": {"pk": "action"},
    "plans:goal_history": {"pk": "goal"},
    "duediligence:index": {},
    "duediligence:overview": {"pk": "dd_plan"},
    "duediligence:policy": {"pk": "dd_plan"},
    "duediligence:policy_edit": {"pk": "dd_plan"},
    "duediligence:policy_version_create": {"pk": "dd_plan"},
    "duediligence:department_create": {"pk": "dd_plan"},
    "duediligence:department_update": {"pk": "dd_plan", "item_pk": "dd_department"},
    "duediligence:department_delete": {"pk": "dd_plan", "item_pk": "dd_department"},
    "duediligence:chain": {"pk": "dd_plan"},
    "duediligence:chain_map": {"pk": "dd_plan"},
    "duediligence:chain_import": {"pk": "dd_plan"},
    "duediligence:item": {"pk": "dd_plan", "row_pk": "dd_item"},
    "duediligence:item_create": {"pk": "dd_plan"},
    "duediligence:item_update": {"pk": "dd_plan", "row_pk": "dd_item"},
    "duediligence:item_delete": {"pk": "dd_plan", "row_pk": "dd_item"},
    "duediligence:sourcing_create": {"pk": "dd_plan", "row_pk": "dd_item"},
    "duediligence:sourcing_update": {"pk": "dd_plan", "row_pk": "dd_sourcing"},
    "duediligence:sourcing_delete": {"pk": "dd_plan", "row_pk": "dd_sourcing"},
    "duediligence:suppliers": {"pk": "dd_plan"},
    "duediligence:supplier_create": {"pk": "dd_plan"},
    "duediligence:supplier_update": {"pk": "dd_plan", "row_pk": "dd_supplier"},
    "duediligence:supplier_delete": {"pk": "dd_plan", "row_pk": "dd_supplier"},
    "duediligence:downstream": {"pk": "dd_plan"},
    "duediligence:downstream_create": {"pk": "dd_plan"},
    "duediligence:downstream_update": {"pk": "dd_plan", "row_pk": "dd_downstream"},
    "duediligence:downstream_delete": {"pk": "dd_plan", "row_pk": "dd_downstream"},
    "duediligence:risks": {"pk": "dd_plan"},
    "duediligence:risk_create": {"pk": "dd_plan"},
    "duediligence:risk": {"pk": "dd_plan", "item_pk": "dd_risk"},
    "duediligence:risk_edit": {"pk": "dd_plan", "item_pk": "dd_risk"},
    "duediligence:risk_delete": {"pk": "dd_plan", "item_pk": "dd_risk"},
    "duediligence:risk_action_create": {"pk": "dd_plan", "item_pk": "dd_risk"},
    "duediligence:risk_action_link": {"pk": "dd_plan", "item_pk": "dd_risk"},
    "duediligence:risk_action_edit": {
        "pk": "dd_plan",
        "item_pk": "dd_risk",
        "link_pk": "dd_risk_action",
    },
    "duediligence:monitoring": {"pk": "dd_plan"},
    "duediligence:monitoring_create": {"pk": "dd_plan"},
    "duediligence:monitoring_detail": {"pk": "dd_monitoring"},
    "duediligence:monitoring_edit": {"pk": "dd_monitoring"},
    "duediligence:monitoring_delete": {"pk": "dd_monitoring"},
    "duediligence:communication": {"pk": "dd_plan"},
    "duediligence:communication_create": {"pk": "dd_plan"},
    "duediligence:communication_update": {"pk": "dd_plan", "item_pk": "dd_communication"},
    "duediligence:communication_delete": {"pk": "dd_plan", "item_pk": "dd_communication"},
    "duediligence:mechanism": {},
    "duediligence:grievances": {},
    "duediligence:grievance_create": {},
    "duediligence:grievance": {"pk": "dd_grievance"},
    "duediligence:grievance_edit": {"pk": "dd_grievance"},
    "duediligence:evidence_delete": {"pk": "dd_evidence"},
    "procurement:index": {},
    "procurement:overview": {"pk": "mvoi_plan"},
    "procurement:baseline": {"pk": "mvoi_plan"},
    "procurement:baseline_edit": {"pk": "mvoi_plan", "theme_pk": "mvoi_theme"},
    "procurement:plan_themes": {"pk": "mvoi_plan"},
    "procurement:themes": {"pk": "mvoi_plan"},
    "procurement:theme_edit": {"pk": "mvoi_plan", "theme_pk": "mvoi_theme"},
    "procurement:targets": {"pk": "mvoi_plan"},
    "procurement:ambition_edit": {"pk": "mvoi_plan", "theme_pk": "mvoi_theme"},
    "procurement:calendar": {"pk": "mvoi_plan"},
    "procurement:grid": {"pk": "mvoi_plan"},
    "procurement:deviations": {"pk": "mvoi_plan"},
    "procurement:tender_create": {"pk": "mvoi_plan"},
    "procurement:tender_detail": {"pk": "mvoi_plan", "item_pk": "mvoi_tender"},
    "procurement:tender_update": {"pk": "mvoi_plan", "item_pk": "mvoi_tender"},
    "procurement:tender_delete": {"pk": "mvoi_plan", "item_pk": "mvoi_tender"},
    "procurement:tender_import": {"pk": "mvoi_plan"},
    "procurement:groups": {},
    "procurement:analysis": {},
    "procurement:group_create": {},
    "procurement:group_card": {"item_pk": "mvoi_group"},
    "procurement:group_update": {"item_pk": "mvoi_group"},
    "procurement:group_delete": {"item_pk": "mvoi_group"},
    "procurement:group_card_edit": {"item_pk": "mvoi_group"},
    "procurement:anchoring": {"pk": "mvoi_plan"},
    "procurement:anchoring_edit": {"pk": "mvoi_plan", "area": "mvoi_area"},
    "procurement:mvoi_action_create": {"pk": "mvoi_plan"},
    "procurement:mvoi_action_update": {"pk": "mvoi_plan", "item_pk": "mvoi_action"},
    "procurement:year_plan": {"pk": "mvoi_plan"},
    "procurement:evaluations": {"pk": "mvoi_plan"},
    "procurement:evaluation_edit": {"pk": "mvoi_plan", "year": "mvoi_year"},
    "procurement:documents": {"pk": "mvoi_plan"},
    "members": {},
    "invite": {},
    "organisation_settings": {},
    "notifications": {},
    "themes:index": {},
    "themes:frameworks": {},
    "themes:create": {},
    "themes:update": {"pk": "theme"},
    "themes:delete": {"pk": "theme"},
    "stakeholders:index": {},
    "stakeholders:create": {},
    "stakeholders:detail": {"pk": "stakeholder"},
    "stakeholders:update": {"pk": "stakeholder"},
    "stakeholders:delete": {"pk": "stakeholder"},
    "stakeholders:dialogues": {},
    "stakeholders:dialogue_create": {},
    "stakeholders:dialogue_update": {"pk": "dialogue"},
    "stakeholders:dialogue_delete": {"pk": "dialogue"},
    "stakeholders:working_group": {},
    "stakeholders:member_create": {},
    "stakeholders:member_update": {"pk": "wg_member"},
    "stakeholders:member_delete": {"pk": "wg_member"},
    "kpis:index": {},
    "kpis:create": {},
    "kpis:quarter_entry": {},
    "kpis:detail": {"pk": "kpi"},
    "kpis:update": {"pk": "kpi"},
    "kpis:delete": {"pk": "kpi"},
    "kpis:history": {"pk": "kpi"},
    "kpis:target_create": {"kpi_pk": "kpi"},
    "kpis:target_delete": {"pk": "target"},
    "kpis:measurement_create": {"kpi_pk": "kpi"},
    "kpis:measurement_update": {"pk": "measurement"},
    "kpis:measurement_delete": {"pk": "measurement"},
}
# Query strings that make a page show its fullest state.
QUERY = {
    "kpis:quarter_entry": "?year=2025&quarter=2",
    "stakeholders:index": "?page=3",
    "plans:mission_versions": "?a=1&b=2",
}
# More states of a page worth a look of their own: key → (URL name, data it needs, query).
MORE_STATES = {
    "plans_mission_versions_all": ("plans:mission_versions", {"pk": "plan"}, ""),
    "plans_actions_late": ("plans:actions", {}, "?late=on&sort=-due"),
    "plans_wishes_other_theme": ("plans:wishes", {"pk": "plan"}, "?thema={other_theme}"),
    "plans_detail_due_diligence": ("plans:detail", {"pk": "dd_plan"}, ""),
    "plans_step_due_diligence": ("plans:step", {"pk": "dd_plan", "step_pk": "dd_step"}, ""),
    "plans_board_due_diligence": ("plans:board", {"pk": "dd_plan"}, ""),
    "plans_detail_mvoi": ("plans:detail", {"pk": "mvoi_plan"}, ""),
    "plans_step_mvoi": ("plans:step", {"pk": "mvoi_plan", "step_pk": "mvoi_step"}, ""),
    "plans_next_cycle_mvoi": ("plans:next_cycle", {"pk": "mvoi_plan"}, ""),
    # Submitted, never approved: the whole plan and the forms to approve or send it back.
    "plans_approval_first": ("plans:approval", {"pk": "dd_plan"}, ""),
}
NOT_A_PAGE = {
    "procurement:tender_import_template": "a file download (the xlsx template)",
    "procurement:tender_export": "a file download",
    "procurement:year_overview_export": "a file download",
    "procurement:group_add_standard": "POST only (the button sits on the product group list)",
    "procurement:evaluation_reopen": "POST only (the button sits on the evaluation page)",
    "procurement:evaluation_prepare": "POST only (the button sits on the evaluation page)",
    "reports:year_document": "POST only (the buttons sit on the MVOI documents page)",
    "change_member": "POST only (the form sits on the members page)",
    "remove_member": "POST only (the form sits on the members page)",
    "revoke_invitation": "POST only (the form sits on the members page)",
    "hand_over": "POST only (the form sits on the members page)",
    "kpis:export": "a file download",
    "stakeholders:export": "a file download",
    "plans:actions_import_template": "a file download (the xlsx template)",
    "plans:mission_stage": "POST only (the buttons sit on the mission page; the confirmation "
    "it may show is checked below)",
    "plans:feedback_create": "POST only (the form sits on the mission page)",
    "plans:feedback_toggle": "POST only (the buttons sit on the mission page)",
    "plans:wishes_group": "POST only (the form sits on the droombeelden page)",
    "plans:wish_delete": "POST only (the buttons sit on the droombeelden page)",
    "plans:urgent_toggle": "POST only (the buttons sit on the droombeelden page)",
    "plans:actions_bulk_status": "POST only (the form sits on the action list)",
    "plans:action_move": "POST only (the buttons sit on the quarter board)",
    "plans:transition": "POST only (the forms sit on the approval page)",
    "notification_open": "marks the notification read and redirects to the page it is about",
    "reports:status": "an htmx fragment (the status card of the report page, checked there)",
    "reports:download": "a file download (the PDF)",
    "reports:retry": "POST only (the buttons sit on the report list and the report page)",
    "reports:version": "POST only (the form sits on the approved version's page)",
    "duediligence:chain_import_template": "a file download (the xlsx template)",
    "duediligence:evidence": "a file download (an evidence file)",
    "duediligence:policy_version_evidence": "POST only (the form sits on the policy page)",
    "duediligence:grievance_evidence": "POST only (the form sits on the grievance page)",
    "duediligence:monitoring_cap": "POST only (the form sits on the monitoring activity's page)",
    "duediligence:risk_action_unlink": "POST only (the button sits on the risk page)",
}

LONG_WORD = "Ketenverantwoordelijkheidsmanagementsysteemimplementatietraject"


def _route_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _route_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def org_route_names():
    org = next(p for p in get_resolver().url_patterns if str(p.pattern) == "o/<slug:org_slug>/")
    return set(_route_names(org.url_patterns))


def test_every_organisation_route_is_checked_on_a_phone_or_excluded_with_a_reason():
    names = org_route_names()
    assert names - ORG_PAGES.keys() - NOT_A_PAGE.keys() == set(), "add new pages to ORG_PAGES"
    assert (ORG_PAGES.keys() | NOT_A_PAGE.keys()) - names == set(), "route no longer exists"
    assert ORG_PAGES.keys() & NOT_A_PAGE.keys() == set()
    assert {name for name, _needs, _query in MORE_STATES.values()} <= ORG_PAGES.keys()


def build_realistic_data(org_a):
    """Long Dutch names, unbroken compound words, many rows: what breaks a narrow layout."""
    org = org_a.org
    org.name = "Stichting Samenwerkende Zorg- en Welzijnsorganisaties Noord-Holland Noord"
    org.sector = "Zorg en welzijn, wijkverpleging en ondersteuning thuis"
    org.save()
    org_a.admin.full_name = "Maria Josephina van den Heuvel-Oosterhuis"
    org_a.admin.save()
    framework_theme = FrameworkTheme.objects.order_by("pk").first()
    theme = OrgThemeFactory(
        organisation=org,
        own_name=f"{LONG_WORD} in de hele keten",
        rationale="Onze leveranciers werken in landen met een hoog risico op kinderarbeid. " * 4,
        is_focus=True,
        importance=5,
        impact=4,
        ambition_current=2,
        ambition_target=4,
    )
    other = OrgThemeFactory(
        organisation=org,
        own_name="Duurzame inzetbaarheid en gezondheid van medewerkers in alle vestigingen",
        importance=4,
        impact=5,
        is_focus=True,
    )
    OrgThemeFactory(organisation=org, own_name="", framework_theme=framework_theme)
    theme.sdgs.set(FrameworkTheme.objects.filter(framework__code="sdg")[:9])
    former_member = UserFactory(full_name="Hendrika Wilhelmina Bakker-Zonneveld")
    kpis = []
    for n, (name, unit, t) in enumerate(
        [
            (f"{LONG_WORD}sindicator", "%", theme),
            ("Ziekteverzuim van alle medewerkers inclusief flexibele schil", "%", other),
            ("CO2-uitstoot van het wagenpark en de zakelijke vliegreizen", "ton CO2-eq", theme),
            ("Aandeel duurzaam ingekochte producten en diensten", "%", theme),
            ("Energieverbruik gebouwen", "kWh per m²", other),
        ]
    ):
        kpi = KpiFactory(
            organisation=org,
            theme=t,
            name=name,
            unit=unit,
            owner=former_member if n == 1 else org_a.admin,
            baseline_value=Decimal("1234.56") * (n + 1),
            baseline_date=date(2024, 12, 31),
            data_source="Salarisadministratie en het HR-dashboard van de regio",
            definition="Het aantal verzuimdagen gedeeld door het aantal beschikbare dagen.",
        )
        TargetFactory(kpi=kpi, date=date(2028, 12, 31), value=Decimal("98765.43"))
        MeasurementFactory(
            kpi=kpi,
            year=2025,
            quarter=1,
            value=Decimal("1234.56"),
            note=f"Toelichting met een lang woord: {LONG_WORD}",
            evidence_url="https://intranet.voorbeeld.nl/rapportages/2025/kwartaal-1/verzuim.pdf",
        )
        kpis.append(kpi)
    stakeholders = [
        StakeholderFactory(
            organisation=org,
            name="Cliëntenraad en ondernemingsraad van de gezamenlijke vestigingen",
            contact=f"secretariaat.{LONG_WORD.lower()}@voorbeeld.nl",
            notes="Komt elk kwartaal bijeen. " * 10,
        ),
        StakeholderFactory(organisation=org, name=f"Stichting {LONG_WORD}", influence=5),
    ]
    Stakeholder.objects.bulk_create(
        Stakeholder(organisation=org, name=f"Leverancier {n:03}", category="leveranciers")
        for n in range(250)
    )
    dialogue = None
    for n in range(4):
        dialogue = DialogueFactory(
            organisation=org,
            subject=f"Gesprek over {LONG_WORD} en de gevolgen voor de wijkteams ({n})",
            stakeholders=stakeholders,
            input_received="Zij vragen om meer openheid over de keten. " * 5,
            follow_up="",
        )
        dialogue.themes.set([theme, other])
    wg_member = WorkingGroupMemberFactory(
        organisation=org, external_name="Johannes Cornelis Adriaan Vermeulen-de Groot"
    )
    WorkingGroupMemberFactory(organisation=org, user=org_a.member, external_name="")
    plan = PlanFactory(
        organisation=org,
        title=f"MVO-plan 2025–2027: {LONG_WORD} voor alle vestigingen",
        start_year=2025,
        end_year=2027,
        coordinator=org_a.admin,
        description="Wat we de komende drie jaar willen bereiken. " * 6,
        predecessor=PlanFactory(
            organisation=org,
            title=f"MVO-plan 2022–2024: eerste stappen naar {LONG_WORD}",
            start_year=2022,
            end_year=2024,
        ),
    )
    plan.themes.set([theme, other])
    plan.kpis.set(kpis)
    from mvo.models import MailStatus, Notification

    Notification.objects.bulk_create(  # two pages of notifications, some unread
        Notification(
            organisation=org,
            user=org_a.admin,
            event=f"telefoon:{n}",
            title_nl=f"Ter goedkeuring: {plan.title}",
            title_en=f"For approval: {plan.title}",
            body_nl=f"{org_a.admin.full_name} heeft het plan ingediend. {LONG_WORD} " * 2,
            body_en="Submitted.",
            url=f"/o/{org.slug}/plannen/{plan.pk}/",
            mail_status=MailStatus.NONE,
            read_at=None if n % 3 else timezone.now(),
        )
        for n in range(30)
    )
    kpi = kpis[0]
    return {
        "plan": plan.pk,
        "note_year": 2025,  # a finished quarter of the plan, for its toelichting
        "note_quarter": 2,
        "plan_step": plan.steps.order_by("step__order").first().pk,
        "theme": theme.pk,
        "other_theme": other.pk,
        "stakeholder": stakeholders[0].pk,
        "dialogue": dialogue.pk,
        "wg_member": wg_member.pk,
        "kpi": kpi.pk,
        "target": kpi.targets.first().pk,
        "measurement": kpi.measurements.first().pk,
        "report": failed_report(org, plan).pk,
        **build_plan_contents(org_a, plan, [theme, other], kpis, former_member),
    }


def failed_report(org, plan):
    """A quarterly report that failed (its page shows the reason and the retry button), and
    a done one beside it in the list."""
    from reports.models import Report

    rows = [
        Report(
            organisation=org,
            plan=plan,
            kind="kwartaal",
            year=2025,
            quarter=2,
            language=language,
            key=f"kwartaal:{plan.pk}:2025-2:{language}",
            status=status,
            failure="opmaak" if status == "mislukt" else "",
            size=1_234_567 if status == "klaar" else None,
            pages=42 if status == "klaar" else None,
        )
        for language, status in (("en", "klaar"), ("nl", "mislukt"))
    ]
    return Report.objects.bulk_create(rows)[-1]


def build_plan_contents(org_a, plan, themes, kpis, former_member):
    """Steps with long answers, a mission and vision with versions and reactions, goals that
    are not yet SMART, droombeelden, many actions across the quarters (some late), and a due
    diligence and an MVOI plan."""
    org, admin = org_a.org, org_a.admin
    theme, other = themes
    now = timezone.now()
    answer = (
        f"Onze werkgroep heeft dit besproken met de {LONG_WORD}scommissie. Wij zien dat de "
        "wijkteams vooral behoefte hebben aan duidelijke afspraken met leveranciers. " * 3
    )
    for n, plan_step in enumerate(plan.steps.order_by("step__order")[:8]):
        plan_step.answers = [answer] * len(plan_step.step.questions)
        plan_step.notes = f"Aantekening van de werkgroep over {LONG_WORD}. " * 4
        plan_step.status = [StepStatus.DONE, StepStatus.IN_PROGRESS][n % 2]
        plan_step.updated_at, plan_step.updated_by = now, admin
        plan_step.save()

    # Mission and vision: two versions of the text, reactions (one processed), tested.
    mission_vision = plan.mission_vision
    questions = mission_questions()
    for words in ["Wij zorgen", "Wij zorgen samen met onze cliënten en hun naasten"]:
        mission_vision.mission = (
            f"{words} voor goede zorg dicht bij huis, met oog voor mens en milieu. {LONG_WORD} "
            "is voor ons geen doel op zich maar een middel. " * 2
        )
        mission_vision.vision = (
            "In 2030 werken al onze vestigingen klimaatneutraal en kennen wij elke leverancier "
            f"in de keten. {words} aan een {LONG_WORD}. " * 2
        )
        mission_vision.answers = {
            group: [f"{answer} ({words})"] * len(texts) for group, texts in questions.items()
        }
        mission_vision.save()
        services.save_mission_vision(mission_vision, admin)
    Feedback.objects.bulk_create(
        Feedback(
            mission_vision=mission_vision,
            given_by=f"{who} van de {LONG_WORD}sraad",
            given_on=date(2025, 3, n + 1),
            comment=f"Noem ook de vrijwilligers en de mantelzorgers. {LONG_WORD}. " * 3,
            processed=n == 0,
        )
        for n, who in enumerate(["Ondernemingsraad", "Cliëntenraad", "Raad van toezicht"])
    )
    services.change_stage(mission_vision, Stage.TESTED, admin)

    # Goals: three on the theme (not yet SMART in different ways), one general goal.
    deadline = date(2027, 12, 31)
    goal = GoalFactory(
        plan=plan,
        kind="thema",
        title=f"In 2027 is de {LONG_WORD} in alle vestigingen ingevoerd en getoetst",
        theme=theme,
        kpi=kpis[1],  # a KPI of the other theme
        target_value=Decimal("98765.43"),
        deadline=date(2029, 6, 30),  # outside the plan period
        specific="Alle leveranciers tekenen de gedragscode. " * 3,
    )
    GoalFactory(
        plan=plan,
        kind="thema",
        title="Minder ziekteverzuim door een gezonde werkdruk en betere roosters in de wijk",
        theme=theme,
        kpi=kpis[0],
        target_value=Decimal("3.5"),
        deadline=deadline,
        specific="Het verzuim daalt.",
        acceptable="De ondernemingsraad en de teamleiders.",
        realistic="Andere zorgorganisaties lukte het ook.",
        needs_review=True,
    )
    GoalFactory(plan=plan, kind="thema", title=f"{LONG_WORD}doel zonder KPI", theme=theme)
    general = GoalFactory(
        plan=plan,
        title="Alle medewerkers kennen ons MVO-beleid en weten wat zij er zelf aan bijdragen",
    )
    departments = ["Wijkverpleging Noord", "Facilitaire dienst en inkoop", ""]
    Wish.objects.bulk_create(
        Wish(
            organisation=org,
            plan=plan,
            theme=[theme, other][n % 2],
            text=f"Over vijf jaar is {LONG_WORD} gewoon: iedereen weet wat het betekent. " * 3,
            author=[admin, former_member, None][n % 3],
            department=departments[n % 3],
            goal=goal if n % 4 == 0 else None,
        )
        for n in range(14)
    )

    # Actions: every quarter of the plan, more than a board column shows, some late, some
    # without a quarter, one planned before the plan period.
    statuses = list(ActionStatus.values)
    actions = []
    for n in range(70):
        year, quarter = 2025 + n % 3, n % 4 + 1
        if n % 9 == 0:
            year = quarter = None
        if n < 34:  # a full column: K1 2025
            year, quarter = 2025, 1
        late = n % 5 == 0
        actions.append(
            ActionFactory(
                plan=plan,
                title=(
                    f"Actie {n}: {LONG_WORD} bespreken met alle leveranciers van de regio"
                    if n % 2
                    else f"Actie {n}: gedragscode voor leveranciers"
                ),
                description="Wat er precies gebeurt, stap voor stap. " * 5,
                why=f"Het draagt bij aan {LONG_WORD}. " * 3,
                goal=[goal, general, None][n % 3],
                theme=[theme, other, None][n % 3],
                responsible=[admin, former_member, None][n % 3],
                team=departments[n % 3],
                planned_year=year,
                planned_quarter=quarter,
                start_date=date(2025, 1, 6),
                due_date=timezone.localdate() - timedelta(days=30) if late else None,
                budget=Decimal("123456.78") * (n + 1),
                hours=Decimal("1234.5"),
                within_budget=n % 2 == 0,
                status=ActionStatus.PLANNED if late else statuses[n % len(statuses)],
                progress_notes=f"Loopt; wacht op {LONG_WORD}. " * 2,
            )
        )
    ActionFactory(
        plan=plan, title="Voorbereiding vóór de planperiode", planned_year=2024, planned_quarter=4
    )
    for action in [a for a in actions if a.theme_id == theme.pk][:2]:
        UrgentVote.objects.create(
            organisation=org, plan=plan, theme=theme, action=action, voter=admin
        )
    services.renew_calendar_feed(admin)

    # The other methods.
    dd_plan = PlanFactory(
        organisation=org,
        method="due_diligence",
        title=f"Due diligence in de keten: {LONG_WORD} bij textiel en medische hulpmiddelen",
        coordinator=former_member,
    )
    mvoi_plan = PlanFactory(
        organisation=org,
        method="mvoi",
        title=f"MVOI-actieplan inkoop en opdrachtgeverschap: {LONG_WORD}",
        start_year=2026,
        end_year=2026,
    )
    for other_plan in [dd_plan, mvoi_plan]:
        other_plan.themes.set([theme])
        ActionFactory(
            plan=other_plan,
            title=f"Risicoanalyse {LONG_WORD}",
            planned_year=2026,
            planned_quarter=1,
            responsible=admin,
        )
    # Approval: the plan approved as version 1, then changed (the approval page lists the
    # changes); the due diligence plan submitted for the first time.
    approval.submit_plan(plan, org_a.member, Role.MEMBER, f"Klaar. {LONG_WORD}. " * 3)
    approval.approve_plan(plan, org_a.manager, Role.MANAGER, f"Akkoord. {LONG_WORD}. " * 3)
    goal.title = f"In 2028 is de {LONG_WORD} overal ingevoerd, getoetst en geborgd"
    goal.specific = "Alle leveranciers en onderaannemers tekenen de gedragscode. " * 3
    goal.target_value = Decimal("12345678.9")
    goal.save()
    actions[1].delete()
    dd_data = build_due_diligence(org_a, dd_plan)
    approval.submit_plan(dd_plan, org_a.member, Role.MEMBER)
    mail.outbox.clear()  # their notification mails; the invitations below read the outbox
    return {
        "plan_version": 1,
        "goal": goal.pk,
        "action": actions[15].pk,  # late, with a long title, in the goal
        "mission_version": mission_vision.versions.order_by("-number").first().number,
        **dd_data,
        "dd_plan": dd_plan.pk,
        "dd_step": dd_plan.steps.order_by("-step__order").first().pk,
        **build_mvoi(org_a, mvoi_plan, theme),
        "mvoi_plan": mvoi_plan.pk,
        "mvoi_step": mvoi_plan.steps.order_by("step__order").first().pk,
    }


def build_mvoi(org_a, plan, theme):
    """The MVOI plan filled in every part, with long names: a calendar with a moved tender and
    an explained deviation, a nulmeting, targets, product groups with a kansenkaart, anchoring,
    a year plan and a finished evaluation."""
    from procurement.models import (
        ActionDetail,
        Anchoring,
        AnchoringArea,
        Evaluation,
        ProductGroup,
        Tender,
        TenderStatus,
        TenderTheme,
        ThemeAmbition,
        ThemeBaseline,
        YearTarget,
    )

    org = org_a.org
    groups = [
        ProductGroup.objects.create(
            organisation=org,
            name=name,
            annual_spend=Decimal(spend),
            impact=impact,
            chance=chance,
            owner=org_a.member,
            card_chances=f"Circulaire {LONG_WORD} bij de vervanging. " * 3,
        )
        for name, spend, impact, chance in [
            (f"GWW {LONG_WORD}", "12345678.90", 5, 4),
            ("ICT", "2500000", 3, 3),
            ("Catering", "150000", 2, 5),
        ]
    ]
    tenders = []
    for index in range(12):
        tender = Tender.objects.create(
            organisation=org,
            plan=plan,
            title=f"Aanbesteding {index} {LONG_WORD} onderhoud en beheer",
            product_group=groups[index % 3],
            estimated_value=Decimal("98765432.10"),
            procedure="europees",
            budget_holder=f"Afdeling {LONG_WORD}",
            purchaser=org_a.member.get_full_name() or org_a.member.email,
            planned_year=2026,
            planned_quarter=index % 4 + 1,
            status=TenderStatus.PUBLISHED if index % 3 else TenderStatus.PLANNED,
            explanation=f"Geen markt voor {LONG_WORD} in deze regio." if index == 1 else "",
        )
        if index != 1:
            TenderTheme.objects.create(
                organisation=org,
                tender=tender,
                theme=theme,
                instrument="gunningscriterium",
                criterion_ref=f"MVI-criteriatool: {LONG_WORD}, kernniveau",
            )
        tenders.append(tender)
    tenders[0].planned_quarter = 4  # a move, recorded in its history
    tenders[0].save()
    YearTarget.objects.create(organisation=org, plan=plan, year=2026, target_pct=80)
    ThemeBaseline.objects.create(
        organisation=org,
        plan=plan,
        theme=theme,
        ambitions=f"{LONG_WORD} in het inkoopbeleid. " * 4,
        sources=["beleidsstukken", "interviews"],
        level=2,
    )
    ThemeAmbition.objects.create(
        organisation=org, plan=plan, theme=theme, statement=f"{LONG_WORD} als standaard. " * 3
    )
    Anchoring.objects.create(
        organisation=org,
        plan=plan,
        area=AnchoringArea.PROCESS,
        anchored=f"MVOI staat in het startdocument en de {LONG_WORD}. " * 3,
    )
    for action in plan.actions.all():
        ActionDetail.objects.create(
            organisation=org, action=action, anchoring="structureel", extra_budget=True
        )
    Evaluation.objects.create(
        organisation=org,
        plan=plan,
        year=2026,
        strategisch_goed=f"De {LONG_WORD} liep goed. " * 5,
        procesgericht_beter=f"Meer {LONG_WORD}. " * 5,
    )
    return {
        "mvoi_tender": tenders[0].pk,
        "mvoi_group": groups[0].pk,
        "mvoi_theme": theme.pk,
        "mvoi_year": 2026,
        "mvoi_area": AnchoringArea.PROCESS,
        "mvoi_action": plan.actions.first().pk,
    }


def build_due_diligence(org_a, plan):
    """The due-diligence plan filled in every part, with long names; the admin handles
    grievances (so the register shows its rows, not only the counts)."""
    from duediligence import evidence
    from duediligence.models import (
        Communication,
        DepartmentRole,
        Downstream,
        Grievance,
        GrievanceMechanism,
        Monitoring,
        Sourcing,
    )
    from mvo.models import Membership
    from tests.duediligence.content_builders import build_dd_content

    org, admin = org_a.org, org_a.admin
    Membership.objects.filter(user=admin, organisation=org).update(handles_grievances=True)
    content = build_dd_content(plan, admin)
    supplier, item, risk = content["suppliers"][0], content["items"][0], content["risks"][0]
    supplier.name = f"{LONG_WORD} Coöperatie van kleine boeren"
    supplier.save()
    item.name = f"Cacaobonen uit het {LONG_WORD}"
    item.save()
    risk.title = f"Kinderarbeid in het {LONG_WORD} bij toeleveranciers"
    risk.description = f"Kinderen werken mee tijdens de oogst. {LONG_WORD}. " * 4
    risk.save()
    monitoring = Monitoring.objects.create(
        organisation=org,
        plan=plan,
        kind="audit",
        audit_scheme="smeta",
        supplier=supplier,
        date=timezone.localdate() - timedelta(days=20),
        findings=f"Geen leeftijdscontrole bij inhuur. {LONG_WORD}. " * 3,
        effectiveness="deels",
    )
    monitoring.risks.set([risk])
    upload = io.BytesIO(b"%PDF-1.4 auditrapport")
    upload.name = f"auditrapport-{LONG_WORD}.pdf"
    upload.size = len(upload.getvalue())
    proof = evidence.attach(upload, user=admin, monitoring=monitoring)
    communication = Communication.objects.create(
        organisation=org,
        plan=plan,
        date=timezone.localdate() - timedelta(days=5),
        audience="extern",
        channel="website",
        subject=f"Wat we deden tegen kinderarbeid: {LONG_WORD}",
        dilemmas_shared=True,
        dilemmas=f"Stoppen met een leverancier raakt juist de boeren. {LONG_WORD}. " * 2,
        link="https://www.voorbeeld.example/" + "ketenverantwoordelijkheid/" * 4,
    )
    department = DepartmentRole.objects.get(plan=plan, department="inkoop")
    department.responsibilities = f"Vraagt elke leverancier om de gedragscode. {LONG_WORD}. " * 3
    department.save()
    GrievanceMechanism.objects.create(organisation=org, criteria=["bekend", "toegankelijk"])
    grievance = Grievance.objects.create(
        organisation=org,
        channel="formulier",
        complainant_type="ketenwerker",
        description=f"Op de plantage werken kinderen. {LONG_WORD}. " * 5,
        risk=risk,
        supplier=supplier,
        response_due=timezone.localdate() - timedelta(days=2),
    )
    return {
        "dd_department": department.pk,
        "dd_item": item.pk,
        "dd_sourcing": Sourcing.objects.filter(item=item).first().pk,
        "dd_supplier": supplier.pk,
        "dd_downstream": Downstream.objects.filter(plan=plan).first().pk,
        "dd_risk": risk.pk,
        "dd_risk_action": risk.action_links.first().pk,
        "dd_monitoring": monitoring.pk,
        "dd_communication": communication.pk,
        "dd_grievance": grievance.pk,
        "dd_evidence": proof.pk,
    }


OVERFLOW_JS = """() => {
  // What reaches past the right edge, leaving out what sits in its own scroll box (a
  // .table-responsive): innermost elements, and text (a long word) that overflows its element.
  const width = window.innerWidth;
  const sticksOut = (box) => box.right > width + 0.5 && box.width > 0;
  const inScrollBox = (el) => {
    for (let up = el; up && up !== document.body; up = up.parentElement) {
      if (up !== el && ['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) {
        return true;
      }
    }
    return false;
  };
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
    + ` "${(el.textContent || el.value || '').trim().slice(0, 40)}"`;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (sticksOut(el.getBoundingClientRect()) && ![...el.children].some(
      (child) => sticksOut(child.getBoundingClientRect())) && !inScrollBox(el)) {
      culprits.push(describe(el));
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    range.selectNodeContents(walker.currentNode);
    const parent = walker.currentNode.parentElement;
    if (sticksOut(range.getBoundingClientRect()) && !inScrollBox(parent)) {
      culprits.push('text in ' + describe(parent));
    }
  }
  const scroll = document.documentElement.scrollWidth;
  return {scroll: scroll, inner: width, culprits: culprits.slice(0, 4)};
}"""


def look(page, url, key, shots, problems, status=200):
    """Open a page; note it in problems when it is wider than the viewport."""
    response = page.goto(url)
    assert response.status == status, (key, response.status)
    check(page, key, shots, problems)


def check(page, key, shots, problems):
    """Note the page as it is now in problems when it is wider than the viewport."""
    result = page.evaluate(OVERFLOW_JS)
    if result["scroll"] > result["inner"]:
        problems[key] = result
    page.screenshot(path=f"/tmp/{shots}_{key.replace(':', '_')}.png", full_page=True)


def org_url(live_server, name, org_slug, data, needs=None, query=None):
    needs = ORG_PAGES[name] if needs is None else needs
    query = QUERY.get(name, "") if query is None else query.format(**data)
    kwargs = {"org_slug": org_slug} | {key: data[value] for key, value in needs.items()}
    return live_server.url + reverse(name, kwargs=kwargs) + query


def bad_import_file():
    """An action list in which every row is wrong somewhere: long messages to show."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet()
    for index, column in enumerate(COLUMNS):
        sheet.write_string(0, index, column.key)
    wrong = {
        "titel": f"Actie {LONG_WORD}",
        "thema": f"{LONG_WORD}thema",
        "verantwoordelijke": f"{LONG_WORD.lower()}@onbekend.example",
        "jaar": "twintigzesentwintig",
        "kwartaal": 7,
        "einddatum": "31-02-2026",
        "budget": "veel",
        "status": LONG_WORD,
    }
    for row in range(1, 60):
        for index, column in enumerate(COLUMNS):
            if column.key in wrong:
                sheet.write(row, index, wrong[column.key])
    book.close()
    return output.getvalue()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, TABLET, LAPTOP], ids=["phone", "tablet", "laptop"])
def test_no_page_scrolls_sideways(browser, live_server, org_a, log_in, viewport):
    data = build_realistic_data(org_a)
    outsider = UserFactory(email="al.lid.elders@test.example")
    shots = {PHONE["width"]: "phone", TABLET["width"]: "tablet"}.get(viewport["width"], "laptop")
    problems = {}
    page = browser.new_context(viewport=viewport).new_page()
    # Every page also runs under the strict Content-Security-Policy: the browser reports each
    # blocked script, style or image on the console.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append((page.url, message.text))
            if "Content Security Policy" in message.text
            else None
        ),
    )
    site = live_server.url
    for name in ["login", "password_reset"]:
        look(page, site + reverse(name), name, shots, problems)
    look(page, site + "/uitnodiging/geen-geldige-link/", "invitation_problem", shots, problems, 404)

    log_in(page, org_a.admin.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stichting")
    for name in ORG_PAGES:
        look(page, org_url(live_server, name, org_a.org.slug, data), name, shots, problems)
    for key, (name, needs, query) in MORE_STATES.items():
        look(
            page,
            org_url(live_server, name, org_a.org.slug, data, needs, query),
            key,
            shots,
            problems,
        )
    look(page, site + reverse("password_change"), "password_change", shots, problems)
    look(page, site + reverse("account_settings"), "account_settings", shots, problems)
    look(page, site + reverse("calendar"), "calendar", shots, problems)
    look(page, site + "/o/org-a/bestaat-niet/", "not_found", shots, problems, 404)

    # The menu, opened: a long organisation name and the organisation switcher.
    page.goto(org_url(live_server, "reports:dashboard", org_a.org.slug, data))
    if viewport != LAPTOP:  # the menu is folded up
        page.get_by_role("button", name="Menu openen of sluiten").click()
    page.locator("#org-switch").click()
    expect(page.get_by_role("link", name="Instellingen")).to_be_visible()
    check(page, "menu", shots, problems)

    # Pages that answer a POST: making the mission final with a reaction still open asks
    # first; an action list full of mistakes lists them.
    page.goto(org_url(live_server, "plans:mission", org_a.org.slug, data))
    page.get_by_role("button", name="Maak definitief").click()
    expect(page.get_by_role("button", name="Toch definitief maken")).to_be_visible()
    check(page, "plans_mission_confirm", shots, problems)
    page.goto(org_url(live_server, "plans:actions_import", org_a.org.slug, data))
    page.get_by_label("Plan").select_option(str(data["plan"]))
    page.get_by_label("Excel-bestand (.xlsx)").set_input_files(
        {"name": "acties.xlsx", "mimeType": "application/octet-stream", "buffer": bad_import_file()}
    )
    page.get_by_role("button", name="Acties inlezen").click()
    expect(page.locator("#import-errors")).to_be_visible()
    check(page, "plans_import_errors", shots, problems)

    # Invitations: one for a newcomer (sign-up page), one for someone with an account who is
    # logged out; the admin opening the latter sees the wrong-account page.
    for email in [
        "nieuwkomer.met.een.heel.lang.adres@zorgorganisatie-noord.example",
        outsider.email,
    ]:
        page.goto(org_url(live_server, "invite", org_a.org.slug, data))
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_role("button", name="Uitnodiging versturen").click()
        expect(page.get_by_text(f"Uitnodiging verstuurd naar {email}.")).to_be_visible()
    signup, accept = (re.search(r"http://\S+/uitnodiging/\S+/", m.body)[0] for m in mail.outbox)
    look(
        page,
        org_url(live_server, "members", org_a.org.slug, data),
        "members_invited",
        shots,
        problems,
    )
    look(page, accept, "invitation_accept", shots, problems, 403)
    newcomer = browser.new_context(viewport=viewport).new_page()
    look(newcomer, signup, "invitation_signup", shots, problems)

    assert not problems, json.dumps(problems, indent=1)
    assert blocked == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_quarter_entry_fits_a_thumb_on_a_phone(browser, live_server, org_a, log_in):
    data = build_realistic_data(org_a)
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, org_a.member.email)
    page.goto(org_url(live_server, "kpis:quarter_entry", org_a.org.slug, data))
    value = page.locator(f"#value_{data['kpi']}")
    value.fill("1.234,56")
    size = value.evaluate(
        "el => ({width: el.offsetWidth, height: el.offsetHeight,"
        " fits: el.scrollWidth <= el.clientWidth})"
    )
    assert size["width"] >= 110 and size["fits"], size
    assert size["height"] >= 44, size
    for field in ["note", "evidence"]:
        assert page.locator(f"#{field}_{data['kpi']}").evaluate("el => el.offsetHeight") >= 44
    # The save button stays in reach at the bottom of the screen, however long the list.
    save = page.get_by_role("button", name="K2 2025 opslaan")
    box = save.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300, box
    assert box["y"] + box["height"] <= PHONE["height"], box
    page.screenshot(path="/tmp/phone_quarter_entry_filled.png")
    save.click()
    expect(page.get_by_text("K2 2025 opgeslagen: 1 nieuw")).to_be_visible()
