"""scripts/check_links.py, offline: every answer it may meet, from a server on 127.0.0.1."""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from scripts.check_links import check_url, main
from support.project import PROJECT
from support.server import address, running


class _Handler(http.server.BaseHTTPRequestHandler):
    """A small site with one address for each kind of answer."""

    def _answer(self, with_body: bool):
        path = self.path
        if path == "/slow":
            time.sleep(1.5)
        if path in ("/moved", "/moved-to-gone"):
            self.send_response(301)
            self.send_header("Location", "/ok" if path == "/moved" else "/gone")
            self.end_headers()
            return
        if path == "/elsewhere-for-now":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        status = {
            "/ok": 200,
            "/slow": 200,
            "/gone": 404,
            "/removed": 410,
            "/error": 500,
            "/forbidden": 403,
            "/busy": 429,
        }.get(path, 404)
        if path == "/no-head":
            status = 200 if with_body else 405
        if path == "/flaky":
            self.server.flaky_calls += 1
            status = 503 if self.server.flaky_calls <= 2 else 200  # HEAD and GET fail once, then all is well
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        if with_body:
            self.wfile.write(b"<p>hello</p>")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    with running(_Handler) as httpd:
        httpd.flaky_calls = 0
        yield httpd, address(httpd)


@pytest.fixture
def base(server):
    httpd, url = server
    httpd.flaky_calls = 0
    return url


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    "path, status, detail",
    [
        ("/ok", "ok", "200 OK"),
        ("/no-head", "ok", "200 OK"),  # HEAD refused, GET answered
        ("/elsewhere-for-now", "ok", "200 OK"),
        ("/gone", "broken", "404"),
        ("/removed", "broken", "410"),
        ("/error", "broken", "500"),
        ("/moved-to-gone", "broken", "404"),
        ("/forbidden", "unsure", "403"),
        ("/busy", "unsure", "429"),
    ],
)
def test_each_answer_is_sorted(base, path, status, detail):
    result = check_url(base + path, timeout=5, retries=0)
    assert (result.status, result.detail.split(";")[0].startswith(detail)) == (status, True), result


def test_a_permanent_move_is_reported_with_the_new_address(base):
    result = check_url(base + "/moved", timeout=5, retries=0)
    assert result.status == "ok" and result.final_url == base + "/ok"
    assert f"(moved to {base}/ok: update data/sources.yaml)" in str(result)
    assert not check_url(base + "/elsewhere-for-now", timeout=5, retries=0).moved  # a 302 is not a move


def test_a_passing_failure_is_tried_again(base):
    assert check_url(base + "/flaky", timeout=5, retries=1, retry_wait=0).status == "ok"


def test_no_answer_in_time_and_refused_connections_are_broken(base):
    slow = check_url(base + "/slow", timeout=0.3, retries=0)
    assert (slow.status, slow.detail) == ("broken", "no answer within 0.3 s")
    refused = check_url(f"http://127.0.0.1:{closed_port()}/", timeout=2, retries=0)
    assert refused.status == "broken" and refused.detail.startswith("cannot connect")


def test_command_exits_1_on_a_broken_link_and_annotates_it(base, capsys, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code = main([base + "/ok", base + "/gone", base + "/forbidden", "--retries", "0", "--timeout", "5", "--github"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"BROKEN {base}/gone: 404" in out
    assert f"::error file=data/sources.yaml,title=Source link broken::BROKEN {base}/gone: 404" in out
    assert f"::warning file=data/sources.yaml,title=Source link unsure::UNSURE {base}/forbidden: 403" in out
    assert out.rstrip().endswith("3 addresses: 1 ok, 1 unsure, 1 broken")
    assert "3 addresses: 1 ok, 1 unsure, 1 broken" in summary.read_text(encoding="utf-8")


def test_command_exits_0_when_nothing_is_broken(base, capsys):
    assert main([base + "/ok", base + "/forbidden", "--retries", "0", "--timeout", "5"]) == 0


def help_services(data: Path) -> list[dict]:
    countries = yaml.safe_load((data / "help.yaml").read_text(encoding="utf-8"))["countries"]
    return [service for country in countries for service in country["services"]]


def test_by_default_it_checks_every_source_and_help_service_url_in_the_data():
    """--list shows what the weekly run asks for, without sending anything."""
    result = subprocess.run(
        [sys.executable, "scripts/check_links.py", "--list"], cwd=PROJECT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    sources = yaml.safe_load((PROJECT / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    services = help_services(PROJECT / "data")
    assert len(services) >= 4
    assert result.stdout.splitlines() == [source["url"] for source in sources] + [
        service["url"] for service in services
    ]


def test_a_broken_help_service_address_is_named_with_its_file(base, capsys, tmp_path):
    """The real data, every address pointed at the local server, one help service's at a page that is gone."""
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    sources = yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))
    for source in sources["sources"]:
        source["url"] = base + "/ok"
    (data / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    help_file = yaml.safe_load((data / "help.yaml").read_text(encoding="utf-8"))
    for country in help_file["countries"]:
        for service in country["services"]:
            service["url"] = base + "/ok"
    broken = help_file["countries"][1]["services"][0]
    broken["url"] = base + "/gone"
    (data / "help.yaml").write_text(yaml.safe_dump(help_file), encoding="utf-8")

    code = main(["--data", str(data), "--retries", "0", "--timeout", "5", "--github"])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        f"::error file=data/help.yaml,title=Help service link broken::help service '{broken['name']}': "
        f"BROKEN {base}/gone: 404"
    ) in out
    total = len(sources["sources"]) + len(help_services(data))
    assert out.rstrip().endswith(f"{total} addresses: {total - 1} ok, 0 unsure, 1 broken")


def test_a_moved_help_service_address_says_which_file_to_update(base):
    result = check_url(base + "/moved", timeout=5, retries=0)
    result.file = "data/help.yaml"
    assert f"(moved to {base}/ok: update data/help.yaml)" in str(result)
