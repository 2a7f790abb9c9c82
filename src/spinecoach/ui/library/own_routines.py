"""The Library's own-routine actions: New routine, Duplicate, Edit (or Ease…), Delete and Undo.

What may be done to which routine follows the routine (`Routine.editable_in_place`,
`Routine.locked`): a shipped routine is never changed in place, so Edit opens the editor on a
copy and says so; a locked programme routine can only be eased (no more than prescribed, no
other exercises); a programme routine that is not locked is copied like a shipped one. The
writes are the keeper's (`app.routine_book.RoutineBook`); a write the data file refuses changes
nothing, and the person is told why in words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from spinecoach.core.exercise import DosageLimits, Routine, RoutineItem, RoutineOrigin
from spinecoach.core.session_settings import DEFAULT_SETTINGS, SessionSettings

if TYPE_CHECKING:
    from spinecoach.core.records import CustomRoutine
    from spinecoach.ui.library.pane import LibraryPane
    from spinecoach.ui.library.routine_editor import RoutineEditor

#: How long "Undo" is offered after a routine is deleted.
UNDO_SECONDS = 10


class RoutineKeeper(Protocol):
    """Where the person's routines are kept (`app.routine_book.RoutineBook`)."""

    def save(self, routine: Routine) -> Routine:
        """Keep a routine as the person's own; returns it as kept (with its id)."""

    def delete(self, routine_id: str) -> CustomRoutine:
        """Delete an own routine; returns what `undo_delete` needs."""

    def undo_delete(self, record: CustomRoutine) -> Routine | None:
        """Bring a deleted routine back."""

    def copy_of(self, routine: Routine, name: str) -> Routine:
        """An unsaved copy, the person's own, based on `routine`."""

    def duplicate(self, routine: Routine, name: str | None = None) -> Routine:
        """Keep a copy of `routine`."""


#: The longest name a routine may have (the routine files' limit).
NAME_LENGTH = 40


def _fitted(pattern: str, name: str) -> str:
    """`pattern` with `name` in it, the name shortened ("…") so the whole stays a valid name."""
    text = pattern.format(name=name)
    if len(text) <= NAME_LENGTH:
        return text
    room = NAME_LENGTH - len(pattern.format(name="")) - 1
    return pattern.format(name=name[: max(room, 1)].rstrip() + "…")


def _words_of_failure(error: Exception) -> str:
    """A storage failure in words; a bug (no words for it) raises again."""
    from spinecoach.storage.failures import describe_failure

    problem = describe_failure(error)
    if problem is None:
        raise error
    return problem.words


class OwnRoutines(QObject):
    """Carries out the Library's routine buttons over a `RoutineKeeper`.

    `limits_for_eased(item)`: the ranges of a locked prescription's item when eased (the
    prescribed value as the ceiling), from the keeper's side of the app.

    Signals:
        editor_opened(object): a RoutineEditor opened (tests answer it).
        undo_offered(str): a deletion can be undone; the sentence shown.
    """

    editor_opened = Signal(object)
    undo_offered = Signal(str)

    def __init__(
        self,
        pane: LibraryPane,
        keeper: RoutineKeeper,
        *,
        limits_for_eased: Callable[[RoutineItem], DosageLimits],
        settings: Callable[[], SessionSettings] = lambda: DEFAULT_SETTINGS,
    ) -> None:
        super().__init__(pane)
        self._pane = pane
        self._keeper = keeper
        self._eased = limits_for_eased
        self._settings = settings
        self._deleted: CustomRoutine | None = None
        self.editor: RoutineEditor | None = None
        self.undo_timer = QTimer(self)
        self.undo_timer.setObjectName("routineUndoTimer")
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(UNDO_SECONDS * 1000)
        self.undo_timer.timeout.connect(self.forget_undo)

    # --- the buttons ----------------------------------------------------------------------------

    def new_routine(self) -> RoutineEditor:
        """Open the editor on a new, empty routine."""
        return self._open(None)

    def edit(self, routine: Routine) -> RoutineEditor:
        """Edit an own routine in place; any other routine through a copy (or eased)."""
        if routine.editable_in_place:
            return self._open(routine)
        if routine.locked:
            eased = self._keeper.copy_of(routine, _fitted(self.tr("{name} (eased)"), routine.name))
            notice = self.tr(
                "Your physiotherapist set this routine. You can do less of it, never more: "
                "each value can go down to the exercise's safe lowest. It is kept as your own "
                "eased copy; the programme stays as it was prescribed."
            )
            return self._open(eased, notice=notice, eased=True)
        copy = self._keeper.copy_of(routine, _fitted(self.tr("{name} (mine)"), routine.name))
        if routine.origin is RoutineOrigin.PROGRAMME:
            notice = self.tr(
                "You are editing your own copy of “{name}”. The programme stays as it was "
                "prescribed."
            ).format(name=routine.name)
        else:
            notice = self.tr(
                "You are editing your own copy of “{name}”. The routine that comes with "
                "SpineCoach stays as it is."
            ).format(name=routine.name)
        return self._open(copy, notice=notice)

    def duplicate(self, routine: Routine) -> Routine | None:
        """Keep a copy of `routine` ("Copy of …") and show it."""
        name = _fitted(self.tr("Copy of {name}"), routine.name)
        try:
            kept = self._keeper.duplicate(routine, name)
        except Exception as error:  # storage refused: words, or a bug raises again
            self._tell(
                self.tr("The copy was not made: {why}.").format(why=_words_of_failure(error))
            )
            return None
        self._pane.select_item(kept.id)
        return kept

    def delete(self, routine: Routine) -> bool:
        """Delete an own routine at once and offer Undo for a while (sessions stay)."""
        if not routine.editable_in_place:
            return False
        try:
            record = self._keeper.delete(routine.id)
        except Exception as error:
            self._tell(
                self.tr("The routine was not deleted: {why}.").format(why=_words_of_failure(error))
            )
            return False
        self._deleted = record
        text = self.tr("Deleted “{name}”. Sessions done with it stay in your History.").format(
            name=routine.name
        )
        self._pane.routine_buttons.offer_undo(text)
        self.undo_timer.start()
        self.undo_offered.emit(text)
        return True

    def undo(self) -> bool:
        """Bring the routine deleted last back (Undo, Ctrl+Z); False when there is none."""
        record, self._deleted = self._deleted, None
        if record is None:
            return False
        try:
            routine = self._keeper.undo_delete(record)
        except Exception as error:
            self._deleted = record
            self._tell(
                self.tr("The routine could not be brought back: {why}.").format(
                    why=_words_of_failure(error)
                )
            )
            return False
        self.forget_undo()
        if routine is not None:
            self._pane.select_item(routine.id)
        return True

    @property
    def can_undo(self) -> bool:
        """Whether a deletion can be undone now."""
        return self._deleted is not None

    def forget_undo(self) -> None:
        """The time for Undo is over (or it was used): the bar goes."""
        self._deleted = None
        self.undo_timer.stop()
        self._pane.routine_buttons.hide_undo()

    # --- the editor ---------------------------------------------------------------------------

    def _open(
        self, routine: Routine | None, *, notice: str = "", eased: bool = False
    ) -> RoutineEditor:
        pane = self._pane
        # The editor (and its picker) load the first time one opens, not with the Library.
        from spinecoach.ui.library.routine_editor import RoutineEditor

        editor = RoutineEditor(
            routine,
            pane.library.exercises,
            save=self._save,
            words=pane.library.words,
            settings=self._settings(),
            limits_for=self._eased if eased else None,
            can_add=not eased,
            side_fixed=eased,
            notice=notice,
            desk_word=pane.model.desk_badge(),
            parent=pane.window(),
        )
        editor.finished.connect(lambda _result: self._closed(editor))
        self.editor = editor
        editor.open()
        self.editor_opened.emit(editor)
        return editor

    def _save(self, routine: Routine) -> str | None:
        try:
            kept = self._keeper.save(routine)
        except Exception as error:
            return self.tr("Not saved: {why}. Your changes are still here; try again.").format(
                why=_words_of_failure(error)
            )
        self._pane.select_item(kept.id)
        return None

    def _closed(self, editor: RoutineEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _tell(self, text: str) -> None:
        QMessageBox.warning(self._pane, self.tr("Nothing was changed"), text)
