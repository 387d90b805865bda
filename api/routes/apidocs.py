"""GET /docs (Swagger UI) and GET /redoc (ReDoc) from the project's own bundle, not a CDN.

FastAPI's own pages load Swagger UI and ReDoc from jsDelivr, so they are blank on a machine
without internet. ``web/build.mjs`` copies both from npm (``swagger-ui-dist``, ``redoc``) into
``api/static/apidocs/``, and these routes point FastAPI's page builders at those copies.
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

_ASSETS = "static/apidocs"


@router.get("/docs", response_class=HTMLResponse)
def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI over ``/openapi.json``, every asset served by this API."""
    return get_swagger_ui_html(openapi_url="openapi.json", title=f"{request.app.title} · API",
                               swagger_js_url=f"{_ASSETS}/swagger-ui-bundle.js",
                               swagger_css_url=f"{_ASSETS}/swagger-ui.css",
                               swagger_favicon_url=f"{_ASSETS}/favicon-32x32.png")


@router.get("/redoc", response_class=HTMLResponse)
def redoc(request: Request) -> HTMLResponse:
    """ReDoc over ``/openapi.json``, without Google Fonts.

    ReDoc's footer shows Redocly's logo from cdn.redoc.ly; the page's policy keeps images to this
    server, so that the browser does not even ask (the footer's words stay).
    """
    page = get_redoc_html(openapi_url="openapi.json", title=f"{request.app.title} · API reference",
                          redoc_js_url=f"{_ASSETS}/redoc.standalone.js",
                          redoc_favicon_url=f"{_ASSETS}/favicon-32x32.png", with_google_fonts=False)
    page.headers["Content-Security-Policy"] = "img-src 'self' data:"
    return page
