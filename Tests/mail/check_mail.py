"""Reads what the relay received (a Maildir) as a mail reader would and checks the demo's
follow-up reminders: one per address, Swedish subject, a link into Trygg, sent over STARTTLS
after AUTH. From 07:00 the samordnare's morning message about residents' tips waiting for review
comes too, one per kommun with tips waiting (both demo kommuner have some); before seven it does
not. After the first quarter the demo's medborgarlöfte lacks the follow-up of the quarter just
ended, and those who carry its activities are reminded of that too."""
import email
import email.policy
import mailbox
import sys


def main(maildir, expected_count, public_url):
    messages = [email.message_from_bytes(bytes(m), policy=email.policy.default) for m in mailbox.Maildir(maildir, create=False)]
    problems = []
    if len(messages) != expected_count:
        problems.append(f"{len(messages)} meddelanden kom fram, väntade {expected_count}")
    tips = [m for m in messages if str(m["Subject"]).endswith("från invånare väntar på granskning")]
    promises = [m for m in messages if str(m["Subject"]).startswith("Följ upp medborgarlöftet ”Tryggare kvällar i Skäggetorps centrum” för ")]
    messages = [m for m in messages if m not in tips and m not in promises]
    if promises and "polisen@linkoping.demo" not in [str(m["To"]) for m in promises]:
        problems.append(f"löftespåminnelsen gick inte till polisen: {[str(m['To']) for m in promises]}")
    # One morning message per kommun with tips waiting (both demo kommuner have some), to its samordnare.
    tip_recipients = [str(m["To"]) for m in tips]
    if len(set(tip_recipients)) != len(tip_recipients) or any(
        r not in ("samordnare@linkoping.demo", "samordnare@norrkoping.demo") for r in tip_recipients
    ) or any(f"{public_url}/medborgare?status=inkommen" not in m.get_content() for m in tips):
        problems.append(f"tipsmeddelandet: {[(str(m['To']), str(m['Subject'])) for m in tips]}")
    recipients = [str(m["To"]) for m in messages]
    if len(set(recipients)) != len(recipients):
        problems.append("samma adress fick två påminnelser")
    if not any(r.startswith("kontakt.") and r.endswith("@linkoping.demo") for r in recipients):
        problems.append("ingen organisations kontaktadress fick en påminnelse")
    for message in messages:
        subject = str(message["Subject"])
        body = message.get_content()
        if message["X-TLS"] != "ja" or message["X-Authenticated"] != "ja":
            problems.append(f"{message['To']}: skickat utan STARTTLS eller inloggning")
        if message["From"] != "Trygg <trygg@linkoping.demo>":
            problems.append(f"avsändaren är {message['From']}")
        if subject != "Påminnelse: uppföljningen av åtgärdsplanen 2024":
            problems.append(f"ämnet är {subject!r}")
        if f"{public_url}/uppfoljning/" not in body or "Sista svarsdag är" not in body or "åtgärd" not in body:
            problems.append(f"{message['To']}: texten saknar länk eller sista svarsdag: {body[:200]!r}")
        if message.get_content_charset() != "utf-8":
            problems.append(f"teckenkodningen är {message.get_content_charset()}")
    for problem in problems:
        print("FEL:", problem)
    if problems:
        sys.exit(1)
    print(f"ok: {len(messages)} påminnelser kom fram till {len(set(recipients))} adresser, över STARTTLS med inloggning")
    print("   exempel:", recipients[0], "–", str(messages[0]["Subject"]))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
