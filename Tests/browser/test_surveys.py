"""Surveys in a real Chromium: a resident on a phone answers the open trygghetsundersökning from
the kommun's public page without logging in and without JavaScript, in Swedish or English; a
missing answer is announced and the choices are kept; the samordnare reads the results, where
small groups are hidden, and the comparison with Norrköping."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_login import follow, log_in, serious_violations

YEAR = datetime.date.today().year


def test_resident_answers_on_a_phone(browser, base_url, artifacts):
    browser.set_window_size(390, 844)
    browser.get(base_url + "/k/linkoping/")
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, f"Svara på Trygghetsundersökning {YEAR}"))
    assert serious_violations(browser) == []
    # Forgetting the age: the form says so, and what was chosen stays chosen.
    browser.find_element(By.CSS_SELECTOR, "label[for='omrade-0']").click()
    browser.find_element(By.CSS_SELECTOR, "label[for='kon-0']").click()
    browser.find_element(By.CSS_SELECTOR, "label[for='otrygg_kvall-3']").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Skicka mina svar']").click()
    alert = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert "Välj ålder" in alert.text
    assert browser.find_element(By.ID, "otrygg_kvall-3").is_selected() and browser.find_element(By.ID, "kon-0").is_selected()
    browser.find_element(By.CSS_SELECTOR, "label[for='alder-1']").click()
    browser.find_element(By.CSS_SELECTOR, "label[for='utsatt-2']").click()
    browser.find_element(By.CSS_SELECTOR, "label[for='utsatt-0']").click()
    browser.find_element(By.ID, "kommentar").send_keys("Bättre belysning vid torget")
    browser.save_screenshot(str(artifacts / "enkat-telefon.png"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"formuläret rullar i sidled ({width}px)"
    browser.find_element(By.XPATH, "//button[normalize-space()='Skicka mina svar']").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Tack för att du deltog"))
    assert serious_violations(browser) == []


def test_the_form_in_english(browser, base_url):
    browser.get(base_url + f"/k/linkoping/enkat/trygghet-{YEAR}")
    browser.find_element(By.LINK_TEXT, "In English").click()
    main = browser.find_element(By.CSS_SELECTOR, "main div[lang=en]")
    assert "How safe or unsafe do you feel" in main.text and "Send my answers" in main.text
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Safety survey {YEAR}"
    # The length counter speaks the form's language, not the page's.
    assert browser.find_element(By.ID, "kommentar-limit").text == "0 of 2,000 characters"
    assert serious_violations(browser) == []


def test_samordnare_reads_results_and_the_comparison(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.get(base_url + "/enkater")
    browser.find_element(By.LINK_TEXT, "Trygghetsundersökning 2025").click()
    browser.find_element(By.LINK_TEXT, "Resultat").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/resultat"))
    assert "2 000 svarande" in browser.find_element(By.CSS_SELECTOR, "main").text.replace("\u00a0", " ")
    Select(browser.find_element(By.ID, "dela")).select_by_visible_text("Ålder")
    show = browser.find_element(By.XPATH, "//button[normalize-space()='Visa']")
    show.click()
    # The click returns before the new page is there; the table must be the one split by age.
    WebDriverWait(browser, 10).until(EC.staleness_of(show))
    table = browser.find_element(By.CSS_SELECTOR, "#question-table ~ div table")
    assert "16–24 år" in table.text and "–" in table.text and "%" in table.text
    assert "Problemindex" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert serious_violations(browser) == []
    browser.save_screenshot(str(artifacts / "enkat-resultat.png"))
    browser.get(base_url + "/enkater")
    browser.find_element(By.LINK_TEXT, "Otillåten påverkan 2022").click()
    browser.find_element(By.LINK_TEXT, "Jämför med den andra kommunen").click()
    main = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "Norrköpings kommun: alla" in main and "600 svarande" in main
    assert serious_violations(browser) == []


def test_printed_codes_carry_a_qr_code_a_real_reader_opens(browser, base_url, artifacts):
    """The cards for postal invitations: each QR code, photographed off the page and read by
    zxing-cpp, is the survey's address with the card's code, and opens the form with it filled in."""
    import io
    import urllib.parse

    import zxingcpp
    from PIL import Image

    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.get(base_url + "/enkater")
    browser.find_element(By.LINK_TEXT, f"Trygghetsundersökning {YEAR}").click()
    count = browser.find_element(By.ID, "antal")
    count.clear()
    count.send_keys("2")
    browser.find_element(By.XPATH, "//button[normalize-space()='Skapa koder']").click()
    cards = WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".code-cards li"))
    assert len(cards) == 2
    browser.save_screenshot(str(artifacts / "enkat-koder.png"))
    assert serious_violations(browser) == []
    links = []
    for card in cards:
        code = card.find_element(By.TAG_NAME, "strong").text
        image = Image.open(io.BytesIO(card.find_element(By.CSS_SELECTOR, "svg.qr").screenshot_as_png))
        read = zxingcpp.read_barcodes(image)
        assert [r.format.name for r in read] == ["QRCode"], read
        assert read[0].text.endswith(f"/enkat/trygghet-{YEAR}?kod={code}"), read[0].text
        links.append((read[0].text, code))
    for link, code in links:
        url = urllib.parse.urlparse(link)
        browser.get(base_url + url.path + "?" + url.query)
        assert f"Trygghetsundersökning {YEAR}" in browser.find_element(By.TAG_NAME, "h1").text
        # The demo's survey is open to all; where a code is asked for, the link has filled it in.
        fields = browser.find_elements(By.ID, "kod")
        assert not fields or fields[0].get_attribute("value") == code
