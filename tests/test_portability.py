"""The portability configurations: other SIMD loops, another BLAS kernel, one thread."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "portability.py"
spec = importlib.util.spec_from_file_location("portability", SCRIPT)
portability = importlib.util.module_from_spec(spec)
spec.loader.exec_module(portability)


def test_there_are_at_least_two_configurations():
    assert len(portability.configurations({})) >= 2


def test_numpy_features_switched_off_are_ones_numpy_can_dispatch_on_this_cpu():
    dispatch, _ = portability.numpy_dispatch()
    for _, variables in portability.configurations({}):
        names = variables.get("NPY_DISABLE_CPU_FEATURES", "").split()
        assert set(names) <= set(dispatch)


def test_a_blas_kernel_set_by_the_environment_is_left_alone():
    for _, variables in portability.configurations({"OPENBLAS_CORETYPE": "Haswell"}):
        assert "OPENBLAS_CORETYPE" not in variables


def test_one_configuration_runs_blas_on_one_thread():
    configs = portability.configurations({})
    assert any(v.get("OPENBLAS_NUM_THREADS") == "1" for _, v in configs)
