"""Programme files: opened (File > Open programme, a drop, `--open`), previewed, imported, exported.

Opening reads the file with a clear sentence for one that cannot be used (unreadable, too large
for a programme, not UTF-8 text), parses it (`core.programme.format.parse_programme`) against the
library in the language in use, and shows the preview (`ui.programme.preview_dialog`): nothing
is written until the person presses Import. Importing stores the file's text through the
`Database` (`save_programme`: the same programme, by its key, replaces the one before; never a
duplicate), makes it the active programme, and tells the routine book to read it again, so the
Library shows it first. A file the data file cannot take (read-only, disk full) is refused with
the reason, and nothing is changed.

Exporting writes the active programme, or any routine, in the same format (H2's
`programme_to_toml`, `routine_as_programme_toml`). The file is meant to be shared (the usual
0644); an existing file is replaced only when the person agreed (the save dialog asks for the
name it returns; this asks when ".programme.toml" was added to it).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from spinecoach.core import settings as keys
from spinecoach.core.clock import Clock

if TYPE_CHECKING:
    from spinecoach.core.exercise import Exercise, Routine
    from spinecoach.core.messages import Messages
    from spinecoach.core.programme.format import ProgrammeParse
    from spinecoach.core.records import StoredProgramme
    from spinecoach.storage.database import Database
    from spinecoach.storage.state_file import StateFile
    from spinecoach.ui.programme.preview_dialog import ProgrammePreviewDialog

log = logging.getLogger(__name__)

#: A programme is a few kB of text; anything past this is not one (and is not read whole).
MAX_PROGRAMME_BYTES = 256 * 1024
#: How a programme file's name ends (its MIME type's glob, packaging/*.mime.xml).
PROGRAMME_SUFFIX = ".programme.toml"


class ProgrammeFileError(Exception):
    """A file that cannot be read as a programme; the message says why, for the person."""


class ProgrammeFiles(QObject):
    """Open, preview, import and export programme files for one running app.

    Everything it needs comes in: the window (dialogs' parent), the open `Database` (asked
    for when needed: the data file opens after the first paint), the library's exercises and
    words in the language in use, the clock, the state file (the folder last used), what
    reloads the routines the Library shows (`RoutineBook`), and where to tell the person.
    `ask` shows a modal dialog and returns its result (tests answer it instead).
    """

    def __init__(
        self,
        *,
        window: QWidget,
        database: Callable[[], Database],
        exercises: Callable[[], Mapping[str, Exercise]],
        words: Callable[[], Messages],
        clock: Clock,
        state: StateFile,
        reload: Callable[[], object],
        tell: Callable[[str], object],
        data_dir: Path | None = None,
        ask: Callable[[QDialog], int] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._database = database
        self._exercises = exercises
        self._words = words
        self._clock = clock
        self._state = state
        self._reload = reload
        self._tell = tell
        self._data_dir = data_dir
        #: Shows a modal dialog, returns its result (tests put their own answer here).
        self.ask: Callable[[QDialog], int] = ask or (lambda dialog: dialog.exec())

    # --- opening ----------------------------------------------------------------------------

    def choose_and_open(self) -> StoredProgramme | None:
        """File > Open programme: choose a file, preview it, import it if the person agrees."""
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Open a programme"),
            str(self.folder()),
            self.tr("Programmes (*.programme.toml);;TOML files (*.toml);;All files (*)"),
        )
        if not path:
            return None
        return self.open_file(Path(path))

    def open_file(self, path: Path) -> StoredProgramme | None:
        """Read, preview and, on Import, store `path` as the active programme.

        Returns what was stored, or None (cancelled, unusable file, or the store refused).
        """
        self._state.set(keys.UI_LAST_FOLDER, str(path.parent))
        try:
            text = read_programme_file(path)
        except ProgrammeFileError as error:
            self._warn(self.tr("Programme not opened"), str(error))
            return None
        parse = self.parse(text)
        dialog = self.preview_dialog(parse, path.name)
        if self.ask(dialog) != QDialog.DialogCode.Accepted or parse.programme is None:
            return None
        if parse.problems:  # Import is disabled then; never store a programme with problems
            return None
        return self.import_programme(parse, text, path.name)

    def parse(self, text: str) -> ProgrammeParse:
        """The programme in `text`, or its problems, against the library in use."""
        from spinecoach.core.programme.format import parse_programme

        return parse_programme(text, self._exercises())

    def preview_dialog(self, parse: ProgrammeParse, file_name: str) -> ProgrammePreviewDialog:
        """The preview of a parsed file, saying when it replaces one imported before."""
        from spinecoach.ui.programme.preview_dialog import ProgrammePreviewDialog

        replaces = None
        if parse.programme is not None:
            earlier = self.stored(parse.programme.key)
            replaces = earlier.imported_at if earlier is not None else None
        return ProgrammePreviewDialog(
            parse, file_name, replaces=replaces, words=self._words(), parent=self._window
        )

    def stored(self, programme_id: str) -> StoredProgramme | None:
        """The programme stored under this key, if it was imported before."""
        for programme in self._database().programmes():
            if programme.id == programme_id:
                return programme
        return None

    def import_programme(
        self, parse: ProgrammeParse, text: str, file_name: str
    ) -> StoredProgramme | None:
        """Store the file's text as the active programme; the Library reads it again."""
        from spinecoach.storage.failures import describe_failure

        programme = parse.programme
        assert programme is not None and not parse.problems
        try:
            stored = self._database().save_programme(
                programme.key,
                programme.title,
                programme.prescribed_by,
                text,
                file_name,
                self._clock.now(),
                activate=True,
            )
        except Exception as error:  # classified below; a bug re-raises
            problem = describe_failure(error, self._data_dir)
            if problem is None:
                raise
            log.error("the programme %s could not be stored: %s", programme.key, problem.code)
            self._warn(
                self.tr("Programme not imported"),
                self.tr(
                    "SpineCoach could not save the programme: {why}. Nothing was changed; "
                    "open the file again once that is solved."
                ).format(why=problem.words),
            )
            return None
        log.info("imported the programme %s (%d routines)", stored.id, len(programme.routines))
        self._reload()
        self._tell(
            self.tr("Imported “{title}”: its routines are at the top of the Library.").format(
                title=programme.title
            )
        )
        return stored

    # --- exporting --------------------------------------------------------------------------

    def export_active(self) -> Path | None:
        """File > Export programme: the active programme, in the programme format."""
        from spinecoach.core.programme.format import programme_to_toml

        stored = self._database().active_programme()
        if stored is None:
            self._warn(
                self.tr("No programme to export"),
                self.tr(
                    "No programme is active. Import one with File › Open programme…, or "
                    "export a single routine from the Library."
                ),
            )
            return None
        parse = self.parse(stored.body)
        # Written anew by the format's own writer; a file this library cannot read any more
        # (an exercise since removed) is given back exactly as it was imported.
        text = programme_to_toml(parse.programme) if parse.programme is not None else stored.body
        return self.save_as(text, stored.title)

    def export_routine(self, routine: Routine) -> Path | None:
        """The Library's Export: one routine as a programme file someone else can import."""
        from spinecoach.core.programme.format import routine_as_programme_toml
        from spinecoach.core.programme.model import Frequency, Period

        # A routine of the active programme keeps its prescriber, frequency and lock; any
        # other is the person's own to share: once a day, and open to changes.
        frequency = Frequency(1, Period.DAY)
        prescribed_by = self.tr("Exported from SpineCoach")
        locked = False
        stored = self._database().active_programme()
        if stored is not None:
            programme = self.parse(stored.body).programme
            if programme is not None and routine.id in programme.routine_ids:
                frequency = programme.frequency_of(routine.id) or frequency
                prescribed_by = programme.prescribed_by
                locked = programme.locked
        text = routine_as_programme_toml(
            routine,
            frequency,
            routine.name,
            prescribed_by,
            start=self._clock.now().date(),
            locked=locked,
        )
        return self.save_as(text, routine.name)

    def save_as(self, text: str, title: str) -> Path | None:
        """Ask where, then write `text`; an existing file is replaced only when agreed."""
        from spinecoach.core.programme.model import slug

        suggested = self.folder() / f"{slug(title) or 'programme'}{PROGRAMME_SUFFIX}"
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export the programme"),
            str(suggested),
            self.tr("Programmes (*.programme.toml)"),
        )
        if not path:
            return None
        target = Path(path)
        agreed = target.exists()  # the save dialog has asked before returning an existing file
        if not target.name.lower().endswith(PROGRAMME_SUFFIX):
            target = with_programme_suffix(target)
            agreed = target.exists() and self.confirm_replace(target)
            if target.exists() and not agreed:
                return None
        self._state.set(keys.UI_LAST_FOLDER, str(target.parent))
        try:
            write_text_file(target, text, overwrite=agreed)
        except OSError as error:
            self._warn(
                self.tr("Programme not exported"),
                self.tr("Could not write {path}: {why}").format(
                    path=target, why=error.strerror or error
                ),
            )
            return None
        self._tell(self.tr("Exported to {path}.").format(path=target))
        return target

    def confirm_replace(self, target: Path) -> bool:
        """Ask before replacing `target`, which the save dialog did not name; True: replace."""
        box = QMessageBox(self._window)
        box.setObjectName("replaceProgrammeFile")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the file?"))
        box.setText(
            self.tr("{name} already exists. Replace it with this programme?").format(
                name=target.name
            )
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep the old file"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        self.ask(box)
        return box.clickedButton() is replace

    # --- helpers ----------------------------------------------------------------------------

    def folder(self) -> Path:
        """Where a file dialog opens: the folder last used, else the home folder."""
        remembered = self._state.get(keys.UI_LAST_FOLDER)
        if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
            return Path(remembered)
        return Path.home()

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._window)
        box.setObjectName("programmeFileProblem")
        self.ask(box)


def read_programme_file(path: Path) -> str:
    """The text of a programme file; `ProgrammeFileError` saying why it cannot be one."""
    from PySide6.QtCore import QCoreApplication, QLocale

    name = path.name
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_PROGRAMME_BYTES + 1)
    except FileNotFoundError:
        why = QCoreApplication.translate(
            "ProgrammeFiles", "it is not there any more (moved, renamed or deleted?)"
        )
        raise ProgrammeFileError(_cannot_read(name, why)) from None
    except IsADirectoryError:
        raise ProgrammeFileError(
            _cannot_read(
                name, QCoreApplication.translate("ProgrammeFiles", "it is a folder, not a file")
            )
        ) from None
    except PermissionError:
        why = QCoreApplication.translate("ProgrammeFiles", "you are not allowed to read it")
        raise ProgrammeFileError(_cannot_read(name, why)) from None
    except OSError as error:
        raise ProgrammeFileError(_cannot_read(name, error.strerror or str(error))) from None
    if len(data) > MAX_PROGRAMME_BYTES:
        raise ProgrammeFileError(
            QCoreApplication.translate(
                "ProgrammeFiles",
                "{name} is larger than {limit} kB. A programme file is a few kB of text: is "
                "this the file your physiotherapist sent?",
            ).format(name=name, limit=QLocale().toString(MAX_PROGRAMME_BYTES // 1024))
        )
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (some Windows editors) is fine
    except UnicodeDecodeError as error:
        raise ProgrammeFileError(
            QCoreApplication.translate(
                "ProgrammeFiles",
                "{name} is not UTF-8 text (byte {position} cannot be read), so it is not a "
                "programme file, or it was saved in another encoding. Save it as UTF-8 in a "
                "text editor, then open it again.",
            ).format(name=name, position=QLocale().toString(error.start + 1))
        ) from None
    return text


def _cannot_read(name: str, why: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "ProgrammeFiles", "SpineCoach cannot read {name}: {why}."
    ).format(name=name, why=why)


def with_programme_suffix(path: Path) -> Path:
    """`path` named as a programme file: "x" and "x.toml" become "x.programme.toml"."""
    name = path.name
    if name.lower().endswith(".toml"):
        name = name[: -len(".toml")]
    return path.with_name(name + PROGRAMME_SUFFIX)


def write_text_file(target: Path, text: str, *, overwrite: bool) -> None:
    """Write `text` (UTF-8) at `target` in one step, with the usual 0644 (it is meant to be shared).

    With `overwrite` False an existing file raises FileExistsError (somebody made it since the
    question was asked).
    """
    if not overwrite:
        with target.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        return
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        Path(temporary).chmod(0o644 & ~_umask())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
