"""The local Stanford CoreNLP server that ``intelgraph draft`` reads articles with.

CoreNLP 4.5.10 and its English models come from Maven Central as jars
(``extract/nlp/corenlp-runtime.pom.xml``, 474 MB), cached under ``CORENLP_CACHE_DIR``. The server
listens on ``CORENLP_PORT``, runs from ``CORENLP_HOME`` (pid file and log), and
preloads the annotators the extractor asks for, so the first article does not wait for the
models. With ``CORENLP_URL`` set, an existing server is used and none is started.

CoreNLP's server has no option to bind one address: it listens on every interface of the
machine (docs/security.md). So each start gives it a new random password (HTTP basic
authentication, CoreNLP's ``username``/``password`` options), kept in a properties file in
``CORENLP_HOME`` that only its owner can read, and passed with ``-props`` so that it is not in the
process's command line; :func:`credentials` is what clients send. intelgraph talks to it on
127.0.0.1 only.

:func:`start` is idempotent and waits until the server says it is ready; :func:`stop` signals the
process in the pid file after checking that it is this home's server.
"""
from __future__ import annotations

import os
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from graph import jvm
from graph.errors import ServerError
from graph.settings import Settings

__all__ = ["CORENLP_VERSION", "ANNOTATORS", "NlpServerStatus", "credentials", "fetch_jars", "start", "stop",
           "status"]

CORENLP_VERSION = "4.5.10"
#: What the extractor reads: sentences, tokens, lemmas, parts of speech, named entities with their
#: normalised dates (SUTime), the dependency parse, and coreference chains.
ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref"
_POM = Path(__file__).with_name("corenlp-runtime.pom.xml")
_ENTRY_POINT = "edu.stanford.nlp.pipeline.StanfordCoreNLPServer"


@dataclass(frozen=True)
class NlpServerStatus:
    """What :func:`status` found."""

    managed: bool
    url: str
    pid: int | None
    ready: bool


def fetch_jars(settings: Settings) -> Path:
    """Download CoreNLP and its models with Maven unless cached; return the lib folder."""
    return jvm.fetch_runtime(_POM, settings.corenlp_cache_dir / CORENLP_VERSION / "lib",
                             what=f"Stanford CoreNLP {CORENLP_VERSION}",
                             properties={"corenlp.version": CORENLP_VERSION})


def _pid_file(settings: Settings) -> Path:
    return settings.corenlp_home.resolve() / "corenlp.pid"


def _log_file(settings: Settings) -> Path:
    return settings.corenlp_home.resolve() / "corenlp.log"


def _credentials_file(settings: Settings) -> Path:
    return settings.corenlp_home.resolve() / "server.properties"


def credentials(settings: Settings) -> tuple[str, str] | None:
    """The user and password to send: ``CORENLP_PASSWORD`` if set, else the local server's own.

    None when there is none to send (a server at ``CORENLP_URL`` without a password, or a local
    server that was never started from this home).
    """
    if settings.corenlp_password is not None:
        return settings.corenlp_username, settings.corenlp_password.get_secret_value()
    if not settings.manages_corenlp:
        return None
    try:
        lines = _credentials_file(settings).read_text().splitlines()
    except FileNotFoundError:
        return None
    values = dict(line.split(" = ", 1) for line in lines if " = " in line)
    return values.get("username", settings.corenlp_username), values.get("password", "")


def _new_credentials(settings: Settings) -> Path:
    """A new random password for the server about to start, readable by this user only."""
    path = _credentials_file(settings)
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(f"username = {settings.corenlp_username}\npassword = {secrets.token_urlsafe(24)}\n")
    return path


def _our_pid(settings: Settings) -> int | None:
    return jvm.our_pid(_pid_file(settings), _ENTRY_POINT, str(settings.corenlp_port))


def _ready(settings: Settings) -> bool:
    try:
        with urllib.request.urlopen(settings.corenlp_base_url + "/ready", timeout=2) as answer:
            return answer.status == 200
    except (urllib.error.URLError, OSError):
        return False


def status(settings: Settings) -> NlpServerStatus:
    """Whether the server answers that it is ready; for a local server, also its pid."""
    pid = _our_pid(settings) if settings.manages_corenlp else None
    return NlpServerStatus(settings.manages_corenlp, settings.corenlp_base_url, pid, _ready(settings))


def start(settings: Settings) -> NlpServerStatus:
    """Start the local server unless it already runs; wait until it is ready.

    Raises
    ------
    ServerError
        When ``CORENLP_URL`` names a server that does not answer, when the port is taken by
        something else, or when the server is not ready within ``CORENLP_START_TIMEOUT_S``
        (with the tail of its log).
    """
    if not settings.manages_corenlp:
        found = status(settings)
        if not found.ready:
            raise ServerError(f"CORENLP_URL={settings.corenlp_base_url} does not answer; intelgraph "
                              "starts no server of its own when CORENLP_URL is set")
        return found
    pid = _our_pid(settings)
    if pid is None:
        if jvm.port_open(settings.corenlp_port):
            raise ServerError(f"port {settings.corenlp_port} on 127.0.0.1 is taken by another process; "
                              "set CORENLP_PORT to a free port")
        pid = _launch(settings)
    _wait_until_ready(settings, pid)
    return status(settings)


def _launch(settings: Settings) -> int:
    lib = fetch_jars(settings)
    home = settings.corenlp_home.resolve()
    home.mkdir(parents=True, exist_ok=True)
    command = ["java", f"-Xmx{settings.corenlp_heap}", "-cp", f"{lib}/*", _ENTRY_POINT,
               "-port", str(settings.corenlp_port), "-timeout", str(int(settings.corenlp_timeout_s * 1000)),
               "-preload", ANNOTATORS, "-quiet", "true", "-server_id", "intelgraph",
               "-props", str(_new_credentials(settings))]
    with open(_log_file(settings), "ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    _pid_file(settings).write_text(f"{process.pid}\n")
    return process.pid


def _wait_until_ready(settings: Settings, pid: int) -> None:
    deadline = time.monotonic() + settings.corenlp_start_timeout_s
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists():
            _pid_file(settings).unlink(missing_ok=True)
            raise ServerError(f"CoreNLP (pid {pid}) exited while starting:\n{_log_tail(settings)}")
        if _ready(settings):
            return
        time.sleep(0.5)
    raise ServerError(f"CoreNLP (pid {pid}) was not ready on port {settings.corenlp_port} within "
                      f"{settings.corenlp_start_timeout_s:.0f} s:\n{_log_tail(settings)}")


def _log_tail(settings: Settings, lines: int = 30) -> str:
    path = _log_file(settings)
    if not path.exists():
        return "(no log written)"
    return f"--- {path}\n" + "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def stop(settings: Settings, *, timeout_s: float = 30.0) -> bool:
    """Stop the local server named by the pid file; returns whether one was running."""
    if not settings.manages_corenlp:
        raise ServerError("CORENLP_URL is set: intelgraph does not stop servers it did not start")
    pid = _our_pid(settings)
    if pid is None:
        _pid_file(settings).unlink(missing_ok=True)
        return False
    jvm.stop_pid(pid, timeout_s=timeout_s)
    _pid_file(settings).unlink(missing_ok=True)
    return True
