"""GET /: the analysts' web page (paths with their evidence), and its assets under /static.

The page is built from ``web/`` by esbuild into ``api/static/`` (``make setup`` runs
``npm ci && npm run build`` there); everything it needs ships in the package, nothing comes
from a CDN. Without a build, ``/`` says how to make one instead of failing obscurely.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

__all__ = ["router", "static_files", "STATIC_DIR"]

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

_NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>intelgraph</title>
<body style="font: 15px system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>intelgraph</h1><p>The web page has not been built. From the project folder run
<code>make setup</code> (or <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>), then reload.</p>
<p>The API itself is up: see <a href="docs">/docs</a>.</p></body></html>"""

router = APIRouter(include_in_schema=False)


@router.get("/", response_model=None)
def index() -> Response:
    """The page; its state (names, filters, view) lives in the query string, so any URL reloads to it."""
    page = STATIC_DIR / "index.html"
    if not page.is_file():
        return HTMLResponse(_NOT_BUILT, status_code=503)
    # Revalidate every time: the bundle's file names carry no hash, so a stale page must not linger.
    return FileResponse(page, media_type="text/html", headers={"Cache-Control": "no-cache"})


@router.get("/workbench", response_model=None)
def workbench() -> Response:
    """The analysts' workbench: drafts, their review, and documents opened at a quote (issue 17)."""
    page = STATIC_DIR / "workbench.html"
    if not page.is_file():
        return HTMLResponse(_NOT_BUILT, status_code=503)
    return FileResponse(page, media_type="text/html", headers={"Cache-Control": "no-cache"})


def static_files() -> StaticFiles:
    """The built assets (``app.js``, ``app.css``), for ``app.mount("/static", ...)``."""
    return StaticFiles(directory=STATIC_DIR, check_dir=False)
