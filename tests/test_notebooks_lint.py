"""Every committed notebook is executed in order, clean, and links only to files that exist."""

import ast
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import saved_widgets  # noqa: E402  (scripts/ is not a package)


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


ids = [p.stem for p in NOTEBOOKS]


def test_the_series_has_its_first_notebooks():
    names = [p.stem for p in NOTEBOOKS]
    assert names[:3] == ["01_rnn_cell", "02_rnn_sequence", "03_rnn_backprop"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_executed_top_to_bottom_in_a_fresh_kernel(path):
    counts = [c["execution_count"] for c in code_cells(load(path))]
    assert counts == list(range(1, len(counts) + 1))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_cell_holds_an_error(path):
    for cell in code_cells(load(path)):
        for output in cell["outputs"]:
            assert output["output_type"] != "error", "".join(cell["source"])[:200]
            if output["output_type"] == "stream":
                assert output["name"] == "stdout", "".join(output["text"])[:300]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_widget_state_or_editor_noise_is_saved(path):
    nb = load(path)
    assert "widgets" not in nb["metadata"]
    assert set(nb["metadata"]) <= {"kernelspec", "language_info"}
    for cell in nb["cells"]:
        assert not set(cell.get("metadata", {})) - {"tags"}, cell["metadata"]
        for output in cell.get("outputs", []):  # model ids change on every run
            assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {})


# How ipywidgets writes a widget as text, e.g. "VBox(children=(FloatSlider(...".
WIDGET_TEXT = re.compile(r"\w*(Box|Slider|Progress|Dropdown|Output|Button|Select|HTML)\(")


def widget_fallbacks(nb):
    """(cell, output) of every widget's text fallback: what a widget leaves in a notebook
    without its view."""
    return [
        (c, o)
        for c, cell in enumerate(nb.cells)
        for o, output in enumerate(cell.get("outputs", []))
        if output.output_type in ("display_data", "execute_result")
        and set(output.data) == {"text/plain"}
        and WIDGET_TEXT.match(output.data["text/plain"])
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_the_widgets_it_shows_are_saved_beside_it_from_the_same_code(path):
    """The static site shows the widgets from site/widgets/, which `make execute` writes
    with the outputs; after a change to a notebook both must be written again."""
    nb = nbformat.read(path, as_version=4)
    record = saved_widgets.read(path)
    places = widget_fallbacks(nb)
    if not places:
        assert record is None, "site/widgets/ keeps widgets the notebook no longer shows"
        return
    assert record is not None, "no saved widgets in site/widgets/: run make execute"
    assert record["code"] == saved_widgets.code_fingerprint(nb), (
        "the saved widgets were made from other code: run make execute"
    )
    assert [(v["cell"], v["output"]) for v in record["views"]] == places
    assert saved_widgets.missing_models(record) == []


def test_site_widgets_holds_records_of_notebooks_only():
    names = {path.stem for path in NOTEBOOKS}
    assert {p.stem for p in saved_widgets.RECORDS.glob("*.json")} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_machine_path_or_address_in_outputs(path):
    text = json.dumps([c.get("outputs", []) for c in load(path)["cells"]])
    assert not re.search(r"/(tmp|home|root|work|Users)/", text)
    assert not re.search(r" at 0x[0-9a-f]{6,}", text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_the_introduction_names_its_exercises_or_says_there_are_none(path):
    nb = load(path)
    first_code = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code")
    intro = "".join("".join(c["source"]) for c in nb["cells"][:first_code])
    exercises = [
        re.search(r"def (\w+)", "".join(c["source"])).group(1)
        for c in code_cells(nb)
        if "### BEGIN SOLUTION" in "".join(c["source"])
    ]
    says_none = re.search(r"\bno exercises?\b", intro, re.I) is not None
    assert says_none == (not exercises), "the introduction says there is no exercise"
    assert not [name for name in exercises if f"`{name}`" not in intro]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_relative_links_resolve(path):
    nb = load(path)
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        # JupyterLab's root is notebooks/ and the site holds only the pages: a link out of
        # the folder works on GitHub but nowhere a learner reads the notebook.
        assert not target.startswith(".."), f"link out of notebooks/: {target}"
        assert (path.parent / target.split("#")[0]).exists(), f"broken link {target}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_starts_with_a_title_and_the_setup_cell(path):
    cells = load(path)["cells"]
    assert cells[0]["cell_type"] == "markdown"
    assert "".join(cells[0]["source"]).startswith("# ")
    first_code = code_cells({"cells": cells})[0]
    assert "setup_notebook()" in "".join(first_code["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_links_to_its_neighbours(path):
    text = "".join("".join(c["source"]) for c in load(path)["cells"])
    index = NOTEBOOKS.index(path)
    if index > 0:
        assert NOTEBOOKS[index - 1].name in text
    if index < len(NOTEBOOKS) - 1:
        assert NOTEBOOKS[index + 1].name in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_plots_end_with_show_not_a_semicolon(path):
    for cell in code_cells(load(path)):
        lines = "".join(cell["source"]).rstrip().splitlines()
        assert not lines[-1].rstrip().endswith(";"), lines[-1]


def _text(node):
    return node.get("raw", "") + "".join(_text(child) for child in node.get("children", []))


def test_readme_maps_every_notebook_in_one_table():
    """Parsed as GitHub renders it (GFM tables): a blank line inside the table would end
    it and leave the rows after it as raw text."""
    import mistune

    markdown = mistune.create_markdown(renderer="ast", plugins=["table"])
    tables = [n for n in markdown((ROOT / "README.md").read_text(encoding="utf-8"))
              if n["type"] == "table"]  # fmt: skip
    rows_per_table = []
    for table in tables:
        body = next(part for part in table["children"] if part["type"] == "table_body")
        rows_per_table.append([_text(row["children"][0]) for row in body["children"]])
    wanted = [f"notebooks/{path.name}" for path in NOTEBOOKS]
    assert wanted in rows_per_table, rows_per_table


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_left_out_of_the_comparison_says_why(path):
    """nbval skips a cell marked # NBVAL_IGNORE_OUTPUT; the marker comes first and the
    reason on the next line, so that a reader sees at once what is not checked and why."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or "NBVAL_IGNORE_OUTPUT" not in source:
            continue
        lines = source.splitlines()
        assert lines[0] == "# NBVAL_IGNORE_OUTPUT", f"cell {index}: the marker is not line 1"
        assert len(lines) > 1 and lines[1].startswith("# Not compared: "), (
            f"cell {index}: line 2 should say why, as '# Not compared: <reason>'"
        )


SUBMODULES = {p.stem for p in (ROOT / "helpers").glob("*.py")} | {"checks"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_one_import_style_import_helpers_and_named_submodules(path):
    """`import helpers`, then `from helpers import train, plots` for submodules only, in
    the set-up cell; everything called with its prefix (helpers.x or module.x)."""
    for index, cell in enumerate(code_cells(load(path))):
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names if alias.name.startswith("helpers")]
                if not modules:
                    continue
                assert modules == ["helpers"], f"import {', '.join(modules)}: use the prefix"
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers"):
                names = {alias.name for alias in node.names}
                assert node.module == "helpers", f"from {node.module} import ...: use the prefix"
                assert names <= SUBMODULES, f"not submodules: {sorted(names - SUBMODULES)}"
            else:
                continue
            assert index == 0, "helpers is imported in the set-up cell only"


MAX_CELL_LINES = 25
LESSON_CODE = "# Lesson code: "
EXERCISE = "an exercise"


def long_cell_exemption(lines):
    """Why a code cell may be longer than MAX_CELL_LINES, or None: it holds an exercise's
    solution, or it is code that is itself the lesson, marked in its first lines (after
    any # NBVAL_ lines) as '# Lesson code: <why>'."""
    if any("### BEGIN SOLUTION" in line for line in lines):
        return EXERCISE
    header = [line for line in lines[:4] if line.startswith("#")]
    marked = [line for line in header if line.startswith(LESSON_CODE)]
    return marked[0][len(LESSON_CODE) :] if marked else None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_code_cells_are_short_unless_they_are_the_lesson(path):
    """A notebook is narrative: a figure or a tool longer than MAX_CELL_LINES belongs in
    helpers. Exercises and code that is itself the lesson (marked) are exempt."""
    for index, cell in enumerate(load(path)["cells"]):
        lines = "".join(cell["source"]).splitlines()
        if cell["cell_type"] != "code" or len(lines) <= MAX_CELL_LINES:
            continue
        why = long_cell_exemption(lines)
        assert why is not None, (
            f"cell {index} has {len(lines)} lines (at most {MAX_CELL_LINES}): move a figure "
            f"or a tool into helpers, split the cell, or mark it '{LESSON_CODE}<why>'"
        )
        assert why == EXERCISE or len(why) >= 20, f"cell {index}: say why it is the lesson"


def test_the_lesson_code_marker_is_found_and_a_reason_is_read():
    assert long_cell_exemption(["# Lesson code: the stacked gates, step by step", "x = 1"])
    assert long_cell_exemption(["x = 1  # Lesson code: too late", "y = 2"]) is None
    assert long_cell_exemption(["### BEGIN SOLUTION", "x = 1"]) == EXERCISE
