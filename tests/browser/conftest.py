"""Browser tests drive Debian's Chromium through Playwright (no browser download needed)."""

import os
import shutil
from pathlib import Path

import pytest

from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe.min.js"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI needs Chromium for the browser tests; not found at {CHROMIUM}")
    skip = pytest.mark.skip(reason="Chromium not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def log_in(live_server):
    """Log in through the real login form."""

    def submit(page, email, password=PASSWORD):
        page.goto(f"{live_server.url}/account/inloggen/")
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()

    return submit


@pytest.fixture
def axe_check():
    """Run axe-core on the current page; return serious and critical violations."""

    def check(page):
        # Evaluated through the browser's debugging protocol, which the page's strict
        # Content-Security-Policy does not apply to (a <script> tag would be blocked).
        page.evaluate(AXE.read_text())
        result = page.evaluate("async () => await axe.run(document)")
        return [
            (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return check
