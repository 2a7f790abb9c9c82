"""The small reminder card that appears in a corner of the screen the mouse is on.

It never takes the keyboard by itself: someone typing an e-mail when it appears keeps typing
into the e-mail (`WA_ShowWithoutActivating` and `WindowDoesNotAcceptFocus`). It takes the
keyboard only when the person asks: a click on the card, the tray icon or its menu's "Answer the
reminder", or the notification clicked (`take_keyboard`). Then Tab moves between its buttons,
Enter or Space presses one, the Down arrow opens Snooze's and Skip's choices and Esc closes it;
the next card again leaves the keyboard alone. It only displays and forwards what the person
chose; `ReminderController` decides.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCursor,
    QGuiApplication,
    QHideEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.reminder_service import Delivery, DeliveryKind
from spinecoach.core.reminders import SNOOZE_CHOICES, SkipReason
from spinecoach.ui.reminders.card_words import SKIP_CHOICES, held_words

#: The app's name, the same in every language.
APP_NAME = "SpineCoach"

MARGIN = 18  # distance from the screen's edges, in logical pixels
CARD_WIDTH = 520  # at the usual text size: about 65 characters a line, readable at a glance
CARD_CHARACTERS = 65

#: Keys that open a menu button's choices.
_MENU_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_F4, Qt.Key.Key_Menu)


class _CardKeys(QObject):
    """Enter presses a focused card button; the Down arrow opens Snooze's or Skip's choices.

    A QPushButton ignores Enter outside a dialog, and a QToolButton's menu has no key of its
    own: these make the card as easy to answer from the keyboard as with the mouse.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt override."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QAbstractButton) or not watched.isEnabled():
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain_or_alt = modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.AltModifier,
        )
        key = event.key()
        if (
            isinstance(watched, QToolButton)
            and watched.menu() is not None
            and key in _MENU_KEYS
            and plain_or_alt
        ):
            watched.showMenu()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            modifiers == Qt.KeyboardModifier.NoModifier
        ):
            watched.click()
            return True
        return False


class ReminderPopup(QWidget):
    """A frameless, always-on-top card; see the module docstring.

    Signals:
        start_break_requested(): "Start 2-minute desk break".
        open_library_requested(): "Choose a routine" (the daily exercise reminder).
        snooze_requested(int): minutes.
        skip_requested(object): a SkipReason, or None for no reason.
        dismissed(): closed with ✕, Esc or "Not today".
        shown_changed(bool): the card appeared (True) or went away (False), however.
    """

    start_break_requested = Signal()
    open_library_requested = Signal()
    snooze_requested = Signal(int)
    skip_requested = Signal(object)
    dismissed = Signal()
    shown_changed = Signal(bool)

    def __init__(self, app_icon: QIcon, snooze_minutes: int = 5) -> None:
        super().__init__(None)
        self.setObjectName("reminderPopup")
        self.setWindowTitle(self.tr("SpineCoach reminder"))
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAccessibleName(self.tr("Stand-up reminder"))
        self.kind = DeliveryKind.STAND_UP
        self._snooze_minutes = snooze_minutes

        card = QFrame()
        card.setObjectName("reminderCard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 14, 16)
        self._card_layout = layout
        layout.setSpacing(8)

        header = QHBoxLayout()
        header.setSpacing(12)
        icon = QLabel()
        icon.setAccessibleName(APP_NAME)
        icon.setPixmap(app_icon.pixmap(40, 40))
        icon.setFixedSize(40, 40)
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.title = QLabel()
        self.title.setObjectName("reminderTitle")
        header.addWidget(self.title, 1)
        close = QToolButton()
        close.setObjectName("reminderClose")
        close.setText("✕")
        close.setToolTip(self.tr("Close this reminder"))
        close.setAccessibleName(self.tr("Close this reminder"))
        close.setAutoRaise(True)
        close.clicked.connect(self._dismiss)
        header.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        self.message = QLabel()
        self.message.setObjectName("reminderMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.notice = QLabel()
        self.notice.setObjectName("reminderNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        safety = QLabel(self.tr("Move gently, and stop anything that makes your pain worse."))
        safety.setObjectName("reminderSafety")
        safety.setProperty("role", "muted")
        safety.setWordWrap(True)
        layout.addWidget(safety)

        buttons = QHBoxLayout()
        self._buttons = buttons
        buttons.setSpacing(8)
        self.start_button = QPushButton(self.tr("Start 2-minute desk break"))
        self.start_button.setObjectName("reminderStart")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self._start)
        buttons.addWidget(self.start_button)
        self.library_button = QPushButton(self.tr("Choose a routine"))
        self.library_button.setObjectName("reminderLibrary")
        self.library_button.clicked.connect(self._open_library)
        buttons.addWidget(self.library_button)
        self.snooze_button = self._menu_button("reminderSnooze", self._snooze_menu())
        self.snooze_button.clicked.connect(lambda: self._snooze(self._snooze_minutes))
        buttons.addWidget(self.snooze_button)
        self.skip_button = self._menu_button("reminderSkip", self._skip_menu())
        self.skip_button.setText(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Skip this reminder; the arrow lets you say why"))
        self.skip_button.clicked.connect(lambda: self._skip(None))
        buttons.addWidget(self.skip_button)
        self.later_button = QPushButton(self.tr("Not today"))
        self.later_button.setObjectName("reminderNotToday")
        self.later_button.clicked.connect(self._dismiss)
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.set_snooze_minutes(snooze_minutes)
        self._fit_width()
        # Every button is in the Tab order (reached once the card has the keyboard).
        self._keys = _CardKeys(self)
        for button in self.findChildren(QAbstractButton):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.installEventFilter(self._keys)

    # --- what the controller calls -------------------------------------------------------------

    def reminder_text(self, delivery: Delivery) -> tuple[str, str]:
        """The card's title and message for a delivery (the notification says the same)."""
        if delivery.kind is DeliveryKind.DAILY_EXERCISE:
            return (
                self.tr("Time for today's exercises"),
                self.tr(
                    "No session yet today. A few minutes of gentle movement keeps a sore back "
                    "supple."
                ),
            )
        minutes = delivery.sitting_minutes
        sentences: list[str] = []
        if minutes >= 1:
            sat = self.tr("You have been sitting for %n minute(s).", "", minutes)
            sentences.append(sat)
        sentences.append(self.tr("Stand up, stretch, or take the two-minute desk break."))
        if delivery.deferred_for:
            sentences.append(held_words(delivery))
        return self.tr("Time to stand up"), " ".join(sentences)

    def show_delivery(self, delivery: Delivery, snoozes_left: int) -> None:
        """Fill the card for `delivery` and show it on the screen the mouse is on."""
        self.kind = delivery.kind
        title, message = self.reminder_text(delivery)
        self.title.setText(title)
        self.message.setText(message)
        self.notice.hide()
        daily = delivery.kind is DeliveryKind.DAILY_EXERCISE
        self.setAccessibleName(
            self.tr("Daily exercise reminder") if daily else self.tr("Stand-up reminder")
        )
        self.setAccessibleDescription(f"{title}. {message}")
        self._refuse_keyboard()  # a new card leaves the keyboard where it is
        self.library_button.setVisible(daily)
        self.later_button.setVisible(daily)
        self.snooze_button.setVisible(not daily)
        self.skip_button.setVisible(not daily)
        self.snooze_button.setEnabled(snoozes_left > 0)
        self._fit_width()
        self.adjustSize()
        self.move(self.corner_position(QCursor.pos(), self.sizeHint().expandedTo(self.size())))
        self.show()
        self.raise_()

    def _fit_width(self) -> None:
        """About 65 characters wide at the text size in use, and never narrower than its buttons.

        At 200 % text the card is twice as wide, so no line or button label is cut off.
        """
        characters = CARD_CHARACTERS * self.fontMetrics().averageCharWidth()
        margins = self._card_layout.contentsMargins()
        row = self._buttons.sizeHint().width() + margins.left() + margins.right() + 4  # border
        self.setFixedWidth(max(CARD_WIDTH, characters, row))

    def show_notice(self, text: str) -> None:
        """A line the person must read, e.g. why snoozing was refused."""
        self.notice.setText(text)
        self.notice.show()
        self.adjustSize()

    def disable_snooze(self, reason: str) -> None:
        """No more snoozing this time; say why."""
        self.snooze_button.setEnabled(False)
        self.snooze_button.setToolTip(reason)
        self.show_notice(reason)

    def set_snooze_minutes(self, minutes: int) -> None:
        """The snooze a plain click gives (the setting); the arrow offers the others."""
        self._snooze_minutes = minutes
        self.snooze_button.setText(self.tr("Snooze %n min", "", minutes))
        tooltip = self.tr(
            "Remind me again in %n minute(s); the arrow offers other times", "", minutes
        )
        self.snooze_button.setToolTip(tooltip)

    @property
    def snooze_minutes(self) -> int:
        """The snooze a plain click on Snooze gives."""
        return self._snooze_minutes

    def takes_keyboard(self) -> bool:
        """Whether the card accepts the keyboard now (only after the person asked)."""
        return not self.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus

    def take_keyboard(self) -> bool:
        """The person asked to answer by keyboard: focus the card's first button (False if hidden).

        Only ever called for the person's own action (a click on the card, the tray, the
        notification); the flag that refuses the keyboard is lifted for this card alone.
        """
        if not self.isVisible():
            return False
        self._set_refuses_keyboard(False)
        self.raise_()
        self.activateWindow()
        self.start_button.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        return True

    def _refuse_keyboard(self) -> None:
        self._set_refuses_keyboard(True)

    def _set_refuses_keyboard(self, refuse: bool) -> None:
        flag = Qt.WindowType.WindowDoesNotAcceptFocus
        flags = self.windowFlags() | flag if refuse else self.windowFlags() & ~flag
        if flags == self.windowFlags():
            return
        # Changed in place (the window stays where it is, shown): setWindowFlags would hide and
        # re-create it. The platform window hears the change at once.
        self.overrideWindowFlags(flags)
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlags(handle.flags() | flag if refuse else handle.flags() & ~flag)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Qt override: a click on the card (not on a button) gives it the keyboard."""
        self.take_keyboard()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Esc closes the card, as its ✕ does."""
        if event.key() == Qt.Key.Key_Escape:
            self._dismiss()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: tell the controller (the tray offers to answer the card)."""
        super().showEvent(event)
        self.shown_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        """Qt override: the card went away, answered or not."""
        super().hideEvent(event)
        self.shown_changed.emit(False)

    @staticmethod
    def corner_position(cursor: QPoint, size: QSize) -> QPoint:
        """Bottom-right of the available area (no panels) of the screen under `cursor`."""
        screen = QGuiApplication.screenAt(cursor) or QGuiApplication.primaryScreen()
        area: QRect = screen.availableGeometry()
        return QPoint(
            area.right() - size.width() - MARGIN + 1, area.bottom() - size.height() - MARGIN + 1
        )

    # --- internals -----------------------------------------------------------------------------

    def _menu_button(self, name: str, menu: QMenu) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setMenu(menu)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _snooze_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("reminderSnoozeMenu")
        for minutes in SNOOZE_CHOICES:
            label = self.tr("Snooze %n minute(s)", "", minutes)
            action = QAction(label, menu)
            action.setObjectName(f"snooze{minutes}")
            action.triggered.connect(lambda _checked=False, m=minutes: self._snooze(m))
            menu.addAction(action)
        return menu

    def _skip_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("reminderSkipMenu")
        for reason, label in SKIP_CHOICES:
            action = QAction(QCoreApplication.translate("ReminderPopup", label), menu)
            action.setObjectName(f"skip_{reason.value if reason else 'none'}")
            action.triggered.connect(lambda _checked=False, r=reason: self._skip(r))
            menu.addAction(action)
        return menu

    def _start(self) -> None:
        self.hide()
        self.start_break_requested.emit()

    def _open_library(self) -> None:
        self.hide()
        self.open_library_requested.emit()

    def _snooze(self, minutes: int) -> None:
        self.snooze_requested.emit(minutes)  # the controller hides the card if it was accepted

    def _skip(self, reason: SkipReason | None) -> None:
        self.hide()
        self.skip_requested.emit(reason)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
