"""The static site of `make html`: every page renders offline, with its figures, its
typeset equations and its widgets, and asks nothing of the network."""

import functools
import http.server
import subprocess
import sys
import threading

import pytest
from browser.lab import SCREENSHOTS

from conftest import NOTEBOOKS, ROOT

pytestmark = pytest.mark.slow
SITE = ROOT / "build" / "site"

TYPESET = """() => window.MathJax && MathJax.Hub && MathJax.Hub.queue
  && MathJax.Hub.queue.pending === 0 && document.querySelectorAll('.MathJax_CHTML').length > 0"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(playwright_api):
    """Build the site with `make html`, then serve it on loopback."""
    subprocess.run(
        ["make", "--no-print-directory", "html", f"PYTHON={sys.executable}"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()


def open_page(page, url):
    failed = []
    page.page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.page.goto(url)
    page.page.wait_for_load_state("networkidle")
    return failed


SITE_LIMIT_BYTES = 15_000_000


def test_the_site_holds_only_what_its_pages_use_within_15_mb(site):
    files = [path for path in SITE.rglob("*") if path.is_file()]
    total = sum(path.stat().st_size for path in files)
    assert total <= SITE_LIMIT_BYTES, f"the site is {total / 1e6:.1f} MB"
    assert not [path for path in files if path.suffix == ".map"]  # no source maps


def test_the_index_lists_every_notebook_in_order(page, site):
    failed = open_page(page, f"{site}/index.html")
    links = page.page.locator("ol li a")
    assert [links.nth(k).get_attribute("href") for k in range(links.count())] == [
        f"{p.stem}.html" for p in NOTEBOOKS
    ]
    assert not failed and not page.errors and not page.off_loopback


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_page_renders_offline_with_figures_equations_and_widgets(page, site, path):
    failed = open_page(page, f"{site}/{path.stem}.html")
    p = page.page
    p.wait_for_function(TYPESET, timeout=60_000, polling=250)
    assert p.locator(".MathJax_Error, .mjx-merror").count() == 0
    images = p.evaluate(
        "() => Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)"
    )
    assert images and all(images), "a figure did not load"
    text = p.locator("body").inner_text()
    assert "Traceback" not in text and "Math Processing Error" not in text
    source = path.read_text(encoding="utf-8")
    if "helpers.widgets." in source and "NBVAL_IGNORE_OUTPUT" in source:
        p.wait_for_selector(
            ".jupyter-widgets .noUi-handle, .jupyter-widgets select", timeout=30_000
        )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(SCREENSHOTS / f"site-{path.stem}.png"))
    assert not [url for url in failed if not url.endswith("favicon.ico")], failed
    assert not page.errors, page.errors
    assert not page.off_loopback, page.off_loopback
