"""Known vulnerabilities in what the project installs and ships (README «Зависимости»), for .ci/run.

Every package of the locks is checked against PyPI's advisories (pip-audit), the vendored JavaScript
(vendored.json, with the libraries built into each file) against npm's (npm audit on a lock file made
for the purpose). A vulnerability fails the run with the package, its version, the advisory and the
version that fixes it. Where a service does not answer (a network that reaches the registries' files
but not their advisories) the run says what went unchecked; with JOBDESC_REQUIRE_AUDIT=1 (the CI
workflow) that fails too, as a missing browser does. Standard library only; run with .venv-tools' Python.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ["requirements-mutation.lock", "requirements-tools.lock"]  # every other lock is inside the first


def python_packages() -> tuple[list[str], list[str]]:
    """(vulnerabilities, packages not checked) of every locked package."""
    tools = Path(sys.executable).parent
    args = [str(tools / "pip-audit"), "--format", "json", "--progress-spinner", "off", "--disable-pip",
            "--require-hashes", "--vulnerability-service", "pypi"]
    for lock in LOCKS:
        args += ["-r", str(ROOT / lock)]
    run = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return [], [f"pip-audit did not answer ({run.stderr.strip()[-500:]})"]
    return pip_audit_findings(report)


def pip_audit_findings(report: dict) -> tuple[list[str], list[str]]:
    """pip-audit's JSON report as lines: package, version, advisory, fixed version; and what it skipped."""
    found, unchecked = [], []
    for package in report.get("dependencies", []):
        name, version = package["name"], package.get("version", "?")
        if "skip_reason" in package:
            unchecked.append(package["skip_reason"])
        for vuln in package.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            aliases = f" ({', '.join(vuln['aliases'])})" if vuln.get("aliases") else ""
            found.append(f"{name} {version}: {vuln['id']}{aliases}, fixed in {fixed}")
    return found, unchecked


def vendored_javascript() -> tuple[list[str], list[str]]:
    """(vulnerabilities, components not checked) of vendored.json's components and what they bundle."""
    components = json.loads((ROOT / "vendored.json").read_text(encoding="utf-8"))["components"]
    pins = {}
    for component in components:
        pins[component["name"]] = component["version"]
        pins.update(component.get("bundles", {}))
    names = [f"{name} {version}" for name, version in pins.items()]
    if shutil.which("npm") is None:
        return [], [f"{name}: npm is not installed" for name in names]
    with tempfile.TemporaryDirectory() as folder:
        root = {"name": "vendored", "version": "0.0.0", "dependencies": pins}
        lock = {"name": "vendored", "version": "0.0.0", "lockfileVersion": 3, "requires": True,
                "packages": {"": root, **{f"node_modules/{n}": {"version": v} for n, v in pins.items()}}}
        Path(folder, "package.json").write_text(json.dumps(root), encoding="utf-8")
        Path(folder, "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
        run = subprocess.run(["npm", "audit", "--package-lock-only", "--json"], cwd=folder,
                             capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        report = {}
    if "vulnerabilities" not in report:
        reason = report.get("message") or run.stderr.strip()[-300:]
        return [], [f"{name}: npm audit: {reason}" for name in names]
    return npm_audit_findings(report, pins), []


def npm_audit_findings(report: dict, pins: dict[str, str]) -> list[str]:
    """npm audit's JSON report as lines: package, version, advisory, the versions it affects."""
    found = []
    for name, entry in report.get("vulnerabilities", {}).items():
        for via in entry.get("via", []):
            if isinstance(via, dict):
                found.append(f"{name} {pins.get(name, '?')}: {via.get('url') or via.get('title')}, affects "
                             f"{via.get('range')}: fixed in the first version after that range")
    return found


def main() -> int:
    required = os.environ.get("JOBDESC_REQUIRE_AUDIT") == "1"
    failed = False
    for what, check in (("Python packages (pip-audit, PyPI)", python_packages),
                        ("vendored JavaScript (npm audit)", vendored_javascript)):
        found, unchecked = check()
        for line in found:
            print(f"VULNERABLE: {line}")
        if unchecked:
            print(f"{what}: {len(unchecked)} NOT CHECKED, the advisory service did not answer; "
                  f"the first: {unchecked[0]}")
        elif not found:
            print(f"{what}: no known vulnerabilities")
        failed |= bool(found) or (required and bool(unchecked))
    if failed:
        print("Upgrade the package to a fixed version (README «Зависимости»: how), then run .ci/lock and the tests.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
