"""Trygghetsvandringar in a real Chromium: an observation typed on a phone survives a lost
connection (the form keeps it until the server has it), the samordnare reads the walk with its
causes and decided measures, and a resident reads the published protocol without any names."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_login import follow, log_in, serious_violations, wait_for

BERGA = ("58.392500", "15.645000")


def open_walk(browser, base_url, title):
    browser.get(base_url + "/samverkan/vandringar")
    browser.find_element(By.LINK_TEXT, title).click()


def test_observation_on_a_phone_survives_a_lost_connection(browser, base_url, artifacts):
    log_in(browser, base_url, "ansvarig.sf@linkoping.demo")
    browser.set_window_size(390, 844)
    open_walk(browser, base_url, "Kvällsvandring Berga centrum")
    walk_url = browser.current_url
    browser.find_element(By.ID, "lat").send_keys(BERGA[0])
    browser.find_element(By.ID, "lon").send_keys(BERGA[1])
    Select(browser.find_element(By.ID, "kategori")).select_by_visible_text("Folkliv")
    browser.find_element(By.ID, "text").send_keys("Tomt på torget efter att butikerna stängt")
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        button = browser.find_element(By.XPATH, "//button[normalize-space()='Spara observationen']")
        button.click()
        # The click returns before the form's request starts: the connection comes back only
        # once the browser has shown its offline page, or the request could still get through.
        WebDriverWait(browser, 10).until(EC.staleness_of(button))
    finally:
        browser.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    browser.get(walk_url)
    assert browser.find_element(By.ID, "text").get_attribute("value") == "Tomt på torget efter att butikerna stängt", "texten finns kvar i telefonen"
    assert browser.find_element(By.ID, "lat").get_attribute("value") == BERGA[0]
    browser.find_element(By.XPATH, "//button[normalize-space()='Spara observationen']").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Observationen är sparad."))
    assert "Tomt på torget efter att butikerna stängt" in browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=observationer]").text
    browser.get(walk_url)
    assert browser.find_element(By.ID, "text").get_attribute("value") == "", "utkastet är borta när servern har observationen"
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"vandringssidan rullar i sidled ({width}px)"
    browser.save_screenshot(str(artifacts / "vandring-telefon.png"))
    assert serious_violations(browser) == []


def test_samordnare_reads_causes_and_decided_measures(browser, base_url):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    open_walk(browser, base_url, "Kvällsvandring Berga centrum")
    main = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "Orsak: Trasiga armaturer har inte felanmälts" in main
    assert "Genomförs ej (Ingen annan plats finns" in main and "Fastighetsägaren Berga Centrum AB" in main
    assert "Uppföljningsvandring Berga centrum" in main
    assert serious_violations(browser) == []


def test_resident_reads_the_protocol_without_names(browser, base_url):
    browser.get(base_url + "/k/linkoping/")
    browser.find_element(By.LINK_TEXT, "Kvällsvandring Berga centrum").click()
    main = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "Gångtunneln under Bergavägen är mörk" in main and "Byt armaturerna i gångtunneln" in main
    assert "@" not in main and "Demo " not in main
    assert serious_violations(browser) == []


def test_route_is_drawn_with_the_keyboard(browser, base_url):
    """The walk's route can be drawn without a mouse: arrow keys move the map, Enter adds its centre."""
    from selenium.webdriver.common.keys import Keys
    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.get(base_url + "/samverkan/vandringar")
    route_map = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, "#ruttkarta.leaflet-container"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", route_map)
    route_map.send_keys(Keys.ENTER)
    route_map.send_keys(Keys.ARROW_UP)
    route_map.send_keys(Keys.ENTER)
    status = browser.find_element(By.CSS_SELECTOR, "[data-map-status]")
    WebDriverWait(browser, 5).until(lambda b: status.text == "Punkt 2 är tillagd i rutten.")
    points = browser.find_element(By.NAME, "rutt").get_attribute("value").strip().split("\n")
    assert len(points) == 2 and points[0] != points[1], points


def test_two_tabs_changing_the_same_walk_keep_both_and_show_the_collision(browser, base_url, artifacts):
    """The planning is open in two tabs (two colleagues): the second to save the förmöte is
    stopped with the first's text above her form, which stands open with her text in it."""
    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.set_window_size(390, 844)
    open_walk(browser, base_url, "Uppföljningsvandring Berga centrum")
    walk_url, mine = browser.current_url, browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.get(walk_url)

    def change(field, text):
        browser.find_element(By.XPATH, "//summary[normalize-space()='Ändra planeringen']").click()
        box = browser.find_element(By.ID, field)
        box.clear()
        box.send_keys(text)
        follow(browser, browser.find_element(By.XPATH, f"//form[@action='{walk_url.removeprefix(base_url)}']//button[@type='submit']"))

    change("formote", "Förmöte i Berga bibliotek kl. 18.")
    wait_for(browser, "Vandringen är sparad.")
    browser.close()
    browser.switch_to.window(mine)
    change("formote", "Förmöte på fritidsgården kl. 17.")
    wait_for(browser, "Någon annan har ändrat samma uppgifter")
    meanwhile = browser.find_element(By.ID, "meanwhile")
    assert "Förmöte i Berga bibliotek kl. 18." in meanwhile.text
    assert browser.switch_to.active_element == meanwhile, "det krockade syns utan att leta"
    assert browser.find_element(By.ID, "formote").get_attribute("value") == "Förmöte på fritidsgården kl. 17."
    browser.save_screenshot(str(artifacts / "vandring-krock-telefon.png"))
    assert serious_violations(browser) == []
