"""Settings, read once from the environment (and an optional ``.env`` file).

No other module reads ``os.environ``. Every field maps to an upper-case variable of the
same name, e.g. ``neo4j_uri`` ↔ ``NEO4J_URI``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "PROJECT_ROOT", "LOCAL_PASSWORD"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: The documented default password of the local, loopback-only server that `make run` starts.
LOCAL_PASSWORD = "intelgraph-local"


class Settings(BaseSettings):
    """Everything configurable, with the defaults a fresh clone runs on.

    >>> Settings(neo4j_uri="neo4j://cluster.example:7687").manages_local_server
    False
    >>> Settings(neo4j_uri=None, neo4j_bolt_port=17687).bolt_uri
    'bolt://127.0.0.1:17687'
    """

    model_config = SettingsConfigDict(env_file=".env", env_ignore_empty=True, extra="ignore")

    # --- Neo4j connection -------------------------------------------------------------
    neo4j_uri: str | None = Field(
        default=None,
        description="Bolt URI of an existing server or cluster (bolt://, neo4j://, neo4j+s://). "
        "Unset: intelgraph runs its own local server on 127.0.0.1.",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr(LOCAL_PASSWORD)
    neo4j_database: str = "neo4j"

    # --- the local server (only when NEO4J_URI is unset) ---------------------------------
    neo4j_bolt_port: int = Field(default=7687, ge=1, le=65535)
    neo4j_http_port: int = Field(default=7474, ge=1, le=65535)
    neo4j_home: Path = Field(
        default=PROJECT_ROOT / ".neo4j" / "default",
        description="Home of the local server: conf/, data/, logs/, run/.",
    )
    neo4j_cache_dir: Path = Field(
        default=PROJECT_ROOT / ".cache" / "neo4j",
        description="Where the Neo4j jars fetched from Maven Central are kept.",
    )
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "1g"
    neo4j_start_timeout_s: float = 120.0

    # --- queries ------------------------------------------------------------------------
    query_timeout_s: float = Field(default=10.0, gt=0, description="Time-out of every read.")
    neo4j_pool_size: int = Field(default=100, ge=1, description="Driver connection pool size.")
    load_batch_size: int = Field(default=2000, ge=1)

    # --- corpus -------------------------------------------------------------------------
    corpus_dir: Path = PROJECT_ROOT / "corpus"

    @property
    def manages_local_server(self) -> bool:
        """True when intelgraph starts and stops its own Neo4j (no ``NEO4J_URI`` given)."""
        return self.neo4j_uri is None

    @property
    def bolt_uri(self) -> str:
        """The URI the driver connects to."""
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment on first use."""
    return Settings()
