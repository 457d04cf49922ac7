"""The CI artifact can be looked at: the one line CONTRIBUTING gives, run as written on the site packed the
way actions/upload-artifact packs it, shows the catalog, the positions, their PDFs and search in Chromium."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from search_support import open_search, search_top_results

PORT_IN_DOCS = "8000"


def artifact_command() -> str:
    """The line CONTRIBUTING.md gives HR (.ci/README.md gives developers the same one)."""
    found = []
    for document in ("CONTRIBUTING.md", ".ci/README.md"):
        text = (ROOT / document).read_text(encoding="utf-8")
        found += [line.strip() for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S)
                  for line in block.splitlines() if "http.server" in line]
    assert len(found) == 2 and found[0] == found[1], f"CONTRIBUTING and .ci/README.md must give the same line: {found}"
    assert found[0].endswith(f" {PORT_IN_DOCS}") and "site.zip" in found[0], found[0]
    return found[0]


def pack_like_upload_artifact(site: Path, archive: Path) -> None:
    """actions/upload-artifact with `path: site` stores the folder's contents at the top of the zip."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
        for file in sorted(site.rglob("*")):
            if file.is_file():
                packed.write(file, file.relative_to(site).as_posix())


@pytest.fixture(scope="module")
def artifact_url(site, tmp_path_factory):
    downloads = tmp_path_factory.mktemp("downloads")
    pack_like_upload_artifact(site.site, downloads / "site.zip")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = artifact_command()[: -len(PORT_IN_DOCS)] + str(port)
    server = subprocess.Popen(["bash", "-c", command], cwd=downloads, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                assert server.poll() is None, "the command from CONTRIBUTING.md stopped"
                assert time.monotonic() < deadline, "the unpacked site never answered"
                time.sleep(0.3)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_the_documents_no_longer_say_to_open_index_html():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "откройте `index.html`" not in text


@pytest.mark.browser
def test_the_unpacked_artifact_shows_the_site(browser, artifact_url):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(artifact_url)
    assert page.locator("h1").first.inner_text() == "Должностные инструкции"
    # From the catalog to a position, as HR clicks.
    page.click("article a[href*='positions/recruiter/']")
    page.wait_for_selector("li[data-clause='2.1']")
    assert page.url == artifact_url + "positions/recruiter/"
    assert page.inner_text("h1") == "Менеджер по подбору персонала"
    pdf = page.get_attribute("a[href$='.pdf']", "href")
    with urllib.request.urlopen(urllib.request.urljoin(page.url, pdf), timeout=10) as answer:
        assert answer.headers.get_content_type() == "application/pdf" and answer.read(5) == b"%PDF-"
    # The menu leads to another department's position.
    page.goto(artifact_url + "positions/sales-head/")
    assert page.inner_text("h1") == "Руководитель отдела продаж"
    # Search works on the unpacked site.
    open_search(page, artifact_url)
    assert "positions/recruiter/" in search_top_results(page, "рекрутером")[:3]
    assert not errors, errors
    page.close()
