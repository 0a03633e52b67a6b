"""Benchmark: importing an action list of 1,000 rows from Excel.

    .venv/bin/python scripts/bench_import.py [--rows 1000] [--runs 3]

It builds an xlsx with every column filled (themes by name, people by e-mail, Excel dates,
Dutch numbers), then imports it ``runs`` times through the service (read + check + save:
plans.importer.read_rows and plans.services.import_actions) and once through the import page
with Django's test client (upload, form, service, redirect), and prints the seconds each took.

It runs on a throw-away database of its own: a SQLite file (bench_import.sqlite3, removed
afterwards) unless DATABASE_URL points elsewhere, in which case a test database beside it is
created and dropped. Nothing is asserted: it prints figures.
"""

import argparse
import io
import os
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mvo.settings_test")
os.environ.setdefault("KOERS_TEST_DB", "bench_import.sqlite3")
os.environ.pop("REDIS_URL", None)


def build_file(rows, theme_names, emails):
    """The xlsx as Excel writes it (shared strings, a dimension element, date cells)."""
    import xlsxwriter

    from plans.importer import COLUMNS

    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet("Acties")
    day = book.add_format({"num_format": "dd-mm-yyyy"})
    sheet.write_row(0, 0, [column.key for column in COLUMNS])
    statuses = ["gepland", "lopend", "afgerond", "uitgesteld", "geschrapt"]
    for i in range(rows):
        start = date(2026, 1, 1) + timedelta(days=i % 300)
        sheet.write_row(
            i + 1,
            0,
            [
                f"Actie {i + 1}: led-verlichting in gebouw {i % 40}",
                "Alle tl-buizen vervangen door led en de oude buizen laten inzamelen.",
                "Minder stroomverbruik en CO2-uitstoot.",
                theme_names[i % len(theme_names)],
                emails[i % len(emails)],
                "Facilitair",
                2026 + i % 2,
                i % 4 + 1,
            ],
        )
        sheet.write_datetime(i + 1, 8, datetime(start.year, start.month, start.day), day)
        sheet.write_row(
            i + 1,
            9,
            [
                (start + timedelta(days=60)).strftime("%d-%m-%Y"),  # a date typed as text
                f"{1 + i % 9}.{i % 1000:03d},50",  # Dutch, with a thousands dot: 1.234,50
                8 + i % 40,
                "ja" if i % 3 else "nee",
                statuses[i % 5],
            ],
        )
    book.close()
    return output.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import throwaway

    with throwaway.database() as connection:
        run(args, connection)


def run(args, connection):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from mvo.models import Membership, Organisation, Role, User
    from plans.importer import read_rows
    from plans.models import Action, Plan
    from plans.services import import_actions
    from themes.models import OrgTheme

    org = Organisation.objects.create(name="Bench import", slug="bench-import")
    people = []
    for n in range(10):
        user = User.objects.create_user(f"persoon{n}@bench.example", "bench-wachtwoord")
        Membership.objects.create(user=user, organisation=org, role=Role.MEMBER)
        people.append(user)
    names = [f"Thema {n}" for n in range(12)]
    OrgTheme.objects.bulk_create(OrgTheme(organisation=org, own_name=name) for name in names)
    plan = Plan.objects.create(organisation=org, title="Bench", start_year=2026, end_year=2027)
    content = build_file(args.rows, names, [p.email for p in people])
    print(f"{args.rows} rows, xlsx of {len(content) / 1024:.0f} KB")

    for run in range(1, args.runs + 1):
        started = time.perf_counter()
        rows = read_rows(SimpleUploadedFile("acties.xlsx", content))
        read = time.perf_counter() - started
        count = import_actions(plan, rows, people[0])
        total = time.perf_counter() - started
        print(
            f"service run {run}: {count} actions in {total:.2f} s "
            f"(reading the file {read:.2f} s, checking and saving {total - read:.2f} s)"
        )

    client = Client()
    client.force_login(people[0])
    url = reverse("plans:actions_import", kwargs={"org_slug": org.slug})
    client.get(url)
    before = Action.objects.count()
    started = time.perf_counter()
    response = client.post(
        url, {"plan": plan.pk, "file": SimpleUploadedFile("acties.xlsx", content)}
    )
    elapsed = time.perf_counter() - started
    added = Action.objects.count() - before
    print(f"view (test client): {added} actions in {elapsed:.2f} s, HTTP {response.status_code}")
    print(f"database: {connection.vendor}")


if __name__ == "__main__":
    main()
