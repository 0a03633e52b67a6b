"""Forms of the plans app. Validation lives here and in the models' clean()."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpis.models import Kpi
from mvo.conflicts import text_changes
from mvo.forms import BoundedModelMultipleChoiceField, OrgModelForm, XlsxImportForm
from mvo.models import Role, User
from mvo.validation import browser_limits
from mvo.versioning import VersionedModelForm
from themes.models import OrgTheme

from .models import (
    Action,
    ActionStatus,
    Feedback,
    Goal,
    GoalKind,
    Method,
    MethodStep,
    MissionVision,
    Plan,
    PlanStep,
    StepStatus,
    Wish,
)

WRITERS = [role for role in Role.values if Role.at_least(role, Role.MEMBER)]


def writers_of(organisation, keep=None):
    """People who may edit in the organisation (plus ``keep``, a current choice who left)."""
    return (
        User.objects.filter(
            Q(memberships__organisation=organisation, memberships__role__in=WRITERS)
            | Q(pk=getattr(keep, "pk", keep))
        )
        .distinct()
        .order_by("full_name", "email")
    )


class PlanForm(OrgModelForm):
    class Meta:
        model = Plan
        fields = ["title", "method", "start_year", "end_year", "coordinator", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = writers_of(
            self.organisation, self.instance.coordinator_id
        )
        if self.instance.pk:
            # The method decides the steps: it is fixed once the plan exists.
            self.fields["method"].disabled = True
            self.fields["method"].help_text = _("De methode ligt vast zodra het plan bestaat.")


class PlanStepForm(VersionedModelForm):
    """A step's status, notes and one answer per guiding question (answer_0, answer_1, ...)."""

    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices)
    notes = forms.CharField(
        label=_("Aantekeningen van de werkgroep"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    class Meta:
        model = PlanStep
        fields = ["status", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        answers = list(self.instance.answers or [])
        for i, question in enumerate(self.instance.step.questions):
            self.fields[f"answer_{i}"] = forms.CharField(
                label=question,
                required=False,
                max_length=5000,
                initial=answers[i] if i < len(answers) else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def save(self, commit=True, user=None):
        self.instance.answers = self.answers()
        self.instance.updated_by = user
        self.instance.updated_at = timezone.now()
        return super().save(commit)

    def answers(self):
        count = len(self.instance.step.questions)
        return [self.cleaned_data.get(f"answer_{i}", "").strip() for i in range(count)]

    def question_fields(self):
        return [self[f"answer_{i}"] for i in range(len(self.instance.step.questions))]

    def conflict_extras(self, old, current):
        """The answers someone else changed meanwhile (see mvo.conflicts)."""
        return text_changes(
            self.instance.step.questions, old.answers or [], current.answers or [], self.answers()
        )


class KpiChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.unit})"


class PlanKpisForm(OrgModelForm):
    """Which of the organisation's KPIs this plan follows (step 2.2)."""

    submit_label = _("KPI's opslaan")
    kpis = KpiChoiceField(
        queryset=Kpi.objects.all(),
        required=False,
        label=_("KPI's van dit plan"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nieuwe KPI's maakt u aan onder KPI's; daarna kiest u ze hier."),
    )

    class Meta:
        model = Plan
        fields = ["kpis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kpis"].queryset = self.fields["kpis"].queryset.order_by("name")


# --- Actions --------------------------------------------------------------------------------

ACTION_DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
QUARTER_CHOICES = [("", "—"), (1, _("K1")), (2, _("K2")), (3, _("K3")), (4, _("K4"))]
MAX_BULK_ACTIONS = 500


class GoalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.plan.title})"


class ActionForm(OrgModelForm):
    planned_quarter = forms.TypedChoiceField(
        label=_("Gepland kwartaal"),
        choices=QUARTER_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
    )

    class Meta:
        model = Action
        fields = [
            "plan",
            "title",
            "description",
            "why",
            "goal",
            "theme",
            "responsible",
            "team",
            "planned_year",
            "planned_quarter",
            "start_date",
            "due_date",
            "budget",
            "hours",
            "within_budget",
            "status",
            "progress_notes",
        ]
        field_classes = {"goal": GoalChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "why": forms.Textarea(attrs={"rows": 2}),
            "progress_notes": forms.Textarea(attrs={"rows": 3}),
            "start_date": ACTION_DATE_WIDGET,
            "due_date": ACTION_DATE_WIDGET,
        }
        help_texts = {
            "why": _("Welk doel, thema, risico of welke aanbesteding dient deze actie?"),
            "planned_year": _("Samen met het kwartaal: wanneer de actie op het bord staat."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["responsible"].queryset = writers_of(self.organisation, self.instance.responsible_id)
        fields["goal"].queryset = (
            fields["goal"].queryset.select_related("plan").order_by("plan__title", "title")
        )
        fields["goal"].help_text = _("Alleen een doel van het gekozen plan.")
        fields["theme"].queryset = OrgTheme.objects.for_org(self.organisation).select_related(
            "framework_theme"
        )

    def clean(self):
        cleaned = super().clean()
        plan, goal = cleaned.get("plan"), cleaned.get("goal")
        if plan and goal and goal.plan_id != plan.pk:
            self.add_error(
                "goal",
                _("Dit doel hoort bij een ander plan. Kies een doel van het gekozen plan."),
            )
        year, quarter = cleaned.get("planned_year"), cleaned.get("planned_quarter")
        if plan and year and quarter and (year, quarter) not in plan.quarters:
            self.add_error(
                "planned_year",
                _("Kies een jaar binnen de planperiode (%(period)s).")
                % {"period": plan.period_label},
            )
        return cleaned

    def save(self, commit=True):
        self.instance.updated_at = timezone.now()
        return super().save(commit)


class BulkStatusForm(forms.Form):
    """Several actions of the organisation get one status at once (from the action list)."""

    actions = BoundedModelMultipleChoiceField(
        queryset=Action.objects.none(),
        label=_("Acties"),
        error_messages={
            "required": _("Vink eerst een of meer acties aan."),
            "invalid_choice": _("Een van de gekozen acties bestaat niet (meer)."),
            "invalid_pk_value": _("Een van de gekozen acties bestaat niet (meer)."),
        },
    )
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[("", _("Kies een status")), *ActionStatus.choices],
        error_messages={"required": _("Kies de nieuwe status.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = Action.objects.for_org(organisation)

    def clean(self):
        cleaned = super().clean()
        if len(self.data.getlist("actions")) > MAX_BULK_ACTIONS:
            raise forms.ValidationError(
                _("Kies hoogstens %(max)s acties tegelijk.") % {"max": MAX_BULK_ACTIONS}
            )
        return cleaned


class MoveForm(forms.Form):
    """Where a card goes on the quarter board: a quarter, or nowhere (niet gepland)."""

    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        choices=QUARTER_CHOICES, coerce=int, required=False, empty_value=None
    )
    version = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    direction = forms.ChoiceField(
        choices=[("", ""), ("earlier", "earlier"), ("later", "later")], required=False
    )  # which button moved the card: it keeps the focus on the board

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("year") is None) != (cleaned.get("quarter") is None):
            raise forms.ValidationError(
                _("Kies zowel het jaar als het kwartaal, of geen van beide.")
            )
        return cleaned


# --- Mission and vision ---------------------------------------------------------------------

MISSION_STEP_CODE = "1.3"  # the MVO STEPS step whose guiding questions the mission page asks
QUESTION_PREFIXES = (("mission", "Missie:"), ("vision", "Visie:"))
MAX_FEEDBACK_LENGTH = 5000


def mission_questions():
    """The guiding questions of step 1.3, in the active language, as
    {"mission": [...], "vision": [...]}. The Dutch text decides where a question belongs
    (it starts with "Missie:" or "Visie:"); that prefix is left off the question shown."""
    groups = {key: [] for key, _prefix in QUESTION_PREFIXES}
    step = MethodStep.objects.filter(method=Method.MVO_STEPS, code=MISSION_STEP_CODE).first()
    if step is None:
        return groups
    shown = step.questions
    for i, dutch in enumerate(step.questions_nl):
        for key, prefix in QUESTION_PREFIXES:
            if dutch.startswith(prefix):
                text = shown[i] if i < len(shown) else dutch
                text = text.partition(":")[2].strip() or text
                groups[key].append(text[:1].upper() + text[1:])
    return groups


def stored_answers(answers, group):
    """The answers kept for ``group`` ("mission" or "vision"), as a list of texts."""
    value = answers.get(group) if isinstance(answers, dict) else None
    return [str(a) for a in value] if isinstance(value, list) else []


class MissionVisionForm(VersionedModelForm):
    """The mission, the vision and one answer per guiding question (mission_answer_0, ...,
    vision_answer_0, ...), kept in MissionVision.answers as {"mission": [...], "vision": [...]}."""

    mission = forms.CharField(
        label=_("Missie"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Waar staat uw organisatie voor, en voor wie is zij er?"),
    )
    vision = forms.CharField(
        label=_("Visie"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat wilt u op lange termijn bereiken, en waar gelooft u in?"),
    )

    conflict_also = ["stage"]  # changed on the same page by the stage buttons

    class Meta:
        model = MissionVision
        fields = ["mission", "vision"]

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for group, texts in questions.items():
            answers = stored_answers(self.instance.answers, group)
            for i, question in enumerate(texts):
                self.fields[f"{group}_answer_{i}"] = forms.CharField(
                    label=question,
                    required=False,
                    max_length=5000,
                    initial=answers[i] if i < len(answers) else "",
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def answer_fields(self, group):
        return [self[f"{group}_answer_{i}"] for i in range(len(self.questions[group]))]

    def sections(self):
        """Per part (mission, vision): its heading, its text field and its question fields."""
        return [
            {"title": title, "text": self[group], "answers": self.answer_fields(group)}
            for group, title in (("mission", _("Missie")), ("vision", _("Visie")))
        ]

    def save(self, commit=True):
        self.instance.answers = {
            group: [self.cleaned_data[f"{group}_answer_{i}"] for i in range(len(texts))]
            for group, texts in self.questions.items()
        }
        return super().save(commit)

    def conflict_extras(self, old, current):
        """The answers someone else changed meanwhile (see mvo.conflicts)."""
        rows = []
        for group, texts in self.questions.items():
            yours = [self.cleaned_data.get(f"{group}_answer_{i}", "") for i in range(len(texts))]
            was, now = stored_answers(old.answers, group), stored_answers(current.answers, group)
            rows += text_changes(texts, was, now, yours)
        return rows


class FeedbackForm(forms.ModelForm):
    """A reaction on the draft mission and vision (step 1.4)."""

    class Meta:
        model = Feedback
        fields = ["given_by", "given_on", "comment"]
        widgets = {
            "given_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "comment": forms.Textarea(attrs={"rows": 3, "maxlength": MAX_FEEDBACK_LENGTH}),
        }
        error_messages = {
            "given_by": {"required": _("Vul in van wie de reactie komt.")},
            "given_on": {
                "required": _("Vul de datum van de reactie in."),
                "invalid": _("Vul een bestaande datum in, bijvoorbeeld 15-03-2026."),
            },
            "comment": {"required": _("Schrijf op wat de reactie inhoudt.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].validators.append(MaxLengthValidator(MAX_FEEDBACK_LENGTH))
        browser_limits(self.fields["given_on"], Feedback._meta.get_field("given_on"))


class CompareVersionsForm(forms.Form):
    """Two kept versions of a mission and vision to compare (``?a=N&b=M``)."""

    a = forms.IntegerField(label=_("Oude versie"))
    b = forms.IntegerField(label=_("Nieuwe versie"))

    def __init__(self, *args, mission_vision, last, **kwargs):
        super().__init__(*args, **kwargs)
        self.mission_vision, self.last, self.versions = mission_vision, last, {}
        for field in self.fields.values():
            field.error_messages = {
                "required": _("Vul een versienummer in."),
                "invalid": _("Vul een versienummer in als geheel getal, bijvoorbeeld 2."),
            }
            field.widget.attrs.update({"min": 1, "max": last, "inputmode": "numeric"})

    def clean(self):
        cleaned = super().clean()
        numbers = [cleaned[name] for name in ("a", "b") if 1 <= cleaned.get(name, 0) <= self.last]
        if numbers:
            found = self.mission_vision.versions.filter(number__in=numbers)
            self.versions = {version.number: version for version in found}
        for name in ("a", "b"):
            if name in cleaned and cleaned[name] not in self.versions:
                self.add_error(
                    name,
                    _("Versie %(number)s bestaat niet. Kies een nummer van 1 tot en met %(last)s.")
                    % {"number": cleaned[name], "last": self.last},
                )
        return cleaned

    def pair(self):
        """(old version, new version) of a valid form."""
        return self.versions[self.cleaned_data["a"]], self.versions[self.cleaned_data["b"]]


# --- Goals and droombeelden -----------------------------------------------------------------


class ThemeField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class KpiField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.unit})"


GENERAL_GOAL_FIELD_MESSAGE = _(
    "Een algemeen MVO-doel hoort niet bij een thema, KPI of streefwaarde. Laat dit veld leeg, "
    "of kies de soort ‘Doel op een thema, gemeten met een KPI’."
)


class GoalForm(OrgModelForm):
    """A goal of a plan. Theme and KPI come from the organisation only; the three-goals-per-
    theme rule is checked under a lock by services.save_goal. What keeps the goal from being
    SMART is a warning (plans.smart), not a reason to refuse it."""

    theme = ThemeField(queryset=OrgTheme.objects.all(), label=_("Thema"), required=False)
    kpi = KpiField(queryset=Kpi.objects.all(), label=_("KPI"), required=False)

    class Meta:
        model = Goal
        fields = [
            "kind",
            "title",
            "theme",
            "kpi",
            "target_value",
            "deadline",
            "specific",
            "acceptable",
            "realistic",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "specific": forms.Textarea(attrs={"rows": 2}),
            "acceptable": forms.Textarea(attrs={"rows": 2}),
            "realistic": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if not self.instance.pk:
            self.instance.plan = plan
        self.fields["theme"].queryset = self.fields["theme"].queryset.select_related(
            "framework_theme"
        )
        self.fields["kpi"].queryset = self.fields["kpi"].queryset.order_by("name")
        self.fields["theme"].help_text = _("Per thema hoogstens drie doelen in een plan.")
        self.fields["kpi"].help_text = _("De KPI waarmee u meet of het doel is bereikt.")
        self.fields["target_value"].help_text = _("De waarde van de KPI die u wilt bereiken.")
        self.fields["deadline"].help_text = _("Wanneer is het doel bereikt? Binnen %(period)s.") % {
            "period": plan.period_label
        }

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == GoalKind.THEME and not cleaned.get("theme") and "theme" not in self.errors:
            self.add_error("theme", _("Kies het thema waar dit doel bij hoort."))
        if kind == GoalKind.GENERAL:
            for name in ("theme", "kpi", "target_value"):
                if cleaned.get(name) is not None:
                    self.add_error(name, GENERAL_GOAL_FIELD_MESSAGE)
        return cleaned


class WishForm(OrgModelForm):
    """A participant's droombeeld for one theme of the plan."""

    submit_label = _("Droombeeld toevoegen")
    theme = ThemeField(queryset=OrgTheme.objects.all(), label=_("Thema"))

    class Meta:
        model = Wish
        fields = ["theme", "text", "department"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Uw droombeeld")}
        help_texts = {
            "text": _("Wat wilt u over een paar jaar op dit thema bereikt zien?"),
            "department": _("Uit welke afdeling komt dit droombeeld?"),
        }

    def __init__(self, *args, plan, themes, author, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes.filter(organisation=self.organisation)
        if not self.instance.pk:
            self.instance.plan, self.instance.author = plan, author


class WishGroupForm(forms.Form):
    """The coordinator puts droombeelden of one theme into an existing goal of that theme, or
    into a new goal with the given title."""

    wishes = BoundedModelMultipleChoiceField(
        queryset=Wish.objects.none(),
        label=_("Droombeelden"),
        error_messages={
            "required": _("Vink eerst de droombeelden aan die u wilt groeperen."),
            "invalid_choice": _("Kies alleen droombeelden van dit plan."),
        },
    )
    goal = forms.ModelChoiceField(
        queryset=Goal.objects.none(),
        required=False,
        label=_("Bestaand doel"),
        error_messages={"invalid_choice": _("Kies een doel van dit plan.")},
    )
    title = forms.CharField(label=_("Of een nieuw doel"), max_length=200, required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wishes"].queryset = plan.wishes.all()
        self.fields["goal"].queryset = plan.goals.all()

    def clean(self):
        cleaned = super().clean()
        wishes, goal = cleaned.get("wishes"), cleaned.get("goal")
        title = cleaned.get("title", "").strip()
        if goal and title:
            raise forms.ValidationError(
                _("Kies een bestaand doel óf geef een nieuw doel een titel, niet allebei.")
            )
        if not goal and not title and "goal" not in self.errors:
            raise forms.ValidationError(
                _("Kies een bestaand doel of geef een nieuw doel een titel.")
            )
        if not wishes:
            return cleaned
        themes = {wish.theme_id for wish in wishes}
        if len(themes) > 1:
            raise forms.ValidationError(_("Groepeer de droombeelden van één thema tegelijk."))
        cleaned["theme_id"] = themes.pop()
        if goal and goal.theme_id != cleaned["theme_id"]:
            self.add_error("goal", _("Kies een doel van hetzelfde thema als de droombeelden."))
        cleaned["title"] = title
        return cleaned


class ActionImportForm(XlsxImportForm):
    """An xlsx action list for one of the organisation's plans (plans.services.import_actions
    checks every row)."""

    help_text = _("Hoogstens 5.000 acties en 5 MB per bestand.")
    required_message = _("Kies het Excel-bestand met de acties.")
    submit_label = _("Acties inlezen")

    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none())
    field_order = ["plan", "file"]

    @staticmethod
    def read(uploaded):
        from .importer import read_rows

        return read_rows(uploaded)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = Plan.objects.for_org(organisation).order_by(
            "-start_year", "title"
        )
        self.fields["plan"].error_messages["invalid_choice"] = _("Kies een plan uit de lijst.")


# --- Approval -------------------------------------------------------------------------------

MAX_TRANSITION_COMMENT = 5000


class TransitionForm(forms.Form):
    """A move of the approval workflow (plans.approval): an optional comment (required for
    sending back, which the service checks) and, for approving, the fingerprint of the
    comparison the manager looked at."""

    comment = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_TRANSITION_COMMENT}),
        max_length=MAX_TRANSITION_COMMENT,
        error_messages={
            "max_length": _(
                "Uw toelichting is %(show_value)d tekens lang; er passen er %(limit_value)d in. "
                "Maak haar wat korter."
            )
        },
    )
    fingerprint = forms.CharField(required=False)
