"""Fixtures for the browser tests: a real browser (Debian's chromium, driven by Playwright)
and a JupyterLab server started the way `make lab` starts it. Skipped with a reason when
chromium or Playwright is missing, unless COURSE_BROWSER_REQUIRED=1 (as .ci/run sets it),
when a missing browser fails."""

import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from lab_server import ROOT, make_lab

CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
SCREENSHOTS = ROOT / "build" / "browser"
LOOPBACK = ("http://127.0.0.1:", "data:", "blob:", "about:")


def _require(reason):
    if os.environ.get("COURSE_BROWSER_REQUIRED") == "1":
        pytest.fail(f"browser tests are required here, but {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason} (see README, 'Browser tests')")


@pytest.fixture(scope="session")
def playwright_api():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _require(f"no chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require("the Python package playwright is not installed")
    with sync_playwright() as api:
        yield api


@pytest.fixture(scope="session")
def browser(playwright_api):
    browser = playwright_api.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class Page:
    """A browser page that records requests off loopback and page errors."""

    def __init__(self, context):
        self.page = context.new_page()
        self.off_loopback, self.errors = [], []
        self.page.on("request", self._request)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _request(self, request):
        if not request.url.startswith(LOOPBACK):
            self.off_loopback.append(request.url)


@contextmanager
def new_page(browser):
    """A Page in a context of its own, closed afterwards."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    # Anything not on loopback is refused outright (and recorded by Page).
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(LOOPBACK) else route.abort()
        ),
    )
    try:
        yield Page(context)
    finally:
        context.close()


@pytest.fixture
def page(browser):
    with new_page(browser) as page:
        yield page


@pytest.fixture(scope="session")
def lab(playwright_api, tmp_path_factory):
    """Base URL of a JupyterLab started with `make lab`, stopped by its process group."""
    settings = tmp_path_factory.mktemp("lab-settings")
    for extension, values in {
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        # Render every cell, so that widgets further down exist in the page.
        "notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        path = settings / "@jupyterlab" / f"{extension}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    workspaces = tmp_path_factory.mktemp("lab-workspaces")
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(workspaces))  # fmt: skip
    with open(tmp_path_factory.mktemp("lab-log") / "server.log", "w") as log:
        with make_lab("--LabApp.expose_app_in_browser=True", env=env, log=log) as url:
            yield url
