"""Light, dark and high-contrast themes: colour tokens turned into a palette and a stylesheet.

The light and dark themes are designed, not inverted: the dark one lowers contrast of surfaces
and raises it for text, and the caution colour stays warm in both so safety notes always stand
out. The high-contrast theme is for low vision: black on white, every pair of text and
background it uses at least 7:1 (WCAG AAA), borders in black, and disabled controls dashed so
their state does not rest on a shade of grey. `contrast.TEXT_PAIRS` lists the pairs the
stylesheet puts text on, and a test measures each in every theme (body text at least 4.5:1 in
light and dark).

Sizes follow the person: the stylesheet's type sizes are multiplied by the text scale (the
Text size setting times the system font's size over the 12 px the sheet was drawn for).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontInfo, QGuiApplication, QPalette
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
    disabled: str  # text of a control that cannot be used now: 4.5:1 (7:1 in high contrast) too
    icons: str  # which set of small interface images (icons/ui/*-<set>.svg) suits it

    @property
    def is_dark(self) -> bool:
        """True for the dark theme (illustrations switch palette)."""
        return self.name == "dark"

    @property
    def high_contrast(self) -> bool:
        """True for the high-contrast theme (thicker lines, dashed disabled controls)."""
        return self.name == "contrast"


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
    disabled="#5B6A74",
    icons="light",
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
    disabled="#98A7B0",
    icons="dark",
)

#: Black on white like the desktops' own high-contrast themes (GNOME's HighContrast); every
#: text pair in contrast.TEXT_PAIRS is 7:1 or more (the weakest, danger on its tint, 7.45:1).
HIGH_CONTRAST = Theme(
    name="contrast",
    window="#FFFFFF",
    surface="#FFFFFF",
    surface_alt="#EFEFEF",
    sidebar="#E6E6E6",
    text="#000000",
    muted="#333333",
    accent="#003C78",
    accent_text="#FFFFFF",
    accent_soft="#D2E6FA",
    border="#000000",
    caution_bg="#FFF2C8",
    caution_border="#7A4F00",
    caution_text="#000000",
    danger="#A00000",
    danger_bg="#FFEDED",
    disabled="#4D4D4D",  # 7.35:1 on the disabled buttons' grey, dashed besides
    icons="light",
)

THEMES: tuple[Theme, ...] = (LIGHT, DARK, HIGH_CONTRAST)

#: The text size choices (percent) the settings offer; 200 % is WCAG's "resize text" goal.
TEXT_SIZES: tuple[int, ...] = (100, 125, 150, 175, 200)

#: The body text the stylesheet's sizes were drawn for: 9 pt at 96 dpi, Qt's default.
DESIGN_BODY_PIXELS = 12.0

#: The sidebar's width as drawn, at text scale 1.
SIDEBAR_PIXELS = 104

#: Large type grows by as many points as body text (9 pt), never by more than the factor.
GROWTH_POINTS = 9.0


def scaled_points(points: float, factor: float) -> float:
    """A type size of the stylesheet at text scale `factor` (1.0 as drawn).

    Body text scales fully (9 pt: 18 pt at 2.0). Larger type grows by as many points as body
    text does, so every text is at least twice the body size at 2.0 and headings stay larger
    than body text, while display type already large for a room away does not push the
    countdown off a small screen: at 2.0 the phase word is 43 pt (34 as drawn), the step
    29 pt (20), the exercise name 26 pt (17), a heading 21 pt (12). Measured: the player then
    fits a 1280 x 720 window at 200 % without scrolling.
    """
    if factor <= 1.0:
        return points * factor
    return min(points * factor, points + GROWTH_POINTS * (factor - 1.0))


def system_text_factor(font: QFont) -> float:
    """How much larger the system's body text is than the 12 px the stylesheet was drawn for.

    Pixels, not points: macOS counts 72 points an inch where Linux and Windows count 96.
    Kept between 0.75 and 2.5 so an odd font setting cannot make the sheet unusable.
    """
    pixels = QFontInfo(font).pixelSize()
    return max(0.75, min(2.5, pixels / DESIGN_BODY_PIXELS)) if pixels > 0 else 1.0


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


def system_prefers_high_contrast() -> bool:
    """Whether the desktop asks for high contrast (Qt 6.10+ reads it; older Qt: never).

    The style hints are held while their accessibility hints are read: PySide frees the
    accessibility object's wrapper with the style hints' wrapper.
    """
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def system_scheme() -> str:
    """What the desktop asks for: "contrast", "dark" or "light" (asks Qt: see above)."""
    if system_prefers_high_contrast():
        return "contrast"
    return "dark" if system_prefers_dark() else "light"


def choose_theme(preference: str, system: str | None = None) -> Theme:
    """Map the `theme` setting (system / light / dark / contrast) to a theme.

    `system` is what the desktop asks for ("light", "dark", "contrast") when already known;
    None asks it now.
    """
    if preference == "dark":
        return DARK
    if preference == "contrast":
        return HIGH_CONTRAST
    if preference == "system":
        scheme = system_scheme() if system is None else system
        return {"dark": DARK, "contrast": HIGH_CONTRAST}.get(scheme, LIGHT)
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
    disabled = QColor(theme.disabled)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def stylesheet(theme: Theme, ui_icons: str = "", text_scale: float = 1.0) -> str:
    """The application stylesheet; widgets opt in through objectName and dynamic properties.

    `ui_icons` is the folder of the small interface images (the combo box chevron);
    `text_scale` multiplies every type size (see `scaled_points`).
    """
    t = theme

    def pt(points: float) -> str:
        return f"{scaled_points(points, text_scale):.1f}pt"

    # The sidebar's least width (104 px as drawn) grows with the text, so "Library" is not
    # elided; a longer translated name widens it further (main_window._Sidebar).
    sidebar = round(SIDEBAR_PIXELS * max(1.0, 0.25 + 0.75 * text_scale))

    # Fusion draws an unselected tab 2 px lower and cuts its label at the top, so a capital's
    # umlaut dots were lost ("Anderungen" for "Änderungen", in German History and Settings).
    # 2 px more than the tab's own height (about 12 px plus a line of body text) gives them room;
    # only a height keeps Fusion's own tabs (padding would have the sheet draw them instead).
    tab_height = round(14 + 14 * text_scale)

    def px(pixels: int) -> str:
        """A control's small part (a tick box, an arrow): half as much larger as the text."""
        return f"{round(pixels * max(1.0, (1.0 + text_scale) / 2))}px"

    chevron = f"{ui_icons}/chevron-down-{theme.icons}.svg".replace("\\", "/")
    check = f"{ui_icons}/check-{theme.icons}.svg".replace("\\", "/")
    chevron_up = f"{ui_icons}/chevron-up-{theme.icons}.svg".replace("\\", "/")
    return (
        f"""
    QMainWindow, QDialog {{ background: {t.window}; }}
    QWidget {{ color: {t.text}; }}
    QToolTip {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border};
                padding: 4px 6px; }}
    #sidebar {{ background: {t.sidebar}; border: none; min-width: {sidebar}px; }}
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
    QComboBox::down-arrow {{ image: url("{chevron}"); width: {px(14)}; height: {px(14)}; }}
    QComboBox QAbstractItemView {{ background: {t.surface}; border: 1px solid {t.border};
        selection-background-color: {t.accent_soft}; selection-color: {t.text}; }}
    QCheckBox {{ spacing: 8px; }}
    QCheckBox::indicator {{ width: {px(16)}; height: {px(16)}; border: 1px solid {t.muted};
        border-radius: 4px; background: {t.surface}; }}
    QCheckBox::indicator:hover {{ border-color: {t.accent}; }}
    QCheckBox::indicator:checked {{ background: {t.accent}; border-color: {t.accent};
        image: url("{check}"); }}
    QRadioButton {{ spacing: 8px; }}
    QTabBar::tab {{ min-height: {tab_height}px; }}
    QRadioButton::indicator {{ width: {px(16)}; height: {px(16)}; border: 1px solid {t.muted};
        border-radius: {px(8)}; background: {t.surface}; }}
    QRadioButton::indicator:hover {{ border-color: {t.accent}; }}
    QRadioButton::indicator:checked {{ background: {t.accent}; border-color: {t.accent}; }}
    QListView#libraryList {{ background: {t.surface}; border: 1px solid {t.border};
        border-radius: 12px; padding: 4px; outline: none; }}
    QScrollArea#exerciseDetail, QScrollArea#exerciseDetail > QWidget > QWidget
        {{ background: {t.surface}; }}
    QScrollArea#exerciseDetail {{ border: 1px solid {t.border}; border-radius: 12px; }}
    QLabel[role="title"] {{ font-size: {pt(22)}; font-weight: 700; }}
    QLabel#cautionsLabel {{ padding: 8px 10px; border-radius: 8px; }}
    QLabel[role="cautionExercise"] {{ font-weight: 700; margin-top: 4px; }}
    QLabel[role="heading"] {{ font-size: {pt(12)}; font-weight: 700; color: {t.text};
        margin-top: 6px; }}
    QLabel[role="muted"] {{ color: {t.muted}; }}
    QLabel[role="chip"] {{ background: {t.accent_soft}; color: {t.text}; border-radius: 10px;
        padding: 3px 10px; font-size: {pt(9)}; font-weight: 600; }}
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
    QPushButton:disabled {{ color: {t.disabled}; }}
    QLabel[role="cardValue"] {{ font-size: {pt(18)}; font-weight: 700; color: {t.text}; }}
    QPushButton[role="segment"] {{ border-radius: 14px; padding: 5px 14px; }}
    QPushButton[role="segment"]:checked {{ background: {t.accent}; color: {t.accent_text};
        border-color: {t.accent}; }}
    QTableView#sessionTable, QTableView#checkInTable, QTableView#reminderTable {{
        background: {t.surface}; alternate-background-color:
        {t.surface_alt}; border: 1px solid {t.border}; border-radius: 10px;
        selection-background-color: {t.accent}; selection-color: {t.accent_text}; }}
    QHeaderView::section {{ background: {t.surface}; color: {t.muted}; border: none;
        border-bottom: 1px solid {t.border}; padding: 6px 8px; font-weight: 600; }}
    QPushButton[role="score"] {{ font-size: {pt(13)}; padding: 4px; }}
    QPushButton[role="score"]:checked {{ background: {t.accent}; color: {t.accent_text};
        border-color: {t.accent}; }}
    QLabel[role="phase"] {{ font-size: {pt(34)}; font-weight: 800; color: {t.accent}; }}
    QLabel[role="counter"] {{ font-size: {pt(15)}; font-weight: 600; color: {t.muted}; }}
    QLabel[role="step"] {{ font-size: {pt(20)}; font-weight: 600; padding: 6px 12px; }}
    QLabel[role="caption"] {{ font-size: {pt(13)}; color: {t.muted}; font-style: italic; }}
    QLabel[role="playerExercise"] {{ font-size: {pt(17)}; font-weight: 700; }}
    QLabel[role="phaseFocus"] {{ font-size: {pt(56)}; font-weight: 800; color: {t.accent}; }}
    QLabel[role="stepFocus"] {{ font-size: {pt(32)}; font-weight: 600; padding: 6px 12px; }}
    QListWidget#stepList {{ background: transparent; border: none; font-size: {pt(11)}; }}
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
    #playerView[textSize="large"] QLabel[role="step"] {{ font-size: {pt(24)}; }}
    #playerView[textSize="large"] QLabel[role="stepFocus"] {{ font-size: {pt(38)}; }}
    #playerView[textSize="large"] QLabel[role="caption"] {{ font-size: {pt(15)}; }}
    #playerView[textSize="large"] QLabel[role="playerExercise"] {{ font-size: {pt(20)}; }}
    #playerView[textSize="large"] QListWidget#stepList {{ font-size: {pt(13)}; }}
    #playerView[textSize="larger"] QLabel[role="step"] {{ font-size: {pt(28)}; }}
    #playerView[textSize="larger"] QLabel[role="stepFocus"] {{ font-size: {pt(44)}; }}
    #playerView[textSize="larger"] QLabel[role="caption"] {{ font-size: {pt(17)}; }}
    #playerView[textSize="larger"] QLabel[role="playerExercise"] {{ font-size: {pt(23)}; }}
    QLabel[role="step"][long="true"] {{ font-size: {pt(17)}; }}
    #playerView[textSize="large"] QLabel[role="step"][long="true"] {{ font-size: {pt(20)}; }}
    #playerView[textSize="larger"] QLabel[role="step"][long="true"] {{ font-size: {pt(24)}; }}
    #playerView[textSize="larger"] QListWidget#stepList {{ font-size: {pt(15)}; }}
    QAbstractSpinBox {{ background: {t.surface}; border: 1px solid {t.border};
        border-radius: 8px; padding: 5px 4px 5px 10px; min-height: 22px; }}
    QAbstractSpinBox:focus {{ border: 1px solid {t.accent}; }}
    QAbstractSpinBox:disabled {{ color: {t.disabled}; background: {t.surface_alt}; }}
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 18px;
        border: none; background: transparent; }}
    QAbstractSpinBox::up-arrow {{ image: url("{chevron_up}"); width: {px(10)};
        height: {px(10)}; }}
    QAbstractSpinBox::down-arrow {{ image: url("{chevron}"); width: {px(10)}; height: {px(10)}; }}
    QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::down-arrow:disabled {{
        image: none; }}
    #reminderPopup {{ background: {t.surface}; }}
    QFrame#reminderCard {{ background: {t.surface}; border: 1px solid {t.border};
        border-top: 4px solid {t.accent}; border-radius: 0; }}
    QToolButton#reminderSnooze::menu-button, QToolButton#reminderSkip::menu-button {{
        border: none; border-left: 1px solid {t.border}; width: 20px; }}
    QToolButton#reminderSnooze::menu-arrow, QToolButton#reminderSkip::menu-arrow {{
        image: url("{chevron}"); width: 10px; height: 10px; }}
    QLabel#reminderTitle {{ font-size: {pt(15)}; font-weight: 700; color: {t.text}; }}
    QLabel#reminderMessage {{ font-size: {pt(11)}; }}
    QLabel#reminderNotice {{ background: {t.caution_bg}; color: {t.caution_text};
        border: 1px solid {t.caution_border}; border-radius: 8px; padding: 6px 10px; }}
    QToolButton#reminderSnooze, QToolButton#reminderSkip {{ background: {t.surface};
        border: 1px solid {t.border}; border-radius: 8px; padding: 7px 30px 7px 12px;
        font-weight: 600; }}
    QToolButton#reminderSnooze:hover, QToolButton#reminderSkip:hover {{
        border-color: {t.accent}; }}
    QToolButton#reminderSnooze:disabled {{ color: {t.disabled}; }}
    QToolButton#reminderClose {{ border: none; color: {t.muted}; font-size: {pt(12)};
        padding: 2px 6px; }}
    QMenu {{ background: {t.surface}; border: 1px solid {t.border}; padding: 4px; }}
    QMenu::item {{ padding: 6px 22px 6px 14px; border-radius: 6px; }}
    QMenu::item:selected {{ background: {t.accent_soft}; color: {t.text}; }}
    QMenu::item:disabled {{ color: {t.disabled}; }}
    QMenu::separator {{ height: 1px; background: {t.border}; margin: 4px 8px; }}
    QBalloonTip {{ background-color: {t.surface}; color: {t.text}; }}
    QBalloonTip QLabel {{ color: {t.text}; background: transparent; }}
    QPushButton:disabled, QPushButton[role="primary"]:disabled,
    QPushButton[role="danger"]:disabled, QPushButton[role="segment"]:disabled,
    QPushButton[role="score"]:disabled {{ color: {t.disabled}; background: {t.surface_alt};
        border-color: {t.border}; }}
    """
        + _focus_rules(theme)
        + (_high_contrast_rules(theme) if theme.high_contrast else "")
    )


def _focus_rules(t: Theme) -> str:
    """A focus ring people can see in every theme (Fusion's dotted one vanishes on colour).

    Keyboard users must always know where they are; QSS cannot tell a click's focus from a
    Tab's, so the ring also shows after a click, which is the lesser evil.
    """
    return f"""
    QPushButton:focus, QPushButton[role="primary"]:focus, QPushButton[role="danger"]:focus,
    QPushButton[role="segment"]:focus, QPushButton[role="score"]:focus, QToolButton:focus,
    QToolButton#reminderSnooze:focus, QToolButton#reminderSkip:focus,
    QToolButton#reminderClose:focus {{ border: 2px solid {t.text}; outline: none; }}
    QPushButton:focus {{ padding: 6px 15px; }}
    QPushButton[role="segment"]:focus {{ padding: 4px 13px; }}
    QPushButton[role="score"]:focus {{ padding: 3px; }}
    QToolButton:focus {{ border-radius: 8px; }}
    #sidebar QToolButton:focus {{ border-radius: 10px; padding: 9px 5px; }}
    QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 6px;
        padding: 2px 4px; }}
    QCheckBox:focus, QRadioButton:focus {{ border-color: {t.text}; outline: none; }}
    """


def _high_contrast_rules(t: Theme) -> str:
    """What high contrast adds: thicker edges, and states told by shape as well as colour."""
    return f"""
    QPushButton, QLineEdit, QComboBox, QAbstractSpinBox {{ border-width: 2px; }}
    QFrame[role="card"], QListView#libraryList, QTableView#sessionTable {{ border-width: 2px; }}
    QPushButton:disabled, QAbstractSpinBox:disabled {{ border-style: dashed; }}
    QPushButton[role="segment"]:checked, QPushButton[role="score"]:checked,
    #sidebar QToolButton:checked {{ text-decoration: underline; }}
    QListWidget#stepList::item:selected {{ border: 2px solid {t.text}; padding: 4px 2px; }}
    QCheckBox::indicator {{ border: 2px solid {t.text}; }}
    QRadioButton::indicator {{ width: 14px; height: 14px; border: 2px solid {t.text};
        border-radius: 9px; background: {t.surface}; }}
    QRadioButton::indicator:checked {{ background: {t.accent}; }}
    """


def apply_theme(
    app: QApplication, theme: Theme, ui_icons: str = "", text_scale: float = 1.0
) -> None:
    """Style the whole application with one theme, its type sizes times `text_scale`."""
    app.setStyle("Fusion")
    app.setPalette(_palette(theme))
    app.setStyleSheet(stylesheet(theme, ui_icons, text_scale))


def apply_text_size(app: QApplication, system_font: QFont, percent: int) -> float:
    """Set the application font to `percent` of the system's; return the stylesheet's scale.

    At 100 % the system font itself is set again, so Qt's own fonts follow the desktop's.
    """
    font = QFont(system_font)
    if percent != 100:
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * percent / 100)
        else:
            font.setPixelSize(round(font.pixelSize() * percent / 100))
    if app.font() != font:
        app.setFont(font)
    return percent / 100 * system_text_factor(system_font)
