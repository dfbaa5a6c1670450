"""A forgotten password, end to end through the real relay: the user asks on the login page, the
message arrives in the relay's Maildir with a link that works once, the new password logs in and
the old one does not. An address without an account gets the same answer and no message.

Usage: check_reset.py BASE_URL MAILDIR EMAIL PUBLIC_URL"""
import email
import email.policy
import http.cookiejar
import mailbox
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SUBJECT = "Välj ett nytt lösenord till Trygg"
NEW_PASSWORD = "Ny-lösen-på-tåget-2026"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def client():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def get(opener, url):
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), error.headers


def post(opener, url, page, fields):
    token = re.search(r'name="_csrf" value="([^"]+)"', page)
    data = urllib.parse.urlencode({**fields, "_csrf": token.group(1) if token else ""}).encode()
    try:
        with opener.open(urllib.request.Request(url, data=data, method="POST"), timeout=10) as response:
            return response.status, response.read().decode("utf-8"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), error.headers


def log_in(base, address, password):
    """A new browser through the login form; its opener and whether it reached the start page."""
    opener = client()
    _, page, _ = get(opener, f"{base}/login")
    status, _, headers = post(opener, f"{base}/login", page, {"email": address, "password": password, "next": "/"})
    return opener, status == 303 and headers.get("Location") == "/"


def password_messages(maildir):
    box = mailbox.Maildir(maildir, create=False)
    messages = [email.message_from_bytes(bytes(m), policy=email.policy.default) for m in box]
    return [m for m in messages if str(m["Subject"]) == SUBJECT]


def ask_for_link(base, address):
    opener = client()
    _, page, _ = get(opener, f"{base}/login/glomt")
    return post(opener, f"{base}/login/glomt", page, {"email": address})


def main(base, maildir, address, public_url):
    problems = []
    # Someone who has used Trygg before and forgot: one who never signed in chooses a first password instead.
    log_in(base, address, "trygg-demo-2026")
    before = len(password_messages(maildir))
    status, _, headers = ask_for_link(base, address)
    if status != 303 or "skickat=1" not in headers.get("Location", ""):
        problems.append(f"beställningen svarade {status} {headers.get('Location')}")
    message = None
    for _ in range(75):
        arrived = password_messages(maildir)
        if len(arrived) > before:
            message = arrived[-1]
            break
        time.sleep(0.2)
    if message is None:
        print("FEL: inget meddelande med länken kom fram inom 15 sekunder")
        return 1
    if str(message["To"]) != address:
        problems.append(f"meddelandet gick till {message['To']}")
    body = message.get_content()
    link = re.search(re.escape(public_url) + r"(/login/aterstall/[A-Za-z0-9_-]+)", body)
    if not link:
        print("FEL: ingen länk i meddelandet:\n" + body)
        return 1
    reset_url = base + link.group(1)

    opener = client()
    status, page, _ = get(opener, reset_url)
    if status != 200 or 'name="password"' not in page:
        problems.append(f"länken öppnar inget formulär ({status})")
    status, _, headers = post(opener, reset_url, page, {"password": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    if status != 303 or "nytt-losenord=1" not in headers.get("Location", ""):
        problems.append(f"det nya lösenordet sparades inte ({status} {headers.get('Location')})")

    if not log_in(base, address, NEW_PASSWORD)[1]:
        problems.append("det nya lösenordet loggar inte in")
    if log_in(base, address, "trygg-demo-2026")[1]:
        problems.append("det gamla lösenordet loggar fortfarande in")
    status, page, _ = get(client(), reset_url)
    if 'name="password"' in page:
        problems.append("länken fungerade en andra gång")

    # An address without an account: the same answer, and nothing is sent.
    before = len(password_messages(maildir))
    status, _, headers = ask_for_link(base, "ingen.alls@linkoping.demo")
    time.sleep(2)
    if status != 303 or "skickat=1" not in headers.get("Location", ""):
        problems.append(f"okänd adress fick ett annat svar: {status}")
    if len(password_messages(maildir)) != before:
        problems.append("ett meddelande skickades till en adress utan konto")

    for problem in problems:
        print("FEL: " + problem)
    if not problems:
        print(f"ok: glömt lösenord: länken kom till {address} via reläet, fungerade en gång och det nya lösenordet loggar in")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
