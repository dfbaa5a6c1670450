"""The kartläggning page in a real Chromium: the demo's crimes per area, accessible, readable on a phone."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_login import log_in, serious_violations


def test_crime_figures_per_area(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.find_element(By.LINK_TEXT, "Lägesbild").click()
    # Choose the year of the demo's riots with the form, as a user does.
    Select(browser.find_element(By.ID, "ar")).select_by_visible_text("2022")
    browser.find_element(By.XPATH, "//button[normalize-space()='Visa']").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kartläggning: anmälda brott 2022"
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


def test_source_register_add_and_read(browser, base_url, artifacts):
    log_in(browser, base_url, "analytiker@linkoping.demo")
    browser.get(base_url + "/lagesbild/kallor")
    browser.find_element(By.ID, "name").send_keys("Skolenkät (Ung i Linköping)")
    browser.find_element(By.ID, "owner").send_keys("UBN")
    Select(browser.find_element(By.ID, "used")).select_by_visible_text("Används inte")
    browser.find_element(By.ID, "reason").send_keys("ej genomförd 2024")
    browser.find_element(By.XPATH, "//button[normalize-space()='Lägg till']").click()
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Källan ”Skolenkät (Ung i Linköping)” är sparad." in main
    assert "Nej: ej genomförd 2024" in main
    browser.save_screenshot(str(artifacts / "lagesbild-kallor.png"))
    assert serious_violations(browser) == []
