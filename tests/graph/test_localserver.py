"""graph/localserver.py, without starting anything: the config it writes and a safe stop."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph import localserver
from graph.errors import ServerError
from graph.settings import Settings


@pytest.fixture
def local_settings(tmp_path: Path) -> Settings:
    return Settings(neo4j_uri=None, neo4j_home=tmp_path / "home", neo4j_bolt_port=27687,
                    neo4j_http_port=27474, neo4j_pagecache="256m")


@pytest.fixture
def conf(local_settings: Settings) -> dict[str, str]:
    folder = localserver.write_config(local_settings)
    assert folder == (local_settings.neo4j_home / "conf").resolve()
    entries = {}
    for line in (folder / "neo4j.conf").read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            assert key not in entries, f"{key} is set twice"
            entries[key] = value
    return entries


def test_listens_on_loopback_only(conf: dict[str, str]) -> None:
    addresses = {key: value for key, value in conf.items() if key.endswith(("listen_address", "advertised_address"))}
    assert addresses["server.default_listen_address"] == "127.0.0.1"
    assert all(value.startswith("127.0.0.1") for value in addresses.values()), addresses
    assert conf["server.https.enabled"] == "false"


def test_ports_come_from_settings(conf: dict[str, str]) -> None:
    assert conf["server.bolt.listen_address"] == "127.0.0.1:27687"
    assert conf["server.http.listen_address"] == "127.0.0.1:27474"


def test_auth_on_and_no_usage_report(conf: dict[str, str]) -> None:
    assert conf["dbms.security.auth_enabled"] == "true"
    assert conf["dbms.usage_report.enabled"] == "false"


def test_load_csv_cannot_read_files(conf: dict[str, str], local_settings: Settings) -> None:
    assert conf["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert conf["server.directories.import"] == str((local_settings.neo4j_home / "import").resolve())
    assert conf["dbms.security.procedures.unrestricted"] == ""


def test_folders_and_memory(conf: dict[str, str], local_settings: Settings) -> None:
    home = local_settings.neo4j_home.resolve()
    for folder in ("data", "logs", "run", "plugins", "import"):
        assert conf[f"server.directories.{folder}"] == str(home / folder)
        assert (home / folder).is_dir()
    assert conf["server.memory.pagecache.size"] == "256m"
    assert conf["db.transaction.timeout"].endswith("s")


def test_rewriting_the_config_is_idempotent(local_settings: Settings) -> None:
    first = (localserver.write_config(local_settings) / "neo4j.conf").read_text()
    assert (localserver.write_config(local_settings) / "neo4j.conf").read_text() == first


def test_stop_does_not_signal_an_unrelated_process(local_settings: Settings) -> None:
    """A stale pid file whose number now belongs to another process: here, this test run."""
    localserver.write_config(local_settings)
    pid_file = local_settings.neo4j_home.resolve() / "run" / "intelgraph-neo4j.pid"
    pid_file.write_text(f"{os.getpid()}\n")
    assert localserver.stop(local_settings, timeout_s=0.5) is False  # we are still alive to assert it
    assert not pid_file.exists()
    assert localserver.status(local_settings).pid is None


@pytest.mark.parametrize("content", [None, "not a pid\n", "999999999\n"])
def test_stop_without_a_live_server(local_settings: Settings, content: str | None) -> None:
    localserver.write_config(local_settings)
    if content is not None:
        (local_settings.neo4j_home / "run" / "intelgraph-neo4j.pid").write_text(content)
    assert localserver.stop(local_settings) is False


def test_stop_refuses_an_external_server(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match="NEO4J_URI is set"):
        localserver.stop(Settings(neo4j_uri="bolt://db.example:7687", neo4j_home=tmp_path))
