"""A Unix socket that hands each line it receives to Qt's event loop, without QtNetwork.

The single-instance guard needs one listening socket for a whole day in the tray. `QLocalServer`
would do it, but loading QtNetwork for it costs 2.6 MB resident (issue 18: the tray's memory);
a plain `socket` watched by `QSocketNotifier` (QtCore) does the same for a few kilobytes.
Second launches still connect with `QLocalSocket`: on Unix both are the same `AF_UNIX` stream
socket at a path. Windows keeps `QLocalServer` (its local sockets are named pipes).

Like `QLocalServer` with `UserAccessOption`, the socket file is created readable and writable
by its owner only (under a 077 umask), in a folder the caller has checked is private.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import socket
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

log = logging.getLogger(__name__)

_READ_SIZE = 4096


class _Connection:
    """One accepted client: its socket, the notifier that watches it, what it sent so far."""

    def __init__(self, client: socket.socket, notifier: QSocketNotifier) -> None:
        self.client = client
        self.notifier = notifier
        self.pending = bytearray()
        self.closed = False


class UnixLineServer(QObject):
    """Listens at a socket path; emits every complete line a client sends, newline included.

    A client that sends more than `max_line_bytes` without a newline is cut off (logged): a
    line is a short command, and nobody may make the app keep an endless one in memory.

    Signals:
        line_received(bytes): one line, ending in its newline.
    """

    line_received = Signal(bytes)

    def __init__(self, path: str, max_line_bytes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._max_line = max_line_bytes
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._connections: dict[int, _Connection] = {}

    @property
    def is_listening(self) -> bool:
        """True from a successful `listen()` until `close()`."""
        return self._listener is not None

    def listen(self) -> str | None:
        """Listen at `path` (replacing what is there); None, or why it could not."""
        with contextlib.suppress(FileNotFoundError):
            Path(self.path).unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        previous_umask = os.umask(0o077)
        try:
            listener.bind(self.path)
            listener.listen(8)
        except OSError as error:
            listener.close()
            return error.strerror or str(error)
        finally:
            os.umask(previous_umask)
        listener.setblocking(False)
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return None

    @Slot()
    def _accept(self) -> None:
        listener = self._listener
        if listener is None:
            return
        while True:
            try:
                client, _address = listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:  # too many files open, and the like: try again later
                log.warning("could not accept a second launch's connection: %s", error)
                return
            client.setblocking(False)
            notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
            connection = _Connection(client, notifier)
            self._connections[client.fileno()] = connection
            notifier.activated.connect(self._readable)

    @Slot()
    def _readable(self) -> None:
        notifier = self.sender()
        if not isinstance(notifier, QSocketNotifier):
            return
        connection = self._connections.get(int(notifier.socket()))
        if connection is None:
            return
        try:
            data = connection.client.recv(_READ_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as error:
            if error.errno != errno.ECONNRESET:
                log.info("a second launch's connection failed: %s", error)
            self._drop(connection)
            return
        if not data:  # the client closed its end; a last line without newline is not one
            self._drop(connection)
            return
        connection.pending += data
        while (end := connection.pending.find(b"\n")) != -1 and end < self._max_line:
            line = bytes(connection.pending[: end + 1])
            del connection.pending[: end + 1]
            self.line_received.emit(line)
            if connection.closed:
                return  # a receiver closed the server meanwhile
        if end >= self._max_line or len(connection.pending) > self._max_line:
            log.warning("dropped a connection that sent an over-long line")
            self._drop(connection)

    def _drop(self, connection: _Connection) -> None:
        connection.closed = True
        connection.notifier.setEnabled(False)
        connection.notifier.deleteLater()
        self._connections.pop(connection.client.fileno(), None)
        connection.client.close()

    def close(self) -> None:
        """Stop listening, cut every client off and remove the socket file."""
        for connection in list(self._connections.values()):
            self._drop(connection)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
            with contextlib.suppress(OSError):
                Path(self.path).unlink()
