"""The API tests use the ``loaded`` and ``client`` fixtures of tests/conftest.py."""
from tests.conftest import AMBIGUITY, SEED_CORPUS, TEST_CORPUS

__all__ = ["AMBIGUITY", "SEED_CORPUS", "TEST_CORPUS"]
