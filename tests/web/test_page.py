"""GET / serves the analyst page and /static its assets, without shadowing the API."""
from __future__ import annotations

import pytest

from api.routes import web

pytestmark = pytest.mark.neo4j

BUILT = (web.STATIC_DIR / "index.html").is_file() and (web.STATIC_DIR / "app.js").is_file()
NOT_BUILT = "api/static/ is not built: run `make setup` (or `cd web && npm ci && npm run build`)"


@pytest.fixture(autouse=True)
def _bundle_built() -> None:
    assert BUILT, NOT_BUILT


def test_the_page_is_served_at_the_root(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert 'src="static/app.js"' in response.text and 'href="static/app.css"' in response.text


@pytest.mark.parametrize("name, media_type", [("app.js", "javascript"), ("app.css", "text/css")])
def test_the_assets_are_served_from_the_package(client, name, media_type):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200 and media_type in response.headers["content-type"]
    assert len(response.content) > 1000


def test_no_asset_comes_from_another_host(client):
    page = client.get("/").text
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    bundle = client.get("/static/app.js").text
    assert "cdn." not in bundle and "unpkg.com" not in bundle and "jsdelivr" not in bundle


def test_the_page_leaves_the_api_alone(client):
    assert client.get("/docs").status_code == 200
    assert client.get("/health").json() == {"status": "ok"}
    spec = client.get("/openapi.json").json()
    assert "/" not in spec["paths"]
    missing = client.get("/no-such-endpoint")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not Found"}
    assert client.get("/static/no-such-file.js").status_code == 404


def test_a_missing_build_says_how_to_make_one(client, monkeypatch, tmp_path):
    monkeypatch.setattr(web, "STATIC_DIR", tmp_path)
    response = client.get("/")
    assert response.status_code == 503 and "make setup" in response.text
