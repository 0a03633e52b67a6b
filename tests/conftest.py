"""Shared fixtures: organisation A with a user in every role, organisation B with a member."""

import os
from types import SimpleNamespace

import pytest
from django.test import Client

from mvo.models import Role

from .factories import MembershipFactory, OrganisationFactory, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright + live_server


@pytest.fixture(autouse=True)
def _dutch_to_start_with():
    """Every test starts in Dutch: a request of an earlier test may have left English active
    in this thread (the locale middleware activates the person's language)."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture(autouse=True)
def _reference_data(request):
    """The theme frameworks and the plan methods come from data migrations. The flush after a
    transactional test (browser, Celery) removes them, so they are put back before every test
    that uses the database."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db"} & set(request.fixturenames):
        return
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from plans.install import sync_methods
    from plans.models import MethodPhase, MethodStep
    from themes.models import Framework, FrameworkTheme
    from themes.services import sync_frameworks

    if not FrameworkTheme.objects.exists():
        sync_frameworks(Framework, FrameworkTheme)
    if not MethodStep.objects.exists():
        sync_methods(MethodPhase, MethodStep)


@pytest.fixture
def org_a(db):
    org = OrganisationFactory(name="Organisatie A", slug="org-a")
    people = {
        role: MembershipFactory(organisation=org, role=role, user__email=f"{role}@a.example").user
        for role in Role.values
    }
    return SimpleNamespace(org=org, **people)


@pytest.fixture
def org_b(db):
    org = OrganisationFactory(name="Organisatie B", slug="org-b")
    member = MembershipFactory(organisation=org, role=Role.MEMBER, user__email="member@b.example")
    return SimpleNamespace(org=org, member=member.user)


@pytest.fixture
def client_for(db):
    """A test client logged in as the given user (or anonymous with None)."""

    def make(user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def user_factory(db):
    return UserFactory
