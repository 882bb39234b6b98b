"""SMTP peers for the `broadsheet send` tests, started inside the test process.

RelayServer: aiosmtpd (a real SMTP server) on loopback with STARTTLS and AUTH
using a certificate made at test time; recipients named like `user550@`,
`busy452@`, `later451@`, `slow@` make it answer with those codes.
RawPeer: a raw-socket server for what aiosmtpd cannot do: 421 at the
greeting, a drop during DATA, a drop after the final dot, a stall.
"""
import asyncio
import os
import socket
import ssl
import subprocess
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, SMTP

USER, PASSWORD = "brief", "s3cret-Pässword"


def make_certificate(folder, name):
    """A throwaway self-signed certificate for 127.0.0.1 (its own CA)."""
    cert, key = os.path.join(folder, name + ".pem"), os.path.join(folder, name + ".key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", cert, "-subj", "/CN=localhost", "-days", "1",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


class Recorder:
    """aiosmtpd handler: keeps every accepted message and answers by recipient."""

    def __init__(self):
        self.messages = []        # (recipient, wire bytes)
        self.refusals = {}        # address -> count of refusals so far
        self.sessions = []        # one per connection (EHLO comes twice with STARTTLS)
        self.lock = threading.Lock()

    def _first_time(self, address):
        with self.lock:
            n = self.refusals.get(address, 0)
            self.refusals[address] = n + 1
            return n == 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        with self.lock:
            if session.ssl is None:  # the EHLO before STARTTLS: a new connection
                self.sessions.append(session)
        return responses

    @property
    def connections(self):
        return len(self.sessions)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local.startswith("user550"):
            return "550 5.1.1 no such user"
        if local.startswith("busy452") and self._first_time(address):
            return "452 4.2.2 mailbox busy"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        rcpt = envelope.rcpt_tos[0]
        local = rcpt.split("@")[0]
        if local.startswith("later451") and self._first_time(rcpt):
            return "451 4.3.0 try again later"
        if local.startswith("slow"):
            await asyncio.sleep(float(os.environ.get("SLOW_SECONDS", "0.6")))
        with self.lock:
            self.messages.append((rcpt, bytes(envelope.original_content)))
        return "250 2.0.0 OK queued"


class RelayServer:
    """aiosmtpd with STARTTLS required and AUTH required (or implicit TLS)."""

    def __init__(self, folder, data_size_limit=33554432):
        self.cert, self.key = make_certificate(folder, "relay")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        self.recorder = Recorder()

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
            if ok:
                return AuthResult(success=True)
            return AuthResult(success=False, handled=False, message="535 5.7.8 Authentication credentials invalid")

        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=free_port(),
                                     tls_context=context, require_starttls=True,
                                     authenticator=authenticate, auth_required=True,
                                     data_size_limit=data_size_limit)
        self.controller.start()
        self.port = self.controller.port

    def stop(self):
        self.controller.stop()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RawPeer:
    """One-behaviour SMTP peer on a thread: mode is 'greet421', 'drop_mid_data',
    'drop_after_dot', 'stall_after_dot' (then 250), 'once_then_gone' (takes one
    message, then stops listening and closes: the next connection is refused)
    or 'ok'."""

    def __init__(self, mode, stall_seconds=0.0):
        self.mode, self.stall = mode, stall_seconds
        self.received = []  # complete DATA payloads (bytes, dot-unstuffed)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.running = True
        threading.Thread(target=self._serve, daemon=True).start()

    def stop(self):
        self.running = False
        try:  # wakes the accept() blocked in the serving thread; close() alone would not
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn):
        try:
            self._talk(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def _talk(self, conn):
        buffer = b""

        def line():
            nonlocal buffer
            while b"\r\n" not in buffer:
                chunk = conn.recv(65536)
                if not chunk:
                    raise OSError("closed")
                buffer += chunk
            head, buffer = buffer.split(b"\r\n", 1)
            return head

        if self.mode == "greet421":
            conn.sendall(b"421 4.3.2 service shutting down\r\n")
            return
        conn.sendall(b"220 raw.example ESMTP\r\n")
        while True:
            command = line().upper()
            if command.startswith(b"EHLO"):
                conn.sendall(b"250-raw.example\r\n250-SIZE 50000000\r\n250 8BITMIME\r\n")
            elif command.startswith(b"DATA"):
                conn.sendall(b"354 go ahead\r\n")
                if self.mode == "drop_mid_data":
                    conn.recv(1000)
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    return  # closed with unread data: a reset
                while b"\r\n.\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                data, buffer = buffer.split(b"\r\n.\r\n", 1)
                payload = (data + b"\r\n").replace(b"\r\n..", b"\r\n.")
                self.received.append(payload)
                if self.mode == "drop_after_dot":
                    return
                if self.mode == "stall_after_dot":
                    time.sleep(self.stall)
                if self.mode == "once_then_gone":
                    self.stop()  # before the reply: the client's next connection is refused
                    conn.sendall(b"250 2.0.0 OK\r\n")
                    return
                conn.sendall(b"250 2.0.0 OK\r\n")
            elif command.startswith(b"QUIT"):
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"250 OK\r\n")
