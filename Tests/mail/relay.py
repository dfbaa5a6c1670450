"""A real SMTP relay on loopback for script/mail-checks (aiosmtpd): STARTTLS with the given
certificate, AUTH required when --user is given, every message stored in a Maildir."""
import argparse
import mailbox
import ssl
import time
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class MaildirHandler:
    def __init__(self, path):
        self.box = mailbox.Maildir(path, create=True)

    async def handle_DATA(self, server, session, envelope):
        message = mailbox.MaildirMessage(envelope.original_content)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        message["X-Authenticated"] = "ja" if session.authenticated else "nej"
        message["X-TLS"] = "ja" if session.ssl else "nej"
        self.box.add(message)
        return "250 OK"


def main():
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user", help="användare:lösenord; utan: ingen inloggning krävs")
    args = parser.parse_args()

    tls = None
    if args.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)
    expected = tuple(args.user.split(":", 1)) if args.user else None

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login.decode(), auth_data.password.decode()) == expected
        # handled=False: aiosmtpd then answers 535 itself.
        return AuthResult(success=ok, handled=False)

    controller = Controller(
        MaildirHandler(args.maildir), hostname="127.0.0.1", port=args.port, tls_context=tls,
        require_starttls=tls is not None, authenticator=authenticate if expected else None,
        auth_required=expected is not None, auth_require_tls=True)
    controller.start()
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
