"""A small OpenAI-compatible chat-completions server for the tests: it replays recorded answers.

A recording (``tests/fixtures/llm/*.json``) lists ``chunks``, each with a ``match`` (a string of
the passage it answers, looked for in the request's user message) and its ``replies``: the n-th
request for that passage gets the n-th reply (the last one again after that). A reply is one of::

    {"content": {...}}                    # an answer: the JSON object, serialised
    {"raw": "..."}                        # an answer's text as is (malformed JSON)
    {"status": 429, "error": "...", "headers": {"Retry-After": "0.05"}}
    {"delay_s": 3, "content": {...}}      # answers after a while (a time-out for the client)

with an optional ``usage`` (``{"prompt_tokens": .., "completion_tokens": ..}``; counted from the
characters otherwise). ``api_key``, when given, is the only key accepted (401 otherwise). A request
no recording matches gets a 400. Every request is kept in :attr:`ReplayServer.requests`.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

__all__ = ["ReplayServer", "RECORDINGS"]

RECORDINGS = Path(__file__).resolve().parent.parent / "fixtures" / "llm"


class ReplayServer:
    """The server, on a free loopback port, in a thread of this process (a context manager)."""

    def __init__(self, recording: str | dict[str, Any]):
        self.recording = recording if isinstance(recording, dict) else json.loads(
            (RECORDINGS / f"{recording}.json").read_text(encoding="utf-8"))
        self.requests: list[dict[str, Any]] = []
        self._served: dict[int, int] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reply_for(self, body: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
        """The recording's reply to a request body: (chunk index in the recording, reply)."""
        user = next((m.get("content", "") for m in body.get("messages", []) if m.get("role") == "user"), "")
        for index, chunk in enumerate(self.recording["chunks"]):
            if chunk["match"] in user:
                with self._lock:
                    n = self._served.get(index, 0)
                    self._served[index] = n + 1
                replies = chunk["replies"]
                return index, replies[min(n, len(replies) - 1)]
        return -1, None


def _handler(server: ReplayServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            with server._lock:
                server.requests.append({"path": self.path, "authorization": self.headers.get("Authorization"),
                                        "body": body})
            if self.path.rstrip("/") != "/v1/chat/completions":
                return self._send(404, {"error": {"message": f"no route {self.path}"}})
            key = server.recording.get("api_key")
            if key is not None and self.headers.get("Authorization") != f"Bearer {key}":
                return self._send(401, {"error": {"message": "Incorrect API key provided",
                                                  "type": "invalid_request_error", "code": "invalid_api_key"}})
            _, reply = server.reply_for(body)
            if reply is None:
                return self._send(400, {"error": {"message": "no recording matches this request"}})
            time.sleep(reply.get("delay_s", 0))
            status = reply.get("status", 200)
            if status != 200:
                return self._send(status, {"error": {"message": reply.get("error", "error")}}, reply.get("headers"))
            content = reply["raw"] if "raw" in reply else json.dumps(reply["content"])
            prompt = sum(len(m.get("content", "")) for m in body.get("messages", [])) // 4
            usage = reply.get("usage") or {"prompt_tokens": prompt, "completion_tokens": len(content) // 4}
            usage = {**usage, "total_tokens": usage["prompt_tokens"] + usage["completion_tokens"]}
            self._send(200, {"id": "chatcmpl-replay", "object": "chat.completion", "created": 0,
                             "model": body.get("model", ""), "usage": usage,
                             "choices": [{"index": 0, "finish_reason": reply.get("finish_reason", "stop"),
                                          "message": {"role": "assistant", "content": content}}]})

        def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a time-out)
                pass

    return Handler
