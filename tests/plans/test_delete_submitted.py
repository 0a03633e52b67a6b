"""Deleting a plan that waits for approval (or was approved) deletes its actions first; those
deletions are no content change to record on a plan that is going away."""

import pytest
from django.db import connection

from mvo.models import Role
from plans import approval
from plans.models import Plan, PlanTransition
from tests.factories import ActionFactory, PlanFactory


@pytest.mark.parametrize("method", ["mvo_steps", "due_diligence"])
def test_a_submitted_plan_with_actions_is_deleted_cleanly(org_a, client_for, method):
    plan = PlanFactory(organisation=org_a.org, method=method)
    ActionFactory.create_batch(2, plan=plan)
    approval.submit_plan(plan, org_a.member, Role.MEMBER)
    response = client_for(org_a.admin).post(f"/o/{org_a.org.slug}/plannen/{plan.pk}/verwijderen/")
    assert response.status_code == 302
    assert not Plan.objects.filter(pk=plan.pk).exists()
    assert not PlanTransition.objects.filter(plan_id=plan.pk).exists()
    connection.check_constraints()  # no row left pointing at the deleted plan


def test_an_edit_after_a_deletion_still_reopens_another_plan(org_a):
    gone = PlanFactory(organisation=org_a.org)
    kept = PlanFactory(organisation=org_a.org)
    action = ActionFactory(plan=kept)
    approval.submit_plan(gone, org_a.member, Role.MEMBER)
    approval.submit_plan(kept, org_a.member, Role.MEMBER)
    gone.delete()
    action.title = "Anders"
    action.save()
    kept.refresh_from_db()
    assert kept.status == "concept"
