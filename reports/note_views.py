"""The quarter's toelichting per plan: written by the working group, read by everyone."""

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kpis.models import current_quarter
from mvo.guard import org_roles
from mvo.models import Role
from mvo.versioning import CONFLICT_MESSAGE, EditConflict
from plans.models import Plan

from .forms import NoteItemForm, QuarterNoteForm
from .models import QuarterNote
from .services import save_quarter_note

# Three fields per theme or goal; with the overall fields this stays well under Django's
# DATA_UPLOAD_MAX_NUMBER_FIELDS (1000). Themes and goals beyond the cap are not shown (and
# their stored texts are left as they are).
MAX_ITEMS = 250


def quarter_label(year, quarter):
    return _("K%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


def open_quarters(plan, today=None):
    """The plan's quarters up to and including the current one: those one can explain."""
    now = current_quarter(today)
    return [yq for yq in plan.quarters if yq <= now]


def note_url(org_slug, plan_pk, year, quarter):
    return reverse("reports:note", args=[org_slug, plan_pk, year, quarter])


def build_item_forms(plan, note, previous, data=None):
    """One form per theme of the plan and per goal, filled from ``note`` or ``previous``,
    and whether there were more themes and goals than one page holds."""
    themes = list(plan.themes.select_related("framework_theme").order_by("pk")[: MAX_ITEMS + 1])
    goals = list(plan.goals.select_related("theme__framework_theme")[: MAX_ITEMS + 1])
    capped = len(themes) + len(goals) > MAX_ITEMS
    themes = themes[:MAX_ITEMS]
    goals = goals[: MAX_ITEMS - len(themes)]
    source = note if note is not None else previous
    stored = {}
    if source is not None:
        stored = {(i.theme_id, i.goal_id): i.texts() for i in source.items.all()}
    forms = []
    for kind, subjects in (("theme", themes), ("goal", goals)):
        for subject in subjects:
            key = (subject.pk, None) if kind == "theme" else (None, subject.pk)
            forms.append(
                NoteItemForm(
                    data,
                    prefix=f"{kind[0]}{subject.pk}",
                    initial=stored.get(key, {}),
                    subject=subject,
                    kind=kind,
                )
            )
    return forms, capped


def unavailable(request, plan, year, quarter):
    """A clear message instead of an error for a quarter one cannot explain."""
    context = {"plan": plan, "label": quarter_label(year, quarter) if 1 <= quarter <= 4 else ""}
    if not 1 <= quarter <= 4:
        context["reason"] = _("Een jaar heeft vier kwartalen: kies kwartaal 1 tot en met 4.")
    elif year > plan.end_year or year < plan.start_year:
        context["reason"] = _("Dit kwartaal valt buiten de looptijd van het plan (%(period)s).") % {
            "period": plan.period_label
        }
    else:
        context["reason"] = _(
            "Dit kwartaal is nog niet begonnen; er valt nog niets toe te lichten."
        )
    quarters = open_quarters(plan)
    if quarters:
        context["latest_url"] = note_url(request.organisation.slug, plan.pk, *quarters[-1])
    return render(request, "reports/note_unavailable.html", context, status=404)


@org_roles(read=Role.VIEWER, write=Role.MEMBER)
def quarter_note(request, org_slug, plan_pk, year, quarter):
    org = request.organisation
    plan = get_object_or_404(Plan.objects.for_org(org), pk=plan_pk)
    quarters = open_quarters(plan)
    if (year, quarter) not in quarters:
        return unavailable(request, plan, year, quarter)
    picked = request.GET.get("kwartaal", "")
    if request.method == "GET" and picked:
        choice = next((yq for yq in quarters if f"{yq[0]}-{yq[1]}" == picked), None)
        if choice is not None and choice != (year, quarter):
            return HttpResponseRedirect(note_url(org_slug, plan.pk, *choice))

    note = (
        QuarterNote.objects.for_org(org)
        .filter(plan=plan, year=year, quarter=quarter)
        .select_related("updated_by")
        .first()
    )
    previous = None
    if note is None:
        previous = (
            QuarterNote.objects.for_org(org)
            .filter(plan=plan, year__lte=year)
            .exclude(year=year, quarter__gte=quarter)
            .order_by("-year", "-quarter")
            .first()
        )
    can_write = request.membership.can_write
    instance = note or QuarterNote(organisation=org, plan=plan, year=year, quarter=quarter)
    initial = previous.texts() if previous is not None else None
    data = request.POST if request.method == "POST" else None
    note_form = QuarterNoteForm(data, instance=instance, initial=initial, prefix="note")
    item_forms, capped = build_item_forms(plan, note, previous, data)

    if data is not None:
        items_valid = [form.is_valid() for form in item_forms]  # every form shows its errors
        if note_form.is_valid() and all(items_valid):
            try:
                save_quarter_note(note_form, item_forms, request.user)
            except EditConflict:
                pass
            except IntegrityError:  # someone created this quarter's note a moment earlier
                note_form.add_error(None, CONFLICT_MESSAGE)
            else:
                messages.success(request, _("De toelichting is opgeslagen."))
                return HttpResponseRedirect(note_url(org_slug, plan.pk, year, quarter))
    if not can_write:
        for form in [note_form, *item_forms]:
            for field in form.fields.values():
                field.disabled = True

    index = quarters.index((year, quarter))
    context = {
        "plan": plan,
        "note": note,
        "previous": previous,
        "previous_label": previous and quarter_label(previous.year, previous.quarter),
        "label": quarter_label(year, quarter),
        "note_form": note_form,
        "theme_forms": [f for f in item_forms if f.kind == "theme"],
        "goal_forms": [f for f in item_forms if f.kind == "goal"],
        "capped": capped,
        "max_items": MAX_ITEMS,
        "can_write": can_write,
        "has_errors": data is not None,
        "quarter_choices": [
            (f"{y}-{q}", quarter_label(y, q), (y, q) == (year, quarter))
            for y, q in reversed(quarters)
        ],
        "prev_url": index > 0 and note_url(org_slug, plan.pk, *quarters[index - 1]),
        "next_url": index + 1 < len(quarters) and note_url(org_slug, plan.pk, *quarters[index + 1]),
    }
    status = 200
    return render(request, "reports/quarter_note.html", context, status=status)
