"""The README's quick start works as written on a fresh machine, and the build of the sample says little.

The two commands are read from the README itself, so the test and the README cannot drift apart. The
install-and-serve command runs literally in a copy of the project with no virtual environment yet
(installing the locked packages by hash, from pip's cache), its site must answer; a plain `mkdocs build`
there, in the environment as the README opens it, must print a handful of lines. The install-and-test
command is what .ci/run runs.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

README = ROOT / "README.md"
SHORT_LOG = 12  # lines a build of the sample may print
NOISE = ("end of life", "NO_MKDOCS_2_WARNING", "[macros]", "benchmark.md", "Traceback")


def fenced_bash(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S)]


def quick_start() -> tuple[str, str]:
    """The README's two commands: install and serve, install and test."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Быстрый старт"):]
    section = section[:section.index("\n## ", 5)]
    commands = fenced_bash(section)
    assert len(commands) == 2, f"the quick start must give exactly two commands, it gives {commands}"
    serve, test = commands
    assert "\n" not in serve and "\n" not in test, "each quick-start command is one line to paste"
    assert serve.endswith("mkdocs serve --dirty") and "pytest" in test, commands
    return serve, test


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = quick_start()
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in lines, f".ci/run must run the README's test command as written: {test}"


SLOW_RUN = ".venv/bin/python -m pytest -m slow -n 0"


def ci_tail(tmp_path: Path, codes: dict[str, int]) -> tuple[int, list[str]]:
    """.ci/run from the README's test command on, run by bash as CI runs it, with stand-ins for the installer
    and pytest that exit with `codes` ("venv", "pip", "quick", "slow"). Returns the exit code and what ran."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    _, test = quick_start()
    tail = "\n".join(lines[lines.index(test):])
    bin_dir, venv = tmp_path / "bin", tmp_path / ".venv" / "bin"
    for folder in (bin_dir, venv):
        folder.mkdir(parents=True)
    stand_ins = {bin_dir / "python3": f'exit {codes.get("venv", 0)}',
                 venv / "pip": f'exit {codes.get("pip", 0)}',
                 venv / "python": f'[ "$*" = "-m pytest" ] && exit {codes.get("quick", 0)}; '
                                  f'[ "$*" = "-m pytest -m slow -n 0" ] && exit {codes.get("slow", 0)}; exit 99'}
    for path, body in stand_ins.items():
        path.write_text(f'#!/bin/sh\necho "{path.name} $*" >> "{tmp_path}/ran"\n{body}\n', encoding="utf-8")
        path.chmod(0o755)
    done = subprocess.run(["bash", "-c", "set -euo pipefail\n" + tail], cwd=tmp_path, capture_output=True, text=True,
                          env=dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}"), timeout=60)
    ran = (tmp_path / "ran").read_text(encoding="utf-8").splitlines() if (tmp_path / "ran").exists() else []
    return done.returncode, ran


def test_ci_runs_the_quick_tests_then_the_slow_ones_and_fails_if_either_fails(tmp_path):
    """A plain `pytest` leaves the slow tests out (pytest.ini «slow»): CI runs them too, so every test runs
    in CI; a failed install, a failed run or a run that selects no test (pytest's exit code 5) fails CI."""
    code, ran = ci_tail(tmp_path / "ok", {})
    assert code == 0 and ran[-2:] == ["python -m pytest", "python -m pytest -m slow -n 0"], ran
    for failing in ({"pip": 1}, {"venv": 1}, {"quick": 1}, {"slow": 1}, {"slow": 5}, {"quick": 5}):
        code, ran = ci_tail(tmp_path / "-".join(f"{k}{v}" for k, v in failing.items()), failing)
        assert code != 0, f"CI passes although {failing} failed; it ran {ran}"


def test_both_commands_use_a_virtual_environment():
    for command in quick_start():
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install --require-hashes -r requirements"), \
            f"the quick start installs the locked packages, checking their hashes (README «Зависимости»): {command}"
        assert re.search(r"-r requirements(-test)?\.lock ", command), command
        assert re.search(r"(^|&& )(pip|mkdocs|python3 -m pytest)\b", command) is None, \
            f"a command outside the virtual environment fails on Debian's own Python (PEP 668): {command}"


# Every document that shows a command to paste: the front door, HR's procedures and guide, the developer notes.
DOCUMENTS = ["README.md", "CONTRIBUTING.md", *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("docs/guide/*.md")),
             *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("macros/**/*.md") if "templates" not in p.parts),
             "overrides/README.md", "tests/README.md", "tests/benchmark/README.md", ".ci/README.md"]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_commands_in_the_documents_paste_as_written(document):
    """No `[--option …]` placeholders: pasted, the brackets become arguments and the command fails."""
    for block in fenced_bash((ROOT / document).read_text(encoding="utf-8")):
        for line in block.splitlines():
            assert not re.search(r"\s\[[^\]]*\]", line), f"{document}: a command with placeholders: {line}"


def test_the_notes_new_position_command_works_when_pasted(scratch):
    """The command macros/commands/README.md shows developers (CONTRIBUTING's own is tested in test_hr_messages)."""
    text = (ROOT / "macros" / "commands" / "README.md").read_text(encoding="utf-8")
    command = next(c for c in fenced_bash(text) if c.startswith("python3 -m macros.new_position"))
    env = dict(os.environ, PYTHONPATH=str(scratch))
    result = subprocess.run(command.replace("python3", sys.executable, 1), shell=True, cwd=scratch,
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (scratch / "docs/positions/glavnyy-bukhgalter.md").is_file(), result.stdout


def test_the_build_log_is_short(site):
    """The project's own build (PDFs, Word, archive): no plugin chatter, no notice about benchmark.md."""
    lines = site.output.strip().splitlines()
    assert not [line for line in lines if any(noise in line for noise in NOISE)], site.output
    assert len(lines) <= SHORT_LOG, f"the build prints {len(lines)} lines:\n{site.output}"


def fresh_machine_env() -> dict[str, str]:
    """The environment of a terminal on a fresh machine: no virtual environment, nothing of ours set."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JOBDESC_", "VIRTUAL_ENV", "PYTHON")) and k != "NO_MKDOCS_2_WARNING"}
    active = os.environ.get("VIRTUAL_ENV")
    if active:  # the tests may run inside the README's own .venv: its bin must not come first
        env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                      if not p.startswith(active))
    return env


def fresh_copy(folder: Path, port: int) -> Path:
    """The repository as cloned on a new machine: its files and a git history, no .venv.

    Only the address `mkdocs serve` listens on differs (a free port), so the command stays literal.
    """
    project = copy_project(folder / "job-descriptions")
    for name in ("requirements.txt", "requirements-test.txt", "requirements.lock", "requirements-test.lock"):
        shutil.copy2(ROOT / name, project / name)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\ndev_addr: 127.0.0.1:{port}\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=CI", "-c", "user.email=ci@example.local",
                                                 "commit", "-q", "-m", "clone"]):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)
    return project


@pytest.mark.slow  # a fresh virtual environment and `mkdocs serve`: minutes
def test_the_quick_start_in_a_fresh_virtual_environment(tmp_path):
    """The install-and-serve command as pasted, then `mkdocs build` as HR runs it in that environment."""
    serve, _ = quick_start()
    port = free_port()
    project = fresh_copy(tmp_path, port)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(["bash", "-c", serve], cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                   env=fresh_machine_env(), start_new_session=True)
    try:
        deadline = time.monotonic() + 600
        while b"Serving on" not in log.read_bytes():
            assert process.poll() is None, f"the command stopped:\n{log.read_text(errors='replace')[-4000:]}"
            assert time.monotonic() < deadline, log.read_text(errors="replace")[-4000:]
            time.sleep(1)
        for path, expected in (("", "Должностные инструкции"), ("positions/recruiter/", "Менеджер по подбору персонала")):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as answer:
                assert answer.status == 200 and expected in answer.read().decode("utf-8"), path
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    served = log.read_text(errors="replace")
    assert "end of life" not in served and "[macros]" not in served, served[-3000:]

    mkdocs = project / ".venv" / "bin" / "mkdocs"
    assert mkdocs.is_file(), "the command must install into .venv"
    # The README opens the environment with `. .venv/bin/activate && export NO_MKDOCS_2_WARNING=1`.
    assert "export NO_MKDOCS_2_WARNING=1" in README.read_text(encoding="utf-8")
    result = subprocess.run([str(mkdocs), "build"], cwd=project, capture_output=True, text=True,
                            env=dict(fresh_machine_env(), NO_MKDOCS_2_WARNING="1"), timeout=600)
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, output
    lines = output.splitlines()
    assert not [line for line in lines if any(noise in line for noise in NOISE)], output
    assert len(lines) <= SHORT_LOG, f"a build of the sample prints {len(lines)} lines:\n{output}"
    assert (project / "site" / "pdf" / "recruiter.pdf").is_file(), "PDFs need Pango: named in the README"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
