"""The course's share of the cores: the smallest of CPU_LIMIT, the cgroup's quota and the
affinity mask, rounded down, at least one; BLAS follows it unless the user chose."""

import pytest
from threadpoolctl import threadpool_limits

import helpers
from helpers import budget, threads


@pytest.mark.parametrize(
    ("cpu_limit", "quota", "affinity", "cores"),
    [
        (None, None, 64, 64),  # nothing set: every core of the mask
        ("1", None, 64, 1),  # a hub's limit of one CPU on a 64-core node
        ("1.5", None, 64, 1),  # fractional limits round down
        ("0.5", None, 64, 1),  # ... but never below one
        ("8", 2.0, 64, 2),  # the container's quota is tighter
        (None, 3.5, 2, 2),  # the affinity mask is tighter
        ("", None, 4, 4),  # an empty CPU_LIMIT means no limit
        ("a lot", None, 4, 4),  # so does one that is not a number
        ("-2", None, 4, 4),  # or not positive
    ],
)
def test_the_budget_is_the_smallest_bound_rounded_down(cpu_limit, quota, affinity, cores):
    environ = {} if cpu_limit is None else {"CPU_LIMIT": cpu_limit}
    assert budget.cpu_limit(environ, quota=quota, affinity=affinity) == cores


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_the_cgroup_v2_quota_is_the_tightest_from_the_process_up_to_the_root(tmp_path):
    root = tmp_path / "cgroup"
    write(root / "cpu.max", "max 100000\n")
    write(root / "kubepods" / "cpu.max", "150000 100000\n")
    write(root / "kubepods" / "learner" / "cpu.max", "max 100000\n")
    proc = tmp_path / "proc-cgroup"
    write(proc, "0::/kubepods/learner\n")
    assert budget.cgroup_quota(root, proc) == pytest.approx(1.5)


def test_no_cgroup_quota_reads_as_none(tmp_path):
    root = tmp_path / "cgroup"
    write(root / "cpu.max", "max 100000\n")
    proc = tmp_path / "proc-cgroup"
    write(proc, "0::/\n")
    assert budget.cgroup_quota(root, proc) is None
    assert budget.cgroup_quota(root, tmp_path / "no such file") is None


def test_a_cgroup_v1_quota_is_read_from_the_cpu_controller(tmp_path):
    root = tmp_path / "cgroup"
    write(root / "cpu" / "docker" / "abc" / "cpu.cfs_quota_us", "250000\n")
    write(root / "cpu" / "docker" / "abc" / "cpu.cfs_period_us", "100000\n")
    proc = tmp_path / "proc-cgroup"
    write(proc, "5:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n")
    assert budget.cgroup_quota(root, proc) == pytest.approx(2.5)


def test_a_thread_count_the_user_chose_is_named():
    assert budget.user_thread_setting({}) is None
    assert budget.user_thread_setting({"OPENBLAS_NUM_THREADS": "3"}) == (
        "OPENBLAS_NUM_THREADS",
        "3",
    )


@pytest.fixture
def no_thread_setting(monkeypatch):
    """No thread variable in the environment, and BLAS's threads put back afterwards."""
    for name in (*budget.THREAD_VARIABLES, "CPU_LIMIT"):
        monkeypatch.delenv(name, raising=False)
    with threadpool_limits(limits=None):  # restores BLAS's thread counts on exit
        yield monkeypatch


def test_under_a_one_cpu_limit_setup_notebook_leaves_blas_one_thread(no_thread_setting):
    no_thread_setting.setenv("CPU_LIMIT", "1")
    helpers.setup_notebook()
    assert threads.blas_threads() == 1


def test_setup_notebook_leaves_alone_a_thread_count_the_user_chose(no_thread_setting):
    with threadpool_limits(limits=2, user_api="blas"):  # as OPENBLAS_NUM_THREADS=2 would
        before = threads.blas_threads()
        no_thread_setting.setenv("CPU_LIMIT", "1")
        no_thread_setting.setenv("OPENBLAS_NUM_THREADS", "2")
        helpers.setup_notebook()
        assert threads.blas_threads() == before


def test_each_pytest_worker_gets_its_share_of_the_cores_as_a_cpu_limit():
    from session import share_the_cores

    three_workers = {"PYTEST_XDIST_WORKER_COUNT": "3", "CPU_LIMIT": "2"}
    assert share_the_cores(three_workers) == pytest.approx(2 / 3)
    assert budget.cpu_limit(three_workers) == 1  # one process, one BLAS thread each
    assert share_the_cores({}) is None  # no pytest-xdist: the run has every core
