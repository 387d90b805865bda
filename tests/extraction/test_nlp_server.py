"""The local CoreNLP server listens on every interface, so it answers only with its password."""
from __future__ import annotations

import datetime as dt
import stat
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from pydantic import SecretStr

from extract.nlp import server
from extract.nlp.corenlp import request
from graph.errors import ServerError
from graph.settings import Settings


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
