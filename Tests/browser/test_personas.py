"""The people who use Trygg every day, each doing the main task from the start page, on the
device they use (screenshots persona-*.png in artifacts/). The rapportör reporting on a phone
and the resident's tip are in test_est.py and test_citizen.py."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_login import follow, log_in, serious_violations, wait_for


def main_text(browser):
    return browser.find_element(By.CSS_SELECTOR, "main").text


def test_officer_answers_the_follow_up_on_a_phone(browser, base_url, artifacts):
    """UTB's officer: the start page says what is left, the list filters to the unanswered, the
    answer is saved in place and the limit of the text is shown while typing."""
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "ansvarig.utb@linkoping.demo")
    assert "åtgärder att besvara" in main_text(browser)
    browser.save_screenshot(str(artifacts / "persona-forvaltning-start.png"))
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Svara för UTB"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "Obesvarade").click()
    wait_for(browser, "Sista svarsdag")
    first = browser.find_element(By.CSS_SELECTOR, "section.followup-answer")
    heading = first.find_element(By.TAG_NAME, "h2").text
    first.find_element(By.CSS_SELECTOR, "input[type=radio][value]").click()
    text = first.find_element(By.TAG_NAME, "textarea")
    text.send_keys("Rutinen är införd på alla grundskolor; uppföljning sker i elevhälsan.")
    assert "69 av 4 000 tecken" in first.text
    browser.save_screenshot(str(artifacts / "persona-forvaltning-svar.png"))
    first.find_element(By.XPATH, ".//button[normalize-space()='Spara svaret']").click()
    wait_for(browser, "Svaret för åtgärden är sparat", "[role=status]")
    assert "#m-" in browser.current_url, "sidan kommer tillbaka till åtgärden"
    assert heading in main_text(browser)
    saved = browser.find_element(By.CSS_SELECTOR, f"section[aria-labelledby='{browser.current_url.split('#')[1]}']")
    assert "Rutinen är införd på alla grundskolor" in saved.text, "the saved answer is shown as text"
    assert not saved.find_element(By.TAG_NAME, "textarea").is_displayed(), "its form folds behind Ändra svaret"
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    assert serious_violations(browser) == []


def test_samordnare_follows_the_round_and_sends_an_answer_back(browser, base_url, artifacts):
    """The samordnare: from the start page to the open round, an answer sent back with a
    comment, and the e-mail to the organisation waiting in Utskick."""
    browser.set_window_size(1366, 900)
    log_in(browser, base_url, "samordnare@linkoping.demo")
    assert "Uppföljning 2024" in main_text(browser)
    browser.save_screenshot(str(artifacts / "persona-samordnare-start.png"))
    browser.find_element(By.LINK_TEXT, "Till uppföljningen").click()
    wait_for(browser, "Alla åtgärder")
    # Each answer's send-back form is folded, so the round's page lists the answers, not forms.
    browser.find_element(By.CSS_SELECTOR, "details.send-back summary").click()
    comment = browser.find_element(By.CSS_SELECTOR, "form.return-form input[name=comment]")
    organisation = comment.find_element(By.XPATH, "./preceding-sibling::label").text
    comment.send_keys("Beskriv vilka skolor som deltar.")
    comment.send_keys(Keys.ENTER)
    wait_for(browser, "Svaret är skickat tillbaka för komplettering.", "[role=status]")
    browser.save_screenshot(str(artifacts / "persona-samordnare-aterskickat.png"))
    browser.get(base_url + "/utskick")
    outbox = main_text(browser)
    assert "svar återskickat" in outbox and "Komplettera svaret om åtgärd" in outbox, organisation
    assert serious_violations(browser) == []


def test_police_read_the_weeks_lagesbild_on_a_phone(browser, base_url, artifacts):
    """The police: the start page links the latest published weekly lägesbild and their own
    measures; the week page opens without a 403 on a phone."""
    browser.set_window_size(390, 844)
    log_in(browser, base_url, "polisen@linkoping.demo")
    start = main_text(browser)
    assert "Senaste publicerade lägesbild" in start
    browser.save_screenshot(str(artifacts / "persona-polisen-start.png"))
    browser.find_element(By.XPATH, "//li[h3[starts-with(normalize-space(), 'Senaste publicerade lägesbild')]]//a").click()
    wait_for(browser, "EST-gruppens bedömning", "body")
    assert "403" not in browser.title
    browser.save_screenshot(str(artifacts / "persona-polisen-vecka.png"))
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    assert serious_violations(browser) == []
