"""Demo data of the core: the three example organisations of DOMAIN.md and their people.

``manage.py seed_demo`` calls ``seed(demo)`` in every installed app that has a ``demo``
module, in INSTALLED_APPS order, so each app adds its own demo rows. Every seed function is
idempotent: running it twice changes nothing.
"""

from django.contrib.auth import get_user_model

from .models import Membership, Organisation, Role

DEMO_PASSWORD = "koers-demo"

ORGANISATIONS = [
    {
        "slug": "lexman",
        "name": "Lexman BV",
        "kind": Organisation.Kind.COMPANY,
        "sector": "Transport en logistiek",
        "size": Organisation.Size.SME,
        "people": [
            ("beheer@lexman.example", "Sanne de Wit", Role.ADMIN, "Directie"),
            ("directie@lexman.example", "Ruud Lexman", Role.MANAGER, "Directie"),
            ("werkgroep@lexman.example", "Fatima El Amrani", Role.MEMBER, "Planning"),
            ("lezer@lexman.example", "Joris Bakker", Role.VIEWER, "Werkplaats"),
        ],
    },
    {
        "slug": "agv",
        "name": "AGV BV",
        "kind": Organisation.Kind.COMPANY,
        "sector": "Agrofood",
        "size": Organisation.Size.SME,
        "people": [
            ("beheer@agv.example", "Marieke Jansen", Role.ADMIN, "Kwaliteit"),
            ("directie@agv.example", "Henk van Dijk", Role.MANAGER, "Directie"),
            ("werkgroep@agv.example", "Lotte Visser", Role.MEMBER, "Inkoop"),
            ("lezer@agv.example", "Ahmed Yilmaz", Role.VIEWER, "Productie"),
        ],
    },
    {
        "slug": "gemeente-voorbeeld",
        "name": "Gemeente Voorbeeld",
        "kind": Organisation.Kind.GOVERNMENT,
        "sector": "Lokale overheid",
        "size": Organisation.Size.LARGE,
        "people": [
            ("beheer@voorbeeld.example", "Esther Mulder", Role.ADMIN, "Inkoop"),
            ("budgethouder@voorbeeld.example", "Peter Smit", Role.MANAGER, "Ruimte"),
            ("inkoper@voorbeeld.example", "Noor Hendriks", Role.MEMBER, "Inkoop"),
            ("lezer@voorbeeld.example", "Kees de Boer", Role.VIEWER, "Communicatie"),
        ],
    },
]

# An adviser who works for two of the demo organisations (to try switching between them).
ADVISER = (
    "adviseur@koers.example",
    "Ilse Vermeulen",
    [
        ("lexman", Role.MEMBER, "Extern adviseur"),
        ("agv", Role.MEMBER, "Extern adviseur"),
    ],
)


def _user(email, full_name):
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first()
    if user is None:
        user = users.create_user(email=email, password=DEMO_PASSWORD, full_name=full_name)
    return user


def seed(demo):
    """Create the organisations and their members; fill ``demo`` for the apps that follow."""
    for spec in ORGANISATIONS:
        org, _created = Organisation.objects.update_or_create(
            slug=spec["slug"],
            defaults={k: spec[k] for k in ("name", "kind", "sector", "size")},
        )
        demo.organisations[spec["slug"]] = org
        for email, full_name, role, department in spec["people"]:
            user = _user(email, full_name)
            Membership.objects.update_or_create(
                user=user, organisation=org, defaults={"role": role, "department": department}
            )
            demo.logins.append((email, org.name, role.label))
    email, full_name, memberships = ADVISER
    adviser = _user(email, full_name)
    for slug, role, department in memberships:
        org = demo.organisations[slug]
        Membership.objects.update_or_create(
            user=adviser, organisation=org, defaults={"role": role, "department": department}
        )
        demo.logins.append((email, org.name, role.label))
