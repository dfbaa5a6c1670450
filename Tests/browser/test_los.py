"""LOS in a real Chromium: the samordnare follows a revisited kiosk through the year, the police
record their own part of the protocol on a phone at a shared ROS day and see Norrköping's objects
there, the year's figures hide the partner's small counts, and the housing company sees nothing."""
import csv
import io
import re

import docx

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_login import download, follow, log_in, serious_violations, wait_for


def open_inspection(browser, base_url, title):
    """The demo's days lie up to 120 days back: early in a year they are in the year before."""
    browser.get(base_url + "/los")
    if not browser.find_elements(By.PARTIAL_LINK_TEXT, title):
        follow(browser, browser.find_element(By.LINK_TEXT, "Föregående år"))
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, title))


def test_samordnare_follows_a_revisited_kiosk(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    open_inspection(browser, base_url, "Återbesök och bilverkstäder")
    main = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "Torgkiosken Skäggetorp AB (demo)" in main and "Återbesök" in main
    assert "Vite 50 000 kr, Stängning, helt" in main.replace("\u00a0", " ")
    browser.find_element(By.LINK_TEXT, "Torgkiosken Skäggetorp AB (demo)").click()
    wait_for(browser, "Besök (2)")
    history = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "Besök (2)" in history and "Kontroll av kiosker och frisörer" in history
    assert serious_violations(browser) == []
    browser.get(base_url + "/los/aterbesok")
    queue = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "Salong Ryd HB (demo)" in queue, "föreläggandet följs upp om 20 dagar"
    assert "Torgkiosken Skäggetorp AB (demo)" in queue and "försenat" in queue, "förbudet mot kiosken skulle följas upp för 90 dagar sedan"
    browser.save_screenshot(str(artifacts / "los-aterbesok.png"))


def test_police_record_their_part_on_a_phone_at_a_shared_day(browser, base_url, artifacts):
    log_in(browser, base_url, "polisen@linkoping.demo")
    browser.set_window_size(390, 844)
    open_inspection(browser, base_url, "ROS-dag Linköping–Norrköping")
    main = browser.find_element(By.CSS_SELECTOR, "main")
    assert "Åkeri Hageby AB (demo)" in main.text, "Norrköpings objekt i den delade insatsen"
    buttons = [b.text for b in main.find_elements(By.CSS_SELECTOR, "form button")]
    assert "Spara för Polismyndigheten, lokalpolisområdet" in buttons
    assert "Spara för Skatteverket" not in buttons, "polisen skriver bara för sin egen myndighet"
    form = main.find_element(By.XPATH, "//button[normalize-space()='Spara för Polismyndigheten, lokalpolisområdet']/ancestor::form")
    form.find_element(By.NAME, "iakttagelser").send_keys("Fordon utan gällande besiktning på gården")
    form.find_element(By.CSS_SELECTOR, "input[value=polisanmalan]").click()
    form.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Iakttagelserna är sparade."))
    assert "Polismyndigheten, lokalpolisområdet: Polisanmälan" in browser.find_element(By.CSS_SELECTOR, "main").text
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"insatssidan rullar i sidled ({width}px)"
    browser.save_screenshot(str(artifacts / "los-ros-telefon.png"))
    assert serious_violations(browser) == []


def test_statistics_hide_the_partners_small_counts_and_the_housing_company_sees_nothing(browser, base_url):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    # The demo's days lie 20–120 days back: the year of the shared day has them all.
    open_inspection(browser, base_url, "ROS-dag Linköping–Norrköping")
    year = re.search(r"Datum\s+(\d{4})-", browser.find_element(By.CSS_SELECTOR, "main").text).group(1)
    browser.get(base_url + f"/los/statistik?ar={year}")
    table = browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "Norrköpings kommun" in table and "färre än 5" in table
    assert re.search(r"Kontrollerade objekt [1-9]", table), table
    assert serious_violations(browser) == []
    # The same figures for the Trygghetsråd in Word and for a spreadsheet, partner counts hidden there too.
    headers, word = download(browser, browser.find_element(By.LINK_TEXT, "Word").get_attribute("href"))
    assert headers["Content-Disposition"] == f'attachment; filename="los-statistik-{year}.docx"'
    document = docx.Document(io.BytesIO(word))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert document.paragraphs[0].text == f"LOS-statistik {year}"
    assert "Norrköpings kommun" in cells and "färre än 5" in cells
    _, text = download(browser, browser.find_element(By.LINK_TEXT, "CSV").get_attribute("href"))
    rows = list(csv.reader(io.StringIO(text.decode("utf-8"))))
    assert rows[0] == ["Mått", "Linköpings kommun", "Norrköpings kommun"]
    objects = next(row for row in rows if row and row[0] == "Kontrollerade objekt")
    assert int(objects[1]) >= 1, objects
    browser.delete_all_cookies()
    log_in(browser, base_url, "stangastaden@linkoping.demo")
    browser.get(base_url + "/los")
    assert "LOS-uppgifterna visas bara" in browser.find_element(By.CSS_SELECTOR, "main").text
