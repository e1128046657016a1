"""A scripted HTTP service on 127.0.0.1 that speaks the shape of the OpenAI and Google APIs.

Tests queue the answers (status, JSON body, or a stall longer than the client's
timeout) and read back every request the real client sent, so the real
`openai`/`langchain-openai`/`google-genai` code paths run with no network and no key.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: dict | bytes | None = None
    stall_s: float = 0.0  # sleep before answering: longer than the client's timeout = a timeout
    content_type: str = "application/json"


@dataclass
class Seen:
    method: str
    path: str
    headers: dict
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Loopback:
    """Replies are taken in order per path prefix; requests are recorded."""

    routes: dict[str, list[Reply]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def queue(self, prefix: str, *replies: Reply) -> None:
        self.routes.setdefault(prefix, []).extend(replies)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def requests_to(self, prefix: str) -> list[Seen]:
        return [s for s in self.seen if s.path.startswith(prefix)]

    def _take(self, path: str) -> Reply:
        matches = [p for p in self.routes if path.startswith(p) and self.routes[p]]
        if not matches:
            return Reply(404, {"error": {"message": f"no scripted reply for {path}"}})
        return self.routes[max(matches, key=len)].pop(0)

    def start(self) -> "Loopback":
        service = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                service.seen.append(Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                reply = service._take(self.path)
                if reply.stall_s:
                    time.sleep(reply.stall_s)
                data = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body or {}).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

            do_POST = do_GET = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def chat_tool_reply(name: str, args: dict | str, prompt_tokens: int = 120, completion_tokens: int = 80) -> Reply:
    """An OpenAI chat completion whose answer is one tool call (how structured output comes back)."""
    arguments = args if isinstance(args, str) else json.dumps(args)
    return Reply(200, {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1764000000, "model": "fake",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": None,
            "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}]}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    })


def error_reply(status: int, message: str = "slow down") -> Reply:
    return Reply(status, {"error": {"message": message, "type": "rate_limit_error" if status == 429 else "server_error"}})
