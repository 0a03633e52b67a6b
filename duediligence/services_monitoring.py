"""Monitoring (step 4): saving an activity with its evidence, turning findings into a
corrective action plan (CAP), and the figures above the monitoring list.

Writes run inside ``transaction.atomic``: the activity, its links and its file, or nothing.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from plans.models import Action, ActionStatus

from . import services_policy
from .models import Monitoring, MonitoringKind, Risk, Supplier


@transaction.atomic
def save_monitoring(form, user):
    """Save a validated MonitoringForm (raises EditConflict if someone saved it meanwhile)
    and store its evidence file, if one came with it (a failed save keeps no file)."""
    monitoring = form.save()
    uploaded = form.cleaned_data.get("evidence")
    if uploaded:
        services_policy.add_evidence(uploaded, user, monitoring=monitoring)
    return monitoring


@transaction.atomic
def delete_monitoring(monitoring):
    """Delete the activity and its evidence rows; their stored files go once the deletion
    is committed. The CAP actions stay in the plan."""
    files = [(row.file.storage, row.file.name) for row in monitoring.evidence.all()]
    monitoring.delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])


@transaction.atomic
def create_corrective_actions(monitoring, lines, *, planned=None, responsible=None, user=None):
    """One action of the plan per line of a CAP (lines checked by CapForm: 1–50, each at
    most 200 characters), linked to the activity. ``planned`` is (year, quarter) or None."""
    year, quarter = planned or (None, None)
    why = _("Verbeterpunt uit %(activity)s") % {"activity": activity_label(monitoring)}
    actions = []
    for line in lines:
        action = Action(
            organisation_id=monitoring.organisation_id,
            plan_id=monitoring.plan_id,
            title=line,
            why=why,
            responsible=responsible,
            planned_year=year,
            planned_quarter=quarter,
            status=ActionStatus.PLANNED,
        )
        action.save()
        actions.append(action)
    monitoring.corrective_actions.add(*actions)
    return actions


def activity_label(monitoring):
    """ "Audit (SMETA) 12-03-2026, Cacao Coöperatie" — the activity as a CAP action names it."""
    label = monitoring.get_kind_display()
    if monitoring.audit_scheme:
        scheme = monitoring.audit_other or monitoring.get_audit_scheme_display()
        label = f"{label} ({scheme})"
    label = f"{label} {monitoring.date:%d-%m-%Y}"
    if monitoring.supplier_id:
        label = f"{label}, {monitoring.supplier.name}"
    return label


def year_ago(today):
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today - timedelta(days=365)


def summary(plan, today=None):
    """The figures above the monitoring list, each counted in the database (three queries):

    - ``per_kind``: [(label, count)] of this year's activities per kind, and ``this_year``;
    - ``risks``: prioritised risks, those monitored in the last twelve months, and the share;
    - ``suppliers``: suppliers, those that signed the code of conduct and those certified.
    """
    today = today or timezone.localdate()
    organisation = plan.organisation_id
    counts = dict(
        Monitoring.objects.for_org(organisation)
        .filter(plan=plan, date__year=today.year)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_kind = [(label, counts.get(value, 0)) for value, label in MonitoringKind.choices]
    recent = Monitoring.objects.filter(
        risks=OuterRef("pk"), date__gte=year_ago(today), date__lte=today
    )
    risks = (
        Risk.objects.for_org(organisation)
        .filter(plan=plan, prioritised=True)
        # The Exists goes into the filter itself: as an annotation, Django's aggregate drops
        # it from the inner query and the filter then reads a column that is not there.
        .aggregate(total=Count("pk"), monitored=Count("pk", filter=Exists(recent)))
    )
    suppliers = (
        Supplier.objects.for_org(organisation)
        .filter(plan=plan)
        .aggregate(
            total=Count("pk"),
            signed=Count("pk", filter=Q(code_of_conduct_signed=True)),
            certified=Count("pk", filter=~Q(certifications="")),
        )
    )
    return {
        "year": today.year,
        "per_kind": per_kind,
        "this_year": sum(counts.values()),
        "risks": {**risks, "pct": percent(risks["monitored"], risks["total"])},
        "suppliers": {
            **suppliers,
            "signed_pct": percent(suppliers["signed"], suppliers["total"]),
            "certified_pct": percent(suppliers["certified"], suppliers["total"]),
        },
    }


def percent(part, total):
    return round(100 * part / total) if total else None
