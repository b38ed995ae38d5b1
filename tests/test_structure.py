"""helpers is a library with one home for each thing: layouts defined once, next to the
reference cells; no module reaching into another's private names; figures and
measurements that load without ipywidgets."""

import ast
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT

MODULES = sorted((ROOT / "helpers").rglob("*.py"))


def relative_imports(tree):
    """(module, name) for every `from .module import name` in a module's syntax tree."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            for alias in node.names:
                yield node.module or ".", alias.name


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_uses_another_modules_private_names(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [name for _, name in relative_imports(tree) if name.startswith("_")]
    assert not imported, f"private names imported: {imported}"
    modules = {name for module, name in relative_imports(tree) if module == "."}
    reached = [
        f"{node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in modules
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
    ]
    assert not reached, f"private names of other modules used: {reached}"


def test_the_lstm_cache_layout_and_gate_order_are_defined_once():
    """Only helpers/lstm.py spells out the cache's fields or the gates' order; the rest
    (helpers, the classroom tools and the notebooks' code) reads lstm.CellCache,
    lstm.CACHE_FIELDS and lstm.GATES. Exercises are the exception: a learner writes the
    cell again, gate by gate, as the reference does."""
    layout = re.compile(r"""["']a_next["'],\s*["']c_next["'],\s*["']a_prev["']""")
    order = re.compile(
        r"""["']fico["']|\(["']f["'],\s*["']i["'],\s*["']c["'],\s*["']o["']\)"""
        r"""|["']Wf["'],\s*["']bf["'],\s*["']Wi["']|["']Wf["'],\s*["']Wi["'],\s*["']Wc["']"""
    )
    sources = {path.name: path.read_text(encoding="utf-8") for path in MODULES}
    sources |= {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "classroom").glob("*.py")}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources[path.name] = "\n".join(
            "".join(c["source"])
            for c in cells
            if c["cell_type"] == "code" and "### BEGIN SOLUTION" not in "".join(c["source"])
        )
    for name, text in sources.items():
        if name == "lstm.py":
            continue
        assert not layout.search(text), f"{name} spells out the LSTM cache layout"
        assert not order.search(text), f"{name} spells out the gate order"


MAX_MODULE_LINES = 400


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_helpers_module_stays_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split it by meaning"


def test_figures_and_measurements_load_without_ipywidgets():
    blocked = (
        "import sys; sys.modules['ipywidgets'] = None\n"
        "import helpers, helpers.plots, helpers.gates, helpers.gradient_flow\n"
        "import helpers.language_model, helpers.train, helpers.checks\n"
    )
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_teachers_tools_live_outside_the_learners_package():
    assert not (ROOT / "helpers" / "student.py").exists()
    assert (ROOT / "classroom" / "student.py").exists()
