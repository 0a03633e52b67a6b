"""Writes of the risk register that touch several rows, each in one transaction.

A risk and its links to actions are plan content (the approved snapshot shows them), so each
of these tells the approval workflow (plans.approval.content_changed): an approved or
submitted plan becomes a concept again. An action's own save is tracked by plans already.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from plans import approval

from .models import RiskAction

ALREADY_LINKED = _("Deze actie hangt al aan dit risico.")


class LinkRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def save_risk(form, user):
    """Save a risk form (the risk with its items and suppliers) or nothing."""
    with transaction.atomic():
        risk = form.save()
        if form.has_changed():  # saving an unchanged form keeps the approval
            approval.content_changed({risk.plan_id}, user)
    return risk


def delete_risk(risk, user):
    """Delete a risk with its links to actions (the actions stay in the plan)."""
    with transaction.atomic():
        plan_id = risk.plan_id
        risk.delete()
        approval.content_changed({plan_id}, user)


def create_action_for_risk(risk, action_form, partners_form, user):
    """A new action in the risk's plan, linked to the risk with its chain partners."""
    with transaction.atomic():
        action = action_form.save()
        link = partners_form.save(commit=False)
        link.organisation_id = risk.organisation_id
        link.risk = risk
        link.action = action
        link.save()
        partners_form.save_m2m()
        approval.content_changed({risk.plan_id}, user)
    return link


def link_action(form, user):
    """Link an existing action of the plan to the risk (``LinkActionForm``)."""
    try:
        with transaction.atomic():
            link = form.save()
            approval.content_changed({link.risk.plan_id}, user)
    except IntegrityError as error:  # someone linked the same action a moment earlier
        raise LinkRefused(ALREADY_LINKED) from error
    return link


def save_partners(form, user):
    """Change the chain partners of a risk's action (``RiskActionPartnersForm``)."""
    with transaction.atomic():
        link = form.save()
        approval.content_changed({link.risk.plan_id}, user)
    return link


def unlink_action(link, user):
    """Take an action off a risk; the action itself stays in the plan."""
    with transaction.atomic():
        plan_id = link.risk.plan_id
        RiskAction.objects.filter(pk=link.pk).delete()
        approval.content_changed({plan_id}, user)
