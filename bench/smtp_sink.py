"""A loopback SMTP sink for the send benchmark: it takes every message and
discards it, counting messages and bytes. Not aiosmtpd: that reads DATA a line
at a time in Python, so the benchmark would time the sink (a 1 MB attachment is
some 18,000 base64 lines). This one looks for the final dot in whole chunks.
"""
import socketserver
import threading

TERMINATOR = b"\r\n.\r\n"


class Sink:
    """with Sink() as sink: sink.port; sink.counts() -> (messages, bytes)."""

    def __init__(self):
        sink = self

        class Session(socketserver.BaseRequestHandler):
            def handle(self):
                try:
                    sink._talk(self.request)
                except OSError:
                    pass

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Session)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.messages = self.bytes = 0
        self.lock = threading.Lock()

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def counts(self):
        with self.lock:
            return self.messages, self.bytes

    def _talk(self, conn):
        buffer = b""
        conn.sendall(b"220 sink ESMTP\r\n")
        while True:
            while b"\r\n" not in buffer:
                chunk = conn.recv(1 << 18)
                if not chunk:
                    return
                buffer += chunk
            command, buffer = buffer.split(b"\r\n", 1)
            verb = command[:4].upper()
            if verb == b"EHLO":
                conn.sendall(b"250-sink\r\n250-SIZE 200000000\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                conn.sendall(b"354 go ahead\r\n")
                size, buffer = self._discard_data(conn, buffer)
                with self.lock:
                    self.messages += 1
                    self.bytes += size
                conn.sendall(b"250 2.0.0 discarded\r\n")
            elif verb == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"250 OK\r\n")

    @staticmethod
    def _discard_data(conn, buffer):
        """Reads up to the final dot; returns (bytes of the message, what follows it)."""
        size = 0
        buffer = b"\r\n" + buffer  # the final dot may come first (an empty message)
        while True:
            end = buffer.find(TERMINATOR)
            if end >= 0:
                return size + end, buffer[end + len(TERMINATOR):]
            keep = len(TERMINATOR) - 1
            size += max(0, len(buffer) - keep)
            buffer = buffer[-keep:]
            chunk = conn.recv(1 << 20)
            if not chunk:
                raise OSError("closed during DATA")
            buffer += chunk
