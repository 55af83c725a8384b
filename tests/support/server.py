"""The one local HTTP server the tests use: a folder served on a free loopback port, quietly."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files under `directory`, at `prefix` (other paths are 404), without logging each request."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def running(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[http.server.ThreadingHTTPServer]:
    """A threaded server for this request handler on a free loopback port, while the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def address(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `directory` at http://127.0.0.1:PORT{prefix} while the block runs; yields that address.

    A prefix such as /interview-rebound/ serves the site where GitHub Pages will, so 404.html (whose
    links start there) works too.
    """
    handler = type("Handler", (_QuietHandler,), {"prefix": prefix})
    with running(functools.partial(handler, directory=str(directory))) as server:
        yield address(server) + prefix
