"""Shared fixtures for the real-browser tests: a headless Debian Chromium driven by selenium.

The server is started by .ci/run (script/browser-tests) and its address given in TRYGG_URL.
"""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

BASE_URL = os.environ.get("TRYGG_URL", "http://127.0.0.1:8765")
ARTIFACTS = pathlib.Path(os.environ.get("TRYGG_ARTIFACTS", "artifacts"))


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=sv-SE"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


@pytest.fixture
def base_url():
    return BASE_URL


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
