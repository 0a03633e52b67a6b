"""Benchmark: importing a value chain of 1,000 product rows from Excel.

    .venv/bin/python scripts/bench_chain_import.py [--rows 1000] [--runs 2]

It builds an xlsx with a "Leveranciers" sheet (a quarter as many suppliers as product rows,
countries by Dutch name, English name and code) and a "Producten" sheet (every column filled;
every tenth origin left empty, a gap), then imports it ``runs`` times through the service
(read + check + save: duediligence.chain_import.read_file and
duediligence.services_chain.import_chain; the first run adds everything, later runs find every
name in the plan and update every product's spend and most suppliers' certifications) and once
through the import page with Django's test client. It
prints the seconds and the number of database queries of each run.

It runs on a throw-away database of its own: a SQLite file (bench_chain_import.sqlite3,
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
os.environ.setdefault("KOERS_TEST_DB", "bench_chain_import.sqlite3")
os.environ.pop("REDIS_URL", None)

COUNTRIES = ["Ivoorkust", "Ghana", "Brazil", "CO", "Vietnam", "Indonesia", "PE", "Ethiopië"]
KINDS = ["grondstof", "ingredient", "product", "dienst"]


def build_file(rows, run=1):
    """The xlsx as Excel writes it (shared strings, a dimension element, numbers). Each run
    gives other certifications and spend, so a later run updates every row."""
    import xlsxwriter

    from duediligence.chain_import import ITEM_COLUMNS, SUPPLIER_COLUMNS

    suppliers = max(1, rows // 4)
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet("Leveranciers")
    sheet.write_row(0, 0, [column.key for column in SUPPLIER_COLUMNS])
    for i in range(suppliers):
        sheet.write_row(
            i + 1,
            0,
            [
                f"Leverancier {i + 1} Handelsonderneming",
                COUNTRIES[i % len(COUNTRIES)],
                1 + i % 3,
                "ja" if i % 2 else "nee",
                f"Fairtrade, Rainforest Alliance ({run})" if i % 3 else "",
                "ja" if i % 4 else "nee",
            ],
        )
    sheet = book.add_worksheet("Producten")
    sheet.write_row(0, 0, [column.key for column in ITEM_COLUMNS])
    for i in range(rows):
        sheet.write_row(
            i + 1,
            0,
            [
                f"Product {i + 1}: cacaobonen partij {i % 50}",
                KINDS[i % len(KINDS)],
                1000 + i,
                "kg",
                f"{run + i % 9}.{i % 1000:03d},50",  # Dutch, with a thousands dot
                f"Leverancier {i % suppliers + 1} Handelsonderneming",
                "" if i % 10 == 0 else COUNTRIES[(i + 3) % len(COUNTRIES)],
            ],
        )
    book.close()
    return output.getvalue(), suppliers


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

    from duediligence.chain_import import read_file
    from duediligence.models import Item, Sourcing, Supplier
    from duediligence.services_chain import describe, import_chain
    from mvo.models import Membership, Organisation, Role, User
    from plans.models import Method, Plan

    org = Organisation.objects.create(name="Bench keten", slug="bench-keten")
    user = User.objects.create_user("inkoop@bench.example", "bench-wachtwoord")
    Membership.objects.create(user=user, organisation=org, role=Role.MEMBER)
    plan = Plan.objects.create(
        organisation=org,
        title="Bench",
        method=Method.DUE_DILIGENCE,
        start_year=2026,
        end_year=2027,
    )
    content, suppliers = build_file(args.rows)
    print(
        f"{args.rows} product rows and {suppliers} supplier rows, "
        f"xlsx of {len(content) / 1024:.0f} KB"
    )

    for run in range(1, args.runs + 1):
        content, _suppliers = build_file(args.rows, run)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            chain_file = read_file(SimpleUploadedFile("keten.xlsx", content))
            read = time.perf_counter() - started
            result = import_chain(plan, chain_file, user)
            total = time.perf_counter() - started
        print(
            f"service run {run}: {total:.2f} s (reading the file {read:.2f} s, checking "
            f"and saving {total - read:.2f} s), {len(queries.captured_queries)} queries; "
            f"{describe(result)}"
        )

    client = Client()
    client.force_login(user)
    url = reverse("duediligence:chain_import", kwargs={"org_slug": org.slug, "pk": plan.pk})
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        content, _suppliers = build_file(args.rows, args.runs + 1)
        response = client.post(url, {"file": SimpleUploadedFile("keten.xlsx", content)})
        elapsed = time.perf_counter() - started
    print(
        f"view (test client): {elapsed:.2f} s, {len(queries.captured_queries)} queries, "
        f"HTTP {response.status_code}"
    )
    print(
        f"in the plan: {Supplier.objects.count()} suppliers, {Item.objects.count()} items, "
        f"{Sourcing.objects.count()} sourcing rows; database: {connection.vendor}"
    )


if __name__ == "__main__":
    main()
