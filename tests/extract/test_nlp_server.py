"""The local CoreNLP server listens on every interface, so it answers only with its password."""
from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from pydantic import SecretStr

from extract.nlp import server
from extract.nlp.corenlp import request
from graph.errors import ServerError
from graph.settings import Settings
from tests.conftest import ROOT, free_port


def _pid(settings: Settings) -> int:
    pid = server.status(settings).pid
    if pid is None:
        pytest.fail("the tests' CoreNLP server was not started by them (a server left from another run "
                    "has no password): stop it and run again")
    return pid


def test_the_server_refuses_a_request_without_its_password(nlp_server: Settings) -> None:
    _pid(nlp_server)
    anonymous = urllib.request.Request(nlp_server.corenlp_base_url + "/", data=b"The FSB arrested four men.",
                                       method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(anonymous, timeout=30)
    assert refused.value.code == 401


def test_the_password_is_random_private_and_not_on_the_command_line(nlp_server: Settings) -> None:
    pid = _pid(nlp_server)
    user = server.credentials(nlp_server)
    assert user is not None and user[0] == "intelgraph" and len(user[1]) >= 32
    kept = nlp_server.corenlp_home.resolve() / "server.properties"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert user[1] not in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")


def test_a_wrong_password_gets_an_error_that_says_what_to_set(nlp_server: Settings) -> None:
    _pid(nlp_server)
    wrong = nlp_server.model_copy(update={"corenlp_password": SecretStr("not-the-password")})
    with pytest.raises(ServerError, match="CORENLP_PASSWORD"):
        request("The FSB arrested four men.", published=dt.date(2024, 3, 24), settings=wrong)
    right = request("The FSB arrested four men.", published=dt.date(2024, 3, 24), settings=nlp_server)
    assert [t["word"] for t in right["sentences"][0]["tokens"]][:2] == ["The", "FSB"]


def test_an_article_read_once_is_not_read_again_in_another_process(nlp_server: Settings, tmp_path: Path) -> None:
    """CORENLP_ANSWERS_DIR keeps each answer: a second draft of the text needs no server at all."""
    text = tmp_path / "kept.txt"
    text.write_text("Latvia's State Security Service arrested a man who recruited fighters for Russia.\n",
                    encoding="utf-8")
    answers = tmp_path / "answers"

    def draft(output: Path, url: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ROOT / ".venv" / "bin" / "intelgraph"), "draft", str(text), "-o", str(output),
                               "--no-graph", "--title", "T", "--publisher", "P", "--date", "2024-04-12"],
                              capture_output=True, text=True, timeout=300, cwd=ROOT, stdin=subprocess.DEVNULL,
                              env=os.environ | {"CORENLP_ANSWERS_DIR": str(answers), "CORENLP_URL": url})
    first = draft(tmp_path / "first.facts.yaml", "")
    assert first.returncode == 0, first.stderr
    assert len(list(answers.glob("*.json"))) == 1  # kept whole, under one digest
    second = draft(tmp_path / "second.facts.yaml", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    assert second.returncode == 0, second.stderr
    # the same draft (its header names its own file, so the data are compared)
    assert yaml.safe_load((tmp_path / "second.facts.yaml").read_text()) == \
        yaml.safe_load((tmp_path / "first.facts.yaml").read_text())
