"""`make lab` serves JupyterLab on the notebooks (started on loopback, stopped by its PID)."""

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
