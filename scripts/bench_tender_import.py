"""Benchmark: importing a tender calendar of 1,000 rows from Excel.

    .venv/bin/python scripts/bench_tender_import.py [--rows 1000] [--runs 2]

It builds an xlsx with every column of the import filled (product groups of the organisation
and standard groups that are created on the first run, one to three themes per row with
instruments and criteria, Dutch amounts, labels and codes mixed), then imports it ``runs``
times through the service (read + check + save: procurement.calendar_import.read_file and
import_tenders; every run adds its rows) and once through the import page with Django's
test client. Then it exports the calendar and reads ``rows`` rows of that export back in with
every tender moved a quarter (the rows carry their number: the import updates those
tenders). It prints the seconds and the number of database queries of each run.

It runs on a throw-away database of its own: a SQLite file (bench_tender_import.sqlite3,
removed afterwards) unless DATABASE_URL points elsewhere, in which case a test database beside
it is created and dropped. Nothing is asserted: it prints figures.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mvo.settings_test")
os.environ.setdefault("KOERS_TEST_DB", "bench_tender_import.sqlite3")
os.environ.pop("REDIS_URL", None)

THEMES = ["Klimaat", "Circulair", "Social return", "Ketenverantwoordelijkheid", "Milieu"]
GROUPS = ["ICT", "Energie", "schoonmaak", "GWW", "Catering", "Meubilair"]
INSTRUMENTS = ["eis", "gunningscriterium", "Voorschrijven: contractvoorwaarde", "", "functioneel"]
PROCEDURES = ["Europees", "nationaal", "Meervoudig onderhands", "enkelvoudig", ""]
STATUSES = ["Gepland", "in voorbereiding", "gepubliceerd", "gegund", "uitgesteld"]


def build_file(rows, run=1):
    """The xlsx as Excel writes it (shared strings, a dimension element, numbers)."""
    import xlsxwriter

    from procurement.calendar_import import COLUMNS

    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet("Aanbestedingen")
    sheet.write_row(0, 0, [column.header for column in COLUMNS])
    for i in range(rows):
        themes = [THEMES[(i + k) % len(THEMES)] for k in range(1 + i % 3)]
        sheet.write_row(
            i + 1,
            0,
            [
                f"Aanbesteding {run}-{i + 1}: {GROUPS[i % len(GROUPS)].lower()} perceel {i % 40}",
                GROUPS[i % len(GROUPS)],
                f"{10 + i % 90}.{i % 1000:03d},50",  # Dutch, with a thousands dot
                PROCEDURES[i % len(PROCEDURES)],
                f"Afdeling {i % 12}",
                f"Inkoper {i % 7}",
                2024 + i % 4,
                f"K{1 + i % 4}",
                "nee" if i % 5 == 0 else "ja",
                "; ".join(
                    f"{name}: {INSTRUMENTS[(i + k) % len(INSTRUMENTS)]}".rstrip(": ")
                    for k, name in enumerate(themes)
                ),
                f"{themes[0]}: MVI-{i % 50}",
                STATUSES[i % len(STATUSES)],
                "Geen passende criteria gevonden." if i % 9 == 0 else "",
            ],
        )
    book.close()
    return output.getvalue()


def moved_rows(exported, rows):
    """The first ``rows`` rows of a calendar export, each tender a quarter later."""
    from openpyxl import Workbook, load_workbook

    source = load_workbook(io.BytesIO(exported), read_only=True).worksheets[0]
    book = Workbook()
    sheet = book.active
    quarter = None
    for index, values in enumerate(source.iter_rows(values_only=True)):
        values = list(values)
        if index == 0:
            quarter = values.index("Startkwartaal")
        elif index > rows:
            break
        else:
            values[quarter] = values[quarter] % 4 + 1
        sheet.append(values)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()

    import throwaway

    with throwaway.database() as connection:
        run(args, connection)


def run(args, connection):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from mvo.models import Membership, Organisation, Role, User
    from plans.models import Method, Plan
    from procurement.calendar_import import import_tenders, read_file
    from procurement.models import ProductGroup, Tender, TenderTheme
    from themes.models import OrgTheme

    org = Organisation.objects.create(name="Bench inkoop", slug="bench-inkoop")
    user = User.objects.create_user("inkoop@bench.example", "bench-wachtwoord")
    Membership.objects.create(user=user, organisation=org, role=Role.MEMBER)
    plan = Plan.objects.create(
        organisation=org, title="Bench", method=Method.MVOI, start_year=2024, end_year=2027
    )
    plan.themes.set(
        [OrgTheme.objects.create(organisation=org, own_name=name, is_focus=True) for name in THEMES]
    )
    for name in ("ICT", "Energie", "Meubilair"):
        ProductGroup.objects.create(organisation=org, name=name)
    content = build_file(args.rows)
    print(f"{args.rows} tender rows, xlsx of {len(content) / 1024:.0f} KB")

    for number in range(1, args.runs + 1):
        content = build_file(args.rows, number)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            rows = read_file(SimpleUploadedFile("kalender.xlsx", content))
            read = time.perf_counter() - started
            added = import_tenders(plan, rows, user).added
            total = time.perf_counter() - started
        print(
            f"service run {number}: {total:.2f} s (reading the file {read:.2f} s, checking "
            f"and saving {total - read:.2f} s), {len(queries.captured_queries)} queries; "
            f"{added} tenders added"
        )

    client = Client()
    client.force_login(user)
    url = reverse("procurement:tender_import", kwargs={"org_slug": org.slug, "pk": plan.pk})
    client.get(url)
    content = build_file(args.rows, args.runs + 1)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.post(url, {"file": SimpleUploadedFile("kalender.xlsx", content)})
        elapsed = time.perf_counter() - started
    print(
        f"view (test client): {elapsed:.2f} s, {len(queries.captured_queries)} queries, "
        f"HTTP {response.status_code}"
    )
    export = reverse("procurement:tender_export", kwargs={"org_slug": org.slug, "pk": plan.pk})
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(export)
        elapsed = time.perf_counter() - started
    print(
        f"export of {Tender.objects.count()} tenders: {elapsed:.2f} s, "
        f"{len(queries.captured_queries)} queries, {len(response.content) / 1024:.0f} KB"
    )
    reimport = moved_rows(response.content, args.rows)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = import_tenders(plan, read_file(SimpleUploadedFile("k.xlsx", reimport)), user)
        elapsed = time.perf_counter() - started
    print(
        f"re-import of {args.rows} exported rows, each moved a quarter: {elapsed:.2f} s, "
        f"{len(queries.captured_queries)} queries; {result.updated} updated, "
        f"{result.added} added"
    )
    print(
        f"in the plan: {Tender.objects.count()} tenders, {TenderTheme.objects.count()} applied "
        f"themes, {ProductGroup.objects.count()} product groups, "
        f"{Tender.history.count()} tender history records; database: {connection.vendor}"
    )


if __name__ == "__main__":
    main()
