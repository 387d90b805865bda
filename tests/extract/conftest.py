"""Every extraction test drafts with the real NLP server: start it once for the session."""
from __future__ import annotations

import pytest

from graph.settings import Settings


@pytest.fixture(autouse=True, scope="session")
def _nlp(nlp_server: Settings) -> Settings:
    return nlp_server
