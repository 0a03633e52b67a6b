"""Benchmark: the due-diligence pages of one large plan.

    .venv/bin/python scripts/bench_duediligence.py [--scale 1] [--runs 5]

At scale 1 the plan holds 2,000 purchased items from 500 suppliers (2,000 sourcing lines,
every tenth origin unknown), 1,000 risks spread over the heat map, 1,000 actions linked to
them, 500 monitoring activities, 300 communications and, for the organisation, 1,000
grievances. Every page is requested ``runs`` times with Django's test client, in this process,
as a grievance handler; per page it prints the median time in ms, the ratio to the login
page and the number of database queries. Then it times the approval snapshot of the plan and
the quarterly report's due-diligence chapter (both built in the database, not rendered).

It runs on a throw-away database of its own: a SQLite file (bench_duediligence.sqlite3,
removed afterwards) unless DATABASE_URL points elsewhere, in which case a test database beside
it is created and dropped. Nothing is asserted: it prints figures.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mvo.settings_test")
os.environ.setdefault("KOERS_TEST_DB", "bench_duediligence.sqlite3")
os.environ.pop("REDIS_URL", None)


def build(scale):
    from duediligence import rules
    from duediligence.models import (
        Communication,
        Grievance,
        Item,
        Monitoring,
        Risk,
        RiskAction,
        Sourcing,
        Supplier,
    )
    from mvo.models import Membership, Organisation, Role, User
    from plans.models import Action, Method, Plan
    from plans.services import install_steps

    org = Organisation.objects.create(name="Bench ketenbedrijf", slug="bench-dd")
    user = User.objects.create_user("ketenlid@bench.example", "bench-wachtwoord")
    Membership.objects.create(user=user, organisation=org, role=Role.ADMIN, handles_grievances=True)
    plan = Plan.objects.create(
        organisation=org,
        title="Due diligence bench",
        method=Method.DUE_DILIGENCE,
        start_year=2026,
        end_year=2027,
    )
    install_steps(plan)
    countries = ["CI", "GH", "BR", "CO", "VN", "ID", "PE", "ET", "TR", "NL"]
    suppliers = Supplier.objects.bulk_create(
        Supplier(
            organisation=org,
            plan=plan,
            name=f"Leverancier {n}",
            country=countries[n % 10],
            tier=1 + n % 3,
            has_contract=n % 2 == 0,
            code_of_conduct_signed=n % 3 == 0,
        )
        for n in range(500 * scale)
    )
    items = Item.objects.bulk_create(
        Item(
            organisation=org,
            plan=plan,
            name=f"Product {n}",
            kind=["grondstof", "ingredient", "product", "dienst"][n % 4],
            spend=1000 + n,
        )
        for n in range(2000 * scale)
    )
    Sourcing.objects.bulk_create(
        Sourcing(
            organisation=org,
            item=item,
            supplier=suppliers[n % len(suppliers)],
            origin_country="" if n % 10 == 0 else countries[n % 10],
        )
        for n, item in enumerate(items)
    )
    risks = []
    for n in range(1000 * scale):
        scale_, scope, irr, likely = 1 + n % 5, 1 + (n // 5) % 5, 1 + (n // 25) % 5, 1 + n % 4
        severity = rules.severity(scale_, scope, irr)
        risks.append(
            Risk(
                organisation=org,
                plan=plan,
                title=f"Risico {n}",
                category="kinderarbeid",
                area="mensenrechten",
                scale=scale_,
                scope=scope,
                irremediability=irr,
                likelihood=likely,
                severity=severity,
                prioritised=severity >= 4,
                involvement=["veroorzaakt", "draagt_bij", "direct_verbonden", ""][n % 4],
                countries=[countries[n % 10]],
            )
        )
    risks = Risk.objects.bulk_create(risks)
    actions = Action.objects.bulk_create(
        Action(
            organisation=org,
            plan=plan,
            title=f"Maatregel {n}",
            status=["gepland", "lopend", "afgerond"][n % 3],
            planned_year=2026,
            planned_quarter=1 + n % 4,
            planned_period=20260 + 1 + n % 4,
        )
        for n in range(1000 * scale)
    )
    RiskAction.objects.bulk_create(
        RiskAction(organisation=org, risk=risk, action=action)
        for risk, action in zip(risks, actions, strict=True)
    )
    today = date.today()
    Monitoring.objects.bulk_create(
        Monitoring(
            organisation=org,
            plan=plan,
            kind="audit" if n % 2 else "gesprek",
            audit_scheme="smeta" if n % 2 else "",
            supplier=suppliers[n % len(suppliers)],
            date=today - timedelta(days=n % 700),
            findings="Bevindingen",
        )
        for n in range(500 * scale)
    )
    Communication.objects.bulk_create(
        Communication(
            organisation=org,
            plan=plan,
            date=today - timedelta(days=n % 700),
            audience="intern" if n % 2 else "extern",
            channel="website",
            subject=f"Bericht {n}",
        )
        for n in range(300 * scale)
    )
    Grievance.objects.bulk_create(
        Grievance(
            organisation=org,
            received_on=today - timedelta(days=n % 400),
            channel="formulier",
            complainant_type="ketenwerker",
            description="Een klacht",
            status=["ontvangen", "in_behandeling", "herstel_loopt", "afgesloten"][n % 4],
            response_due=today - timedelta(days=n % 400) + timedelta(days=28),
        )
        for n in range(1000 * scale)
    )
    return org, user, plan, risks[0], items[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import throwaway

    with throwaway.database() as connection:
        run(args, connection)


def run(args, connection):
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from duediligence import providers
    from plans import snapshot

    started = time.perf_counter()
    org, user, plan, risk, item = build(args.scale)
    print(f"built the plan in {time.perf_counter() - started:.1f} s ({connection.vendor})")
    client = Client()
    client.force_login(user)

    def url(name, **kwargs):
        return reverse(f"duediligence:{name}", kwargs={"org_slug": org.slug, **kwargs})

    pages = {
        "login (reference)": reverse("login"),
        "dashboard": reverse("reports:dashboard", kwargs={"org_slug": org.slug}),
        "plan page": reverse("plans:detail", kwargs={"org_slug": org.slug, "pk": plan.pk}),
        "approval page": reverse("plans:approval", kwargs={"org_slug": org.slug, "pk": plan.pk}),
        "loop overview": url("overview", pk=plan.pk),
        "policy": url("policy", pk=plan.pk),
        "chain (items)": url("chain", pk=plan.pk),
        "chain, origin unknown": url("chain", pk=plan.pk) + "?gap=herkomst",
        "item": url("item", pk=plan.pk, row_pk=item.pk),
        "suppliers": url("suppliers", pk=plan.pk),
        "risk register": url("risks", pk=plan.pk),
        "risks, one heat-map cell": url("risks", pk=plan.pk) + "?severity=5&likelihood=4",
        "risk": url("risk", pk=plan.pk, item_pk=risk.pk),
        "monitoring": url("monitoring", pk=plan.pk),
        "communication": url("communication", pk=plan.pk),
        "grievance register": url("grievances"),
    }
    client.get(pages["dashboard"])  # the first visit stores the organisation
    login_ms = None
    print(f"{'page':28} {'median ms':>9} {'x login':>8} {'queries':>8}")
    for label, path in pages.items():
        anonymous = label.startswith("login")
        requester = Client() if anonymous else client
        times = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                response = requester.get(path)
                times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        median = statistics.median(times)
        login_ms = login_ms or median
        print(
            f"{label:28} {median:9.0f} {median / login_ms:8.1f} {len(queries.captured_queries):8}"
        )
    for label, work in (
        ("approval snapshot", lambda: snapshot.build(plan)),
        ("report chapter", lambda: providers.report_section(plan, date.today().year, 1)),
    ):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            work()
            elapsed = time.perf_counter() - began
        print(f"{label:28} {elapsed * 1000:9.0f} ms, {len(queries.captured_queries)} queries")


if __name__ == "__main__":
    main()
