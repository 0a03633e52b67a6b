"""Benchmark: the quarterly report of a large organisation, made through the real pipeline.

    .venv/bin/python scripts/bench_report.py [--postgres] [--kind kwartaal|plan] [--keep]
    make bench-report [BENCH_ARGS="--postgres"]

It builds one organisation with 2,000 actions (300 done in the quarter, 200 late, 200 due
next quarter), 60 KPIs x 16 quarters of measurements, 200 dialogues in the reported quarter,
30 goals, 10 themes, the plan's steps half done, an approved version and a toelichting for
the plan, every theme and every goal. Then it requests that plan's report of the last
finished quarter with ``reports.pipeline.request_report`` and waits until the row is klaar.

Database: a fresh SQLite file in a temporary folder by default; with ``--postgres``, or when
DATABASE_URL points at PostgreSQL, the database ``koers_bench_report`` on that PostgreSQL server
(BENCH_DATABASE_SERVER, else the server of DATABASE_URL, else postgres://postgres@127.0.0.1),
dropped and made again. The database named in DATABASE_URL itself is never touched.

Worker: with REDIS_URL, a real ``celery -A mvo worker --pool=solo`` on a queue of its own
(so no other worker on that Redis picks the job up); its peak memory is the VmHWM of that
process. Without REDIS_URL, a child process stands in for the worker: it starts like one,
receives the report id over a pipe instead of from a broker, runs the task
(``render_report.apply``) and reports its own ``ru_maxrss``. Either way the worker has made
one small report first, as a running worker would have, and the job is timed from the
request to the row's klaar.

Printed: the whole job's wall time, the worker's peak memory, the page count, the time of
WeasyPrint alone on that report's final HTML (``rendering.html_for`` timed apart, then
``rendering.pdf_from_html``), their ratio, and PASS/FAIL against the targets. Exits 1 on a
FAIL.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTIONS = 2000
KPIS = 60
QUARTERS = 16
STAKEHOLDERS, DIALOGUES_EACH = 50, 4  # 200 dialogues
GOALS = 30
THEMES = 10
TARGET_RATIO = 1.25
TARGET_SECONDS = 20
TARGET_MB = 500
QUEUE = "bench-report"
DATABASE_NAME = "koers_bench_report"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL, not SQLite")
    parser.add_argument(
        "--kind",
        choices=["kwartaal", "plan"],
        default="kwartaal",
        help="the quarterly report (default) or the approved plan version",
    )
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file and PDFs")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # the worker
    parser.add_argument("--weasyprint", type=int, help=argparse.SUPPRESS)  # WeasyPrint alone
    return parser.parse_args()


# --- Environment, before Django starts ------------------------------------------------------


def postgres_server():
    server = os.environ.get("BENCH_DATABASE_SERVER")
    if server:
        return server.rstrip("/")
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"
    return "postgres://postgres@127.0.0.1:5432"


def prepare_environment(args, workdir):
    """Point this process (and the worker it starts) at the bench database and folder."""
    given = os.environ.get("DATABASE_URL", "")
    use_postgres = args.postgres or given.startswith(("postgres://", "postgresql://"))
    if use_postgres:
        import psycopg

        server = postgres_server()
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DATABASE_NAME}")
        os.environ["DATABASE_URL"] = f"{server}/{DATABASE_NAME}"
        database = f"PostgreSQL, database {DATABASE_NAME} on {urlsplit(server).hostname}"
    else:
        path = workdir / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        database = f"SQLite file {path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "mvo.settings"
    os.environ["DEBUG"] = "false"
    os.environ["EMAIL_URL"] = "dummymail://"  # the approval's notification mails go nowhere
    os.environ["REPORT_STORAGE_OPTIONS"] = json.dumps({"location": str(workdir / "reports")})
    return database


# --- Data ------------------------------------------------------------------------------------


def quarters_back(count, year, quarter):
    """The ``count`` quarters ending with (year, quarter), oldest first. (The same as in
    bench_pages.py, which cannot be imported: it sets its own database on import.)"""
    periods = []
    for _ in range(count):
        periods.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return periods[::-1]


def quarter_bounds(year, quarter):
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first, following - timedelta(days=1)


def next_quarter(year, quarter):
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def aware(day, hour=12):
    from django.utils import timezone

    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def build_people(org, slug):
    from mvo.models import Membership, Role, User

    member = User.objects.create_user(f"member@{slug}.example", "bench-wachtwoord")
    manager = User.objects.create_user(f"manager@{slug}.example", "bench-wachtwoord")
    member.full_name = "Wim Werkgroep"
    member.save(update_fields=["full_name"])
    Membership.objects.create(user=member, organisation=org, role=Role.MEMBER)
    Membership.objects.create(user=manager, organisation=org, role=Role.MANAGER)
    return member, manager


def build(year, quarter, actions=ACTIONS, kpis=KPIS, quarters=QUARTERS, small=False):
    """The organisation and its plan; returns (organisation, plan, member)."""
    from kpis.models import Kpi, Measurement, Target
    from mvo.models import Organisation, Role
    from plans import approval, services
    from plans.models import Action, ActionStatus, Goal, Plan, PlanStep, StepStatus
    from reports.models import QuarterNote, QuarterNoteItem
    from stakeholders.models import Dialogue, Stakeholder
    from themes.models import OrgTheme

    slug = "bench-klein" if small else "bench-rapport"
    org = Organisation.objects.create(name=f"Gemeente {slug}", slug=slug)
    member, manager = build_people(org, slug)
    themes = OrgTheme.objects.bulk_create(
        OrgTheme(
            organisation=org,
            own_name=f"Thema {i}",
            importance=i % 5 + 1,
            impact=(i * 2) % 5 + 1,
            is_focus=i < 3,
        )
        for i in range(THEMES)
    )
    kpi_rows = Kpi.objects.bulk_create(
        Kpi(
            organisation=org,
            theme=themes[i % THEMES],
            name=f"KPI {i:03} {'energiegebruik' if i % 2 else 'restafval'}",
            unit="%",
            direction="hoger" if i % 2 else "lager",
            baseline_value=50,
            baseline_date=date(year - 4, 12, 31),
            owner=member,
        )
        for i in range(kpis)
    )
    Target.objects.bulk_create(
        Target(kpi=k, date=date(year + t, 12, 31), value=(60 + t * 10) if i % 2 else 40 - t * 5)
        for i, k in enumerate(kpi_rows)
        for t in range(3)
    )
    Measurement.objects.bulk_create(
        (
            Measurement(kpi=k, year=y, quarter=q, value=45 + n + i % 7, entered_by=member)
            for i, k in enumerate(kpi_rows)
            for n, (y, q) in enumerate(quarters_back(quarters, year, quarter))
        ),
        batch_size=2000,
    )
    first, last = quarter_bounds(year, quarter)
    stakeholder_rows = Stakeholder.objects.bulk_create(
        Stakeholder(
            organisation=org,
            name=f"Stakeholder {i:03}",
            category="afnemers",
            influence=i % 5 + 1,
            interest=(i * 3) % 5 + 1,
        )
        for i in range(2 if small else STAKEHOLDERS)
    )
    dialogues = Dialogue.objects.bulk_create(
        (
            Dialogue(
                organisation=org,
                date=first + timedelta(days=(i * 7 + n) % ((last - first).days + 1)),
                subject=f"Dialoog {i}-{n} over de voortgang",
                method="gesprek",
                input_received="Wat de stakeholder inbracht. " * 6,
                follow_up="Wat we ermee doen. " * 3,
            )
            for i in range(len(stakeholder_rows))
            for n in range(1 if small else DIALOGUES_EACH)
        ),
        batch_size=2000,
    )
    each = len(dialogues) // len(stakeholder_rows)
    Dialogue.stakeholders.through.objects.bulk_create(
        Dialogue.stakeholders.through(dialogue=d, stakeholder=stakeholder_rows[n // each])
        for n, d in enumerate(dialogues)
    )
    Dialogue.themes.through.objects.bulk_create(
        Dialogue.themes.through(dialogue=d, orgtheme=themes[n % THEMES])
        for n, d in enumerate(dialogues)
    )

    plan = services.create_plan(
        Plan(
            organisation=org,
            title="Duurzame gemeente 2025–2028",
            description="Het MVO-plan van de gemeente.",
            start_year=2025,
            end_year=max(2028, year),
            coordinator=member,
        ),
        member,
    )
    plan.kpis.set(kpi_rows)
    plan.themes.set(themes)
    goals = [
        Goal.objects.create(
            organisation=org,
            plan=plan,
            kind="thema",
            title=f"Doel {i}: {kpi_rows[i % kpis].name} op streefwaarde",
            theme=themes[i % THEMES],
            kpi=kpi_rows[i % kpis],
            target_value=70,
            deadline=date(year + 1, 12, 31),
            specific="Wat we precies bereiken. " * 3,
            acceptable="Wie het steunt.",
            realistic="Waarom het haalbaar is." if i % 3 else "",
        )
        for i in range(3 if small else GOALS)
    ]
    next_first, next_last = quarter_bounds(*next_quarter(year, quarter))
    rows = []
    for i in range(actions):
        planned_year, planned_quarter = (2025 + i % 4, i % 4 + 1)
        fields = {
            "status": ActionStatus.PLANNED if i % 2 else ActionStatus.RUNNING,
            "due_date": None,
        }
        if i % 20 < 3:  # 15 %: done this quarter
            fields = {"status": ActionStatus.DONE, "due_date": last}
        elif i % 10 == 3:  # 10 %: late
            fields["due_date"] = first - timedelta(days=i % 60 + 1)
        elif i % 10 == 4:  # 10 %: due next quarter
            fields["due_date"] = next_first + timedelta(days=i % 80)
        rows.append(
            Action(
                organisation=org,
                plan=plan,
                title=f"Actie {i:04}: {'ledverlichting' if i % 2 else 'afval scheiden'}",
                description="Wat we doen en waarom. " * 5,
                goal=goals[i % len(goals)],
                theme=themes[i % THEMES],
                responsible=member,
                team="Facilitair" if i % 3 else "Inkoop",
                planned_year=planned_year,
                planned_quarter=planned_quarter,
                planned_period=planned_year * 10 + planned_quarter,
                budget=1000 + i,
                **fields,
            )
        )
    created = Action.objects.bulk_create(rows, batch_size=1000)
    done = [a for a in created if a.status == ActionStatus.DONE]
    others = [a for a in created if a.status != ActionStatus.DONE]
    history = Action.history
    history.bulk_history_create(
        others, default_user=member, default_date=aware(first) - timedelta(days=40)
    )
    history.bulk_history_create(
        done, default_user=member, default_date=aware(first + timedelta(days=20))
    )
    steps = list(PlanStep.objects.filter(plan=plan).order_by("step__order"))
    for n, step in enumerate(steps[: len(steps) // 2]):
        step.status = StepStatus.DONE if n % 3 else StepStatus.IN_PROGRESS
    PlanStep.objects.bulk_update(steps, ["status"])

    texts = {
        "went_well": "De afvalscheiding loopt goed. " * 8,
        "lagging": "De ledverlichting blijft achter door levertijden. " * 6,
        "next_steps": "Volgend kwartaal de inkoop bijsturen. " * 6,
    }
    note = QuarterNote.objects.create(
        organisation=org, plan=plan, year=year, quarter=quarter, updated_by=member, **texts
    )
    QuarterNoteItem.objects.bulk_create(
        [QuarterNoteItem(note=note, theme=theme, **texts) for theme in themes]
        + [QuarterNoteItem(note=note, goal=goal, **texts) for goal in goals]
    )
    approval.submit_plan(plan, member, Role.MEMBER)
    approval.approve_plan(plan, manager, Role.MANAGER, "Akkoord met het plan.")
    plan.refresh_from_db()
    return org, plan, member


# --- Workers ---------------------------------------------------------------------------------


def quiet():
    """WeasyPrint logs every page it lays out, eager Celery every task; the bench prints only
    its figures."""
    import logging

    for name in ("weasyprint.progress", "celery", "kombu"):
        logging.getLogger(name).setLevel(logging.WARNING)


def weasyprint_alone(pk):
    """In a fresh process like the worker's: the report's final HTML, then WeasyPrint alone
    on it, each timed; after a small warm-up render, as the worker had made a report before."""
    import django

    django.setup()
    quiet()
    from reports import rendering
    from reports.models import Report

    report = Report.objects.select_related("organisation", "plan", "version").get(pk=pk)
    rendering.pdf_from_html("<!doctype html><html lang='nl'><title>x</title><p>x</p></html>")
    started = time.perf_counter()
    html = rendering.html_for(report)
    html_seconds = time.perf_counter() - started
    started = time.perf_counter()
    _pdf, pages = rendering.pdf_from_html(html, report.language)
    answer = {
        "html_seconds": html_seconds,
        "html_kib": len(html.encode()) / 1024,
        "weasyprint_seconds": time.perf_counter() - started,
        "pages": pages,
    }
    print(json.dumps(answer), flush=True)


def serve():
    """The child process without Redis: a stand-in for a worker. Reads report ids from stdin,
    runs the task on each and answers with a JSON line."""
    import resource

    import django

    django.setup()
    quiet()
    from reports.tasks import render_report

    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        pk = int(line)
        started = time.perf_counter()
        result = render_report.apply(args=(pk,)).get()
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        answer = {"pk": pk, "result": result, "seconds": time.perf_counter() - started}
        print(json.dumps({**answer, "peak_mb": peak_kb / 1024}), flush=True)


class PipeWorker:
    label = (
        "a child process standing in for the worker (no REDIS_URL): it gets the report id "
        "over a pipe and runs the task; peak memory is its ru_maxrss"
    )

    def __init__(self):
        from mvo.celery import app

        # The request goes through the pipeline as always, but must not run here.
        app.conf.task_always_eager = False
        self.process = subprocess.Popen(  # noqa: S603 (this script, fixed arguments)
            [sys.executable, __file__, "--serve"],
            cwd=ROOT,
            env=os.environ.copy(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert json.loads(self.process.stdout.readline())["ready"]
        self.answer = None

    def deliver(self, report):
        self.process.stdin.write(f"{report.pk}\n")
        self.process.stdin.flush()
        self.answer = json.loads(self.process.stdout.readline())

    def peak_mb(self):
        return self.answer["peak_mb"]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


class CeleryWorker:
    label = (
        "a Celery worker (celery -A mvo worker --pool=solo) on Redis, on a queue of its own; "
        "peak memory is the VmHWM of its process"
    )

    def __init__(self):
        from mvo.celery import app

        app.conf.task_always_eager = False
        # Only this worker gets the bench's jobs (the router is made once, so reset it).
        app.conf.task_routes = {"reports.tasks.render_report": {"queue": QUEUE}}
        app.amqp.flush_routes()
        app.amqp.__dict__.pop("router", None)
        self.log = open(Path(os.environ["BENCH_WORKDIR"]) / "worker.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603 (our own worker, fixed arguments)
            [
                str(ROOT / ".venv/bin/celery"),
                "-A",
                "mvo",
                "worker",
                "--pool=solo",
                "--queues",
                QUEUE,
                "--hostname",
                f"bench-report-{os.getpid()}@%h",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def deliver(self, report):
        pass  # the broker brings it

    def peak_mb(self):
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def make_report(worker, org, plan, member, kind, year, quarter, timeout=300):
    """Request the report, hand it to the worker, wait until it is klaar; (report, seconds)."""
    from django.db import transaction

    from reports.models import ACTIVE, Report, ReportKind
    from reports.pipeline import request_report

    started = time.perf_counter()
    with transaction.atomic():
        if kind == ReportKind.PLAN_VERSION:
            report, _ = request_report(
                org, plan, kind=kind, version=plan.versions.get(number=1), user=member
            )
        else:
            report, _ = request_report(org, plan, year=year, quarter=quarter, user=member)
    worker.deliver(report)
    while Report.objects.filter(pk=report.pk, status__in=ACTIVE).exists():
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"report {report.pk} not done after {timeout} s")
        time.sleep(0.02)
    elapsed = time.perf_counter() - started
    report.refresh_from_db()
    if report.failure:
        raise SystemExit(f"report failed: {report.failure}: {report.failure_detail}")
    return report, elapsed


def main():
    args = parse_args()
    if args.serve:
        return serve()
    if args.weasyprint:
        return weasyprint_alone(args.weasyprint)
    workdir = Path(tempfile.mkdtemp(prefix="koers-bench-report-"))
    os.environ["BENCH_WORKDIR"] = str(workdir)
    try:
        return bench(args, workdir)
    finally:
        if args.keep:
            print(f"\nkept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def bench(args, workdir):
    database = prepare_environment(args, workdir)
    import django

    django.setup()
    from django.core.management import call_command

    from kpis.models import last_finished_quarter, period_label
    from reports.models import ReportKind

    quiet()

    kind = ReportKind(args.kind)
    year, quarter = last_finished_quarter()
    call_command("migrate", verbosity=0)
    from mvo.celery import app

    # While the data is built, the approvals' notification mails are sent here (to nowhere),
    # never to a broker that other workers may listen to.
    app.conf.task_always_eager = True
    built_at = time.perf_counter()
    small = build(year, quarter, actions=5, kpis=2, quarters=4, small=True)
    org, plan, member = build(year, quarter)
    print(f"database: {database}")
    print(f"data built in {time.perf_counter() - built_at:.0f} s")

    worker = CeleryWorker() if os.environ.get("REDIS_URL") else PipeWorker()
    try:
        make_report(worker, *small, kind, year, quarter, timeout=120)  # the worker warms up
        report, job = make_report(worker, org, plan, member, kind, year, quarter)
        peak = worker.peak_mb()
    finally:
        worker.stop()

    # WeasyPrint alone on the same report's final HTML, in a fresh process of its own.
    alone = json.loads(
        subprocess.run(  # noqa: S603 (this script, fixed arguments)
            [sys.executable, __file__, "--weasyprint", str(report.pk)],
            cwd=ROOT,
            env=os.environ.copy(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
    )
    weasy = alone["weasyprint_seconds"]
    ratio = job / weasy

    what = (
        f"quarterly report {period_label(year, quarter)}"
        if kind == ReportKind.QUARTERLY
        else "approved plan version 1"
    )
    in_queue = (report.started_at - report.requested_at).total_seconds()
    in_task = (report.finished_at - report.started_at).total_seconds()
    print(
        f"\n== {what} of '{plan.title}': {ACTIONS:,} actions, {KPIS} KPIs x {QUARTERS} "
        f"quarters, {STAKEHOLDERS * DIALOGUES_EACH} dialogues in the quarter, {GOALS} goals, "
        f"{THEMES} themes, a toelichting"
    )
    print(f"worker: {worker.label}")
    print(
        f"whole job, request -> klaar: {job:.2f} s "
        f"(request to claim {in_queue:.2f} s, claim to klaar {in_task:.2f} s)"
    )
    print(f"worker peak memory: {peak:.0f} MB")
    print(f"pages: {report.pages} ({report.size / 1024:.0f} KiB)")
    print(f"final HTML built alone: {alone['html_seconds']:.2f} s ({alone['html_kib']:.0f} KiB)")
    print(f"WeasyPrint alone on that HTML: {weasy:.2f} s ({alone['pages']} pages)")
    print(f"ratio whole job / WeasyPrint alone: {ratio:.2f}")
    checks = [
        (f"ratio <= {TARGET_RATIO} ({ratio:.2f})", ratio <= TARGET_RATIO),
        (f"whole job <= {TARGET_SECONDS} s ({job:.1f} s)", job <= TARGET_SECONDS),
        (f"worker peak <= {TARGET_MB} MB ({peak:.0f} MB)", peak <= TARGET_MB),
    ]
    print("\n== targets")
    for label, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'} {label}")
    return 0 if all(ok for _label, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
