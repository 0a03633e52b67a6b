"""Fixtures of due diligence: a due-diligence plan in organisation A and one in B, and a
grievance handler in A (a member with the permission on top of the role)."""

import pytest

from mvo.models import Membership, Role
from plans.models import Method
from tests.factories import MembershipFactory, PlanFactory


@pytest.fixture
def dd_plan(org_a):
    return PlanFactory(
        organisation=org_a.org,
        method=Method.DUE_DILIGENCE,
        title="Due diligence 2026",
        start_year=2026,
        end_year=2027,
    )


@pytest.fixture
def dd_plan_b(org_b):
    return PlanFactory(
        organisation=org_b.org, method=Method.DUE_DILIGENCE, start_year=2026, end_year=2027
    )


@pytest.fixture
def handler(org_a):
    """A member of A who handles grievances."""
    return MembershipFactory(
        organisation=org_a.org,
        role=Role.MEMBER,
        handles_grievances=True,
        user__email="klachten@a.example",
    ).user


def make_handler(user, organisation):
    Membership.objects.filter(user=user, organisation=organisation).update(handles_grievances=True)
