"""One SpineCoach per data folder: a second launch hands over to the running one and exits.

Two SpineCoach processes on the same data folder would run two reminder schedulers and write
the same database, so the second launch asks the first to come to the front and quits instead.
Different data folders (a test profile next to the real one) may still run side by side.

Election is by a `QLockFile` in the data folder, never by "whoever listens first": with
`UserAccessOption` Qt binds the socket under a temporary name and renames it into place, so a
second listener silently *replaces* the first one's socket, and two launches at the same moment
would both believe they are alone. The lock file is created atomically, so exactly one process
wins; QLockFile also recognises the lock of a crashed process (its PID is gone, or the machine
rebooted) and takes it over. Only the lock holder touches the socket: it removes whatever a
crash left at the server path and listens there (on POSIX with a plain Unix socket,
`unix_line_server`, so QtNetwork's 2.6 MB are not resident all day; on Windows with
QLocalServer). Everybody else is a secondary: it connects,
writes one command line (``activate``, or ``open <absolute path>`` for `spinecoach --open FILE`:
the running window shows the programme's preview) and exits.

Private: the socket lives in `$XDG_RUNTIME_DIR` (a 0700 folder of the user's own, on a tmpfs;
the name is derived from the data folder) or, without one, in the data folder itself (0700).
Never in the shared temporary folder, where any other user could create the name first (and so
receive the commands, or keep SpineCoach from listening). The lock file is created 0600.

Wiring in `spinecoach.app` (a `QCoreApplication` must exist; build the window only when primary)::

    instance = SingleInstance(data_dir)
    if not instance.try_become_primary():
        return 0 if instance.notify_primary(ACTIVATE) else 1
    instance.activation_requested.connect(window.bring_to_front)
"""

from __future__ import annotations

import importlib
import logging
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, QThread, Signal, Slot

if TYPE_CHECKING:  # QtNetwork is loaded when needed: winning the lock must not cost start-up
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from spinecoach.desktop.unix_line_server import UnixLineServer

log = logging.getLogger(__name__)

LOCK_NAME = "spinecoach.lock"
SOCKET_NAME = "spinecoach.sock"
"""The socket's name when it lives in the data folder (no usable $XDG_RUNTIME_DIR)."""
MAX_SOCKET_PATH_BYTES = 104
"""A Unix socket path must fit `sun_path`: 108 bytes on Linux, 104 on macOS and the BSDs."""
ACTIVATE = "activate"
"""The command a plain second launch sends: bring the running window to the front."""

OPEN = "open"
"""``open <absolute path>``: a second launch hands over a programme file to preview."""

MAX_COMMAND_BYTES = 4352
"""Longer lines are junk (or not from SpineCoach): the connection is dropped. Room for
``open`` and a path as long as Linux allows (PATH_MAX, 4096 bytes)."""

CONNECT_TIMEOUT_MS = 3000
WRITE_TIMEOUT_MS = 2000
_RETRY_PAUSE_MS = 50


def server_names_for(data_dir: Path, environ: Mapping[str, str] = os.environ) -> list[str]:
    """Where the SpineCoach using `data_dir` may listen, best first.

    On POSIX these are socket paths: in `$XDG_RUNTIME_DIR` when it is a private folder of
    ours (`spinecoach-<hash of the data folder>.sock`; hashed so the path stays short however
    long the folder's is), then `<data folder>/spinecoach.sock`. The primary listens on the
    first it can use; a second launch tries each, so it also finds a primary that was started
    without the variable (or could not use the runtime folder). Elsewhere (Windows pipe names
    are global) one name with the user in it.

    The hash and getpass (off POSIX) load here, not at import: the primary needs the name
    only after its first paint, and loading them costs ~4 ms of start-up. The hash is
    CPython's own SHA-256 where it has one: `hashlib` would load OpenSSL's libcrypto for it,
    3.3 MB that then stay resident all day in the tray (issue 18). Same digest either way.
    """
    sha256 = _sha256()

    folder = data_dir.expanduser().resolve()
    key = os.path.normcase(str(folder)).encode("utf-8", "surrogateescape")
    if os.name != "posix":
        import getpass

        user = getpass.getuser()
        digest = sha256(f"{user}\0".encode() + key).hexdigest()
        tag = sha256(user.encode()).hexdigest()[:8]
        return [f"spinecoach-{tag}-{digest[:16]}"]
    names = []
    runtime = _private_runtime_dir(environ)
    if runtime is not None:
        names.append(str(runtime / f"spinecoach-{sha256(key).hexdigest()[:16]}.sock"))
    names.append(str(folder / SOCKET_NAME))
    return names


def _sha256() -> Callable[[bytes], Any]:
    """SHA-256 without OpenSSL when CPython has its own (`_sha256` to 3.11, `_sha2` after)."""
    for module, name in (("_sha2", "sha256"), ("_sha256", "sha256")):
        try:
            return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256


def server_name_for(data_dir: Path, environ: Mapping[str, str] = os.environ) -> str:
    """The name the primary of `data_dir` listens on first (see `server_names_for`)."""
    return server_names_for(data_dir, environ)[0]


def _private_runtime_dir(environ: Mapping[str, str]) -> Path | None:
    """`$XDG_RUNTIME_DIR` if it is what the spec promises (ours, 0700), else None."""
    value = environ.get("XDG_RUNTIME_DIR", "")
    if not value or not Path(value).is_absolute():
        return None
    try:
        info = Path(value).stat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return Path(value)


def _unusable_because(name: str) -> str | None:
    """Why a socket path cannot be used (too long, or a folder others may write), or None."""
    if os.name != "posix":
        return None
    if len(os.fsencode(name)) >= MAX_SOCKET_PATH_BYTES:
        return "the path is too long for a local socket"
    try:
        folder = Path(name).parent.stat()
    except OSError as error:
        return str(error)
    if folder.st_uid != os.getuid() or folder.st_mode & 0o022:
        return "other users could write into its folder"
    return None


def open_command(file: Path) -> str:
    """The line that asks the running SpineCoach to open `file`; ValueError if not one line.

    The path is made absolute here (the running one has another working folder), without
    resolving links: the file keeps the name the person gave it.
    """
    command = f"{OPEN} {Path(os.path.abspath(file))}"  # noqa: PTH100 (no link resolving)
    if not command.isprintable() or len(command.encode("utf-8", "surrogateescape")) >= (
        MAX_COMMAND_BYTES
    ):
        raise ValueError(f"not a single short line: {command!r}")
    return command


def opened_file(command: str) -> Path | None:
    """The file an ``open <path>`` command names, or None for any other command."""
    verb, _space, argument = command.partition(" ")
    if verb != OPEN or not argument:
        return None
    return Path(argument)


def _parse_command(line: bytes) -> str | None:
    """The command in one received line, or None when the line is not a sane command."""
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        return None
    if not text or not text.isprintable():
        return None
    return text


class SingleInstance(QObject):
    """The single-instance guard of one data folder, primary or secondary side.

    Create one, call `try_become_primary()`; the primary keeps the object for the whole run
    (dropping it releases the lock) and calls `close()` on quit.
    """

    activation_requested = Signal(str)
    """A second launch handed over this command ("activate", "open <path>"): show the window
    (and, for "open", the file's preview: `opened_file`)."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock_path = data_dir / LOCK_NAME
        self._data_dir = data_dir
        self._server_names: list[str] | None = None
        self._lock = QLockFile(str(self._lock_path))
        # 0: never judge a lock by its age. The primary holds it for days without touching
        # it; only a dead owner (gone PID, other process name, reboot) makes it stale.
        self._lock.setStaleLockTime(0)
        # Listening: a plain Unix socket on POSIX (no QtNetwork all day: `unix_line_server`),
        # QLocalServer's named pipe on Windows.
        self._server: QLocalServer | UnixLineServer | None = None
        self._is_primary = False

    @property
    def server_names(self) -> list[str]:
        """Where the primary may listen, best first; secondaries try each."""
        if self._server_names is None:
            self._server_names = server_names_for(self._data_dir)
        return self._server_names

    @property
    def server_name(self) -> str:
        """The name the primary listens on (once listening), else the first it would try."""
        from spinecoach.desktop.unix_line_server import UnixLineServer

        if self._server is None:
            return self.server_names[0]
        if isinstance(self._server, UnixLineServer):
            return self._server.path
        return self._server.fullServerName()

    @property
    def lock_path(self) -> Path:
        """The lock file whose holder is the primary."""
        return self._lock_path

    @property
    def is_primary(self) -> bool:
        """True after `try_become_primary()` succeeded and until `close()`."""
        return self._is_primary

    @property
    def is_listening(self) -> bool:
        """True while second launches can reach this primary."""
        from spinecoach.desktop.unix_line_server import UnixLineServer

        if self._server is None:
            return False
        if isinstance(self._server, UnixLineServer):
            return self._server.is_listening
        return self._server.isListening()

    def try_become_primary(self, *, listen: bool = True) -> bool:
        """Take the data folder's lock and listen; False when another process holds it.

        With `listen=False` only the lock is taken, and `listen()` is called later (the app
        does it after its first paint; a second launch meanwhile retries for a few seconds).

        When the lock file cannot be created at all (no permission, full disk) there is no way
        to elect anybody: the launch goes ahead unguarded rather than not at all, and says so.
        """
        if self._is_primary:
            return True
        # QLockFile creates the file with the umask's mode (0644 with the usual 022); 077 for
        # that moment makes it 0600. The umask is per process: anything another thread
        # creates in that instant is only made more private.
        previous_umask = os.umask(0o077)
        try:
            locked = self._lock.tryLock(0)
        finally:
            os.umask(previous_umask)
        if not locked:
            error = self._lock.error()
            if error == QLockFile.LockError.LockFailedError:
                return False
            log.warning(
                "cannot create the lock file %s (%s): running without the single-instance guard",
                self._lock_path,
                error.name,
            )
            self._is_primary = True
            return True
        self._is_primary = True
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Start answering second launches (the primary only; once)."""
        if not self._is_primary or self._server is not None:
            return
        for name in self.server_names:
            problem = _unusable_because(name)
            if problem is not None:
                log.warning("not listening on %s: %s", name, problem)
                continue
            # Whatever sits at the server path now was left by a crashed primary: we hold the
            # lock, so no live SpineCoach of this folder can be listening there.
            problem = self._listen_posix(name) if os.name == "posix" else self._listen_qt(name)
            if problem is None:
                return
            log.warning("cannot listen on %s (%s)", name, problem)
        log.warning("second launches will not find this window (nowhere to listen)")

    def _listen_posix(self, name: str) -> str | None:
        from spinecoach.desktop.unix_line_server import UnixLineServer

        server = UnixLineServer(name, MAX_COMMAND_BYTES, self)
        problem = server.listen()  # replaces a leftover socket file
        if problem is None:
            server.line_received.connect(self._handle_line)
            self._server = server
        else:
            server.deleteLater()
        return problem

    def _listen_qt(self, name: str) -> str | None:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if server.listen(name):
            self._server = server
            return None
        problem = server.errorString()
        server.deleteLater()
        return problem

    @Slot()
    def _accept(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = self._server
        if not isinstance(server, QLocalServer):
            return
        while server.hasPendingConnections():
            connection = server.nextPendingConnection()
            # Slots of this QObject, not lambdas: Qt cuts these connections when either side
            # is destroyed, so no Python code runs on a socket that is being deleted.
            connection.readyRead.connect(self._on_ready_read)
            connection.disconnected.connect(connection.deleteLater)
            self._read(connection)

    @Slot()
    def _on_ready_read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        connection = self.sender()
        if isinstance(connection, QLocalSocket):
            self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        """Handle every complete line received so far; keep a partial one for later."""
        while connection.canReadLine():
            line = bytes(connection.readLine(MAX_COMMAND_BYTES + 1).data())
            if not line.endswith(b"\n"):
                log.warning("dropped a connection that sent an over-long line")
                connection.abort()
                return
            self._handle_line(line)
        if connection.bytesAvailable() > MAX_COMMAND_BYTES:
            log.warning("dropped a connection that sent an over-long line")
            connection.abort()

    @Slot(bytes)
    def _handle_line(self, line: bytes) -> None:
        """One line a second launch sent: its command, passed on, or junk, logged."""
        command = _parse_command(line)
        if command is None:
            log.warning("ignored a malformed message from a second launch: %r", line[:40])
            return
        log.info("a second launch asked: %s", command)
        self.activation_requested.emit(command)

    def notify_primary(
        self,
        command: str = ACTIVATE,
        connect_timeout_ms: int = CONNECT_TIMEOUT_MS,
        write_timeout_ms: int = WRITE_TIMEOUT_MS,
    ) -> bool:
        """Hand `command` to the running primary; True when it was delivered.

        Blocks (no event loop needed). A primary that just took the lock may not be listening
        yet, so connecting is retried for up to `connect_timeout_ms` before giving up.
        """
        if not command.isprintable() or len(command.encode()) >= MAX_COMMAND_BYTES:
            raise ValueError(f"not a single short line: {command!r}")
        from PySide6.QtNetwork import QLocalSocket

        names = [name for name in self.server_names if _unusable_because(name) is None]
        if not names:
            log.error(
                "SpineCoach is already running on this data folder (lock %s), but there is no "
                "private place to reach it (%s); not starting a second copy",
                self._lock_path,
                "; ".join(f"{n}: {_unusable_because(n)}" for n in self.server_names),
            )
            return False
        deadline = QDeadlineTimer(connect_timeout_ms)
        socket = QLocalSocket()
        waited = False
        while not self._connect_any(socket, names, deadline):
            if deadline.hasExpired():
                log.error(
                    "SpineCoach is already running on this data folder (lock %s) but did not "
                    "answer on %s within %.1f s; not starting a second copy",
                    self._lock_path,
                    " or ".join(names),
                    connect_timeout_ms / 1000,
                )
                return False
            if not waited:
                log.info("waiting for the running SpineCoach to answer on %s", " or ".join(names))
                waited = True
            QThread.msleep(min(_RETRY_PAUSE_MS, max(1, deadline.remainingTime())))
        socket.write(f"{command}\n".encode())
        write_deadline = QDeadlineTimer(write_timeout_ms)
        while socket.bytesToWrite() > 0 and not write_deadline.hasExpired():
            if not socket.waitForBytesWritten(max(1, write_deadline.remainingTime())):
                break
        delivered = socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(write_timeout_ms)
        if delivered:
            log.info("handed over to the running SpineCoach: %s", command)
        else:
            log.error("the running SpineCoach did not take the message %r", command)
        return delivered

    @staticmethod
    def _connect_any(socket: QLocalSocket, names: list[str], deadline: QDeadlineTimer) -> bool:
        """Try each name once; True when `socket` got connected to one of them."""
        for name in names:
            socket.connectToServer(name)
            if socket.waitForConnected(max(1, min(500, deadline.remainingTime()))):
                return True
            socket.abort()
        return False

    def close(self) -> None:
        """Stop listening and release the lock, so the next launch becomes primary."""
        from spinecoach.desktop.unix_line_server import UnixLineServer

        if isinstance(self._server, UnixLineServer):
            self._server.close()  # also cuts clients off and removes the socket file
            self._server.deleteLater()
        elif self._server is not None:
            from PySide6.QtNetwork import QLocalSocket

            self._server.close()  # also removes the socket file
            for connection in self._server.findChildren(QLocalSocket):
                connection.abort()
            self._server.deleteLater()
        self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
        self._is_primary = False
