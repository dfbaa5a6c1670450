"""Samverkan in a real Chromium: the samordnare opens Trygghetsrådet's latest meeting, sees the
decisions of earlier meetings come back for follow-up, notes a new decision and approves the
minutes; a police officer sees the forums the police sit in and nothing else; the meeting
calendar is subscribed to at a secret address that a real iCalendar parser reads."""
import datetime
import urllib.request

import icalendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_login import follow, log_in, serious_violations, wait_for


def open_latest_meeting(browser, base_url, forum):
    browser.get(base_url + "/samverkan")
    follow(browser, browser.find_element(By.LINK_TEXT, forum))
    # The meetings are listed newest first; the first held one has minutes waiting for approval.
    rows = browser.find_elements(By.XPATH, "//table[.//th[normalize-space()='Tid']]//tbody/tr")
    waiting = [row for row in rows if "Protokoll under arbete" in row.text]
    follow(browser, waiting[0].find_element(By.TAG_NAME, "a"))


def test_samordnare_notes_a_decision_and_approves_the_minutes(browser, base_url, artifacts):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    open_latest_meeting(browser, base_url, "Trygghetsrådet")
    main = browser.find_element(By.CSS_SELECTOR, "main")
    assert "Uppföljning av tidigare beslut" in main.text and "Fattat Trygghetsrådet" in main.text
    assert serious_violations(browser) == []
    # A decision due before the meeting is refused; what was typed and chosen stays.
    browser.find_element(By.ID, "beslut").send_keys("Samordna belysningsinventering i Skäggetorp med Stångåstaden")
    Select(browser.find_element(By.ID, "ansvarig")).select_by_visible_text("MOS – Miljö- och samhällsbyggnadsförvaltningen")
    browser.execute_script("document.getElementById('klart').value = '2020-01-01'")
    browser.find_element(By.XPATH, "//button[normalize-space()='Anteckna beslutet']").click()
    wait_for(browser, "Beslutet kan inte ha ett slutdatum före mötet", "[role=alert]")
    assert "belysningsinventering" in browser.find_element(By.ID, "beslut").get_attribute("value")
    assert Select(browser.find_element(By.ID, "ansvarig")).first_selected_option.text == "MOS – Miljö- och samhällsbyggnadsförvaltningen"
    browser.execute_script("document.getElementById('klart').value = '2099-06-30'")
    browser.find_element(By.XPATH, "//button[normalize-space()='Anteckna beslutet']").click()
    wait_for(browser, "Beslutet är antecknat.", "[role=status]")
    assert "belysningsinventering" in browser.find_element(By.CSS_SELECTOR, "main").text
    browser.find_element(By.XPATH, "//button[normalize-space()='Justera protokollet']").click()
    wait_for(browser, "Protokollet är justerat och låst.", "[role=status]")
    assert browser.find_elements(By.ID, "protokoll") == [], "ett justerat protokoll har inget redigeringsfält"
    assert "Rätta det justerade protokollet" in browser.find_element(By.CSS_SELECTOR, "main").text
    browser.set_window_size(390, 844)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"mötessidan rullar i sidled ({width}px)"
    browser.save_screenshot(str(artifacts / "mote-justerat.png"))
    assert serious_violations(browser) == []


def test_police_see_only_their_forums(browser, base_url):
    log_in(browser, base_url, "polisen@linkoping.demo")
    browser.get(base_url + "/samverkan")
    text = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "Trygghetsrådet" in text and "Områdesgrupp Berga" in text
    assert "Samordnings- och beredningsgruppen" not in text
    assert "Nytt forum" not in text
    assert serious_violations(browser) == []


def test_police_follow_their_decisions_across_forums(browser, base_url):
    log_in(browser, base_url, "polisen@linkoping.demo")
    browser.get(base_url + "/samverkan")
    follow(browser, browser.find_element(By.LINK_TEXT, "Beslut att följa upp"))
    Select(browser.find_element(By.ID, "ansvarig")).select_by_visible_text("Polisen – Polismyndigheten, lokalpolisområdet")
    follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Visa']"))
    rows = browser.find_elements(By.CSS_SELECTOR, "main tbody tr")
    assert rows, "polisen ansvarar för beslut i de forum de sitter i"
    assert all("Polisen" in row.find_element(By.CSS_SELECTOR, "td[data-label=Ansvarig]").text for row in rows)
    assert "Samordnings- och beredningsgruppen" not in browser.find_element(By.CSS_SELECTOR, "main").text
    assert serious_violations(browser) == []
    browser.set_window_size(390, 844)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"beslutslistan rullar i sidled ({width}px)"
    follow(browser, rows[0].find_element(By.TAG_NAME, "a"))
    assert "Mötets beslut" in browser.find_element(By.CSS_SELECTOR, "main").text


def test_calendar_feed_is_read_by_an_icalendar_parser(browser, base_url):
    log_in(browser, base_url, "samordnare@linkoping.demo")
    browser.get(base_url + "/samverkan/kalender")
    assert "möten i de forum du sitter i" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert serious_violations(browser) == []
    browser.find_element(By.XPATH, "//button[contains(., 'kalenderadress')]").click()
    url = browser.find_element(By.CSS_SELECTOR, "input[aria-label=Kalenderadress]").get_attribute("value")
    path = url[url.index("/kalender/"):]
    with urllib.request.urlopen(base_url + path) as response:
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        calendar = icalendar.Calendar.from_ical(response.read())
    events = list(calendar.walk("VEVENT"))
    assert len(events) >= 20
    summaries = {str(event["SUMMARY"]) for event in events}
    assert {"Trygghetsrådet", "EST-gruppen", "Områdesgrupp Skäggetorp"} <= summaries
    for event in events:
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        if isinstance(start, datetime.datetime):
            assert event["UID"] and start.tzinfo is not None and end > start
        else:
            # A LOS or ROS day: a whole day, ending (exclusively) the day after.
            assert str(event["SUMMARY"]).startswith(("LOS: ", "ROS: ", "INSTÄLLT: ")) and end == start + datetime.timedelta(days=1)
    assert any(isinstance(event["DTSTART"].dt, datetime.date) and not isinstance(event["DTSTART"].dt, datetime.datetime) for event in events)
