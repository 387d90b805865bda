"""The model's endpoint, through the official ``openai`` client: one chat completion at a time,
with the token budget of the article, retries with back-off, and errors that name the setting.

What stops the whole draft (nothing is written): the endpoint unreachable (``LLM_BASE_URL``), the
key refused (``LLM_API_KEY``), no such model (``LLM_MODEL``), a rate limit or server error that
outlasts ``LLM_RETRIES``. What leaves one chunk out (the draft names it): a time-out
(:class:`ChunkTimeout`) or the budget spent (:class:`BudgetExceeded`).
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import openai

from graph.errors import IntelgraphError, InvalidParameter
from graph.settings import Settings

__all__ = ["ModelClient", "Answer", "ChunkTimeout", "BudgetExceeded", "ModelUnavailable"]


class ChunkTimeout(IntelgraphError):
    """The model did not answer within ``LLM_TIMEOUT_S``."""


class BudgetExceeded(IntelgraphError):
    """The article's ``LLM_MAX_TOKENS_PER_ARTICLE`` is spent."""


class ModelUnavailable(IntelgraphError):
    """Rate-limited or failing after every retry: the draft stops."""


@dataclass(frozen=True)
class Answer:
    """What came back: the message's text (``None`` if there was none) and why it ended."""

    content: str | None
    finish_reason: str | None
    tokens: int


class ModelClient:
    """Chat completions from ``LLM_BASE_URL`` for one article (its token count is this object's).

    Parameters
    ----------
    settings : Settings
        ``LLM_*``.
    backoff_s : float, optional (default=1.0)
        First wait after a 429 or 5xx without ``Retry-After``; doubled at each retry.
    """

    def __init__(self, settings: Settings, *, backoff_s: float = 1.0):
        if not settings.llm_model:
            raise InvalidParameter("LLM_MODEL", "not set: name the model to ask (for Ollama, e.g. "
                                                "LLM_MODEL=qwen2.5:7b-instruct)")
        self.model: str = settings.llm_model
        self.base_url = settings.llm_base_url
        self.budget = settings.llm_max_tokens_per_article
        self.retries = settings.llm_retries
        self.timeout_s = settings.llm_timeout_s
        self.backoff_s = backoff_s
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "none"  # the client wants one
        self._client = openai.OpenAI(base_url=settings.llm_base_url, api_key=key, timeout=settings.llm_timeout_s,
                                     max_retries=0)
        self._lock = threading.Lock()
        self.tokens = 0
        self.requests = 0

    def complete(self, messages: list[dict[str, str]], response_format: dict[str, Any]) -> Answer:
        """One chat completion asking for ``response_format``.

        Raises
        ------
        BudgetExceeded
            Before sending, when the tokens spent and this prompt's estimate pass the budget.
        ChunkTimeout
            No answer within ``LLM_TIMEOUT_S``.
        InvalidParameter
            Naming ``LLM_BASE_URL``, ``LLM_API_KEY`` or ``LLM_MODEL``, when the endpoint cannot be
            reached, refuses the key or has no such model.
        ModelUnavailable
            Rate-limited (429) or failing (5xx) after ``LLM_RETRIES`` retries.
        """
        estimate = sum(len(m["content"]) for m in messages) // 4 + len(str(response_format)) // 4
        for attempt in range(self.retries + 1):
            with self._lock:
                if self.tokens + estimate > self.budget:
                    raise BudgetExceeded(f"LLM_MAX_TOKENS_PER_ARTICLE ({self.budget}) reached: {self.tokens} "
                                         f"tokens spent, and the next request is about {estimate}")
                self.requests += 1
            try:
                # plain dicts for the typed message and response-format params
                response = self._client.chat.completions.create(  # type: ignore[call-overload]
                    model=self.model, messages=messages, response_format=response_format, temperature=0)
            except openai.APITimeoutError:
                raise ChunkTimeout(f"no answer from {self.base_url} within LLM_TIMEOUT_S ({self.timeout_s:g} s)") \
                    from None
            except openai.APIConnectionError as exc:
                raise InvalidParameter("LLM_BASE_URL", f"{self.base_url} cannot be reached "
                                                       f"({exc.__cause__ or exc}): is the server running?") from None
            except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
                raise InvalidParameter("LLM_API_KEY", f"{self.base_url} refused it ({exc.status_code}: "
                                                      f"{_message(exc)})") from None
            except openai.NotFoundError as exc:
                raise InvalidParameter("LLM_MODEL", f"{self.base_url} answered 404 for model {self.model!r} "
                                                    f"({_message(exc)}): is the model pulled, and does "
                                                    "LLM_BASE_URL end in /v1?") from None
            except (openai.RateLimitError, openai.InternalServerError) as exc:
                if attempt == self.retries:
                    raise ModelUnavailable(f"{self.base_url} answered {exc.status_code} ({_message(exc)}) "
                                           f"{attempt + 1} times (LLM_RETRIES={self.retries}): the draft stops; "
                                           "try again later") from None
                time.sleep(_retry_after(exc) or self.backoff_s * 2 ** attempt)
                continue
            except openai.APIStatusError as exc:
                raise ModelUnavailable(f"{self.base_url} refused the request ({exc.status_code}: "
                                       f"{_message(exc)})") from None
            used = response.usage.total_tokens if response.usage else 0
            choice = response.choices[0] if response.choices else None
            content = choice.message.content if choice else None
            with self._lock:
                self.tokens += used or estimate + len(content or "") // 4
            return Answer(content, choice.finish_reason if choice else None, used)
        raise AssertionError("unreachable")  # the last attempt returns or raises


def _message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])[:300]
    return str(exc.message)[:300]


def _retry_after(exc: openai.APIStatusError) -> float | None:
    try:
        return max(0.0, float(exc.response.headers.get("retry-after", "")))
    except ValueError:
        return None
