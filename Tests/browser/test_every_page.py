"""Every page that exists, as the people who use it reach it by following links: no serious or
critical axe finding (WCAG 2 A/AA), reflow at 320 CSS px without horizontal scrolling
(WCAG 2.1 1.4.10; wide tables scroll in their own box) and buttons, fields and menu links at
least 44 px high there. One page per route pattern."""
import re
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from test_login import log_in, serious_violations

# Downloads, machine formats and actions are not pages.
NOT_PAGES = (".docx", ".csv", ".json", ".xlsx", ".zip", ".xml", ".js", ".css", "/vendor/", "/static/", "/open311/", "/api/", "/logout")
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def pattern(path):
    path = UUID.sub("{id}", path)
    path = re.sub(r"\d{4}-W\d{2}", "{vecka}", path)
    return re.sub(r"/\d+(?=/|$)", "/{n}", path)


def phone_width(browser, width=320):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})


def crawl(browser, base_url, start, limit=70):
    """Visits pages breadth first from `start`; returns the problems found, per page."""
    origin = urllib.parse.urlparse(base_url).netloc
    queue, seen, problems, visited = [start], set(), [], []
    while queue and len(visited) < limit:
        path = queue.pop(0)
        key = pattern(urllib.parse.urlparse(path).path)
        if key in seen:
            continue
        seen.add(key)
        browser.get(base_url + path)
        if browser.find_elements(By.CSS_SELECTOR, "main") == []:
            continue
        visited.append(path)
        # The folded phone menu is opened, so that its links are checked as well.
        browser.execute_script("var b = document.querySelector('.menu-toggle'); if (b && !b.hidden) b.click();")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        if width > 320:
            problems.append(f"{path}: rullar i sidled vid 320 px ({width} px)")
        problems += [f"{path}: {v}" for v in serious_violations(browser)]
        small = browser.execute_script("""return Array.from(document.querySelectorAll(
            'main button:not(.link), main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), nav a, .menu-toggle'))
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
            .map(e => e.tagName.toLowerCase() + ' ' + (e.textContent || e.name || '').trim().slice(0, 30) + ' ' + Math.round(e.getBoundingClientRect().height) + ' px')""")
        problems += [f"{path}: för litet pekmål: {target}" for target in small[:3]]
        for href in browser.execute_script("return Array.from(document.querySelectorAll('main a[href], nav a[href], footer a[href]')).map(a => a.href)"):
            url = urllib.parse.urlparse(href)
            if url.netloc == origin and not any(part in url.path for part in NOT_PAGES):
                queue.append(url.path + (f"?{url.query}" if url.query else ""))
    return visited, problems


@pytest.mark.parametrize("email", [
    "samordnare@linkoping.demo", "admin@linkoping.demo", "ansvarig.sf@linkoping.demo", "rapportor@linkoping.demo",
    "polisen@linkoping.demo", "analytiker@linkoping.demo",
])
def test_every_staff_page_passes_axe_and_reflows(browser, base_url, artifacts, email):
    log_in(browser, base_url, email)
    phone_width(browser)
    visited, problems = crawl(browser, base_url, "/")
    (artifacts / f"alla-sidor-{email.split('@')[0]}.txt").write_text("\n".join(visited + [""] + problems), encoding="utf-8")
    assert len(visited) >= 5, visited
    assert problems == [], "\n".join(problems)


def test_every_public_page_passes_axe_and_reflows(browser, base_url):
    phone_width(browser)
    visited, problems = crawl(browser, base_url, "/k/linkoping/")
    assert "/k/linkoping/tipsa" in visited
    # The footer's statements on personal data and accessibility, which the law asks for.
    assert {"/k/linkoping/personuppgifter", "/k/linkoping/tillganglighet"} <= set(visited), visited
    assert problems == [], "\n".join(problems)
