"""The notebooks in JupyterLab in a real browser, the way a learner meets them: every
notebook opens with its saved outputs shown (figures, typeset equations, no error); and
every notebook with controls (sliders, drop-downs) is cleared and Run All, and each
control moved. nbval runs every notebook in a kernel already, so a notebook without
controls is not executed a second time here."""

import json
import sys
from contextlib import contextmanager

import pytest
from browser.lab import SCREENSHOTS, new_page
from conftest import NOTEBOOKS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import saved_widgets  # noqa: E402  (scripts/ is not a package)

pytestmark = pytest.mark.slow

READY = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session
    && panel.sessionContext.session.kernel;
  return Boolean(kernel && kernel.status === 'idle' && panel.content && panel.content.model);
}"""

ALL_RUN = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.model.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type === 'code' && cell.sharedModel.source.trim() && cell.executionCount === null) {
      return false;
    }
  }
  return panel.sessionContext.session.kernel.status === 'idle';
}"""

OUTPUTS = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
  const found = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code') continue;
    for (let j = 0; j < cell.outputs.length; j++) {
      const o = cell.outputs.get(j).toJSON();
      found.push({cell: i, type: o.output_type, name: o.name || '', ename: o.ename || '',
                  evalue: o.evalue || '', mimes: Object.keys(o.data || {})});
    }
  }
  return found;
}"""

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

SHOWN = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const node = panel.content.node;
  const images = Array.from(node.querySelectorAll('.jp-RenderedImage img'));
  return {
    images: images.length,
    loaded: images.filter(i => i.complete && i.naturalWidth > 0).length,
    equations: node.querySelectorAll('mjx-container').length,
    mathErrors: node.querySelectorAll('mjx-merror').length,
    stderr: node.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]').length,
  };
}"""

CONTROLS = ("SliderModel", "DropdownModel", "ToggleButtonsModel", "SelectModel")


def has_controls(path):
    """True when the widgets the notebook shows (saved in site/widgets/) include a control."""
    record = saved_widgets.read(path)
    models = record["state"].values() if record else []
    return any(model["model_name"].endswith(CONTROLS) for model in models)


WITH_CONTROLS = [path for path in NOTEBOOKS if has_controls(path)]


def saved_images_and_equations(path):
    """How many figures the committed outputs hold, and whether the text has maths."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    images = sum(
        "image/png" in output.get("data", {})
        for cell in nb["cells"]
        for output in cell.get("outputs", [])
    )
    markdown = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return images, "$" in markdown


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


def run_all(page):
    """Clear the outputs, Run All, wait until every cell ran; return what the cells show."""
    page.wait_for_function(READY, timeout=120_000, polling=250)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_timeout(500)
    page.wait_for_function(ALL_RUN, timeout=600_000, polling=500)
    return page.evaluate(OUTPUTS)


def figure_source(root):
    """What a widget's Output area shows: the data URL of its figure, or else its text."""
    images = root.locator(".widget-output img")
    if images.count():
        return images.first.get_attribute("src")
    text = root.locator(".widget-output")
    return text.first.inner_text() if text.count() else ""


def wait_for_figure(page, root, predicate, what):
    for _ in range(120):
        source = figure_source(root)
        if source and predicate(source):
            return source
        page.wait_for_timeout(250)
    raise AssertionError(f"the figure did not {what} within 30 s")


def check_sliders(page):
    """Move every slider with the keyboard: its figure (or printed text) must change,
    and moving it back must restore exactly the same image (or text)."""
    moved = 0
    roots = page.locator(".jp-OutputArea-output > .jupyter-widgets")
    for r in range(roots.count()):
        root = roots.nth(r)
        handles = root.locator(".noUi-handle")
        if not handles.count():
            continue
        for h in range(handles.count()):
            handle = handles.nth(h)
            handle.scroll_into_view_if_needed()
            before = wait_for_figure(page, root, lambda s: True, "appear")
            at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
            there, back = ("ArrowLeft", "ArrowRight") if at_max else ("ArrowRight", "ArrowLeft")
            handle.focus()
            handle.press(there)
            wait_for_figure(page, root, lambda s, b=before: s != b, "change")
            handle.press(back)
            wait_for_figure(page, root, lambda s, b=before: s == b, "come back to the same image")
            moved += 1
    return moved


def test_the_notebooks_with_controls_are_found():
    assert len(WITH_CONTROLS) >= 3, [p.stem for p in WITH_CONTROLS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_opens_with_its_saved_outputs_shown(lab_app, path):
    images, has_maths = saved_images_and_equations(path)
    with opened(lab_app, path) as (errors, off_loopback):
        lab_app.page.wait_for_function(
            f"() => {{ const s = ({SHOWN})(); return s.loaded === {images}"
            f" && (s.equations > 0 || !{str(has_maths).lower()}); }}",
            timeout=60_000,
            polling=250,
        )
        shown = lab_app.page.evaluate(SHOWN)
    assert shown["images"] == images and shown["mathErrors"] == 0 and shown["stderr"] == 0
    assert errors == [] and off_loopback == []


@pytest.mark.parametrize("path", WITH_CONTROLS, ids=[p.stem for p in WITH_CONTROLS])
def test_run_all_and_move_every_control(lab_app, path):
    page = lab_app.page
    with opened(lab_app, path) as (page_errors, off_loopback):
        outputs = run_all(page)

        errors = [
            f"cell {o['cell']}: {o['ename']}: {o['evalue']}"
            for o in outputs
            if o["type"] == "error"
        ]
        assert not errors, errors
        assert not [o for o in outputs if o["type"] == "stream" and o["name"] == "stderr"]

        widget_outputs = sum(WIDGET_MIME in o["mimes"] for o in outputs)
        rendered = page.locator(".jp-OutputArea-output > .jupyter-widgets")
        assert rendered.count() == widget_outputs, "a widget did not render"
        for k in range(rendered.count()):
            box = rendered.nth(k).bounding_box()
            assert box and box["width"] > 100 and box["height"] > 20

        sliders = page.locator(".jp-OutputArea-output .noUi-handle").count()
        assert check_sliders(page) == sliders

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{path.stem}.png"), full_page=True)
    assert page_errors == [], page_errors
    assert off_loopback == [], off_loopback
