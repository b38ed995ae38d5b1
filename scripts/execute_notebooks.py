"""Re-execute notebooks in place, top to bottom in a fresh kernel, and keep them clean.

    python scripts/execute_notebooks.py notebooks/01_rnn_cell.ipynb [...]

Each notebook runs in its own folder with the current environment's Python kernel and
hermetic Jupyter/matplotlib folders. Editor metadata is dropped, so that a re-run only
changes what the code printed. The widgets a notebook shows are kept beside it, in
site/widgets/ (see saved_widgets.py), for the static site; the notebook keeps their text
fallbacks. Prints each notebook's wall time.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import saved_widgets
from nbclient import NotebookClient

KEEP_METADATA = ("kernelspec", "language_info")


def clean(nb):
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in KEEP_METADATA}
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k == "tags"}
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None


def coalesce_streams(cell):
    """Merge consecutive outputs of the same stream, so that a re-run that splits its
    output into different chunks gives the same file."""
    merged = []
    for output in cell.get("outputs", []):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and output.output_type == "stream"
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            previous.text += output.text
        else:
            merged.append(output)
    cell.outputs = merged


def execute(path):
    nb = nbformat.read(path, as_version=4)
    clean(nb)
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
        # The kernel listens on loopback only: its warning about unencrypted TCP is noise.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    ).execute()
    seconds = time.perf_counter() - start
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k == "tags"}
        if cell.cell_type == "code":
            coalesce_streams(cell)
    saved_widgets.write(saved_widgets.split(nb, path.stem), path)
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in KEEP_METADATA}
    nbformat.write(nb, path)
    return seconds


def problems(nb):
    """Error outputs and stderr text that would not stop nbclient (e.g. a figure that
    fails to render) but would fail the notebook lints."""
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {index}: {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr":
                found.append(f"cell {index}: stderr: {output.text.strip()[:200]}")
    return found


def main(paths):
    with tempfile.TemporaryDirectory(prefix="course-execute-") as scratch:
        for variable in (
            "JUPYTER_CONFIG_DIR",
            "JUPYTER_DATA_DIR",
            "JUPYTER_RUNTIME_DIR",
            "IPYTHONDIR",
            "MPLCONFIGDIR",
        ):
            os.environ[variable] = os.path.join(scratch, variable.lower())
        failed = False
        for path in map(Path, paths):
            print(f"{path.name:<40} {execute(path):6.1f} s", flush=True)
            for problem in problems(nbformat.read(path, as_version=4)):
                print(f"  {problem}", flush=True)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
