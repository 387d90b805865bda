"""The API tests use the ``loaded`` and ``client`` fixtures of tests/conftest.py, and
:func:`keyed_client` for an app that has API keys configured."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.main import create_app
from graph.settings import Settings
from tests.conftest import AMBIGUITY, SEED_CORPUS, TEST_CORPUS

__all__ = ["AMBIGUITY", "SEED_CORPUS", "TEST_CORPUS", "keyed_client"]


@contextlib.contextmanager
def keyed_client(settings: Settings, key: str, **update: Any) -> Iterator[TestClient]:
    """A client of the app over ``settings``' server with ``key`` as its one API key, and the
    other settings in ``update`` (``open_reads``, ``cors_origins``...)."""
    with TestClient(create_app(settings.model_copy(update={"api_keys": [SecretStr(key)], **update}))) as client:
        yield client
