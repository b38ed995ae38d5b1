"""Start JupyterLab with `make lab` on a free loopback port, and stop it by its PID."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# News and update checks off: the server and the page must not reach for the network.
QUIET = "--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def make_lab(extra_args="", env=None, log=subprocess.DEVNULL, seconds=120, target="lab",
             variables=()):  # fmt: skip
    """Run `make lab` (or `make <target>`, e.g. student-lab, with make variables such as
    "STUDENT=...") in its own process group; yield the base URL once /api/status answers.

    PYTHON is the interpreter running the tests (the one in .venv), so that make neither
    rebuilds nor reinstalls the environment the tests run in.
    """
    port = free_port()
    args = (
        f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token= "
        f"--ServerApp.allow_root=True {QUIET} {extra_args}"
    )
    server = subprocess.Popen(
        ["make", "--no-print-directory", target, f"PYTHON={sys.executable}", f"LAB_ARGS={args}",
         *variables],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + seconds
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"make {target} exited with code {server.returncode}")
            try:
                with urllib.request.urlopen(f"{url}/api/status", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not answer within {seconds} s") from None
                time.sleep(0.3)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and jupyter stop together
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
