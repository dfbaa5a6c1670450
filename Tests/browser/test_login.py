"""Log in, see the start page, log out, in a real Chromium; check the pages with axe."""
import urllib.request

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

DEMO_PASSWORD = "trygg-demo-2026"


def serious_violations(driver):
    """axe-core's findings of impact serious or critical for WCAG 2 A/AA: these fail the build.

    axe-selenium-python injects axe-core; the run itself returns only what we need, since
    handing the whole result object back through WebDriver is slow.
    """
    Axe(driver).inject()
    driver.set_script_timeout(60)
    violations = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                 targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
    """)
    return [f"{v['id']} ({v['impact']}): {v['help']} {v['targets']}" for v in violations
            if v["impact"] in ("serious", "critical")]


def log_in(browser, base_url, email):
    browser.get(base_url + "/login")
    browser.find_element(By.ID, "email").send_keys(email)
    password = browser.find_element(By.ID, "password")
    password.send_keys(DEMO_PASSWORD)
    # Submit with the keyboard, as many users do, and wait for the next page.
    password.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "/login" not in d.current_url or d.find_elements(By.CSS_SELECTOR, "[role=alert]"))


def wait_for(browser, text, selector="main"):
    """Waits for the page a click leads to: reading the old one while it unloads gives stale
    elements (the patient WebDriverWait in conftest.py ignores those while it waits)."""
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text))


def follow(browser, element):
    """Clicks a link or submit button and waits until the next page has replaced this one: a form's
    navigation starts after the click returns, and reading the old page then gives stale elements."""
    page = browser.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(browser, 10).until(EC.staleness_of(page))


def download(browser, url):
    """A file behind a link, fetched with the browser's session as the user would download it."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_login_page_is_swedish_and_accessible(browser, base_url, artifacts):
    browser.get(base_url + "/login")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Logga in"
    assert browser.find_element(By.CSS_SELECTOR, "label[for=email]").text == "E-postadress"
    browser.save_screenshot(str(artifacts / "login.png"))
    assert serious_violations(browser) == []


def test_password_pages_without_a_relay_are_accessible(browser, base_url):
    """The demo has no e-mail relay: the login page sends people to their admin, and the pages
    of a forgotten password say why they cannot help; a made-up link is refused."""
    browser.get(base_url + "/login")
    assert "Kontakta kommunens administratör om du har glömt lösenordet." in browser.find_element(By.TAG_NAME, "main").text
    browser.get(base_url + "/login/glomt")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Glömt lösenordet"
    assert "Trygg kan inte skicka e-post här." in browser.find_element(By.TAG_NAME, "main").text
    assert serious_violations(browser) == []
    browser.get(base_url + "/login/aterstall/" + "A" * 43)
    assert "Länken är ogiltig" in browser.find_element(By.TAG_NAME, "main").text
    assert serious_violations(browser) == []


def test_wrong_password_is_announced(browser, base_url):
    browser.get(base_url + "/login")
    browser.find_element(By.ID, "email").send_keys("samordnare@linkoping.demo")
    browser.find_element(By.ID, "password").send_keys("fel lösenord")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=alert]"), "Fel e-postadress eller lösenord"))
    assert browser.find_element(By.ID, "email").get_attribute("value") == "samordnare@linkoping.demo"


def test_login_start_page_logout(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    assert browser.current_url.rstrip("/") == base_url.rstrip("/")
    assert "Välkommen, Demo samordnare" in browser.find_element(By.CSS_SELECTOR, "main").text
    nav = browser.find_element(By.CSS_SELECTOR, "nav[aria-label=Huvudmeny]")
    assert [a.text for a in nav.find_elements(By.TAG_NAME, "a")][:9] == ["Start", "Lägesbild", "Enkäter", "Åtgärdsplan", "Uppföljning", "EST", "Samverkan", "LOS", "Medborgartips"]
    assert nav.find_element(By.CSS_SELECTOR, "a[aria-current=page]").text == "Start"
    browser.save_screenshot(str(artifacts / "start.png"))
    assert serious_violations(browser) == []

    # The session cookie is not readable from scripts.
    assert "trygg_session" not in browser.execute_script("return document.cookie")

    browser.find_element(By.XPATH, "//button[normalize-space()='Logga ut']").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Du är utloggad."))
    browser.get(base_url + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Logga in"


def test_areas_page_is_accessible_and_shows_the_map(browser, base_url, artifacts):
    log_in(browser, base_url, "admin@linkoping.demo")
    browser.get(base_url + "/omraden")
    names = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "tbody th")]
    assert names == ["Berga", "City", "Ryd", "Skäggetorp"]
    assert browser.find_element(By.CSS_SELECTOR, "svg.map").get_attribute("aria-label").startswith("Karta")
    # With Leaflet installed the areas are outlines on the interactive map; the SVG is the fallback.
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#omradeskarta.leaflet-container"))
    labels = {t.text for t in browser.find_elements(By.CSS_SELECTOR, ".leaflet-tooltip.area-label")}
    assert labels == {"Berga", "City", "Ryd", "Skäggetorp"}, labels
    assert not browser.find_element(By.CSS_SELECTOR, "figure.areas-map").is_displayed()
    browser.save_screenshot(str(artifacts / "omraden.png"))
    assert serious_violations(browser) == []


def test_mobile_width_keeps_navigation_reachable(browser, base_url):
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "rapportor@linkoping.demo")
    # On a phone the menu folds behind one button, so the page's own content comes first.
    nav = browser.find_element(By.CSS_SELECTOR, "nav[aria-label=Huvudmeny]")
    toggle = browser.find_element(By.CSS_SELECTOR, "button.menu-toggle")
    assert not nav.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    report = browser.find_element(By.LINK_TEXT, "Rapportera en händelse")
    screen = browser.execute_script("return window.innerHeight")
    assert report.location["y"] + report.size["height"] < screen / 2, "rapportknappen står i skärmens övre halva"
    toggle.click()
    assert nav.is_displayed() and toggle.get_attribute("aria-expanded") == "true"
    browser.find_element(By.LINK_TEXT, "Mitt konto").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/konto"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"sidan rullar i sidled ({width}px)"
    # On a wide screen the menu is open and the button gone.
    browser.set_window_size(1280, 900)
    assert browser.find_element(By.CSS_SELECTOR, "nav[aria-label=Huvudmeny]").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, "button.menu-toggle").is_displayed()


def test_plan_and_follow_up_pages_are_accessible(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.get(base_url + "/plan/2023")
    assert "123 åtgärder." in browser.find_element(By.CSS_SELECTOR, "main").text
    # Filter with the keyboard-usable form, no JavaScript involved.
    browser.find_element(By.ID, "q").send_keys("kamerabevakning")
    browser.find_element(By.XPATH, "//button[normalize-space()='Filtrera']").click()
    WebDriverWait(browser, 10).until(lambda d: "q=kamerabevakning" in d.current_url)
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "2 av 123 åtgärder matchar"))
    browser.save_screenshot(str(artifacts / "plan.png"))
    assert serious_violations(browser) == []

    browser.get(base_url + "/uppfoljning")
    browser.find_element(By.LINK_TEXT, "Rapport (HTML)").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".headline"), "Av planens 123 åtgärder är"))
    browser.save_screenshot(str(artifacts / "rapport.png"))
    assert serious_violations(browser) == []


def tap_leaflet_map(browser, selector="#platskarta"):
    """Taps the interactive map a little off its centre; the form's coordinates are filled in."""
    from selenium.webdriver.common.action_chains import ActionChains
    leaflet = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, selector + ".leaflet-container"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", leaflet)
    assert not browser.find_element(By.CSS_SELECTOR, "figure.map.pick").is_displayed(), "SVG-kartan är reserv"
    ActionChains(browser).move_to_element_with_offset(leaflet, 15, 25).click().perform()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "path.picked-point"))


def test_search_from_the_header(browser, base_url, artifacts):
    """The samordnare types in the header's search field and presses Enter; the hits open their pages."""
    log_in(browser, base_url, "samordnare@linkoping.demo")
    field = browser.find_element(By.ID, "site-sok")
    field.send_keys("kamerabevakning")
    page = browser.find_element(By.TAG_NAME, "html")
    field.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(EC.staleness_of(page))
    assert "/sok?q=kamerabevakning" in browser.current_url
    assert "Åtgärder i åtgärdsplanen" in browser.find_element(By.TAG_NAME, "main").text
    hits = browser.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=sok-atgarder] ul.search-hits a")
    assert hits and all("/plan/atgard/" in hit.get_attribute("href") for hit in hits)
    assert serious_violations(browser) == []
    browser.set_window_size(390, 844)
    browser.save_screenshot(str(artifacts / "sok.png"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"söksidan rullar i sidled ({width}px)"
    follow(browser, hits[0])
    assert "kamerabevakning" in browser.find_element(By.TAG_NAME, "main").text.lower()
