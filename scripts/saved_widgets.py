"""The widgets of an executed notebook, kept beside it for the static site.

The committed notebooks keep no widget state: JupyterLab 4 cannot show a saved widget
(it prints "Error displaying widget: model not found"), so `make execute` keeps only each
widget's text fallback in the notebook. The views and the state of the widgets it showed
go to `site/widgets/<notebook>.json`, made by the same execution as the committed outputs,
and `make html` puts them back into the pages without executing anything again.

A record is JSON:
    {"code": sha256 of the notebook's code cells (source and number of outputs),
     "views": [{"cell": i, "output": j, "view": {"model_id": ..., ...}}, ...],
     "state": {model_id: {"model_name": ..., "state": {...}, ...}, ...},
     "version": [major, minor] of the widget state format}
Model ids are renamed to ids derived from the notebook's name and the order in which the
views reach them, so that executing an unchanged notebook again writes the same record.
"""

import hashlib
import json
import re
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "site" / "widgets"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
REFERENCE = re.compile(r"IPY_MODEL_([0-9a-f]{32})")
NAMESPACE = uuid.UUID("5b1f6c8e-6f0e-4d55-9a53-2f3f0c0e7a11")


class StaleRecord(Exception):
    """The saved widgets were made from other code than the notebook's."""


def record_path(notebook):
    return RECORDS / f"{Path(notebook).stem}.json"


def code_fingerprint(nb):
    """sha256 of every code cell's source and number of outputs, in order."""
    cells = [
        [cell.source, len(cell.get("outputs", []))] for cell in nb.cells if cell.cell_type == "code"
    ]
    return hashlib.sha256(json.dumps(cells).encode()).hexdigest()


def reachable(state, roots):
    """Model ids reachable from roots by IPY_MODEL_ references, in breadth-first order."""
    order, queue = [], list(roots)
    while queue:
        model_id = queue.pop(0)
        if model_id in order or model_id not in state:
            continue
        order.append(model_id)
        queue.extend(REFERENCE.findall(json.dumps(state[model_id])))
    return order


def split(nb, name):
    """Take the widget views and state out of an executed notebook (in place).

    nb:   an nbformat notebook executed with widget state stored (nbclient's
          store_widget_state=True); its streams already coalesced, as it will be saved.
    name: the notebook's file name without suffix, which seeds the stable model ids.
    Returns the record for site/widgets/, or None when the notebook shows no widget.
    """
    saved = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {})
    state = saved.get("state", {})
    views = []
    for c, cell in enumerate(nb.cells):
        for o, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).pop(WIDGET_VIEW, None)
            if view is not None:
                views.append({"cell": c, "output": o, "view": view})
    if not views:
        return None
    kept = reachable(state, [v["view"]["model_id"] for v in views])
    renamed = {old: uuid.uuid5(NAMESPACE, f"{name}/{k}").hex for k, old in enumerate(kept)}
    text = json.dumps({"views": views, "state": {old: state[old] for old in kept}})
    if renamed:
        text = re.sub("|".join(renamed), lambda m: renamed[m.group(0)], text)
    version = [saved.get("version_major", 2), saved.get("version_minor", 0)]
    return {"code": code_fingerprint(nb), "version": version, **json.loads(text)}


def write(record, notebook):
    """Write (or, for None, remove) the record of a notebook."""
    path = record_path(notebook)
    if record is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read(notebook):
    """The record of a notebook, or None when it has none."""
    path = record_path(notebook)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def merge(nb, record, notebook="the notebook"):
    """Put a record's views and state back into a committed notebook (in place).

    Raises StaleRecord when the notebook's code changed since the record was made, or a
    view's place holds no widget fallback: `make execute` writes both again.
    """
    if record is None:
        return nb
    if record["code"] != code_fingerprint(nb):
        raise StaleRecord(f"{notebook}: its saved widgets were made from other code")
    for view in record["views"]:
        try:
            output = nb.cells[view["cell"]].outputs[view["output"]]
        except (IndexError, AttributeError):
            output = None
        if output is None or output.output_type not in ("display_data", "execute_result"):
            raise StaleRecord(
                f"{notebook}: cell {view['cell']} has no widget output {view['output']}"
            )
        output.data[WIDGET_VIEW] = view["view"]
    nb.metadata["widgets"] = {
        WIDGET_STATE: {
            "state": record["state"],
            "version_major": record["version"][0],
            "version_minor": record["version"][1],
        }
    }
    return nb


def missing_models(record):
    """Model ids that a record's views or state refer to but whose state it lacks."""
    roots = [v["view"]["model_id"] for v in record["views"]]
    referenced = set(roots) | set(REFERENCE.findall(json.dumps(record["state"])))
    return sorted(referenced - set(record["state"]))
