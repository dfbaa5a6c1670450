"""Hostile input in every form of a running Trygg, as each demo user reaches them by links.

For every page a user can open: each GET form is sent with each field holding a NUL, invalid
UTF-8, 5,000 characters, a number too large for any column, a date that does not exist and a
right-to-left override; each query value of the page's own address gets the same; each POST form
is sent with one field at a time holding a NUL (forms that sign out, delete, turn off or import
are left alone). Any answer 500 or above fails the run: bad input must get a clear error. Each
POST form with a text area is also sent with every text area longer than any limit: the refusal
must show the text again, so that nothing a person wrote is lost to an error.

Usage: probe.py BASE_URL EMAIL... (the demo's password; "-" is a resident on the public pages);
pages per user from PROBE_PAGES.
"""
import collections
import html
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
PASSWORD = "trygg-demo-2026"
PAGES = int(os.environ.get("PROBE_PAGES", "120"))
KEPT = "Skrivet-och-kvar "
QUERY_VALUES = ["%00", "%FF%FE", "x" * 5000, "99999999999999999999", "2026-02-30", "%E2%80%AE"]
SKIP_LINKS = ("logga-ut", "/static/", "/vendor/", ".ics", ".xlsx", ".docx", ".pdf", ".png", ".zip", ".csv", "/api/")
SKIP_ACTIONS = ("logga-ut", "inaktivera", "ta-bort", "avveckla", "radera", "anta", "stang", "aterkalla", "losenord",
                "tvastegs", "inloggningar", "import", "konto/epost")


class Client:
    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())

    def send(self, path, data=None):
        try:
            response = self.opener.open(BASE + path, data, timeout=30)
            return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def post(self, path, pairs):
        return self.send(path, urllib.parse.urlencode(pairs).encode())

    def log_in(self, email):
        _, page = self.send("/login")
        token = re.search(r'name="_csrf" value="([^"]+)"', page)
        pairs = [("email", email), ("password", PASSWORD)] + ([("_csrf", token.group(1))] if token else [])
        status, page = self.post("/login", pairs)
        assert status == 200 and "Logga ut" in page, f"{email} kunde inte logga in"


def form_fields(form):
    """The fields a browser would send, with their current values: (name, value, kind)."""
    fields = []
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        kind = (re.search(r'type="([^"]+)"', tag) or [None, "text"])[1]
        if kind in ("checkbox", "radio") and "checked" not in tag:
            continue
        if kind == "text" and ("inputmode=" in tag or "list=" in tag or 'name="hemsida"' in tag):
            kind = "coded"  # numbers, coordinates and picks from a list: not free text
        value = re.search(r'value="([^"]*)"', tag)
        fields.append((name.group(1), html.unescape(value.group(1)) if value else "x", kind))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.findall(r'<option value="([^"]*)"[^>]*selected', options) or re.findall(r'<option value="([^"]*)"', options)
        fields.append((name, html.unescape(chosen[0]) if chosen else "", "select"))
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        fields.append((name, html.unescape(text) or "Text", "textarea"))
    return fields


def probe(email):
    client = Client()
    if email != "-":
        client.log_in(email)
    failures, sent = [], 0

    def check(status, what):
        if status >= 500:
            failures.append(f"{email}: {status} {what[:160]}")

    queue, seen, kinds, forms = collections.deque(["/k/linkoping/" if email == "-" else "/"]), set(), set(), set()
    while queue and len(seen) < PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        status, page = client.send(path)
        check(status, path)
        if status >= 400:
            continue
        for form in re.findall(r"<form[^>]*>.*?</form>", page, re.S):
            opening = form[: form.index(">") + 1]
            action = re.search(r'action="([^"]*)"', opening)
            action = html.unescape(action.group(1)) if action else path.split("?")[0]
            method = "post" if 'method="post"' in opening else "get"
            key = (method, re.sub(r"[0-9A-F-]{36}", "ID", action))
            if key in forms or (method == "post" and (any(word in action for word in SKIP_ACTIONS) or "multipart" in opening)):
                continue
            forms.add(key)
            fields = form_fields(form)
            for index, (name, _, kind) in enumerate(fields):
                if kind == "hidden" or name in ("_csrf", "csrf"):
                    continue
                if method == "get":
                    for value in QUERY_VALUES:
                        query = urllib.parse.quote(name) + "=" + (value if value.startswith("%") else urllib.parse.quote(value))
                        sent += 1
                        check(client.send(action + "?" + query)[0], f"GET {action}?{query}")
                else:
                    pairs = [(field, value + "\x00b" if position == index else value) for position, (field, value, _) in enumerate(fields)]
                    sent += 1
                    check(client.post(action, pairs)[0], f"POST {action} {name}=…NUL")
            if method == "post" and any(kind == "textarea" for _, _, kind in fields):
                # Every text area over its limit, so the form is refused; every free-text field a
                # mark of its own, which must come back with the text.
                long_text = KEPT + "lång text " * 6000
                marks = {index: f"Kvar{index}x" for index, (_, _, kind) in enumerate(fields) if kind == "text"}
                pairs = [(field, long_text if kind == "textarea" else marks.get(index, value)) for index, (field, value, kind) in enumerate(fields)]
                sent += 1
                status, answer = client.post(action, pairs)
                check(status, f"POST {action} lång text")
                lost = [fields[index][0] for index, mark in marks.items() if mark not in answer]
                if status in (400, 409) and (KEPT not in answer or lost):
                    failures.append(f"{email}: {status} POST {action}: det skrivna visas inte igen efter felet {lost}")
        if "?" in path:
            address, query = path.split("?", 1)
            pairs = urllib.parse.parse_qsl(query)
            for index, (name, _) in enumerate(pairs):
                changed = pairs[:index] + [(name, "99999999999999999999")] + pairs[index + 1:]
                sent += 1
                check(client.send(address + "?" + urllib.parse.urlencode(changed))[0], f"GET {address} {name}")
        for link in re.findall(r'href="(/[^"]*)"', page):
            link = html.unescape(link)
            if any(part in link for part in SKIP_LINKS):
                continue
            kind = re.sub(r"[0-9A-F-]{36}", "ID", link.split("?")[0]) + ("?" if "?" in link else "")
            if kind not in kinds:
                kinds.add(kind)
                queue.append(link)
    print(f"{email}: {len(seen)} sidor, {len(forms)} formulär, {sent} fientliga förfrågningar, {len(failures)} fel")
    return failures


def main():
    failures = []
    for email in sys.argv[2:]:
        failures += probe(email)
    for failure in failures:
        print("FEL", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
