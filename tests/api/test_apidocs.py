"""GET /docs and /redoc use the project's own Swagger UI and ReDoc, never a CDN (issue 19)."""
from __future__ import annotations

import pytest

from api.routes import web

pytestmark = pytest.mark.neo4j


@pytest.mark.parametrize("page, assets", [
    ("/docs", ["static/apidocs/swagger-ui-bundle.js", "static/apidocs/swagger-ui.css"]),
    ("/redoc", ["static/apidocs/redoc.standalone.js"]),
])
def test_the_docs_pages_load_nothing_from_another_host(client, page, assets):
    assert (web.STATIC_DIR / "apidocs").is_dir(), "run `make setup`: the docs assets are built with the page"
    html = client.get(page)
    assert html.status_code == 200 and "openapi.json" in html.text
    assert "cdn" not in html.text and "https://" not in html.text and "fonts.googleapis" not in html.text
    for asset in assets:
        assert asset in html.text
        served = client.get(f"/{asset}")
        assert served.status_code == 200 and len(served.content) > 10_000


def test_redoc_may_not_fetch_images_from_elsewhere(client):
    assert client.get("/redoc").headers["content-security-policy"] == "img-src 'self' data:"
