"""The demo: three organisations, a user in every role each, one user in two organisations."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from mvo.models import Membership, Organisation, Role


def _seed():
    from io import StringIO

    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_creates_the_example_organisations():
    output = _seed()
    orgs = {o.slug: o for o in Organisation.objects.all()}
    assert {o.name for o in orgs.values()} == {"Lexman BV", "AGV BV", "Gemeente Voorbeeld"}
    assert orgs["gemeente-voorbeeld"].kind == Organisation.Kind.GOVERNMENT
    assert orgs["lexman"].size == orgs["agv"].size == Organisation.Size.SME
    for org in orgs.values():
        roles = set(Membership.objects.filter(organisation=org).values_list("role", flat=True))
        assert roles == set(Role.values), org
    multi = [u for u in get_user_model().objects.all() if u.memberships.count() > 1]
    assert len(multi) == 1
    assert "koers-demo" in output and "beheer@lexman.example" in output
    assert get_user_model().objects.get(email="beheer@lexman.example").check_password("koers-demo")


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    _seed()
    counts = (
        get_user_model().objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
    )
    _seed()
    assert counts == (
        get_user_model().objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
    )


@pytest.mark.django_db
def test_seed_demo_refuses_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="productie"):
        _seed()
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_create_organisation_command_invites_its_admin():
    from io import StringIO

    out = StringIO()
    call_command("create_organisation", "Bakkerij Koren", "eigenaar@koren.example", stdout=out)
    org = Organisation.objects.get(slug="bakkerij-koren")
    invitation = org.invitations.get()
    assert (invitation.email, invitation.role) == ("eigenaar@koren.example", Role.ADMIN)
    assert "/uitnodiging/" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("create_organisation", "Bakkerij Koren", "x@koren.example", stdout=out)
