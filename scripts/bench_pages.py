"""Benchmark: how fast the main pages answer with a realistic-to-large organisation.

    .venv/bin/python scripts/bench_pages.py [--kpis 200] [--quarters 12] [--runs 15]

Builds a throw-away test database (SQLite by default, or DATABASE_URL), fills one
organisation, then requests each page ``runs`` times through Django's test client and prints
the median and slowest time, the number of queries and the peak Python memory per request.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mvo.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def build(kpi_count, quarters):
    from kpis.models import Kpi, Measurement, Target
    from mvo.models import Membership, Organisation, Role, User
    from stakeholders.models import Dialogue, Stakeholder
    from themes.models import OrgTheme

    org = Organisation.objects.create(name="Bench BV", slug="bench")
    user = User.objects.create_user("bench@bench.example", "x")
    Membership.objects.create(user=user, organisation=org, role=Role.MEMBER)
    themes = [
        OrgTheme.objects.create(
            organisation=org,
            own_name=f"Thema {i}",
            importance=i % 5 + 1,
            impact=(i * 2) % 5 + 1,
            is_focus=i < 3,
        )
        for i in range(10)
    ]
    kpis = Kpi.objects.bulk_create(
        Kpi(
            organisation=org,
            theme=themes[i % 10],
            name=f"KPI {i:03}",
            unit="%",
            direction="hoger" if i % 2 else "lager",
            baseline_value=50,
            baseline_date=date(2020, 12, 31),
            owner=user,
        )
        for i in range(kpi_count)
    )
    Target.objects.bulk_create(
        Target(kpi=k, date=date(2026 + t, 12, 31), value=60 + t * 10)
        for k in kpis
        for t in range(3)
    )
    Measurement.objects.bulk_create(
        Measurement(kpi=k, year=2021 + q // 4, quarter=q % 4 + 1, value=50 + q, entered_by=user)
        for k in kpis
        for q in range(quarters)
    )
    stakeholders = Stakeholder.objects.bulk_create(
        Stakeholder(
            organisation=org,
            name=f"Stakeholder {i}",
            category="afnemers",
            influence=i % 5 + 1,
            interest=(i * 3) % 5 + 1,
        )
        for i in range(kpi_count)
    )
    dialogues = Dialogue.objects.bulk_create(
        Dialogue(
            organisation=org,
            date=date(2024, 1, 1),
            subject=f"Dialoog {i}",
            method="gesprek",
            input_received="Inbreng " * 20,
        )
        for i in range(kpi_count)
    )
    for i, dialogue in enumerate(dialogues):
        dialogue.stakeholders.set(stakeholders[i : i + 2])
        dialogue.themes.set(themes[i % 10 : i % 10 + 1])
    return org, user, kpis[0]


def measure(client, path, runs):
    """Median and slowest time (without tracing), queries, and peak memory (one traced run)."""
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)
    ):
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    tracemalloc.start()
    client.get(path)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), max(times), len(queries), peak, len(response.content)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kpis", type=int, default=200)
    parser.add_argument("--quarters", type=int, default=12)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        org, user, kpi = build(args.kpis, args.quarters)
        client = Client()
        client.force_login(user)
        base = f"/o/{org.slug}"
        pages = {
            "dashboard": f"{base}/",
            "themes (2 charts)": f"{base}/themas/",
            "KPI list": f"{base}/kpis/",
            "KPI list, status filter (htmx)": f"{base}/kpis/?status=achter",
            "KPI detail + chart": f"{base}/kpis/{kpi.pk}/",
            "quarter entry": f"{base}/kpis/kwartaal/?year=2023&quarter=4",
            "stakeholders + grid": f"{base}/stakeholders/",
            "dialogues": f"{base}/stakeholders/dialogen/",
            "KPI export xlsx": f"{base}/kpis/export.xlsx",
            "stakeholder export csv": f"{base}/stakeholders/export.csv",
        }
        print(
            f"{connection.vendor}; {args.kpis} KPIs x {args.quarters} quarters, "
            f"{args.kpis} stakeholders, {args.kpis} dialogues; {args.runs} runs per page"
        )
        print(
            f"{'page':34} {'median ms':>10} {'max ms':>8} {'queries':>8} {'peak MiB':>9} {'KiB':>7}"
        )
        for name, path in pages.items():
            median, slowest, queries, peak, size = measure(client, path, args.runs)
            print(
                f"{name:34} {median:10.1f} {slowest:8.1f} {queries:8d} {peak:9.1f} "
                f"{size / 1024:7.0f}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
