"""Mission and vision of an MVO STEPS plan (steps 1.3–1.5): the texts and their stage, the
answers to the guiding questions, the reactions, and every version kept.

Only MVO STEPS plans have a mission and vision; for other plans these pages are 404.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from mvo.generic import paginate
from mvo.versioning import EditConflict

from .. import services
from ..forms import (
    CompareVersionsForm,
    FeedbackForm,
    MissionVisionForm,
    mission_questions,
    stored_answers,
)
from ..models import Feedback, Method, MissionVision, Stage
from .base import get_plan

FEEDBACK_PER_PAGE = 25
VERSIONS_PER_PAGE = 50
STAGE_BUTTONS = {
    Stage.TESTED: gettext_lazy("Markeer als getoetst"),
    Stage.FINAL: gettext_lazy("Maak definitief"),
}


def get_mission_vision(request, pk):
    """The mission and vision of the organisation's plan ``pk``, or 404 (also for a plan of
    another method or another organisation)."""
    plan = get_plan(request, pk)
    if plan.method != Method.MVO_STEPS:
        raise Http404
    mission_vision = get_object_or_404(
        MissionVision.objects.select_related("updated_by"), plan=plan
    )
    mission_vision.plan = plan
    return mission_vision


def mission_url(mission_vision, anchor=""):
    plan = mission_vision.plan
    return reverse("plans:mission", args=[plan.organisation.slug, plan.pk]) + anchor


def answer_sections(questions, answers):
    """[{title, pairs: [(question, answer)]}] for the mission and the vision."""
    titles = {"mission": _("Missie"), "vision": _("Visie")}
    sections = []
    for group, texts in questions.items():
        kept = stored_answers(answers, group)
        pairs = [(q, kept[i] if i < len(kept) else "") for i, q in enumerate(texts)]
        sections.append({"title": titles[group], "pairs": pairs})
    return sections


def render_mission(request, mission_vision, questions, form=None, feedback_form=None):
    """The mission page; ``form``/``feedback_form`` carry errors when a post was refused."""
    stage = Stage(mission_vision.stage)
    next_stage = services.NEXT_STAGE.get(stage)
    context = {
        "plan": mission_vision.plan,
        "mission_vision": mission_vision,
        "stages": [(value, label, value == stage) for value, label in Stage.choices],
        "next_stage": next_stage,
        "next_stage_label": STAGE_BUTTONS.get(next_stage),
        "can_reopen": stage != Stage.DRAFT,
        "answer_sections": answer_sections(questions, mission_vision.answers),
        "form": form,
        "feedback_form": feedback_form or FeedbackForm(),
        "feedback_page": paginate(request, mission_vision.feedback.all(), FEEDBACK_PER_PAGE),
        "feedback_counts": mission_vision.feedback.aggregate(
            total=Count("pk"), open=Count("pk", filter=Q(processed=False))
        ),
        "last_version": mission_vision.versions.aggregate(n=Max("number"))["n"],
    }
    return render(request, "plans/mission.html", context)


def mission(request, org_slug, pk):
    """Mission and vision with their stage, answers and reactions; members edit them here."""
    mission_vision = get_mission_vision(request, pk)
    questions = mission_questions()
    form = None
    if request.membership.can_write:
        form = MissionVisionForm(request.POST or None, instance=mission_vision, questions=questions)
        if request.method == "POST" and form.is_valid():
            if not form.has_changed():
                messages.info(
                    request, _("Er was niets gewijzigd, dus er is geen versie bijgekomen.")
                )
                return redirect(mission_url(mission_vision))
            try:
                with transaction.atomic():
                    form.save()
                    version = services.save_mission_vision(mission_vision, request.user)
            except EditConflict:
                pass  # the form says so and keeps what the user typed
            else:
                messages.success(
                    request,
                    _("Missie en visie zijn opgeslagen als versie %(number)s.")
                    % {"number": version.number},
                )
                return redirect(mission_url(mission_vision))
    return render_mission(request, mission_vision, questions, form=form)


@require_POST
def mission_stage(request, org_slug, pk):
    """Move the stage on (or back to voorlopig); definitief with unprocessed reactions first
    asks for confirmation."""
    mission_vision = get_mission_vision(request, pk)
    stage = request.POST.get("stage", "")
    if stage not in Stage.values:
        messages.error(request, _("Kies een van de fasen voorlopig, getoetst of definitief."))
        return redirect(mission_url(mission_vision))
    confirmed = request.POST.get("confirmed") == "1"
    try:
        services.change_stage(mission_vision, stage, request.user, confirmed=confirmed)
    except services.StageError as error:
        if error.code == "unprocessed":
            unprocessed = mission_vision.feedback.filter(processed=False)
            context = {"plan": mission_vision.plan, "unprocessed": unprocessed}
            return render(request, "plans/mission_confirm.html", context)
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Missie en visie zijn nu %(stage)s.") % {"stage": Stage(stage).label.lower()}
        )
    return redirect(mission_url(mission_vision))


@require_POST
def feedback_create(request, org_slug, pk):
    """Add a reaction; a refused one shows the mission page with the errors, nothing saved."""
    mission_vision = get_mission_vision(request, pk)
    form = FeedbackForm(request.POST, instance=Feedback(mission_vision=mission_vision))
    if form.is_valid():
        form.save()
        messages.success(request, _("De reactie is toegevoegd."))
        return redirect(mission_url(mission_vision, "#reacties"))
    questions = mission_questions()
    edit_form = MissionVisionForm(instance=mission_vision, questions=questions)
    return render_mission(request, mission_vision, questions, form=edit_form, feedback_form=form)


@require_POST
def feedback_toggle(request, org_slug, pk, feedback_pk):
    """Mark a reaction as processed (``processed=1``) or not (``processed=0``)."""
    mission_vision = get_mission_vision(request, pk)
    feedback = get_object_or_404(mission_vision.feedback, pk=feedback_pk)
    processed = request.POST.get("processed", "1") == "1"
    services.set_feedback_processed(feedback, processed)
    if processed:
        messages.success(request, _("De reactie is gemarkeerd als verwerkt."))
    else:
        messages.success(request, _("De reactie is gemarkeerd als nog niet verwerkt."))
    return redirect(mission_url(mission_vision, "#reacties"))


@require_safe
def mission_versions(request, org_slug, pk):
    """Every version kept (newest first), and with ``?a=N&b=M`` two of them compared."""
    mission_vision = get_mission_vision(request, pk)
    last = mission_vision.versions.aggregate(n=Max("number"))["n"] or 0
    asked = "a" in request.GET or "b" in request.GET
    form = CompareVersionsForm(
        request.GET if asked and last else None,
        mission_vision=mission_vision,
        last=last,
        initial={"a": max(last - 1, 1), "b": last},
    )
    comparison = None
    if form.is_bound and form.is_valid():
        old, new = form.pair()
        comparison = {
            "old": old,
            "new": new,
            "mission": services.text_diff(old.mission, new.mission),
            "vision": services.text_diff(old.vision, new.vision),
        }
    versions = mission_vision.versions.select_related("created_by")
    context = {
        "plan": mission_vision.plan,
        "versions": paginate(request, versions, VERSIONS_PER_PAGE),
        "last": last,
        "form": form,
        "comparison": comparison,
        "nothing_to_compare": asked and not last,
    }
    return render(request, "plans/mission_versions.html", context)


@require_safe
def mission_version(request, org_slug, pk, number):
    """One version exactly as it was kept."""
    mission_vision = get_mission_vision(request, pk)
    version = get_object_or_404(mission_vision.versions.select_related("created_by"), number=number)
    context = {
        "plan": mission_vision.plan,
        "version": version,
        "answer_sections": answer_sections(mission_questions(), version.answers),
    }
    return render(request, "plans/mission_version.html", context)
