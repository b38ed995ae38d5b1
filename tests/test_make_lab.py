"""`make lab` serves JupyterLab on the notebooks, `make student-lab` on the handouts
(started on loopback, stopped by its PID)."""

import json
import urllib.request

import pytest
from lab_server import make_lab


@pytest.mark.slow
def test_make_lab_serves_jupyterlab_on_the_notebooks():
    with make_lab() as url:
        with urllib.request.urlopen(f"{url}/api/contents", timeout=5) as response:
            contents = json.load(response)
        with urllib.request.urlopen(f"{url}/lab", timeout=5) as response:
            page = response.read().decode()
    assert "01_rnn_cell.ipynb" in {item["name"] for item in contents["content"]}  # root: notebooks/
    assert "JupyterLab" in page


@pytest.mark.slow
def test_make_student_lab_writes_the_handouts_and_serves_them(tmp_path):
    handouts = tmp_path / "student"
    with make_lab(target="student-lab", variables=[f"STUDENT={handouts}"]) as url:
        with urllib.request.urlopen(f"{url}/api/contents", timeout=5) as response:
            contents = json.load(response)
    names = {item["name"] for item in contents["content"]}
    assert "01_rnn_cell.ipynb" in names and (handouts / "01_rnn_cell.ipynb").exists()
    assert "raise NotImplementedError" in (handouts / "01_rnn_cell.ipynb").read_text()
