"""docker-compose.yml, Dockerfile and .dockerignore, checked as text: no Docker needed.

Also that docs/running.md documents exactly the variables ``Settings`` reads.

There is no Docker engine where the tests run, so these checks stand in for ``docker compose
config``: the services and their wiring, ports on the loopback only, secrets required (never
defaulted), healthchecks, the data volume, and that every variable the compose file hands to
intelgraph is a field of :class:`graph.settings.Settings`.
"""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
RUNNING_DOC = ROOT / "docs" / "running.md"

INTELGRAPH_SERVICES = ("api", "loader")
NEO4J_CLIENT_VARIABLES = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")


@pytest.fixture(scope="module")
def compose_text() -> str:
    return COMPOSE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compose(compose_text: str) -> dict[str, Any]:
    data = yaml.safe_load(compose_text)
    assert isinstance(data, dict), "docker-compose.yml must be a mapping"
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return _instructions(DOCKERFILE.read_text(encoding="utf-8"))


def _environment(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment as a dict, whichever of the two compose forms it uses."""
    raw = service.get("environment") or {}
    if isinstance(raw, dict):
        return {key: "" if value is None else str(value) for key, value in raw.items()}
    pairs = (item.split("=", 1) for item in raw)
    return {pair[0]: pair[1] if len(pair) > 1 else "" for pair in pairs}


def _published(port: str | dict[str, Any]) -> tuple[str | None, str]:
    """(host IP, "host:container") of a port entry, short or long syntax."""
    if isinstance(port, dict):
        return port.get("host_ip"), f"{port.get('published')}:{port.get('target')}"
    parts = str(port).split(":")
    if len(parts) == 3:
        return parts[0], f"{parts[1]}:{parts[2]}"
    return None, str(port)


def _instructions(text: str) -> list[tuple[str, str]]:
    """Dockerfile instructions as (KEYWORD, arguments), continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", "\n".join(line for line in text.splitlines()
                                            if not line.lstrip().startswith("#")))
    result = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, args = line.strip().partition(" ")
            result.append((keyword.upper(), args.strip()))
    return result


def _settings_variables() -> set[str]:
    """The environment variables Settings reads: each field's name (or alias), upper-cased."""
    names = set()
    for name, field in Settings.model_fields.items():
        names.add(name.upper())
        for alias in (field.alias, field.validation_alias):
            if isinstance(alias, str):
                names.add(alias.upper())
    return names


# --- the services ------------------------------------------------------------------------------

def test_services(services: dict[str, dict[str, Any]]) -> None:
    assert {"neo4j", "api", "loader"} <= set(services)


def test_neo4j_image(services: dict[str, dict[str, Any]]) -> None:
    assert services["neo4j"]["image"] == "neo4j:5.26-community"


@pytest.mark.parametrize("name", INTELGRAPH_SERVICES)
def test_intelgraph_services_build_the_repository_image(services: dict[str, dict[str, Any]], name: str) -> None:
    build = services[name]["build"]
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    assert (ROOT / context / dockerfile).resolve() == DOCKERFILE


def test_every_port_is_bound_to_the_loopback(services: dict[str, dict[str, Any]]) -> None:
    published = {name: [_published(port) for port in service.get("ports", [])]
                 for name, service in services.items()}
    assert published["neo4j"] and published["api"], "neo4j and api must publish their ports"
    for name, ports in published.items():
        for host_ip, mapping in ports:
            assert host_ip == "127.0.0.1", f"{name}: port {mapping} must be bound to 127.0.0.1"
    assert ("127.0.0.1", "7474:7474") in published["neo4j"]
    assert ("127.0.0.1", "7687:7687") in published["neo4j"]
    assert ("127.0.0.1", "8000:8000") in published["api"]


# --- environment and secrets --------------------------------------------------------------------

@pytest.mark.parametrize("name", INTELGRAPH_SERVICES)
def test_neo4j_connection_variables(services: dict[str, dict[str, Any]], name: str) -> None:
    env = _environment(services[name])
    for variable in NEO4J_CLIENT_VARIABLES:
        assert variable in env, f"{name} must set {variable}"
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert env["NEO4J_PASSWORD"].startswith("${NEO4J_PASSWORD:?")


def test_neo4j_password_is_required_not_defaulted(compose_text: str, services: dict[str, dict[str, Any]]) -> None:
    assert "${NEO4J_PASSWORD:?" in compose_text
    assert _environment(services["neo4j"])["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")
    # Every reference to a secret must be the required form: no ${X}, ${X-...} or ${X:-default}.
    for reference in re.findall(r"\$\{(NEO4J_PASSWORD|INTELGRAPH_API_KEYS)([^}]*)\}", compose_text):
        assert reference[1].startswith(":?"), f"${{{reference[0]}{reference[1]}}} must use :? (required)"


def test_api_listens_on_all_interfaces_inside_its_container_with_keys(services: dict[str, dict[str, Any]]) -> None:
    env = _environment(services["api"])
    assert env["API_HOST"] == "0.0.0.0"
    assert env["INTELGRAPH_API_KEYS"].startswith("${INTELGRAPH_API_KEYS:?")


def test_neo4j_hardening(services: dict[str, dict[str, Any]]) -> None:
    env = _environment(services["neo4j"])
    assert env["NEO4J_dbms_usage__report_enabled"] == "false"
    assert env["NEO4J_dbms_security_allow__csv__import__from__file__urls"] == "false"


@pytest.mark.parametrize("name", INTELGRAPH_SERVICES)
def test_variables_given_to_intelgraph_are_settings_fields(services: dict[str, dict[str, Any]], name: str) -> None:
    known = _settings_variables()
    env = _environment(services[name])
    neo4j_variables = [variable for variable in env if variable.startswith("NEO4J_")]
    assert neo4j_variables
    for variable in neo4j_variables:
        assert variable in known, f"{name}: {variable} is not a field of graph.settings.Settings"
    for variable in env:
        assert variable in known, \
            f"{name}: {variable} is not a field of graph.settings.Settings"


def test_dockerfile_environment_is_settings_fields(dockerfile: list[tuple[str, str]]) -> None:
    known = _settings_variables()
    for keyword, args in dockerfile:
        if keyword != "ENV":
            continue
        for assignment in shlex.split(args):
            variable = assignment.split("=", 1)[0]
            if not variable.startswith(("PYTHON", "PIP_")):
                assert variable in known, f"Dockerfile ENV {variable} is not a field of Settings"


# --- health, start order, data -----------------------------------------------------------------

def test_neo4j_healthcheck(services: dict[str, dict[str, Any]]) -> None:
    test = services["neo4j"]["healthcheck"]["test"]
    command = " ".join(test) if isinstance(test, list) else test
    assert "cypher-shell" in command or ("wget" in command and "7474" in command)


def test_api_healthcheck(services: dict[str, dict[str, Any]]) -> None:
    test = services["api"]["healthcheck"]["test"]
    command = " ".join(test) if isinstance(test, list) else test
    assert "http://127.0.0.1:8000/health" in command


@pytest.mark.parametrize("name", INTELGRAPH_SERVICES)
def test_waits_for_a_healthy_neo4j(services: dict[str, dict[str, Any]], name: str) -> None:
    depends_on = services[name]["depends_on"]
    assert isinstance(depends_on, dict), f"{name}: depends_on needs the long form to give a condition"
    assert depends_on["neo4j"]["condition"] == "service_healthy"


def test_loader_runs_once(services: dict[str, dict[str, Any]]) -> None:
    loader = services["loader"]
    command = loader["command"]
    argv = command if isinstance(command, list) else shlex.split(command)
    assert argv == ["intelgraph", "load", "corpus"]
    assert loader["restart"] == "no"  # quoted in the file: a bare no is YAML's false
    assert (ROOT / "corpus").is_dir()


def test_named_volume_for_data(compose: dict[str, Any], services: dict[str, dict[str, Any]]) -> None:
    assert "neo4j-data" in (compose.get("volumes") or {})
    mounts = services["neo4j"]["volumes"]
    assert any((m.get("source"), m.get("target")) == ("neo4j-data", "/data") if isinstance(m, dict)
               else m.split(":")[:2] == ["neo4j-data", "/data"] for m in mounts)


# --- the image -----------------------------------------------------------------------------------

def test_dockerfile_base_and_install(dockerfile: list[tuple[str, str]]) -> None:
    assert ("FROM", "python:3.11-slim") in dockerfile
    runs = " ".join(args for keyword, args in dockerfile if keyword == "RUN")
    assert "pip install --no-cache-dir ." in runs


def test_dockerfile_runs_intelgraph_serve_as_non_root(dockerfile: list[tuple[str, str]]) -> None:
    cmd = [args for keyword, args in dockerfile if keyword == "CMD"]
    assert len(cmd) == 1
    assert json.loads(cmd[0]) == ["intelgraph", "serve"]
    users = [args for keyword, args in dockerfile if keyword == "USER"]
    assert users, "the image must switch to a non-root user"
    assert users[-1].split(":")[0] not in ("root", "0")
    assert ("EXPOSE", "8000") in dockerfile


def test_dockerignore() -> None:
    entries = {line.strip().rstrip("/").lstrip("/") for line in DOCKERIGNORE.read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    for required in (".venv", ".neo4j", ".cache", ".git", "artifacts", ".env"):
        assert required in entries, f".dockerignore must exclude {required}"
    assert "corpus" not in entries, "the loader service reads corpus/ from the image"


# --- the documentation of the variables ---------------------------------------------------------

def test_running_doc_lists_every_setting() -> None:
    """docs/running.md's table of Settings variables names each field of Settings, and no other."""
    text = RUNNING_DOC.read_text(encoding="utf-8")
    section = text.split("## Environment variables", 1)[1].split("These variables are read elsewhere", 1)[0]
    documented = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", section, flags=re.MULTILINE))
    fields = {(field.validation_alias or name).upper() for name, field in Settings.model_fields.items()}
    assert fields - documented == set(), "Settings fields missing from docs/running.md"
    assert documented - fields == set(), "docs/running.md documents variables Settings does not read"
