"""Settings, read once from the environment (and an optional ``.env`` file).

No other module reads ``os.environ``. Every field maps to an upper-case variable of the
same name, e.g. ``neo4j_uri`` ↔ ``NEO4J_URI``.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

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

    model_config = SettingsConfigDict(env_file=".env", env_ignore_empty=True, extra="ignore",
                                      populate_by_name=True)

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
    export_timeout_s: float = Field(default=300.0, gt=0, description="Time-out of each read of an export "
                                    "(GET /export, intelgraph export), which streams the graph for longer than "
                                    "an ordinary read (the whole graph of the L benchmark: about 100 s).")
    stix_tlp: Literal["clear", "green", "amber", "amber+strict", "red"] = Field(
        default="clear", description="The TLP 2.0 marking on every object of the STIX export (STIX_TLP); "
        "the seed corpus is published news, so TLP:CLEAR.")
    projection_partitions: int = Field(default=2, ge=1, le=64, description="Statements that read the "
                                       "analytics projection's edges side by side: Neo4j runs each on one core, "
                                       "so as many as the cores it can spare (docs/performance.md).")
    neo4j_pool_size: int = Field(default=100, ge=1, description="Driver connection pool size.")
    neo4j_retry_s: float = Field(default=3.0, ge=0, description="How long the driver retries a transaction that "
                                 "failed on a transient error or a lost connection (short: the API answers 503 fast).")
    load_batch_size: int = Field(default=2000, ge=1)

    # --- the analysts' Cypher console (POST /cypher, intelgraph cypher) ---------------------
    cypher_timeout_s: float = Field(default=5.0, gt=0, le=120, description="Time-out of an analyst's query.")
    cypher_row_cap: int = Field(default=1000, ge=1, le=100_000, description="Most rows an analyst's query returns.")
    cypher_max_length: int = Field(default=20_000, ge=100, description="Longest query text accepted.")

    # --- the API ------------------------------------------------------------------------
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    api_workers: int | None = Field(
        default=None, ge=1, le=64,
        description="Uvicorn worker processes. Unset: one per core this process may run on (worker_count).")
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default=[], validation_alias="INTELGRAPH_API_KEYS",
        description="Comma-separated API keys. None: local mode, loopback only, every endpoint open.")
    open_reads: bool = Field(default=True, validation_alias="INTELGRAPH_OPEN_READS",
                             description="With keys set: whether read endpoints are open without a key.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default=[], validation_alias="INTELGRAPH_CORS_ORIGINS", description="Comma-separated allowed origins.")
    cypher_rate_per_minute: int = Field(default=120, ge=1, description="Queries a key may run per minute.")
    cypher_rate_state: Path | None = Field(
        default=None, description="A file the API's worker processes share the rate limit's counts in "
                                  "(intelgraph serve sets it). Unset: each process counts on its own.")
    max_body_bytes: int = Field(default=1_000_000, ge=1024, description="Largest request body accepted.")

    @property
    def worker_count(self) -> int:
        """API_WORKERS, or else the cores this process may run on: each worker is one Python
        process, so one per core lets the API use them all (docs/performance.md).

        >>> Settings(api_workers=3).worker_count
        3
        >>> Settings(api_workers=None).worker_count == len(os.sched_getaffinity(0))
        True
        """
        return self.api_workers or len(os.sched_getaffinity(0))

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    # --- the NLP server under `intelgraph draft` (Stanford CoreNLP) -----------------------
    corenlp_url: str | None = Field(
        default=None,
        description="URL of a running CoreNLP server (http://host:port). Unset: intelgraph fetches "
        "CoreNLP from Maven Central and runs its own on 127.0.0.1:CORENLP_PORT.")
    corenlp_port: int = Field(default=9000, ge=1, le=65535)
    corenlp_username: str = Field(default="intelgraph", min_length=1,
                                  description="The user of the CoreNLP server's basic authentication.")
    corenlp_password: SecretStr | None = Field(
        default=None,
        description="The password of the server at CORENLP_URL, if it asks for one. The local server needs "
        "none set: each start makes a random one, kept in CORENLP_HOME for its owner only.")
    corenlp_heap: str = Field(default="4g", description="Java heap of the local CoreNLP server "
                              "(coreference needs about 4 GiB).")
    corenlp_home: Path = Field(default=PROJECT_ROOT / ".corenlp" / "default",
                               description="Where the local CoreNLP server keeps its pid file and log.")
    corenlp_cache_dir: Path = Field(default=PROJECT_ROOT / ".cache" / "corenlp",
                                    description="Where the CoreNLP jars fetched from Maven Central are kept.")
    corenlp_start_timeout_s: float = Field(default=300.0, gt=0, description="How long a start waits for "
                                           "the models to load (about 30 s on an idle machine).")
    corenlp_coref: bool = Field(default=True, description="Whether drafts ask CoreNLP for coreference "
                                "(pronouns and descriptions to the entity they stand for); about three quarters "
                                "of the annotation time (docs/extraction.md).")
    corenlp_answers_dir: Path | None = Field(
        default=None, description="Keep each article's annotation here and reuse it when the same text is "
        "read again with the same date and settings (a redraft, another extractor, the evaluation); unset: "
        "only the last few, in memory.")
    corenlp_timeout_s: float = Field(default=300.0, gt=0, description="Time-out of one article's annotation "
                                     "(a 1,200-word article takes seconds on an idle machine, minutes on a "
                                     "loaded one).")
    # --- the LLM extractor (intelgraph draft --extractor llm|both, docs/extraction.md) ----------
    llm_base_url: str = Field(default="http://127.0.0.1:11434/v1", description="An OpenAI-compatible "
                              "chat-completions endpoint (default: a local Ollama).")
    llm_model: str | None = Field(default=None, description="The model to ask; required by --extractor llm|both.")
    llm_api_key: SecretStr | None = Field(default=None, description="The endpoint's key; none for a local server.")
    llm_timeout_s: float = Field(default=120.0, gt=0, description="Time-out of each request to the model.")
    llm_max_tokens_per_article: int = Field(default=100_000, ge=1, description="Most tokens (prompt and answer) "
                                            "spent on one article; chunks past it are left out and named.")
    llm_concurrency: int = Field(default=2, ge=1, le=64, description="Chunks sent to the model side by side.")
    llm_chunk_chars: int = Field(default=6000, ge=200, description="Longest chunk of article sent at once.")
    llm_chunk_overlap_chars: int = Field(default=600, ge=0, description="Characters a chunk repeats of the one "
                                         "before, so that a sentence cut by the border is whole in one of them.")
    llm_retries: int = Field(default=3, ge=0, le=10, description="Retries of a rate-limited (429) or failing "
                             "(5xx) request, with exponential back-off, before the draft stops.")

    # --- corpus -------------------------------------------------------------------------
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    drafts_dir: Path = Field(default=PROJECT_ROOT / "drafts", description="Where the workbench keeps drafts "
                             "being reviewed, one folder each (extract/drafts.py); loaded ones go to corpus_dir.")

    @property
    def manages_local_server(self) -> bool:
        """True when intelgraph starts and stops its own Neo4j (no ``NEO4J_URI`` given)."""
        return self.neo4j_uri is None

    @property
    def manages_corenlp(self) -> bool:
        """True when intelgraph starts and stops its own CoreNLP server (no ``CORENLP_URL`` given)."""
        return self.corenlp_url is None

    @property
    def corenlp_base_url(self) -> str:
        """Where the CoreNLP server answers.

        >>> Settings(corenlp_url=None, corenlp_port=9001).corenlp_base_url
        'http://127.0.0.1:9001'
        """
        return (self.corenlp_url or f"http://127.0.0.1:{self.corenlp_port}").rstrip("/")

    @property
    def bolt_uri(self) -> str:
        """The URI the driver connects to."""
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment on first use."""
    return Settings()
