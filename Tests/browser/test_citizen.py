"""The residents' e-service in a real Chromium: a resident on a phone reports an unsafe place
without logging in, the form's errors are announced, the public pages pass axe (WCAG 2.1 AA,
DOS-lagen), and the samordnare publishes the tip."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_login import follow, log_in, serious_violations, tap_leaflet_map


def test_resident_reports_on_a_phone_without_logging_in(browser, base_url, artifacts):
    browser.set_window_size(390, 844)
    browser.get(base_url + "/k/linkoping/tipsa")
    assert serious_violations(browser) == []
    Select(browser.find_element(By.ID, "kategori")).select_by_visible_text("Otrygg plats")
    # Leaflet (Debian's libjs-leaflet) replaces the server-drawn map: a tap fills in the place.
    tap_leaflet_map(browser)
    assert 58.3 < float(browser.find_element(By.ID, "lat").get_attribute("value")) < 58.5
    browser.find_element(By.ID, "beskrivning").send_keys("Buskarna skymmer gångvägen, mörkt på kvällen")
    browser.find_element(By.ID, "tid-kvall").click()
    browser.find_element(By.ID, "kon-kvinna").click()
    browser.save_screenshot(str(artifacts / "medborgare-tipsa.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Skicka tipset']").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Tack!"))
    assert "/k/linkoping/arende/" in browser.current_url
    assert "Inkommen, väntar på granskning" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert serious_violations(browser) == []
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"sidan rullar i sidled ({width}px)"
    # The facts stack on a phone: each value gets the line's width, not a sliver beside its term.
    values = [dd.size["width"] for dd in browser.find_elements(By.CSS_SELECTOR, ".facts dd")]
    assert values and min(values) > 250, values
    # The tip was received: the tab forgets its text, and the next tip starts empty.
    browser.get(base_url + "/k/linkoping/tipsa")
    assert browser.find_element(By.ID, "beskrivning").get_attribute("value") == ""


def test_a_keyboard_user_marks_the_place_without_a_mouse(browser, base_url):
    """WCAG 2.1.1: the map pans with the arrow keys, a crosshair shows its centre while it has
    focus, and Enter marks the centre; the status line says so for those who do not see it."""
    from selenium.webdriver.common.keys import Keys
    browser.get(base_url + "/k/linkoping/tipsa")
    leaflet = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, "#platskarta.leaflet-container"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", leaflet)
    leaflet.send_keys(Keys.ARROW_RIGHT)
    crosshair = browser.execute_script("return getComputedStyle(arguments[0], '::after').borderTopStyle", leaflet)
    assert crosshair == "solid", "hårkorset visas när kartan har fokus"
    leaflet.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "path.picked-point"))
    centre = browser.execute_script("var c = document.getElementById('platskarta').getBoundingClientRect(); return [c.left + c.width / 2, c.top + c.height / 2];")
    assert 58.3 < float(browser.find_element(By.ID, "lat").get_attribute("value")) < 58.5
    assert 15.4 < float(browser.find_element(By.ID, "lon").get_attribute("value")) < 15.8
    assert browser.find_element(By.CSS_SELECTOR, "[data-position-status]").text == "Platsen är markerad på kartan."
    marker = browser.execute_script("var r = document.querySelector('path.picked-point').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];")
    assert abs(marker[0] - centre[0]) < 3 and abs(marker[1] - centre[1]) < 3, f"kartans mitt är markerad: {marker} mot {centre}"
    assert serious_violations(browser) == []


def test_errors_are_announced_and_the_text_is_kept(browser, base_url):
    browser.get(base_url + "/k/linkoping/tipsa")
    browser.find_element(By.ID, "beskrivning").send_keys("Han heter Kalle, ring 070-123 45 67")
    browser.find_element(By.XPATH, "//button[normalize-space()='Skicka tipset']").click()
    alert = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert "välj vad det gäller" in alert.text and "telefonnummer" in alert.text
    assert browser.title.startswith("Fel i formuläret")
    assert browser.find_element(By.ID, "beskrivning").get_attribute("value") == "Han heter Kalle, ring 070-123 45 67"
    # Every error links to its field, so a keyboard user gets there at once.
    alert.find_element(By.CSS_SELECTOR, "a[href='#beskrivning']").click()
    assert browser.switch_to.active_element.get_attribute("id") == "beskrivning"
    assert serious_violations(browser) == []


def test_public_page_and_keyboard_only_form(browser, base_url, artifacts):
    browser.get(base_url + "/k/linkoping/")
    assert "Publicerade tips de senaste 12 månaderna" in browser.page_source
    # The published tips on a real map, the areas as outlines; the SVG map is the fallback.
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#tipskarta.leaflet-container"))
    assert not browser.find_element(By.CSS_SELECTOR, "figure.tips-map").is_displayed()
    assert {"Skäggetorp", "Ryd", "Berga"} <= {t.text for t in browser.find_elements(By.CSS_SELECTOR, ".leaflet-tooltip.area-label")}
    assert serious_violations(browser) == []
    browser.save_screenshot(str(artifacts / "medborgare-publik.png"))
    # Without a mouse: the skip link, then tab to the form link.
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("\t")
    assert browser.switch_to.active_element.text == "Hoppa till innehållet"


def test_public_page_and_my_reports_reflow_on_a_phone(browser, base_url):
    # WCAG 2.1 1.4.10: at 390 px the tables scroll in their own box, the page does not.
    browser.set_window_size(390, 844)
    browser.get(base_url + "/k/linkoping/")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"den publika sidan rullar i sidled ({width}px)"
    assert serious_violations(browser) == []
    log_in(browser, base_url, "rapportor@linkoping.demo")
    browser.get(base_url + "/est/handelser")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"Mina rapporter rullar i sidled ({width}px)"
    assert serious_violations(browser) == []


def test_samordnare_publishes_a_tip(browser, base_url):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.get(base_url + "/medborgare")
    assert serious_violations(browser) == []
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main table tbody a"))
    assert serious_violations(browser) == []
    browser.find_element(By.XPATH, "//button[normalize-space()='Publicera']").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Tipset är publicerat"))
