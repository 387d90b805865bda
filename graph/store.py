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
import neo4j.graph
from neo4j import GraphDatabase, Query, RoutingControl
from neo4j import exceptions as neo4j_errors

from graph import trace
from graph.cypher import Registry, Statement, get_registry
from graph.errors import DatabaseUnavailable, InvalidParameter, QueryRefused, QueryTimeout, QueryTooLarge
from graph.ontology import get_ontology
from graph.settings import Settings, get_settings

__all__ = ["CONNECTION_TIMEOUT_S", "Store", "Tx", "translate_errors", "to_plain"]

T = TypeVar("T")

_TIMEOUT_CODES = ("Neo.ClientError.Transaction.TransactionTimedOut",
                  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
                  "Neo.ClientError.Transaction.LockClientStopped",
                  "Neo.TransientError.Transaction.LockClientStopped")
# A query that needs more memory than Neo4j gives it: the whole heap (OutOfMemoryError, as the
# string-doubling `reduce` of issue 16 does) or the per-transaction cap. Transient errors to the
# driver, which would retry them (20 s of Java heap exhaustion, then a 503): never retried here.
_MEMORY_CODES = ("Neo.TransientError.General.OutOfMemoryError",
                 "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                 "Neo.TransientError.General.TransactionMemoryLimit",
                 "Neo.ClientError.General.MemoryPoolOutOfMemoryError",
                 "Neo.ClientError.General.TransactionMemoryLimit")
_CHANGE_QUERY = ("return fewer rows (a LIMIT), start from one entity by id ({id: ...}) rather than a scan, and "
                 "bound variable-length patterns (*1..3)")
_CHANGE_MEMORY = ("build smaller values: fewer or shorter collected lists and strings, aggregates instead of "
                  "collect(), a LIMIT before collecting")


def _stopped(exc: neo4j_errors.Neo4jError, timeout: float | None) -> QueryTimeout | None:
    """The intelgraph error for a query Neo4j stopped (time-out or memory), in words; else None."""
    code = exc.code or ""
    if code in _MEMORY_CODES:
        return QueryTooLarge(f"the query needed more memory than Neo4j gives one query and was stopped "
                             f"({code.rsplit('.', 1)[-1]}); {_CHANGE_MEMORY}")
    if code in _TIMEOUT_CODES or "timed out" in (exc.message or "").lower() or "timeout" in code.lower():
        limit = f"its time-out of {timeout:g} s" if timeout else "its time-out"
        return QueryTimeout(f"the query ran longer than {limit} and was stopped; to get an answer, "
                            f"{_CHANGE_QUERY}")
    return None


# How long one attempt waits for Neo4j to accept and greet a connection. With the driver's retries
# (NEO4J_RETRY_S), a request to a server that is away fails within about their sum: the last
# attempt may start just before the retries run out and wait this long.
CONNECTION_TIMEOUT_S = 3.0


class _Stopped(Exception):
    """Carries a memory error out of a transaction function, so that the driver does not retry it."""

    def __init__(self, error: neo4j_errors.Neo4jError):
        self.error = error
        super().__init__(str(error))


@contextlib.contextmanager
def translate_errors(*, untrusted: bool = False, timeout: float | None = None) -> Iterator[None]:
    """Turn the driver's connection and time-out errors into intelgraph's.

    A query stopped by its time-out is :class:`QueryTimeout`, one stopped for memory
    :class:`QueryTooLarge`, each with a message saying what to change (never Neo4j's advice to
    retry); only an unreachable or unavailable server is :class:`DatabaseUnavailable`.
    With ``untrusted`` (an analyst's query text), every other error Neo4j raises is the
    query's fault: refusals by Neo4j's security become :class:`QueryRefused`, the rest
    (syntax, types, unknown functions) :class:`InvalidParameter` on ``query``.
    """
    try:
        yield
    except _Stopped as wrapped:
        raise (_stopped(wrapped.error, timeout) or DatabaseUnavailable(str(wrapped.error))) from wrapped.error
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
        raise DatabaseUnavailable(f"Neo4j is unreachable: {exc}") from exc
    except neo4j_errors.TransientError as exc:
        if (stopped := _stopped(exc, timeout)) is not None:
            raise stopped from exc
        # Still failing once the driver's retries are spent: the database is starting,
        # stopping or overloaded. The caller may retry later (the API answers 503).
        raise DatabaseUnavailable(f"Neo4j cannot serve the request now: {exc.message}") from exc
    except neo4j_errors.AuthError as exc:
        raise DatabaseUnavailable(
            f"Neo4j refused the credentials (NEO4J_USER / NEO4J_PASSWORD): {exc.message}") from exc
    except neo4j_errors.Neo4jError as exc:
        if (stopped := _stopped(exc, timeout)) is not None:
            raise stopped from exc
        if untrusted:
            message = exc.message or str(exc)
            if ".Security." in (exc.code or "") or "access mode" in message.lower():
                raise QueryRefused(f"Neo4j refused the query ({message.rstrip('.')}); the console only "
                                   "reads: leave out CREATE, MERGE, SET, DELETE, REMOVE and procedures "
                                   "that write") from exc
            raise InvalidParameter("query", message) from exc
        raise
    except neo4j_errors.DriverError as exc:
        # e.g. an incomplete commit when the server died mid-transaction
        raise DatabaseUnavailable(f"Neo4j connection failed: {exc}") from exc


#: How :meth:`Store.read` runs: routed to readers, and outside the driver's bookmark manager,
#: which chains every query after the last one the driver saw (causal consistency on a cluster)
#: and for independent reads only costs: ``paths/shortest`` at S from one thread ran at 181-321
#: requests/s with it and 360-430 without (docs/performance.md). On a cluster, a read right
#: after a write of the same process may then be served by a member that has not applied the
#: write yet; the API's worker processes never shared bookmarks anyway, and a single server
#: (the local one) is always up to date.
_READ_OPTIONS: dict[str, Any] = {"routing_": RoutingControl.READ, "bookmark_manager_": None}


class Tx:
    """A write transaction that runs registry statements by name."""

    def __init__(self, tx: neo4j.ManagedTransaction, registry: Registry):
        self._tx = tx
        self._registry = registry

    def run(self, name: str, *, relation_type: str | None = None, every_relation_type: bool = False,
            **params: Any) -> list[dict[str, Any]]:
        """Run a registry statement; ``relation_type`` fills the slot of those that create edges,
        ``every_relation_type`` repeats the statement for each type of the ontology
        (:meth:`graph.cypher.Statement.for_relation_types`)."""
        statement = self._registry.get(name)
        text = statement.text
        if statement.type_slot is not None:
            relations = get_ontology().relations
            if every_relation_type:
                text = statement.for_relation_types(relations, relations)
            elif relation_type is None:
                raise ValueError(f"{name} needs a relation_type")
            else:
                text = statement.for_relation_type(relation_type, relations)
        bound = statement.bind(params)
        trace.record(name, text, bound)
        result = self._tx.run(cast(LiteralString, text), bound)
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
                connection_timeout=CONNECTION_TIMEOUT_S,
                connection_acquisition_timeout=10.0,
                max_transaction_retry_time=self.settings.neo4j_retry_s,
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
    @staticmethod
    def _text(statement: Statement) -> LiteralString:
        # The one reviewed cast: statement text comes from files in cypher/, never from values.
        return cast(LiteralString, statement.text)

    def _query(self, statement: Statement, timeout: float | None) -> Query:
        return Query(self._text(statement), timeout=timeout or self.settings.query_timeout_s)

    def read(self, name: str, *, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """Run a read statement and return its rows as dicts."""
        statement = self.registry.get(name)
        bound = statement.bind(params)
        trace.record(name, statement.text, bound)
        with translate_errors(timeout=timeout or self.settings.query_timeout_s):
            records, _, _ = self.driver.execute_query(
                self._query(statement, timeout), bound, database_=self.settings.neo4j_database, **_READ_OPTIONS)
        return [record.data() for record in records]

    def read_one(self, name: str, **params: Any) -> dict[str, Any] | None:
        rows = self.read(name, **params)
        return rows[0] if rows else None

    def stream(self, name: str, *, fetch_size: int = 2000, timeout: float | None = None,
               **params: Any) -> Iterator[dict[str, Any]]:
        """Yield rows one at a time, fetched in batches: for exports that must not hold the graph."""
        for record in self._records(name, fetch_size, timeout, params):
            yield record.data()

    def stream_pages(self, name: str, *, key: Callable[[dict[str, Any]], Any], page_size: int,
                     fetch_size: int = 2000, timeout: float | None = None, **params: Any) -> Iterator[dict[str, Any]]:
        """:meth:`stream` for a statement read a page at a time, in key order, in one read transaction.

        The statement takes ``$after`` (null, then ``key`` of the last row so far) and ``$page_size``,
        and returns at most that many rows after ``$after``, in key order. Neo4j then holds a page
        at a time: one ``ORDER BY`` over everything keeps every sorted row, and all that the rows
        gathered since, until the last is read (the whole-graph edge export of the L benchmark ran
        out of a 2 GiB heap half-way; docs/performance.md). ``timeout`` is the whole transaction's.
        """
        statement = self.registry.get(name)
        after: Any = None
        with translate_errors():
            with self.driver.session(database=self.settings.neo4j_database, fetch_size=fetch_size,
                                     default_access_mode=neo4j.READ_ACCESS) as session:
                with session.begin_transaction(timeout=timeout or self.settings.query_timeout_s) as tx:
                    while True:
                        bound = statement.bind({**params, "after": after, "page_size": page_size})
                        if after is None:
                            trace.record(name, statement.text, bound)
                        rows = 0
                        for record in tx.run(self._text(statement), bound):
                            row = record.data()
                            rows += 1
                            yield row
                        if rows < page_size:
                            return
                        after = key(row)

    def stream_columns(self, name: str, *, fetch_size: int = 4, timeout: float | None = None,
                       **params: Any) -> Iterator[dict[str, Any]]:
        """:meth:`stream` for statements whose rows hold long lists of plain values (numbers, strings).

        Rows come as the driver decoded them: ``record.data()`` would visit every item of every
        list to convert nodes and relationships (2.6 s of CPU for the 2.5 million values of the
        projection of the L benchmark).
        """
        for record in self._records(name, fetch_size, timeout, params):
            yield dict(zip(record.keys(), record.values(), strict=True))

    def _records(self, name: str, fetch_size: int, timeout: float | None,
                 params: dict[str, Any]) -> Iterator[neo4j.Record]:
        statement = self.registry.get(name)
        bound = statement.bind(params)
        trace.record(name, statement.text, bound)
        with translate_errors(timeout=timeout or self.settings.query_timeout_s):
            with self.driver.session(database=self.settings.neo4j_database, fetch_size=fetch_size,
                                     default_access_mode=neo4j.READ_ACCESS) as session:
                yield from session.run(self._query(statement, timeout), bound)

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

    # --- tables for analysts ------------------------------------------------------------------
    def read_table(self, name: str, *, row_cap: int, timeout: float | None = None,
                   **params: Any) -> tuple[list[str], list[list[Any]], bool]:
        """Run a registry read and return (columns, rows, truncated) with at most ``row_cap`` rows."""
        statement = self.registry.get(name)
        return self._table(cast(LiteralString, statement.text), statement.bind(params), row_cap,
                           timeout or self.settings.query_timeout_s)

    def explain_untrusted(self, text: str, params: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
        """Plan an analyst's query without running it: its query type and every plan operator.

        The query type is Neo4j's own: ``r`` (read only), ``rw``, ``w`` or ``s`` (schema).
        """
        query = Query(cast(LiteralString, "EXPLAIN " + text), timeout=self.settings.query_timeout_s)
        with translate_errors(untrusted=True):
            with self.driver.session(database=self.settings.neo4j_database,
                                     default_access_mode=neo4j.READ_ACCESS) as session:
                summary = session.run(query, params).consume()
        operators: list[dict[str, Any]] = []
        pending = [summary.plan] if summary.plan else []
        while pending:
            plan = pending.pop()
            operators.append({"operator": plan.get("operatorType", ""), "arguments": plan.get("args", {})})
            pending.extend(plan.get("children", []))
        return summary.query_type or "", operators

    def run_untrusted(self, text: str, params: dict[str, Any], *, row_cap: int,
                      timeout: float) -> tuple[list[str], list[list[Any]], bool]:
        """Run an analyst's query in a READ transaction with a time-out, keeping ``row_cap`` rows.

        This is the one place query text that is not a registry file reaches Neo4j; callers
        check the plan first (graph/services/cypher_console.py).
        """
        return self._table(cast(LiteralString, text), params, row_cap, timeout, untrusted=True)

    def _table(self, text: LiteralString, params: dict[str, Any], row_cap: int, timeout: float,
               untrusted: bool = False) -> tuple[list[str], list[list[Any]], bool]:
        @neo4j.unit_of_work(timeout=timeout)
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[list[Any]], bool]:
            try:
                result = tx.run(text, params)
                columns = list(result.keys())
                rows: list[list[Any]] = []
                for record in result:
                    if len(rows) == row_cap:
                        return columns, rows, True
                    rows.append([to_plain(value) for value in record.values()])
                return columns, rows, False
            except neo4j_errors.Neo4jError as exc:
                if exc.code in _MEMORY_CODES:
                    raise _Stopped(exc) from exc  # not retried: it would run out of memory again
                raise

        with translate_errors(untrusted=untrusted, timeout=timeout):
            with self.driver.session(database=self.settings.neo4j_database, default_access_mode=neo4j.READ_ACCESS,
                                     fetch_size=min(row_cap + 1, 1000)) as session:
                return session.execute_read(work)


def to_plain(value: Any) -> Any:
    """A driver value as JSON-ready data: nodes, relationships and paths become maps.

    >>> to_plain([1, {"a": None}])
    [1, {'a': None}]
    """
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), "properties": to_plain(dict(value))}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, "start": value.start_node.get("id") if value.start_node else None,
                "end": value.end_node.get("id") if value.end_node else None,
                "properties": to_plain(dict(value))}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [to_plain(n) for n in value.nodes],
                "relationships": [to_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, bytes):
        return value.hex()
    return str(value)  # dates, times, durations, points: their ISO / WKT text
