"""Widgets kept beside a notebook for the static site (scripts/saved_widgets.py): taken out
of an executed notebook, written the same way on every run, and put back only into the
code that made them."""

import copy
import sys
import uuid

import nbformat
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import saved_widgets  # noqa: E402  (scripts/ is not a package)

VIEW = saved_widgets.WIDGET_VIEW
STATE = saved_widgets.WIDGET_STATE


def executed_notebook():
    """A notebook as nbclient leaves it: a slider in a box, with its layout, and one
    model that nothing shown refers to."""
    box, slider, layout, orphan = (uuid.uuid4().hex for _ in range(4))
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A title"),
        nbformat.v4.new_code_cell(
            "print(1)", outputs=[nbformat.v4.new_output("stream", name="stdout", text="1\n")]
        ),
        nbformat.v4.new_code_cell(
            "explorer()",
            outputs=[
                nbformat.v4.new_output(
                    "display_data",
                    data={
                        "text/plain": "VBox(children=(FloatSlider(value=1.0),))",
                        VIEW: {"model_id": box, "version_major": 2, "version_minor": 0},
                    },
                )
            ],
        ),
    ]
    state = {
        box: {"model_name": "VBoxModel", "state": {"children": [f"IPY_MODEL_{slider}"]}},
        slider: {"model_name": "FloatSliderModel", "state": {"layout": f"IPY_MODEL_{layout}"}},
        layout: {"model_name": "LayoutModel", "state": {}},
        orphan: {"model_name": "LayoutModel", "state": {}},
    }
    nb.metadata["widgets"] = {STATE: {"state": state, "version_major": 2, "version_minor": 0}}
    return nb


def test_split_leaves_the_notebook_only_the_text_fallback():
    nb = executed_notebook()
    saved_widgets.split(nb, "04_example")
    assert "widgets" not in nb.metadata
    assert set(nb.cells[2].outputs[0].data) == {"text/plain"}


def test_the_record_keeps_the_models_the_views_reach():
    record = saved_widgets.split(executed_notebook(), "04_example")
    names = sorted(model["model_name"] for model in record["state"].values())
    assert names == ["FloatSliderModel", "LayoutModel", "VBoxModel"]
    assert saved_widgets.missing_models(record) == []
    assert [(v["cell"], v["output"]) for v in record["views"]] == [(2, 0)]


def test_two_executions_give_the_same_record():
    # Every run gives new random model ids; the record's ids depend on the name only.
    first = saved_widgets.split(executed_notebook(), "04_example")
    second = saved_widgets.split(executed_notebook(), "04_example")
    assert first == second
    assert saved_widgets.split(executed_notebook(), "05_other")["state"] != first["state"]


def test_a_notebook_without_widgets_has_no_record():
    nb = executed_notebook()
    nb.cells = nb.cells[:2]
    del nb.metadata["widgets"]
    assert saved_widgets.split(nb, "01_example") is None


def test_merge_puts_the_views_and_the_state_back():
    nb = executed_notebook()
    record = saved_widgets.split(nb, "04_example")
    merged = saved_widgets.merge(copy.deepcopy(nb), record)
    view = merged.cells[2].outputs[0].data[VIEW]
    saved = merged.metadata["widgets"][STATE]
    assert view["model_id"] in saved["state"]
    assert saved["state"] == record["state"]
    assert (saved["version_major"], saved["version_minor"]) == (2, 0)


def test_merge_refuses_widgets_made_from_other_code():
    nb = executed_notebook()
    record = saved_widgets.split(nb, "04_example")
    nb.cells[2].source = "explorer(sigma=2.0)"
    with pytest.raises(saved_widgets.StaleRecord, match="other code"):
        saved_widgets.merge(nb, record, "04_example.ipynb")


def test_merge_refuses_a_view_whose_place_holds_no_display():
    nb = executed_notebook()
    record = saved_widgets.split(nb, "04_example")
    record["views"][0]["cell"] = 1  # a cell whose only output is printed text
    with pytest.raises(saved_widgets.StaleRecord, match="no widget output"):
        saved_widgets.merge(nb, record, "04_example.ipynb")
