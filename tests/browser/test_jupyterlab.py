"""Every notebook, clicked through in JupyterLab in a real browser, the way a learner would:
open it, clear the outputs, Run All, and look at what the page shows."""

import pytest
from browser.lab import SCREENSHOTS
from conftest import NOTEBOOKS

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


def open_and_run_all(page, lab, notebook):
    page.goto(f"{lab}/lab/tree/{notebook}?reset")
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_run_all_in_jupyterlab(page, lab, path):
    outputs = open_and_run_all(page.page, lab, path.name)

    errors = [
        f"cell {o['cell']}: {o['ename']}: {o['evalue']}" for o in outputs if o["type"] == "error"
    ]
    assert not errors, errors
    assert not [o for o in outputs if o["type"] == "stream" and o["name"] == "stderr"]

    widget_outputs = sum(WIDGET_MIME in o["mimes"] for o in outputs)
    rendered = page.page.locator(".jp-OutputArea-output > .jupyter-widgets")
    assert rendered.count() == widget_outputs, "a widget did not render"
    for k in range(rendered.count()):
        box = rendered.nth(k).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 20

    sliders = page.page.locator(".jp-OutputArea-output .noUi-handle").count()
    assert check_sliders(page.page) == sliders

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(SCREENSHOTS / f"{path.stem}.png"), full_page=True)
    assert not page.errors, page.errors
    assert not page.off_loopback, page.off_loopback
