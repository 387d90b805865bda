"""The store: the one owner of the Neo4j driver.

Every statement it runs comes from the Cypher registry by name (``cypher/*.cypher``) with its
values as parameters. Reads route to readers with a time-out; writes run as transaction
functions, which the driver may retry, so they are written to be idempotent.

Driver errors become intelgraph errors here and nowhere else: an unreachable server is
:class:`~graph.errors.DatabaseUnavailable`, a query stopped by its time-out or memory cap is
:class:`~graph.errors.QueryTimeout`.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, LiteralString, TypeVar, cast

import neo4j
from neo4j import GraphDatabase, Query, RoutingControl
from neo4j import exceptions as neo4j_errors

from graph.cypher import Registry, Statement, get_registry
from graph.errors import DatabaseUnavailable, QueryTimeout
from graph.ontology import get_ontology
from graph.settings import Settings, get_settings

__all__ = ["Store", "Tx", "translate_errors"]

T = TypeVar("T")

_TIMEOUT_CODES = ("Neo.ClientError.Transaction.TransactionTimedOut",
                  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
                  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                  "Neo.TransientError.General.TransactionMemoryLimit",
                  "Neo.ClientError.Transaction.LockClientStopped",
                  "Neo.TransientError.Transaction.LockClientStopped")


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Turn the driver's connection and time-out errors into intelgraph's."""
    try:
        yield
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
        raise DatabaseUnavailable(f"Neo4j is unreachable: {exc}") from exc
    except neo4j_errors.AuthError as exc:
        raise DatabaseUnavailable(f"Neo4j refused the credentials (NEO4J_USER / NEO4J_PASSWORD): {exc.message}") from exc
    except neo4j_errors.Neo4jError as exc:
        if exc.code in _TIMEOUT_CODES or "timed out" in (exc.message or "").lower():
            raise QueryTimeout(f"the query was stopped: {exc.message}") from exc
        raise
    except neo4j_errors.DriverError as exc:
        # e.g. an incomplete commit when the server died mid-transaction
        raise DatabaseUnavailable(f"Neo4j connection failed: {exc}") from exc


class Tx:
    """A write transaction that runs registry statements by name."""

    def __init__(self, tx: neo4j.ManagedTransaction, registry: Registry):
        self._tx = tx
        self._registry = registry

    def run(self, name: str, *, relation_type: str | None = None, **params: Any) -> list[dict[str, Any]]:
        """Run a registry statement; ``relation_type`` fills the slot of those that create edges."""
        statement = self._registry.get(name)
        text = statement.text
        if statement.type_slot is not None:
            if relation_type is None:
                raise ValueError(f"{name} needs a relation_type")
            text = statement.for_relation_type(relation_type, get_ontology().relations)
        result = self._tx.run(cast(LiteralString, text), statement.bind(params))
        return [record.data() for record in result]


class Store:
    """Connects lazily; use as a context manager or call :meth:`close`."""

    def __init__(self, settings: Settings | None = None, registry: Registry | None = None):
        self.settings = settings or get_settings()
        self.registry = registry or get_registry()
        self._driver: neo4j.Driver | None = None

    # --- connection -------------------------------------------------------------------
    @property
    def driver(self) -> neo4j.Driver:
        if self._driver is None:
            self._driver = GraphDatabase.driver(
                self.settings.bolt_uri,
                auth=(self.settings.neo4j_user, self.settings.neo4j_password.get_secret_value()),
                # Fail fast while Neo4j is down so callers can answer 503 at once.
                connection_timeout=3.0,
                connection_acquisition_timeout=10.0,
                max_transaction_retry_time=15.0,
                max_connection_pool_size=self.settings.neo4j_pool_size,
                notifications_min_severity="OFF",
                user_agent="intelgraph",
            )
        return self._driver

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ping(self) -> bool:
        """Whether the server answers a trivial query with our credentials."""
        try:
            with translate_errors():
                self.driver.verify_connectivity()
            return True
        except DatabaseUnavailable:
            return False

    # --- running registry statements -------------------------------------------------------
    def _query(self, statement: Statement, timeout: float | None) -> Query:
        # The one reviewed cast: statement text comes from files in cypher/, never from values.
        return Query(cast(LiteralString, statement.text), timeout=timeout or self.settings.query_timeout_s)

    def read(self, name: str, *, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """Run a read statement and return its rows as dicts."""
        statement = self.registry.get(name)
        with translate_errors():
            records, _, _ = self.driver.execute_query(
                self._query(statement, timeout), statement.bind(params),
                routing_=RoutingControl.READ, database_=self.settings.neo4j_database)
        return [record.data() for record in records]

    def read_one(self, name: str, **params: Any) -> dict[str, Any] | None:
        rows = self.read(name, **params)
        return rows[0] if rows else None

    def stream(self, name: str, *, fetch_size: int = 2000, timeout: float | None = None,
               **params: Any) -> Iterator[dict[str, Any]]:
        """Yield rows one at a time, fetched in batches: for exports that must not hold the graph."""
        statement = self.registry.get(name)
        with translate_errors():
            with self.driver.session(database=self.settings.neo4j_database, fetch_size=fetch_size,
                                     default_access_mode=neo4j.READ_ACCESS) as session:
                result = session.run(self._query(statement, timeout), statement.bind(params))
                for record in result:
                    yield record.data()

    def write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run one write statement in its own transaction."""
        return self.transaction(lambda tx: tx.run(name, **params))

    def transaction(self, work: Callable[[Tx], T]) -> T:
        """Run ``work`` in one write transaction: all of it commits, or none of it.

        The driver retries ``work`` on transient errors, so it must be safe to run twice.
        """
        with translate_errors():
            with self.driver.session(database=self.settings.neo4j_database) as session:
                return session.execute_write(lambda tx: work(Tx(tx, self.registry)))

    def ensure_schema(self) -> None:
        """Create the constraints and indexes the model relies on (idempotent)."""
        for name in sorted(self.registry.statements):
            if name.startswith("schema/"):
                with translate_errors():
                    self.driver.execute_query(self._query(self.registry.get(name), 60.0),
                                              database_=self.settings.neo4j_database)
        with translate_errors():
            self.driver.execute_query(self._query(self.registry.get("await_indexes"), 120.0),
                                      database_=self.settings.neo4j_database)

    def delete_all(self) -> None:
        """Delete the whole graph (constraints and indexes stay). Runs in its own transactions."""
        statement = self.registry.get("admin/delete_all")
        with translate_errors():
            with self.driver.session(database=self.settings.neo4j_database) as session:
                session.run(self._query(statement, 600.0)).consume()
