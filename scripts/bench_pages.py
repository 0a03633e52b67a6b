"""Benchmark: how fast the main pages answer, served by gunicorn from PostgreSQL, at three
organisation sizes side by side in one database (plus 100 other organisations):

    S: 50 KPIs x 8 quarters, 30 stakeholders with 2 dialogues each
    M: 200 KPIs x 12 quarters, 200 stakeholders with 5 dialogues each
    L: 1,000 KPIs x 20 quarters (18,500 measurements), 1,000 stakeholders with 10 dialogues each

    .venv/bin/python scripts/bench_pages.py [--runs 20] [--sizes S,M,L] [--workers 2]

It (re)creates the database ``koers_bench`` on the PostgreSQL of DATABASE_URL (default
postgres://postgres@127.0.0.1:5432), fills it, starts gunicorn on 127.0.0.1 and requests every
page ``runs`` times, one request at a time. Per page it prints the median and 95th percentile
in ms, the ratio of the median to the login page served by the same processes, and the number
of database queries (counted in-process with Django's test client on the same data). Then it
posts quarter entry for all 1,000 KPIs of L, times the KPI Excel export of L, and reads the
peak memory (VmHWM) of the gunicorn workers. Only loopback traffic; it stops by itself.
"""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE_URL = f"{SERVER}/koers_bench"
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mvo.settings")
os.environ["DEBUG"] = "false"
os.environ.setdefault("STATIC_ROOT", str(ROOT / "static"))  # no collectstatic needed here
os.environ.pop("REDIS_URL", None)
os.environ["EMAIL_URL"] = "dummymail://"  # the approval's notification mails go nowhere

SIZES = {  # kpis, quarters, stakeholders, dialogues per stakeholder
    "S": (50, 8, 30, 2),
    "M": (200, 12, 200, 5),
    "L": (1000, 20, 1000, 10),
}
PORT = 8765
TARGET_RATIO = 25  # the GET pages of L must answer within 25 x the login page
TARGET_POST_S = 1.5
TARGET_XLSX_S = 1.5
TARGET_WORKER_MB = 150


def recreate_database():
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS koers_bench WITH (FORCE)")
        conn.execute("CREATE DATABASE koers_bench")


def quarters_back(count, year, quarter):
    """The ``count`` quarters ending with (year, quarter), oldest first."""
    periods = []
    for _ in range(count):
        periods.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return periods[::-1]


def build(slug, kpi_count, quarter_count, stakeholder_count, dialogues_each, user=None):
    from kpis.models import Kpi, Measurement, Target, last_finished_quarter
    from mvo.models import Membership, Organisation, Role, User
    from stakeholders.models import Dialogue, Stakeholder
    from themes.models import OrgTheme

    org = Organisation.objects.create(name=f"Bench {slug}", slug=slug)
    user = user or User.objects.create_user(f"{slug}@bench.example", "bench-wachtwoord")
    Membership.objects.create(user=user, organisation=org, role=Role.MEMBER)
    themes = OrgTheme.objects.bulk_create(
        OrgTheme(
            organisation=org,
            own_name=f"Thema {i}",
            importance=i % 5 + 1,
            impact=(i * 2) % 5 + 1,
            is_focus=i < 3,
        )
        for i in range(10)
    )
    kpis = Kpi.objects.bulk_create(
        Kpi(
            organisation=org,
            theme=themes[i % 10],
            name=f"KPI {i:04}",
            unit="%",
            direction="hoger" if i % 2 else "lager",
            baseline_value=50,
            baseline_date=date(2018, 1, 1),
            owner=user,
        )
        for i in range(kpi_count)
    )
    Target.objects.bulk_create(
        Target(kpi=k, date=date(2027 + t, 12, 31), value=(60 + t * 10) if i % 2 else 40 - t * 10)
        for i, k in enumerate(kpis)
        for t in range(3)
    )
    periods = quarters_back(quarter_count, *last_finished_quarter())
    # Large organisations: KPI i has 20 - (i mod 4) quarters, 18,500 measurements for 1,000.
    skip = 4 if quarter_count >= 20 else 1
    Measurement.objects.bulk_create(
        (
            Measurement(kpi=k, year=y, quarter=q, value=45 + n + i % 7, entered_by=user)
            for i, k in enumerate(kpis)
            for n, (y, q) in enumerate(periods[i % skip :])
        ),
        batch_size=2000,
    )
    stakeholders = Stakeholder.objects.bulk_create(
        Stakeholder(
            organisation=org,
            name=f"Stakeholder {i:04}",
            category="afnemers",
            influence=i % 5 + 1,
            interest=(i * 3) % 5 + 1,
            is_internal=i % 4 == 0,
        )
        for i in range(stakeholder_count)
    )
    dialogues = Dialogue.objects.bulk_create(
        (
            Dialogue(
                organisation=org,
                date=date(2024, 1, 1 + n % 28),
                subject=f"Dialoog {i}-{n}",
                method="gesprek",
                input_received="Inbreng " * 20,
            )
            for i in range(stakeholder_count)
            for n in range(dialogues_each)
        ),
        batch_size=2000,
    )
    Dialogue.stakeholders.through.objects.bulk_create(
        (
            Dialogue.stakeholders.through(dialogue=d, stakeholder=stakeholders[n // dialogues_each])
            for n, d in enumerate(dialogues)
        ),
        batch_size=2000,
    )
    Dialogue.themes.through.objects.bulk_create(
        (
            Dialogue.themes.through(dialogue=d, orgtheme=themes[n % 10])
            for n, d in enumerate(dialogues)
        ),
        batch_size=2000,
    )
    plan = build_plan(org, user, kpis, themes, action_count=2 * kpi_count)
    return org, user, kpis[0], plan


def build_plan(org, user, kpis, themes, action_count):
    """A plan holding every KPI, 30 goals and ``action_count`` actions, submitted by the member,
    approved as version 1 by a manager, then changed (40 actions renamed, a target moved), so
    the approval page compares two large snapshots."""
    from mvo.models import Membership, Role, User
    from plans import approval, services
    from plans.models import Action, Goal, Plan

    plan = services.create_plan(
        Plan(organisation=org, title="Benchplan", start_year=2025, end_year=2028), user
    )
    plan.kpis.set(kpis)
    plan.themes.set(themes)
    goals = [
        Goal.objects.create(
            organisation=org,
            plan=plan,
            title=f"Doel {i}",
            theme=themes[i % 10],
            kpi=kpis[i % len(kpis)],
        )
        for i in range(30)
    ]
    actions = Action.objects.bulk_create(
        (
            Action(
                organisation=org,
                plan=plan,
                title=f"Actie {i:05}",
                description="Wat we doen en waarom. " * 5,
                goal=goals[i % 30],
                theme=themes[i % 10],
                responsible=user,
                planned_year=2025 + i % 4,
                planned_quarter=i % 4 + 1,
                planned_period=(2025 + i % 4) * 10 + i % 4 + 1,
                budget=1000 + i,
            )
            for i in range(action_count)
        ),
        batch_size=2000,
    )
    Action.history.bulk_history_create(actions, default_user=user)
    manager = User.objects.create_user(f"manager-{org.slug}@bench.example", "bench-wachtwoord")
    Membership.objects.create(user=manager, organisation=org, role=Role.MANAGER)
    approval.submit_plan(plan, user, Role.MEMBER)
    approval.approve_plan(plan, manager, Role.MANAGER)
    for action in actions[:40]:
        action.title += " (herzien)"
        action.save()
    target = kpis[0].targets.first()
    target.value += 5
    target.save()
    return plan


def pages(slug, kpi_pk, theme_pk, plan_pk):
    from kpis.models import last_finished_quarter

    year, quarter = last_finished_quarter()
    base = f"/o/{slug}"
    return {
        "dashboard": f"{base}/",
        "KPI list": f"{base}/kpis/",
        "KPI list, status filter": f"{base}/kpis/?status=achter",
        "KPI list, sorted by progress": f"{base}/kpis/?sort=-progress",
        "KPI list, theme filter (htmx)": f"{base}/kpis/?theme={theme_pk}",
        "KPI detail + chart": f"{base}/kpis/{kpi_pk}/",
        "quarter entry GET": f"{base}/kpis/kwartaal/?year={year}&quarter={quarter}",
        "stakeholders + grid": f"{base}/stakeholders/",
        "dialogues": f"{base}/stakeholders/dialogen/",
        "themes (2 charts)": f"{base}/themas/",
        "actions list": f"{base}/plannen/acties/",
        "plan approval (changes)": f"{base}/plannen/{plan_pk}/goedkeuring/",
        "approved version": f"{base}/plannen/{plan_pk}/versies/1/",
        "plan history": f"{base}/plannen/{plan_pk}/geschiedenis/",
    }


class Browser:
    """A tiny HTTP client on one keep-alive connection, with the session cookie."""

    def __init__(self, cookies):
        self.cookies = dict(cookies)
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)

    def request(self, method, path, body=None, headers=None):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers = {"Cookie": cookie, "Host": "127.0.0.1", **(headers or {})}
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        elapsed = time.perf_counter() - start
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        return response.status, content, elapsed

    def timed(self, path, runs, headers=None):
        """Median and 95th percentile in ms, and the size of the page in KiB."""
        times = []
        for _ in range(runs):
            status, content, elapsed = self.request("GET", path, headers=headers)
            assert status == 200, (path, status)
            times.append(elapsed * 1000)
        times.sort()
        p95 = times[max(0, round(len(times) * 0.95) - 1)]
        return statistics.median(times), p95, len(content) / 1024


def count_queries(user, path, headers=None):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    client.get(path)  # the first visit stores the organisation in the session
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers or {})
    assert response.status_code == 200, (path, response.status_code)
    return len(captured.captured_queries)


def session_cookie(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value}


def worker_peaks(master_pid):
    peaks = []
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM"):
                peaks.append(int(line.split()[1]) / 1024)
    return peaks


def post_quarter(browser, slug, runs):
    """Post quarter entry for every KPI of the organisation on one page; returns times (s)."""
    from kpis.models import last_finished_quarter

    year, quarter = last_finished_quarter()
    path = f"/o/{slug}/kpis/kwartaal/?year={year}&quarter={quarter}&per_page=1000"
    times = []
    for run in range(runs):
        status, content, _elapsed = browser.request("GET", path)
        assert status == 200, status
        html = content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        versions = re.findall(r'name="version_(\d+)" value="([^"]*)"', html)
        fields = [("csrfmiddlewaretoken", token)]
        for pk, version in versions:
            fields += [
                (f"version_{pk}", version),
                (f"value_{pk}", f"{run + 1}{int(pk) % 97},5"),
                (f"note_{pk}", ""),
                (f"evidence_{pk}", ""),
            ]
        body = urllib.parse.urlencode(fields)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{PORT}{path}",
        }
        status, content, elapsed = browser.request("POST", path, body=body, headers=headers)
        assert status == 302, (status, content[:500])
        times.append(elapsed)
    return len(versions), times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sizes", default="S,M,L")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sizes = [s for s in args.sizes.split(",") if s in SIZES]

    recreate_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    built = {size: build(f"bench-{size.lower()}", *SIZES[size]) for size in sizes}
    for n in range(100):  # other organisations: their rows must not slow anyone down
        build(f"other-{n:03}", 20, 4, 10, 1)
    print(f"data built in {time.perf_counter() - started:.0f} s")

    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "CONN_MAX_AGE": "60"}
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "mvo.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("HEAD", "/")
                break
            except OSError:
                time.sleep(0.2)
        results = {}
        for size in sizes:
            org, user, kpi, plan = built[size]
            browser = Browser(session_cookie(user))
            browser.timed(f"/o/{org.slug}/", 3)  # warm up both workers' connections
            login = Browser({}).timed(reverse("login"), args.runs)[0]
            print(
                f"\n== {size}: {SIZES[size][0]} KPIs x {SIZES[size][1]} quarters, "
                f"{SIZES[size][2]} stakeholders x {SIZES[size][3]} dialogues; "
                f"login page median {login:.1f} ms"
            )
            print(
                f"{'page':32} {'median ms':>9} {'p95 ms':>8} {'x login':>8} {'queries':>8} "
                f"{'KiB':>6}"
            )
            for name, path in pages(org.slug, kpi.pk, kpi.theme_id, plan.pk).items():
                headers = {"HX-Request": "true"} if "htmx" in name else None
                median, p95, kib = browser.timed(path, args.runs, headers)
                queries = count_queries(user, path, headers)
                results[(size, name)] = (median / login, queries)
                print(
                    f"{name:32} {median:9.1f} {p95:8.1f} {median / login:8.1f} {queries:8d} "
                    f"{kib:6.0f}"
                )

        if "L" in sizes:
            org, user, _kpi, _plan = built["L"]
            browser = Browser(session_cookie(user))
            count, post_times = post_quarter(browser, org.slug, 5)
            xlsx_times = []
            for _ in range(5):
                status, content, elapsed = browser.request("GET", f"/o/{org.slug}/kpis/export.xlsx")
                assert status == 200
                xlsx_times.append(elapsed)
            import io

            from openpyxl import load_workbook

            rows = load_workbook(io.BytesIO(content), read_only=True).active.max_row - 1
            peaks = worker_peaks(server.pid)
            post, xlsx = statistics.median(post_times), statistics.median(xlsx_times)
            print(f"\n== L: writes and exports ({args.workers} gunicorn workers)")
            print(
                f"quarter entry POST of {count} KPIs: "
                f"median {post:.2f} s, max {max(post_times):.2f} s"
            )
            print(f"KPI xlsx of {rows} rows: median {xlsx:.2f} s, max {max(xlsx_times):.2f} s")
            print("gunicorn worker peak memory (VmHWM): " + ", ".join(f"{p:.0f} MB" for p in peaks))

            print("\n== targets")
            checks = []
            for name in (
                "dashboard",
                "KPI list",
                "KPI list, status filter",
                "KPI list, theme filter (htmx)",
                "stakeholders + grid",
                "quarter entry GET",
            ):
                ratio = results[("L", name)][0]
                checks.append(
                    (f"L {name} <= {TARGET_RATIO} x login ({ratio:.1f})", ratio <= TARGET_RATIO)
                )
            checks.append(
                (f"quarter entry POST of {count} KPIs <= {TARGET_POST_S} s", post <= TARGET_POST_S)
            )
            checks.append((f"KPI xlsx of {rows} rows <= {TARGET_XLSX_S} s", xlsx <= TARGET_XLSX_S))
            checks.append((f"worker peak <= {TARGET_WORKER_MB} MB", max(peaks) <= TARGET_WORKER_MB))
            names = {name for (_size, name) in results}
            same = all(len({results[(s, n)][1] for s in sizes}) == 1 for n in names)
            checks.append(("query counts the same at " + ", ".join(sizes), same))
            for label, ok in checks:
                print(f"{'ok  ' if ok else 'FAIL'} {label}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
