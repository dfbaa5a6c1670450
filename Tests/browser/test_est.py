"""EST in a real Chromium: a rapportör reports on a phone by tapping the map; the samordnare's
weekly lägesbild and the report form pass axe."""
import datetime
import io
import re

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_login import download, follow, log_in, serious_violations, tap_leaflet_map, wait_for


def test_report_on_a_phone_by_tapping_the_map(browser, base_url, artifacts):
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "rapportor@linkoping.demo")
    browser.get(base_url + "/est/rapportera")
    assert serious_violations(browser) == []
    Select(browser.find_element(By.ID, "kategori")).select_by_visible_text("Skadegörelse – Klotter")
    # The end of a period is asked for only when the time is a period.
    assert not browser.find_element(By.ID, "till_datum").is_displayed()
    precision = Select(browser.find_element(By.ID, "precision"))
    precision.select_by_visible_text("Under en period")
    assert browser.find_element(By.ID, "till_datum").is_displayed()
    precision.select_by_visible_text("Exakt tid")
    assert not browser.find_element(By.ID, "till_tid").is_displayed()
    # Tap the interactive map (Leaflet replaces the server-drawn SVG): the script fills in the coordinates.
    tap_leaflet_map(browser)
    latitude = browser.find_element(By.ID, "lat").get_attribute("value")
    longitude = browser.find_element(By.ID, "lon").get_attribute("value")
    assert 58.3 < float(latitude) < 58.5 and 15.4 < float(longitude) < 15.8, (latitude, longitude)
    browser.find_element(By.ID, "beskrivning").send_keys("Klotter på elskåpet vid gångvägen")
    browser.save_screenshot(str(artifacts / "est-rapportera.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Skicka rapporten']").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Tack! Händelsen är rapporterad."))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"formuläret rullar i sidled ({width}px)"
    browser.get(base_url + "/est/handelser")
    assert "Klotter på elskåpet vid gångvägen" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert browser.find_elements(By.ID, "handelsekarta") == [], "rapportörens egna rapporter som lista, utan karta"
    # On a phone each event is a short card: when and where on the first line, then what and where exactly.
    # (Positions, since WebDriver's text leaves out the " · " the style sheet puts between them; the
    # category's line break is its first box.)
    top = browser.execute_script("""const row = document.querySelector('table.events tbody tr');
        return Object.fromEntries(['when', 'area', 'category', 'place', 'description']
            .map(c => [c, Math.round(Array.from(row.querySelector('td.' + c).getClientRects()).at(c == 'category' ? -1 : 0).top)]));""")
    assert top["when"] == top["area"] < top["category"] == top["place"] < top["description"], top


def test_use_my_position_on_a_phone(browser, base_url):
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "rapportor@linkoping.demo")
    browser.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["geolocation"], "origin": base_url})
    browser.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": 58.4235, "longitude": 15.6011, "accuracy": 12})
    browser.get(base_url + "/est/rapportera")
    button = browser.find_element(By.CSS_SELECTOR, "[data-use-position]")
    assert button.is_displayed() and button.text == "Använd min position"
    button.click()
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "lat").get_attribute("value"))
    assert browser.find_element(By.ID, "lat").get_attribute("value") == "58.423500"
    assert browser.find_element(By.ID, "lon").get_attribute("value") == "15.601100"
    assert "noggrannhet cirka 12 meter" in browser.find_element(By.CSS_SELECTOR, "[data-position-status]").text
    browser.execute_cdp_cmd("Emulation.clearGeolocationOverride", {})


def test_personal_data_is_stopped_and_announced(browser, base_url):
    log_in(browser, base_url, "rapportor@linkoping.demo")
    browser.get(base_url + "/est/rapportera")
    Select(browser.find_element(By.ID, "kategori")).select_by_visible_text("Nedskräpning")
    Select(browser.find_element(By.ID, "omrade")).select_by_visible_text("Berga")
    browser.find_element(By.ID, "beskrivning").send_keys("Skräp, ring 070-123 45 67")
    browser.find_element(By.XPATH, "//button[normalize-space()='Skicka rapporten']").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=alert]"), "telefonnummer"))
    assert "Skräp, ring 070-123 45 67" == browser.find_element(By.ID, "beskrivning").get_attribute("value")


def test_weekly_lagesbild_is_accessible(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    last_week = datetime.date.today() - datetime.timedelta(days=7)
    year, week, _ = last_week.isocalendar()
    browser.get(f"{base_url}/est/vecka/{year}-W{week:02d}")
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Lägesbild vecka {week} {year}"
    # Leaflet (Debian's libjs-leaflet, served by Trygg) replaces the SVG map: areas as outlines
    # with their names, the events clustered. The SVG stays in the page as the fallback.
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#veckokarta.leaflet-container"))
    assert browser.find_element(By.ID, "veckokarta").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, "figure.week-map").is_displayed()
    assert not browser.find_element(By.ID, "karta").is_displayed(), "ingen tom rubrik Karta under den interaktiva kartan"
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map circle.dot"), "det serverritade kartan finns kvar som reserv"
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".leaflet-tooltip.area-label")]
    assert {"Skäggetorp", "Ryd", "Berga"} <= set(labels), labels
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".marker-cluster"))
    # The heat layer: switched on in the layer control, the events' density appears as cells.
    assert not browser.find_elements(By.CSS_SELECTOR, "path.heat-cell")
    browser.find_element(By.XPATH, "//label[contains(., 'Täthet (värmekarta)')]//input").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "path.heat-cell"))
    browser.save_screenshot(str(artifacts / "est-vecka-varmekarta.png"))
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == [], errors
    assert "Hela kommunen" in browser.find_element(By.CSS_SELECTOR, "table.week-areas").text
    browser.save_screenshot(str(artifacts / "est-vecka.png"))
    assert serious_violations(browser) == []
    # This week's map also shows the gatherings the police decided on for the coming two weeks.
    this_year, this_week, _ = datetime.date.today().isocalendar()
    browser.get(f"{base_url}/est/vecka/{this_year}-W{this_week:02d}")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#veckokarta path.gathering"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#veckokarta path.gathering")) == 2, "Stora torget och Bergas centrum"
    browser.get(base_url + "/est/hotspots")
    browser.save_screenshot(str(artifacts / "est-hotspots.png"))
    assert serious_violations(browser) == []


def test_analyst_downloads_a_week_of_events_as_excel(browser, base_url):
    """The analyst picks last week on the event list and opens the download in a spreadsheet."""
    log_in(browser, base_url, "analytiker@linkoping.demo")
    browser.get(base_url + "/est/handelser")
    last_week = datetime.date.today() - datetime.timedelta(days=7)
    year, week, _ = last_week.isocalendar()
    Select(browser.find_element(By.ID, "vecka")).select_by_visible_text(f"vecka {week} {year}")
    browser.find_element(By.XPATH, "//button[normalize-space()='Visa']").click()
    WebDriverWait(browser, 10).until(lambda d: "vecka=" in d.current_url)
    wait_for(browser, " händelse")
    count = int(re.search(r"(\d+) händelser?\.", browser.find_element(By.TAG_NAME, "main").text).group(1))
    assert count > 0
    headers, data = download(browser, browser.find_element(By.LINK_TEXT, "som Excel").get_attribute("href"))
    assert headers["Content-Disposition"] == 'attachment; filename="handelser.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Tidpunkt", "Kategori", "Underkategori", "Område")
    assert len(rows) - 1 == count, "lika många rader som listan säger"
    assert all(row[0].startswith(str(year)) or row[0].startswith(str(year + 1)) for row in rows[1:])



def test_a_search_in_the_event_list_shows_where_the_events_are(browser, base_url):
    """The analyst searches for a place: the list shows its events and the map their pins; a place
    someone typed with markup in it stays text in the pin's popup."""
    log_in(browser, base_url, "rapportor@linkoping.demo")
    browser.get(base_url + "/est/rapportera")
    Select(browser.find_element(By.ID, "kategori")).select_by_visible_text("Skadegörelse – Klotter")
    browser.execute_script("document.getElementById('lat').value = '58.4105'; document.getElementById('lon').value = '15.6212';")
    browser.find_element(By.ID, "platsnamn").send_keys("<i>Kursiva</i> gången")
    browser.find_element(By.ID, "beskrivning").send_keys("Klotter på muren")
    browser.find_element(By.XPATH, "//button[normalize-space()='Skicka rapporten']").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Tack! Händelsen är rapporterad."))

    browser.delete_all_cookies()
    log_in(browser, base_url, "analytiker@linkoping.demo")
    browser.get(base_url + "/est/handelser")
    browser.find_element(By.ID, "q").send_keys("KURSIVA")
    follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Visa']"))
    wait_for(browser, "1 händelse.")
    assert "<i>Kursiva</i> gången" in browser.find_element(By.CSS_SELECTOR, "table.events").text
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#handelsekarta.leaflet-container"))
    assert "Kartan visar 1 händelse i urvalet som har en punkt." in browser.find_element(By.TAG_NAME, "main").text
    pins = browser.find_elements(By.CSS_SELECTOR, "#handelsekarta path.leaflet-interactive[fill='#b35c00']")
    assert len(pins) == 1
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", pins[0])
    pins[0].click()
    # (Leaflet fades the popup in: its text is read once it shows.)
    wait_for(browser, "<i>Kursiva</i> gången", "#handelsekarta .leaflet-popup-content")
    popup = browser.find_element(By.CSS_SELECTOR, "#handelsekarta .leaflet-popup-content")
    assert popup.text.startswith("Skadegörelse · ")
    assert popup.find_elements(By.TAG_NAME, "i") == [], "platsen är text, inte HTML"
    assert serious_violations(browser) == []


def test_text_written_before_the_login_expired_is_filled_in_again(browser, base_url):
    """Two hours on the week's assessment, and meanwhile the login expired: the save is refused,
    but after logging in again in the same tab the text is back in its field."""
    log_in(browser, base_url, "samordnare@linkoping.demo")
    week = base_url + "/est/vecka/2025-W02"
    browser.get(week)
    text = "Lugnare vecka i Skäggetorp; två bränder i Ryd som hänger ihop med konflikten i området."
    browser.find_element(By.ID, "bedomning-text").send_keys(text)
    # The session ends on the server (as after eight idle hours): the cookie no longer opens it.
    browser.delete_cookie("trygg_session")
    browser.add_cookie({"name": "trygg_session", "value": "utgangen-inloggning-" + "x" * 24, "path": "/"})
    follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Spara bedömningen']"))
    assert "Du har blivit utloggad" in browser.find_element(By.TAG_NAME, "main").text

    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.get(week)
    assert browser.find_element(By.ID, "bedomning-text").get_attribute("value") == text
    assert "ifylld igen" in browser.find_element(By.TAG_NAME, "main").text
    follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Spara bedömningen']"))
    wait_for(browser, "Bedömningen är sparad.")
    browser.get(week)
    assert browser.find_element(By.ID, "bedomning-text").get_attribute("value") == text, "sparad på servern"
    assert "ifylld igen" not in browser.find_element(By.TAG_NAME, "main").text, "det sparade glöms i fliken"
