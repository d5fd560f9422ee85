"""framing runs offline: the whole job succeeds in a process where every network connection fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # whole reports in subprocesses: run by CI, skipped by -m 'not slow'

BLOCK_NETWORK = """
import socket

def _refuse(*args, **kwargs):
    raise OSError("network access attempted during an offline test")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse

import nltk
nltk.download = lambda *a, **k: (_ for _ in ()).throw(OSError("nltk.download called"))
"""


def test_offline_analyze_writes_both_reports_without_network(tmp_path: Path) -> None:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(BLOCK_NETWORK, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(guard), os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / "reports"
    result = subprocess.run(
        [sys.executable, "-m", "framing", "analyze", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "network access attempted" not in result.stderr
    assert (out / "framing-report.html").stat().st_size > 10_000
    assert (out / "framing-report.pdf").read_bytes().startswith(b"%PDF")


def test_offline_guard_really_blocks(tmp_path: Path) -> None:
    """The guard above must make a connection fail, or the test above proves nothing."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(BLOCK_NETWORK, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(guard)}
    probe = "import socket; socket.create_connection(('127.0.0.1', 9))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    assert result.returncode != 0
    assert "network access attempted" in result.stderr
