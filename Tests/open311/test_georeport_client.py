"""Trygg's Open311 endpoint read by an existing Open311 client from PyPI (`georeport`), in both
formats, and written to as an app would: POST with an api_key, follow the token."""
import os

import pytest
import requests
from georeport import GeoReport

BASE_URL = os.environ.get("TRYGG_URL", "http://127.0.0.1:8765")
API_KEY = os.environ.get("TRYGG_OPEN311_KEY", "")
ROOT = BASE_URL + "/open311/v2"


@pytest.fixture(params=["json", "xml"])
def client(request):
    return GeoReport(ROOT, jurisdiction="linkoping", api_key=API_KEY, output_format=request.param)


def test_services_and_definition(client):
    services = client.get_service_list()
    codes = [service["service_code"] for service in services]
    assert "otrygg-plats" in codes and "narkotika" not in codes
    definition = client.get_service_definition("otrygg-plats")
    attributes = definition["attributes"]
    if client.output_format == "xml":
        attributes = attributes["attribute"]
    assert [attribute["code"] for attribute in attributes][:2] == ["tid_pa_dygnet", "veckodagar"]


def test_published_requests_are_rounded_and_without_contact_details(client):
    published = client.get_service_requests(status="open")
    if isinstance(published, dict):
        published = [published]
    assert published, "the demo has published tips in the last 90 days"
    first = published[0]
    assert first["status"] == "open" and first["agency_responsible"] == "Linköpings kommun"
    assert "email" not in first and "@" not in str(first)
    one = client.get_service_request(first["service_request_id"])
    assert one["service_request_id"] == first["service_request_id"]
    # Five decimals at most: the public location is the centre of a 100 m square.
    assert len(str(one["lat"]).split(".")[1]) <= 5


def test_post_needs_a_key_and_answers_with_a_token():
    form = {"jurisdiction_id": "linkoping", "service_code": "otrygg-plats", "lat": "58.4318", "long": "15.579",
            "description": "Mörk gångväg vid skolan (test)", "attribute[tid_pa_dygnet][]": "kvall"}
    refused = requests.post(ROOT + "/requests.json", data=form, timeout=10)
    assert refused.status_code == 403 and refused.json()[0]["code"] == 403
    assert API_KEY, "script/open311-client-tests creates a key"
    accepted = requests.post(ROOT + "/requests.json", data={**form, "api_key": API_KEY}, timeout=10)
    assert accepted.status_code == 201
    token = accepted.json()[0]["token"]
    status = requests.get(f"{ROOT}/tokens/{token}.json", params={"jurisdiction_id": "linkoping"}, timeout=10).json()
    assert status == [{"service_request_id": None, "token": token}]
