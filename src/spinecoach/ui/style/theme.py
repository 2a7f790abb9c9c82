"""Light and dark themes: one set of colour tokens each, turned into a palette and a stylesheet.

Both themes are designed, not inverted: the dark one lowers contrast of surfaces and raises it
for text, and the caution colour stays warm in both so safety notes always stand out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True, slots=True)
class Theme:
    """Colour tokens of one theme."""

    name: str
    window: str
    surface: str
    surface_alt: str
    sidebar: str
    text: str
    muted: str
    accent: str
    accent_text: str
    accent_soft: str
    border: str
    caution_bg: str
    caution_border: str
    caution_text: str
    danger: str
    danger_bg: str

    @property
    def is_dark(self) -> bool:
        """True for the dark theme (illustrations switch palette)."""
        return self.name == "dark"


LIGHT = Theme(
    name="light",
    window="#F3F6F8",
    surface="#FFFFFF",
    surface_alt="#F7F9FA",
    sidebar="#E6EDF1",
    text="#1B2830",
    muted="#5B6A74",
    accent="#2F6F8F",
    accent_text="#FFFFFF",
    accent_soft="#DCEBF2",
    border="#D6DEE3",
    caution_bg="#FFF5E3",
    caution_border="#E3A13B",
    caution_text="#5E410F",
    danger="#B3261E",
    danger_bg="#FCEDEC",
)

DARK = Theme(
    name="dark",
    window="#141A1E",
    surface="#1C2429",
    surface_alt="#222B31",
    sidebar="#0F1417",
    text="#E5ECEF",
    muted="#98A7B0",
    accent="#7CC0DD",
    accent_text="#0C1A21",
    accent_soft="#23404D",
    border="#2D3940",
    caution_bg="#362B16",
    caution_border="#C98A2B",
    caution_text="#F2DBAE",
    danger="#F2857D",
    danger_bg="#3A1F1D",
)


def system_prefers_dark() -> bool:
    """Whether the desktop asks for a dark scheme (unknown counts as light).

    This is the authority, but asking costs ~15 ms the first time: the answer is a `Qt` enum,
    and PySide builds all 93 enums of the `Qt` namespace on first use. Start-up uses
    `platform_palette_is_dark` instead and asks this right after the first paint.
    """
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def platform_palette_is_dark(app: QGuiApplication) -> bool:
    """Whether the platform's own palette is dark: a cheap first guess at the system scheme.

    Qt's platform themes (Windows, macOS, GTK, KDE) darken the default palette along with the
    colour scheme. The application palette is reset to the platform's first, so a theme applied
    earlier does not answer for the system. Only for start-up, before any window exists.
    """
    app.setPalette(QPalette())
    palette = app.palette()
    window = palette.color(QPalette.ColorRole.Window).lightness()
    return window < palette.color(QPalette.ColorRole.WindowText).lightness()


def choose_theme(preference: str, system_dark: bool | None = None) -> Theme:
    """Map the `theme` setting (system / light / dark) to a theme.

    `system_dark` is what the system prefers when already known; None asks it now.
    """
    if preference == "dark":
        return DARK
    if preference == "system":
        dark = system_prefers_dark() if system_dark is None else system_dark
        return DARK if dark else LIGHT
    return LIGHT


def _palette(theme: Theme) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.surface,
        QPalette.ColorRole.AlternateBase: theme.surface_alt,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.surface,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: theme.accent_text,
        QPalette.ColorRole.ToolTipBase: theme.surface,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.Mid: theme.border,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(theme.muted)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def stylesheet(theme: Theme, ui_icons: str = "") -> str:
    """The application stylesheet; widgets opt in through objectName and dynamic properties.

    `ui_icons` is the folder of the small interface images (the combo box chevron).
    """
    t = theme
    chevron = f"{ui_icons}/chevron-down-{theme.name}.svg".replace("\\", "/")
    check = f"{ui_icons}/check-{theme.name}.svg".replace("\\", "/")
    chevron_up = f"{ui_icons}/chevron-up-{theme.name}.svg".replace("\\", "/")
    return f"""
    QMainWindow, QDialog {{ background: {t.window}; }}
    QWidget {{ color: {t.text}; }}
    QToolTip {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border};
                padding: 4px 6px; }}
    #sidebar {{ background: {t.sidebar}; border: none; }}
    #sidebar QToolButton {{ border: none; border-radius: 10px; padding: 10px 6px;
        color: {t.muted}; font-weight: 600; }}
    #sidebar QToolButton:hover {{ background: {t.accent_soft}; color: {t.text}; }}
    #sidebar QToolButton:checked {{ background: {t.accent}; color: {t.accent_text}; }}
    #appTitle {{ color: {t.accent}; font-weight: 700; }}
    QLineEdit, QComboBox {{ background: {t.surface}; border: 1px solid {t.border};
        border-radius: 8px; padding: 6px 10px; min-height: 22px; }}
    QLineEdit:focus, QComboBox:focus {{ border: 1px solid {t.accent}; }}
    QComboBox {{ padding-right: 28px; }}
    QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
        width: 26px; border: none; background: transparent; }}
    QComboBox::down-arrow {{ image: url("{chevron}"); width: 14px; height: 14px; }}
    QComboBox QAbstractItemView {{ background: {t.surface}; border: 1px solid {t.border};
        selection-background-color: {t.accent_soft}; selection-color: {t.text}; }}
    QCheckBox {{ spacing: 8px; }}
    QCheckBox::indicator {{ width: 16px; height: 16px; border: 1px solid {t.muted};
        border-radius: 4px; background: {t.surface}; }}
    QCheckBox::indicator:hover {{ border-color: {t.accent}; }}
    QCheckBox::indicator:checked {{ background: {t.accent}; border-color: {t.accent};
        image: url("{check}"); }}
    QListView#libraryList {{ background: {t.surface}; border: 1px solid {t.border};
        border-radius: 12px; padding: 4px; outline: none; }}
    QScrollArea#exerciseDetail, QScrollArea#exerciseDetail > QWidget > QWidget
        {{ background: {t.surface}; }}
    QScrollArea#exerciseDetail {{ border: 1px solid {t.border}; border-radius: 12px; }}
    QLabel[role="title"] {{ font-size: 22pt; font-weight: 700; }}
    QLabel#cautionsLabel {{ padding: 8px 10px; border-radius: 8px; }}
    QLabel[role="cautionExercise"] {{ font-weight: 700; margin-top: 4px; }}
    QLabel[role="heading"] {{ font-size: 12pt; font-weight: 700; color: {t.text};
        margin-top: 6px; }}
    QLabel[role="muted"] {{ color: {t.muted}; }}
    QLabel[role="chip"] {{ background: {t.accent_soft}; color: {t.text}; border-radius: 10px;
        padding: 3px 10px; font-size: 9pt; font-weight: 600; }}
    QLabel[role="dose"] {{ background: {t.surface_alt}; border: 1px solid {t.border};
        border-radius: 10px; padding: 8px 12px; font-weight: 600; }}
    QFrame[role="caution"] {{ background: {t.caution_bg}; border: 1px solid {t.caution_border};
        border-radius: 10px; }}
    QFrame[role="caution"] QLabel {{ color: {t.caution_text}; background: transparent; }}
    QFrame[role="problems"] {{ background: {t.caution_bg}; border: 1px solid {t.caution_border};
        border-radius: 10px; }}
    QFrame[role="problems"] QLabel {{ color: {t.caution_text}; }}
    QFrame[role="card"] {{ background: {t.surface}; border: 1px solid {t.border};
        border-radius: 12px; }}
    QLabel[role="redflag"] {{ color: {t.danger}; font-weight: 700; }}
    QFrame[role="redflags"] {{ background: {t.danger_bg}; border: 1px solid {t.danger};
        border-radius: 10px; }}
    QFrame[role="redflags"] QLabel {{ background: transparent; }}
    QPushButton {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 8px;
        padding: 7px 16px; font-weight: 600; }}
    QPushButton:hover {{ border-color: {t.accent}; }}
    QPushButton[role="primary"] {{ background: {t.accent}; color: {t.accent_text};
        border: 1px solid {t.accent}; }}
    QPushButton:disabled {{ color: {t.muted}; }}
    QLabel[role="cardValue"] {{ font-size: 18pt; font-weight: 700; color: {t.text}; }}
    QPushButton[role="segment"] {{ border-radius: 14px; padding: 5px 14px; }}
    QPushButton[role="segment"]:checked {{ background: {t.accent}; color: {t.accent_text};
        border-color: {t.accent}; }}
    QTableView#sessionTable {{ background: {t.surface}; alternate-background-color:
        {t.surface_alt}; border: 1px solid {t.border}; border-radius: 10px;
        selection-background-color: {t.accent}; selection-color: {t.accent_text}; }}
    QHeaderView::section {{ background: {t.surface}; color: {t.muted}; border: none;
        border-bottom: 1px solid {t.border}; padding: 6px 8px; font-weight: 600; }}
    QPushButton[role="score"] {{ font-size: 13pt; padding: 4px; }}
    QPushButton[role="score"]:checked {{ background: {t.accent}; color: {t.accent_text};
        border-color: {t.accent}; }}
    QLabel[role="phase"] {{ font-size: 34pt; font-weight: 800; color: {t.accent}; }}
    QLabel[role="counter"] {{ font-size: 15pt; font-weight: 600; color: {t.muted}; }}
    QLabel[role="step"] {{ font-size: 20pt; font-weight: 600; padding: 6px 12px; }}
    QLabel[role="caption"] {{ font-size: 13pt; color: {t.muted}; font-style: italic; }}
    QLabel[role="playerExercise"] {{ font-size: 17pt; font-weight: 700; }}
    QLabel[role="phaseFocus"] {{ font-size: 56pt; font-weight: 800; color: {t.accent}; }}
    QLabel[role="stepFocus"] {{ font-size: 32pt; font-weight: 600; padding: 6px 12px; }}
    QListWidget#stepList {{ background: transparent; border: none; font-size: 11pt; }}
    QListWidget#stepList::item {{ padding: 6px 4px; border-radius: 6px; }}
    QListWidget#stepList::item:selected {{ background: {t.accent_soft}; color: {t.text};
        font-weight: 700; }}
    QProgressBar#routineProgress {{ background: {t.accent_soft}; border: none;
        border-radius: 4px; }}
    QProgressBar#routineProgress::chunk {{ background: {t.accent}; border-radius: 4px; }}
    QPushButton[role="danger"] {{ background: {t.danger_bg}; color: {t.danger};
        border: 1px solid {t.danger}; }}
    QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
    QScrollBar::handle:vertical {{ background: {t.border}; border-radius: 4px; min-height: 30px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
    QStatusBar {{ color: {t.muted}; }}
    #playerView[textSize="large"] QLabel[role="step"] {{ font-size: 24pt; }}
    #playerView[textSize="large"] QLabel[role="stepFocus"] {{ font-size: 38pt; }}
    #playerView[textSize="large"] QLabel[role="caption"] {{ font-size: 15pt; }}
    #playerView[textSize="large"] QLabel[role="playerExercise"] {{ font-size: 20pt; }}
    #playerView[textSize="large"] QListWidget#stepList {{ font-size: 13pt; }}
    #playerView[textSize="larger"] QLabel[role="step"] {{ font-size: 28pt; }}
    #playerView[textSize="larger"] QLabel[role="stepFocus"] {{ font-size: 44pt; }}
    #playerView[textSize="larger"] QLabel[role="caption"] {{ font-size: 17pt; }}
    #playerView[textSize="larger"] QLabel[role="playerExercise"] {{ font-size: 23pt; }}
    #playerView[textSize="larger"] QListWidget#stepList {{ font-size: 15pt; }}
    QAbstractSpinBox {{ background: {t.surface}; border: 1px solid {t.border};
        border-radius: 8px; padding: 5px 4px 5px 10px; min-height: 22px; }}
    QAbstractSpinBox:focus {{ border: 1px solid {t.accent}; }}
    QAbstractSpinBox:disabled {{ color: {t.muted}; background: {t.surface_alt}; }}
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 18px;
        border: none; background: transparent; }}
    QAbstractSpinBox::up-arrow {{ image: url("{chevron_up}"); width: 10px; height: 10px; }}
    QAbstractSpinBox::down-arrow {{ image: url("{chevron}"); width: 10px; height: 10px; }}
    QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::down-arrow:disabled {{
        image: none; }}
    #reminderPopup {{ background: {t.surface}; }}
    QFrame#reminderCard {{ background: {t.surface}; border: 1px solid {t.border};
        border-top: 4px solid {t.accent}; border-radius: 0; }}
    QToolButton#reminderSnooze::menu-button, QToolButton#reminderSkip::menu-button {{
        border: none; border-left: 1px solid {t.border}; width: 20px; }}
    QToolButton#reminderSnooze::menu-arrow, QToolButton#reminderSkip::menu-arrow {{
        image: url("{chevron}"); width: 10px; height: 10px; }}
    QLabel#reminderTitle {{ font-size: 15pt; font-weight: 700; color: {t.text}; }}
    QLabel#reminderMessage {{ font-size: 11pt; }}
    QLabel#reminderNotice {{ background: {t.caution_bg}; color: {t.caution_text};
        border: 1px solid {t.caution_border}; border-radius: 8px; padding: 6px 10px; }}
    QToolButton#reminderSnooze, QToolButton#reminderSkip {{ background: {t.surface};
        border: 1px solid {t.border}; border-radius: 8px; padding: 7px 30px 7px 12px;
        font-weight: 600; }}
    QToolButton#reminderSnooze:hover, QToolButton#reminderSkip:hover {{
        border-color: {t.accent}; }}
    QToolButton#reminderSnooze:disabled {{ color: {t.muted}; }}
    QToolButton#reminderClose {{ border: none; color: {t.muted}; font-size: 12pt;
        padding: 2px 6px; }}
    QMenu {{ background: {t.surface}; border: 1px solid {t.border}; padding: 4px; }}
    QMenu::item {{ padding: 6px 22px 6px 14px; border-radius: 6px; }}
    QMenu::item:selected {{ background: {t.accent_soft}; color: {t.text}; }}
    QMenu::item:disabled {{ color: {t.muted}; }}
    QMenu::separator {{ height: 1px; background: {t.border}; margin: 4px 8px; }}
    """


def apply_theme(app: QApplication, theme: Theme, ui_icons: str = "") -> None:
    """Style the whole application with one theme."""
    app.setStyle("Fusion")
    app.setPalette(_palette(theme))
    app.setStyleSheet(stylesheet(theme, ui_icons))
