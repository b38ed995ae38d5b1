"""The project's set-up files agree with each other."""

import re

import tomllib
import yaml
from conftest import ROOT


def requirement_name(spec):
    return re.split(r"[<>=!~;\[ ]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_environment_yml_names_the_same_packages_as_pyproject():
    project = pyproject()["project"]
    declared = {requirement_name(s) for s in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        declared |= {requirement_name(s) for s in extra}
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {requirement_name(s) for s in env["dependencies"] if isinstance(s, str)}
    conda -= {"python", "pip"}
    assert conda == declared


def test_environment_yml_installs_the_course_package():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section


def test_lock_pins_every_direct_dependency_exactly():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    project = pyproject()["project"]
    extras = project["optional-dependencies"].values()
    specs = project["dependencies"] + [spec for extra in extras for spec in extra]
    for spec in specs:
        assert requirement_name(spec) in pins, spec


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
