"""Notebooks with controls (sliders, drop-downs) in JupyterLab in a real browser: cleared,
Run All, every control moved, and the figure it drives redrawn. nbval runs every notebook
in a kernel already, so only these are executed a second time here, and not those that
train (those with a progress bar, 09 and 11): their controls' logic is tested in Python
(test_language_model.py for 09, test_gate_explorer.py for 11) and their saved views in
the site's pages (test_site.py)."""

import sys

import pytest
from browser.jupyterlab_app import READY, opened
from browser.lab import SCREENSHOTS

from conftest import NOTEBOOKS, ROOT, TRAINING_RUNS

sys.path.insert(0, str(ROOT / "scripts"))
import saved_widgets  # noqa: E402  (scripts/ is not a package)

pytestmark = pytest.mark.slow

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
CONTROLS = ("SliderModel", "DropdownModel", "ToggleButtonsModel", "SelectModel")


def has_controls(path):
    """True when the widgets the notebook shows (saved in site/widgets/) include a control."""
    record = saved_widgets.read(path)
    models = record["state"].values() if record else []
    return any(model["model_name"].endswith(CONTROLS) for model in models)


WITH_CONTROLS = [path for path in NOTEBOOKS if has_controls(path)]

RUN_HERE = [path for path in WITH_CONTROLS if not TRAINING_RUNS[path]]


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
    assert len(RUN_HERE) >= 3 and [p.stem for p in WITH_CONTROLS if p not in RUN_HERE] == [
        "09_character_language_model",
        "11_gru",
    ]


@pytest.mark.parametrize("path", RUN_HERE, ids=[p.stem for p in RUN_HERE])
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
