import re

from django.contrib.staticfiles import finders
from django.core.management import call_command


def test_the_api_docs_page_is_public_and_loads_every_asset_from_this_server(client, db):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css|png))"', html)
    assert assets, "the page should load Swagger UI's scripts and styles"
    for url in assets:
        assert url.startswith("/static/"), f"{url} is not served by this server"
        assert finders.find(url.removeprefix("/static/")), f"{url} is not a static file here"


def test_the_openapi_schema_is_public_and_names_the_api(client, db):
    response = client.get("/api/v1/schema/", headers={"accept": "application/vnd.oai.openapi+json"})

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/mentors/" in schema["paths"]
    assert "/api/v1/auth/token/" in schema["paths"]


def test_the_openapi_schema_builds_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


def test_no_api_docs_page_loads_from_another_host(client, db):
    # ReDoc's stock page pulls web fonts from a CDN, so only the self-contained Swagger UI is served.
    assert client.get("/api/v1/redoc/").status_code == 404
    html = client.get("/api/v1/docs/").content.decode()
    assert "googleapis" not in html
    assert "cdn" not in html.lower()
