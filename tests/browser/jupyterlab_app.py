"""One JupyterLab app page in the browser for opening notebooks in turn (the browser tests
of JupyterLab share it): readiness checks, opening and closing a notebook."""

from contextlib import contextmanager

import pytest
from browser.lab import new_page

READY = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session
    && panel.sessionContext.session.kernel;
  return Boolean(kernel && kernel.status === 'idle' && panel.content && panel.content.model);
}"""
APP_READY = """() => Boolean(window.jupyterapp
  && window.jupyterapp.commands.hasCommand('docmanager:open'))"""

# Open a notebook in the running app and wait until its document is loaded.
OPEN = """async (path) => {
  await window.jupyterapp.restored;
  const panel = await window.jupyterapp.commands.execute('docmanager:open', {path});
  await panel.context.ready;
  window.jupyterapp.shell.activateById(panel.id);
}"""

# Close the current notebook and stop the kernel it started.
CLOSE = """async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  await panel.sessionContext.shutdown();
  panel.dispose();
}"""


@pytest.fixture(scope="module")
def lab_app(browser, lab):
    """One JupyterLab page for opening every notebook in turn (loading the app once)."""
    with new_page(browser) as page:
        page.page.goto(f"{lab}/lab?reset")
        page.page.wait_for_function(APP_READY, timeout=120_000, polling=250)
        yield page


@contextmanager
def opened(app, path):
    """Open a notebook in the app's page; afterwards close it and stop its kernel. Yields
    the page errors and requests off loopback seen meanwhile (lists that grow)."""
    errors, off_loopback = len(app.errors), len(app.off_loopback)
    app.page.evaluate(OPEN, path.name)
    try:
        yield app.errors[errors:], app.off_loopback[off_loopback:]
    finally:
        # Wait for the kernel to have started: closing a starting kernel fails.
        app.page.wait_for_function(READY, timeout=120_000, polling=250)
        app.page.evaluate(CLOSE)
