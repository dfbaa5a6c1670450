"""Shared fixtures for the real-browser tests: a headless Debian Chromium driven by selenium.

The server is started by .ci/run (script/browser-tests) and its address given in TRYGG_URL.
"""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.wait import WebDriverWait

BASE_URL = os.environ.get("TRYGG_URL", "http://127.0.0.1:8765")

# Every wait in these tests waits for a page to change. Chromium answers a read of the page being
# replaced with a stale element or, now and then, a plain "Node with given id does not belong to
# the document": both mean "not yet", so every wait rides them out (a real failure still ends in
# the wait's timeout).
_wait_init = WebDriverWait.__init__


def _patient_wait_init(self, driver, timeout, poll_frequency=0.5, ignored_exceptions=None):
    ignored = tuple(ignored_exceptions or ()) + (StaleElementReferenceException, WebDriverException)
    _wait_init(self, driver, timeout, poll_frequency, ignored)


WebDriverWait.__init__ = _patient_wait_init
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
