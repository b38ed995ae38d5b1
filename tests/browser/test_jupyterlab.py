"""The notebooks in JupyterLab in a real browser, the way a learner meets them: every
notebook opens with its saved outputs shown (figures, typeset equations, no error, no
stderr, nothing off loopback). test_jupyterlab_controls.py runs the notebooks with
controls and moves them."""

import json

import pytest
from browser.jupyterlab_app import opened

from conftest import NOTEBOOKS

pytestmark = pytest.mark.slow

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
