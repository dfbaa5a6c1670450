"""An invitation, end to end through the real relay: the admin adds a colleague without a
password, the message arrives in the relay's Maildir with a link, the colleague chooses her own
password there and logs in with it; nothing else opens the account.

Usage: check_invite.py BASE_URL MAILDIR ADMIN_EMAIL PUBLIC_URL"""
import email
import email.policy
import mailbox
import re
import sys
import time

from check_reset import client, get, log_in, post

SUBJECT = "Du har fått ett konto i Trygg"
INVITED = "ny.kollega@polisen.se"
CHOSEN = "grön cykel vid ån 2026"


def invitations(maildir):
    box = mailbox.Maildir(maildir, create=False)
    messages = [email.message_from_bytes(bytes(m), policy=email.policy.default) for m in box]
    return [m for m in messages if str(m["Subject"]) == SUBJECT and str(m["To"]) == INVITED]


def main(base, maildir, admin, public_url):
    problems = []
    opener, ok = log_in(base, admin, "trygg-demo-2026")
    if not ok:
        print("FEL: administratören kom inte in")
        return 1
    _, page, _ = get(opener, f"{base}/admin/anvandare")
    if 'name="password"' in page:
        problems.append("formuläret ber om ett lösenord fast ett relä finns")
    police = re.search(r'<option value="([0-9A-F-]{36})"[^>]*>Polisen', page)
    if not police:
        print("FEL: Polisen finns inte bland organisationerna")
        return 1
    status, _, headers = post(opener, f"{base}/admin/anvandare", page, {
        "email": INVITED, "name": "Ny Kollega", "role": "partner", "organisation": police.group(1)})
    if status != 303:
        problems.append(f"tillägget svarade {status}")
    message = None
    for _ in range(75):
        arrived = invitations(maildir)
        if arrived:
            message = arrived[-1]
            break
        time.sleep(0.2)
    if message is None:
        print("FEL: ingen inbjudan kom fram inom 15 sekunder")
        return 1
    body = message.get_content()
    link = re.search(re.escape(public_url) + r"(/login/aterstall/[A-Za-z0-9_-]+)", body)
    if not link or "inom sju dagar" not in body:
        print("FEL: inbjudan saknar länk eller giltighetstid:\n" + body)
        return 1
    if log_in(base, INVITED, "")[1]:
        problems.append("kontot öppnades utan lösenord")
    visitor = client()
    status, page, _ = get(visitor, base + link.group(1))
    if status != 200 or "Välj ditt lösenord" not in page:
        problems.append(f"länken öppnar inget formulär för ett första lösenord ({status})")
    status, _, headers = post(visitor, base + link.group(1), page, {"password": CHOSEN, "repeat": CHOSEN})
    if status != 303 or "valt-losenord=1" not in headers.get("Location", ""):
        problems.append(f"lösenordet sparades inte ({status} {headers.get('Location')})")
    if not log_in(base, INVITED, CHOSEN)[1]:
        problems.append("det valda lösenordet loggar inte in")
    for problem in problems:
        print("FEL: " + problem)
    if not problems:
        print(f"ok: inbjudan: kom till {INVITED} via reläet, hon valde själv sitt lösenord och loggar in med det")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
