"""The environment the tests run in is exactly the lock, requirements.txt.

A package that floats (as the theme once did, breaking the phone menu) or one
left over from an older lock would make the tests speak for an environment
nobody else gets. `make book` and `make test` install from the lock; this
checks that what is installed is what the lock says, name and version.
"""

import re
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.txt"
# A new venv brings pip (and, on some Pythons, setuptools and wheel) before any
# lock is read: their presence alone says nothing about the lock. When the lock
# does name one of them, its version is checked like any other.
VENV_SEED = {"pip", "setuptools", "wheel"}
# The project's own package, installed from the work tree with `pip install -e .`.
PROJECT = "backprop-by-hand-helpers"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked(text, environment=None):
    """{name: version} of every line of the lock whose marker holds here."""
    pins = {}
    for line in text.splitlines():
        match = PIN.match(line)
        if match is None:
            continue
        name, version, marker = match.groups()
        if marker is None or Marker(marker).evaluate(environment):
            pins[canonicalize_name(name)] = version
    return pins


def installed():
    """{name: version} of every distribution on this interpreter's path."""
    return {canonicalize_name(dist.metadata["Name"]): dist.version
            for dist in metadata.distributions()}


def differences(lock, present):
    """What is wrong with ``present`` against ``lock``, one line each."""
    problems = []
    for name, version in sorted(lock.items()):
        if name not in present:
            problems.append(f"{name}=={version} is locked but not installed")
        elif present[name] != version:
            problems.append(f"{name} is {present[name]}, the lock says {version}")
    for name, version in sorted(present.items()):
        if name not in lock and name not in VENV_SEED and name != canonicalize_name(PROJECT):
            problems.append(f"{name}=={version} is installed but not in the lock")
    return problems


def test_the_lock_is_read():
    lock = locked(LOCK.read_text())
    assert len(lock) > 100
    assert lock["jupyter-book"] == "1.0.4.post1"
    # A line with an environment marker counts only where the marker holds.
    assert "pywinpty" not in locked(LOCK.read_text(), {"os_name": "posix"})
    assert "pywinpty" in locked(LOCK.read_text(), {"os_name": "nt", "sys_platform": "win32"})


def test_a_difference_is_reported():
    lock = {"numpy": "2.2.6", "six": "1.17.0"}
    present = {"numpy": "2.3.0", "extra-thing": "1.0", "pip": "26.0"}
    assert differences(lock, present) == [
        "numpy is 2.3.0, the lock says 2.2.6",
        "six==1.17.0 is locked but not installed",
        "extra-thing==1.0 is installed but not in the lock",
    ]


def test_installed_packages_are_exactly_the_lock():
    problems = differences(locked(LOCK.read_text()), installed())
    assert problems == [], "\n".join(
        [*problems, "Remove .venv and run `make test`: it sets .venv up from the lock again."])
