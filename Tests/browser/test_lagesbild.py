"""The kartläggning page in a real Chromium: the demo's crimes per area, accessible, readable on a phone."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_login import follow, log_in, serious_violations, wait_for


def test_crime_figures_per_area(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    follow(browser, browser.find_element(By.LINK_TEXT, "Lägesbild"))
    follow(browser, browser.find_element(By.LINK_TEXT, "kartläggningen av anmälda brott"))
    # Choose the year of the demo's riots with the form, as a user does.
    Select(browser.find_element(By.ID, "ar")).select_by_visible_text("2022")
    browser.find_element(By.XPATH, "//button[normalize-space()='Visa']").click()
    # Wait for the new page: reading the old one while it unloads gives stale elements.
    wait_for(browser, "anmälda brott 2022", selector="h1")
    areas = {th.text for th in browser.find_elements(By.CSS_SELECTOR, "tbody th[scope=row]") if th.text}
    assert {"Skäggetorp", "Ryd", "Berga"} <= areas
    assert "Brott per 1 000 invånare räknas på befolkningen 2022." in browser.find_element(By.TAG_NAME, "main").text
    browser.save_screenshot(str(artifacts / "lagesbild-brott.png"))
    assert serious_violations(browser) == []


def test_partner_sees_small_counts_hidden_and_the_page_reflows(browser, base_url, artifacts):
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "polisen@linkoping.demo")
    browser.get(base_url + "/lagesbild/brott?ar=2022")
    assert "Antal 1–4 visas inte" in browser.find_element(By.TAG_NAME, "main").text
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"sidan rullar i sidled ({width}px); tabellerna ska rulla inom sin ruta"
    browser.save_screenshot(str(artifacts / "lagesbild-brott-telefon.png"))
    assert serious_violations(browser) == []


def test_comparison_with_lan_and_riket_on_a_phone(browser, base_url, artifacts):
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "analytiker@linkoping.demo")
    browser.get(base_url + "/lagesbild/brott")
    browser.find_element(By.LINK_TEXT, "jämförelsen").click()
    wait_for(browser, "jämförelse med län", selector="h1")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kartläggning: jämförelse med län och riket"
    chart = browser.find_element(By.CSS_SELECTOR, "figure.chart svg")
    assert chart.get_attribute("aria-label").startswith("Totalt antal brott, index")
    assert chart.size["width"] <= 390, "diagrammet krymper till skärmen"
    regions = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "tbody th[scope=row]")]
    assert regions == ["Linköpings kommun", "Östergötlands län", "Hela landet"], regions
    assert "Hela landet: 2024 är preliminärt." in browser.find_element(By.TAG_NAME, "main").text
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"sidan rullar i sidled ({width}px)"
    browser.save_screenshot(str(artifacts / "lagesbild-jamforelse-telefon.png"))
    assert serious_violations(browser) == []


def test_source_register_add_and_read(browser, base_url, artifacts):
    log_in(browser, base_url, "analytiker@linkoping.demo")
    browser.get(base_url + "/lagesbild/kallor")
    browser.find_element(By.ID, "name").send_keys("Skolenkät (Ung i Linköping)")
    browser.find_element(By.ID, "owner").send_keys("UBN")
    Select(browser.find_element(By.ID, "used")).select_by_visible_text("Används inte")
    browser.find_element(By.ID, "reason").send_keys("ej genomförd 2024")
    browser.find_element(By.XPATH, "//button[normalize-space()='Lägg till']").click()
    wait_for(browser, "är sparad.")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Källan ”Skolenkät (Ung i Linköping)” är sparad." in main
    assert "Nej: ej genomförd 2024" in main
    browser.save_screenshot(str(artifacts / "lagesbild-kallor.png"))
    assert serious_violations(browser) == []


def test_decided_lagesbild_read_by_the_police_on_a_phone(browser, base_url, artifacts):
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "polisen@linkoping.demo")
    browser.get(base_url + "/lagesbild/dokument")
    browser.find_element(By.LINK_TEXT, "Version 1").click()
    wait_for(browser, "Lägesbild version 1", selector="h1")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Lägesbild version 1"
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Trygghetsrådet, 2024-03-14 (KS 2024-212)" in main
    assert "Skadegörelse och otrygghet i Skäggetorps centrum" in main
    assert "Skolenkät om trygghet: används inte – Skolenkäten genomfördes inte 2023." in main
    assert browser.find_elements(By.LINK_TEXT, "3.1"), "problemet leder till planens åtgärd"
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Besluta']")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"sidan rullar i sidled ({width}px)"
    browser.save_screenshot(str(artifacts / "lagesbild-dokument-telefon.png"))
    assert serious_violations(browser) == []


def test_samordnare_starts_the_next_version_and_adds_a_problem(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    wait_for(browser, "Lägesbilden skulle ha förnyats senast 2026-03-14")
    browser.find_element(By.LINK_TEXT, "Till lägesbilden").click()
    wait_for(browser, "Ny version")
    browser.find_element(By.XPATH, "//button[normalize-space()='Skapa utkast']").click()
    wait_for(browser, "Version 2 är skapad")
    assert "Version 2 är skapad som utkast." in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.ID, "titel-ny").send_keys("Bostadsinbrott i Ryd")
    browser.find_element(By.ID, "omrade-ny").send_keys("Ryd")
    browser.find_element(By.ID, "ny-okar").click()
    Select(browser.find_element(By.ID, "atgarder-ny")).select_by_index(1)
    browser.find_element(By.XPATH, "//section[@aria-labelledby='new-problem']//button[normalize-space()='Lägg till']").click()
    wait_for(browser, "Problemet är tillagt.")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Problemet är tillagt." in main and "Bostadsinbrott i Ryd" in main
    browser.save_screenshot(str(artifacts / "lagesbild-utkast.png"))
    assert serious_violations(browser) == []
