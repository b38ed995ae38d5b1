"""`make lab` serves JupyterLab on the notebooks (started on loopback, stopped by its PID)."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import ROOT


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_make_lab_serves_jupyterlab_on_the_notebooks():
    port = free_port()
    lab_args = (
        f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token= "
        "--ServerApp.allow_root=True --LabApp.news_url=None --LabApp.check_for_updates_class="
        "jupyterlab.NeverCheckForUpdate"
    )
    server = subprocess.Popen(
        # -o: take the installed .venv as it is (make test has just brought it up to date).
        ["make", "--no-print-directory", "-o", ".venv/.installed", "lab", f"LAB_ARGS={lab_args}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: make and jupyter stop together
    )
    url = f"http://127.0.0.1:{port}"
    try:
        status = contents = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"{url}/api/status", timeout=2) as r:
                    status = json.load(r)
                with urllib.request.urlopen(f"{url}/api/contents", timeout=5) as r:
                    contents = json.load(r)
                with urllib.request.urlopen(f"{url}/lab", timeout=5) as r:
                    lab_page = r.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert status is not None, "JupyterLab did not answer on /api/status within 90 s"
        names = {item["name"] for item in contents["content"]}
        assert "01_rnn_cell.ipynb" in names  # the server's root is notebooks/
        assert "JupyterLab" in lab_page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
