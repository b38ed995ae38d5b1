"""The project's set-up files agree with each other."""

import re

import pytest
import yaml
from packaging.markers import Marker

from conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

SUPPORTED_PYTHONS = ("3.10", "3.11", "3.12", "3.13")


def requirement_name(spec):
    return re.split(r"[<>=!~;\[ ]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


# conda-forge names of the course's runtime packages, where they differ from PyPI's.
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}


def environment_yml():
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def conda_pins():
    """PyPI name -> version pinned in environment.yml (python and pip left out)."""
    pins = {}
    for spec in environment_yml()["dependencies"]:
        if isinstance(spec, str) and requirement_name(spec) not in {"python", "pip"}:
            name, _, version = spec.partition("=")
            pins[CONDA_TO_PYPI.get(name, name)] = version
    return pins


def test_environment_yml_holds_the_runtime_packages_of_pyproject():
    runtime = {requirement_name(spec) for spec in pyproject()["project"]["dependencies"]}
    assert set(conda_pins()) == runtime


def test_environment_yml_pins_the_versions_of_the_lock_for_its_python():
    assert "python=3.11" in environment_yml()["dependencies"]
    pins = lock_pins("3.11")
    for name, version in conda_pins().items():
        assert pins[name] == version, name


def test_environment_yml_installs_the_course_package_with_pip():
    pip_section = next(d["pip"] for d in environment_yml()["dependencies"] if isinstance(d, dict))
    assert pip_section == ["-e ."]


def lock_pins(python, platform="linux"):
    """name -> version that requirements.lock installs on this Python and platform."""
    environment = {
        "python_version": python,
        "python_full_version": f"{python}.0",
        "sys_platform": platform,
        "os_name": "posix",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
    }
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        requirement, _, marker = line.partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate(environment):
            continue
        name, version = requirement.strip().split("==")
        assert name.lower().replace("_", "-") not in pins, f"two pins of {name} for {python}"
        pins[name.lower().replace("_", "-")] = version
    return pins


def direct_dependencies():
    project = pyproject()["project"]
    extras = project["optional-dependencies"].values()
    return project["dependencies"] + [spec for extra in extras for spec in extra]


@pytest.mark.parametrize("python", SUPPORTED_PYTHONS)
def test_lock_pins_every_direct_dependency_exactly_on_every_supported_python(python):
    pins = lock_pins(python)
    for spec in direct_dependencies():
        assert requirement_name(spec) in pins, spec


def test_the_default_python_gets_the_versions_the_outputs_were_made_with():
    pins = lock_pins("3.11")
    assert (pins["numpy"], pins["matplotlib"]) == ("2.4.6", "3.11.2")


def test_supported_pythons_are_those_of_pyproject_and_of_the_venv_script():
    assert pyproject()["project"]["requires-python"] == ">=3.10"
    assert "SUPPORTED = ((3, 10), (3, 13))" in (ROOT / "scripts" / "make_venv.py").read_text()


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_make_lab_adds_allow_root_only_for_root():
    import os
    import subprocess

    plan = subprocess.run(
        ["make", "-n", "--no-print-directory", "lab", 'LAB_ARGS=--no-browser --port 8899'],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    lab_line = next(line for line in plan.splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in lab_line) == (os.geteuid() == 0)
    assert lab_line.endswith("--no-browser --port 8899")


def test_make_help_lists_every_target_and_the_variables():
    import subprocess

    text = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = next(line for line in makefile.replace("\\\n", " ").splitlines()
                 if line.startswith(".PHONY:"))  # fmt: skip
    for target in phony.split()[1:]:
        if not target.endswith("-env") and target != "help":
            assert f"make {target}" in text, target
    for variable in ("PYTHON=", "LAB_ARGS=", "FORCE=1", "TIMEOUT=", "JOBS="):
        assert variable in text, variable
