"""A kommun starts its kartläggning on the web from the real public files (../shared/data, skipped
when absent): the admin reads SCB's DeSO→RegSO table into areas, the samordnare the police's
extract and SCB's population. The extract runs 2018-05-06 – 2024-03-30 and places almost no crime
of 2019 in a DeSO; the page must say so instead of showing it as a change in crime. Norrköping,
which no other browser test reads."""
import pathlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_login import follow, log_in, serious_violations, wait_for

DATA = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "data"
pytestmark = pytest.mark.skipif(not (DATA / "polisen_deso_brott_linkoping_norrkoping.csv").exists(), reason="../shared/data saknas")


def upload(browser, form_selector, path):
    form = browser.find_element(By.CSS_SELECTOR, form_selector)
    form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
    follow(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def test_norrkoping_starts_its_kartlaggning_from_the_real_files(browser, base_url, artifacts):
    log_in(browser, base_url, "admin@norrkoping.demo")
    browser.get(base_url + "/omraden")
    upload(browser, "form[action$='/omraden/import']", DATA / "deso_regso_linkoping_norrkoping.csv")
    wait_for(browser, "Läste 40 RegSO med sina DeSO-koder.")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "94 rader gällde andra kommuner och hoppades över." in main
    assert "Navestad-Åselstad" in main

    browser.delete_all_cookies()
    log_in(browser, base_url, "samordnare@norrkoping.demo")
    browser.get(base_url + "/lagesbild/brott")
    upload(browser, "form[action$='/befolkning/import']", DATA / "scb_deso_befolkning_linkoping_norrkoping.csv")
    wait_for(browser, "Importerade befolkningen i 79 DeSO")
    upload(browser, "form[action$='/brott/import']", DATA / "polisen_deso_brott_linkoping_norrkoping.csv")
    wait_for(browser, "med inskrivningsdatum 2018-05-06 – 2024-03-30")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kartläggning: anmälda brott 2023", "sidan öppnar på det senaste hela året"
    years = [option.text for option in Select(browser.find_element(By.ID, "ar")).options]
    assert years[0] == "2024 (del av året)" and years[-1] == "2018 (del av året)", years
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Under 2019 saknar mer än vart tionde brott DeSO" in main
    assert "Diagrammet visar de 7 områden som hade flest brott per invånare 2023 och hela kommunen; tabellen har alla 40." in main
    assert serious_violations(browser) == []

    Select(browser.find_element(By.ID, "ar")).select_by_visible_text("2024 (del av året)")
    browser.find_element(By.XPATH, "//button[normalize-space()='Visa']").click()
    wait_for(browser, "anmälda brott 2024", selector="h1")
    assert "Uttaget täcker bara 2024-01-01 – 2024-03-30 av 2024" in browser.find_element(By.TAG_NAME, "main").text
    browser.save_screenshot(str(artifacts / "kartlaggning-norrkoping-delar.png"))


def test_est_group_reads_the_polices_decisions_on_gatherings_on_a_phone(browser, base_url, artifacts):
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.get(base_url + "/est")
    browser.find_element(By.LINK_TEXT, "Allmänna sammankomster").click()
    wait_for(browser, "Allmänna sammankomster", selector="h1")
    upload(browser, "form[action$='/sammankomster/import']", DATA / "polisen_allmanna_sammankomster_2022_beslut.csv")
    wait_for(browser, "15 rader gällde platser utanför kommunen och hoppades över.")
    earlier = browser.find_element(By.XPATH, "//h2[normalize-space()='Tidigare']/following-sibling::div[1]").text
    assert "torsdag 2022-04-14" in earlier and "Skäggetorps Centrum i Linköping" in earlier, earlier
    assert "Ensjövägen" not in browser.find_element(By.TAG_NAME, "main").text, "Norrköpings beslut hör inte till Linköping"
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"sidan rullar i sidled ({width}px)"
    assert serious_violations(browser) == []
    browser.save_screenshot(str(artifacts / "sammankomster-telefon.png"))
