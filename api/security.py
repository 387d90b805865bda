"""Who may call what: API keys, CORS, a per-key rate limit on /cypher, and request size limits.

Two modes, chosen by the settings:

- **local** (no ``INTELGRAPH_API_KEYS``): every endpoint is open, and ``intelgraph serve``
  refuses to listen anywhere but loopback;
- **keyed**: ``/cypher``, the saved queries and the exports need a key (``Authorization:
  Bearer KEY`` or ``X-API-Key: KEY``), and so do the read endpoints unless
  ``INTELGRAPH_OPEN_READS`` is true. Keys are compared in constant time.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import sqlite3
import threading
import time
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.settings import Settings

__all__ = ["require_key", "require_reader", "limit_cypher_rate", "install_security", "is_loopback",
           "RateLimiter"]


def is_loopback(host: str) -> bool:
    """Whether a listen address is on this machine only.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _presented_key(authorization: str | None, x_api_key: str | None) -> str | None:
    if x_api_key:
        return x_api_key
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    return None


def _key_matches(presented: str, settings: Settings) -> bool:
    # Compare digests of equal length against every key, without stopping at the first match.
    digest = hashlib.sha256(presented.encode()).digest()
    matched = False
    for key in settings.api_keys:
        matched |= hmac.compare_digest(digest, hashlib.sha256(key.get_secret_value().encode()).digest())
    return matched


def _check(request: Request, authorization: str | None, x_api_key: str | None, *, reads: bool) -> str:
    settings: Settings = request.app.state.settings
    client = request.client.host if request.client else "unknown"
    if not settings.api_keys or (reads and settings.open_reads):
        return f"client:{client}"
    presented = _presented_key(authorization, x_api_key)
    if presented is None:
        raise HTTPException(401, "an API key is required: send Authorization: Bearer KEY or X-API-Key: KEY",
                            headers={"WWW-Authenticate": "Bearer"})
    if not _key_matches(presented, settings):
        raise HTTPException(403, "the API key is not valid")
    return "key:" + hashlib.sha256(presented.encode()).hexdigest()[:16]


async def require_key(request: Request,
                      authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
                      x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None) -> str:
    """For /cypher, saved queries and exports: a valid key whenever keys are configured."""
    return _check(request, authorization, x_api_key, reads=False)


async def require_reader(request: Request,
                         authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
                         x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None) -> str:
    """For read endpoints: a key unless reads are open (or no keys are configured)."""
    return _check(request, authorization, x_api_key, reads=True)


class RateLimiter:
    """A token bucket per caller: ``rate`` requests a minute, bursts up to ``rate``.

    The buckets live in SQLite: in memory for one process, or in the file ``state`` that every
    worker process of one API opens (``CYPHER_RATE_STATE``, set by ``intelgraph serve``), so
    that a key gets ``rate`` a minute from the API, not ``rate`` from each worker.

    >>> limiter = RateLimiter(rate_per_minute=2)
    >>> [limiter.allow("k", now=0.0) for _ in range(3)]
    [True, True, False]
    >>> limiter.allow("k", now=30.0)
    True
    """

    def __init__(self, rate_per_minute: int, state: Path | None = None):
        self.rate = rate_per_minute / 60.0
        self.capacity = float(rate_per_minute)
        # autocommit mode: each check is its own BEGIN IMMEDIATE ... COMMIT, which takes the
        # file's write lock, so two workers never both spend the last token
        self._db = sqlite3.connect(":memory:" if state is None else str(state), timeout=10,
                                   isolation_level=None, check_same_thread=False)
        if state is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS buckets (caller TEXT PRIMARY KEY, tokens REAL, last REAL)")
        self._lock = threading.Lock()

    def allow(self, caller: str, *, now: float | None = None) -> bool:
        # CLOCK_MONOTONIC is one clock for every process on the machine
        now = time.monotonic() if now is None else now
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute("SELECT tokens, last FROM buckets WHERE caller = ?", (caller,)).fetchone()
                tokens, last = row if row is not None else (self.capacity, now)
                tokens = min(self.capacity, tokens + max(0.0, now - last) * self.rate)
                allowed = tokens >= 1.0
                self._db.execute("INSERT INTO buckets VALUES (?, ?, ?) ON CONFLICT (caller) "
                                 "DO UPDATE SET tokens = excluded.tokens, last = excluded.last",
                                 (caller, tokens - 1.0 if allowed else tokens, now))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return allowed

    def retry_after(self) -> int:
        return max(1, int(1.0 / self.rate + 0.999))


async def limit_cypher_rate(request: Request, caller: Annotated[str, Depends(require_key)]) -> str:
    """The per-key (per-client in local mode) rate limit of /cypher and the saved queries."""
    limiter: RateLimiter = request.app.state.cypher_limiter
    if not limiter.allow(caller):
        raise HTTPException(429, "too many queries: slow down", headers={"Retry-After": str(limiter.retry_after())})
    return caller


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, whether or not they declare a length."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(send)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except _TooLarge:
            await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        body = b'{"detail":"the request body is too large"}'
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


class LoopbackOnly:
    """In local mode (no keys), answer only requests that reached a loopback address.

    ``intelgraph serve`` already refuses to listen elsewhere without keys; this also covers an
    app started by hand (``uvicorn api.main:app --host 0.0.0.0``).
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        server = scope.get("server")
        # "testserver" is what Starlette's in-process test client reports; no socket has that name.
        if scope["type"] == "http" and server and not is_loopback(str(server[0])) and server[0] != "testserver":
            body = b'{"detail":"this server has no API keys, so it serves loopback only; set INTELGRAPH_API_KEYS"}'
            await send({"type": "http.response.start", "status": 403,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)


def install_security(app: FastAPI, settings: Settings) -> None:
    """CORS from the settings, the body limit, and the /cypher rate limiter."""
    app.state.cypher_limiter = RateLimiter(settings.cypher_rate_per_minute, settings.cypher_rate_state)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "X-API-Key", "Content-Type"], max_age=600)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if not settings.api_keys:
        app.add_middleware(LoopbackOnly)
