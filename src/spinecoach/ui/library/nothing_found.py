"""What the Library shows in the list's place when nothing matches: why, and what to try.

Its own widget, built the first time a search finds nothing: laying out its row of
suggestion buttons cost ~15 ms that every start-up spent before the list could show.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from spinecoach.core.catalog import LibraryFilter, SearchResult
from spinecoach.ui.widgets.flow_layout import FlowLayout


class NothingFoundPage(QWidget):
    """Says why nothing is listed and offers what would find something.

    Signals:
        clear_requested(): the person asked to clear the filters.
        search_requested(str): search for these words instead (a suggestion was clicked).
    """

    clear_requested = Signal()
    search_requested = Signal(str)

    def __init__(self, suggestions: tuple[str, ...], parent: QWidget | None = None) -> None:
        """`suggestions` are the words offered to try (the library's, in its language)."""
        super().__init__(parent)
        self.setObjectName("libraryNothingFound")
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 24, 16, 16)
        column.setSpacing(10)
        self.label = QLabel()
        self.label.setObjectName("libraryEmpty")
        self.label.setProperty("role", "heading")
        self.label.setWordWrap(True)  # else its longest line sets the list's least width
        column.addWidget(self.label)
        self.advice = QLabel()
        self.advice.setObjectName("libraryEmptyAdvice")
        self.advice.setWordWrap(True)
        column.addWidget(self.advice)
        self.clear_button = QPushButton(self.tr("Clear the filters"))
        self.clear_button.setObjectName("libraryClearFilters")
        self.clear_button.clicked.connect(self.clear_requested)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        column.addLayout(row)
        self.try_label = QLabel(self.tr("Words that find something:"))
        self.try_label.setObjectName("libraryTryWords")
        self.try_label.setProperty("role", "muted")
        self.try_label.setWordWrap(True)
        column.addWidget(self.try_label)
        self.suggestion_buttons: list[QPushButton] = []
        flow = FlowLayout(spacing=6)
        for word in suggestions:
            button = QPushButton(word)
            button.setObjectName("librarySuggestion")
            button.setProperty("role", "segment")
            button.setAccessibleName(self.tr("Search for {words}").format(words=word))
            button.clicked.connect(lambda _checked=False, w=word: self.search_requested.emit(w))
            flow.addWidget(button)
            self.suggestion_buttons.append(button)
        column.addLayout(flow)
        column.addStretch(1)

    def explain(self, query: LibraryFilter, result: SearchResult) -> None:
        """Say why `query` listed nothing (`result`), and what would find something."""
        text = query.text.strip()
        if text:
            self.label.setText(self.tr("Nothing matches “{text}”.").format(text=text))
        else:
            self.label.setText(self.tr("Nothing matches these filters."))
        advice: list[str] = []
        if result.urgent:
            advice.append(
                self.tr("SpineCoach has no exercises for this: read the advice beside the list.")
            )
        elif result.hidden_by_filters:
            advice.append(
                self.tr(
                    "%n routine(s) or exercise(s) match the words but not the filters.",
                    "",
                    result.hidden_by_filters,
                )
            )
        elif result.unknown_words and len(result.unknown_words) < len(text.split()):
            quoted = [self.tr("“{word}”").format(word=word) for word in result.unknown_words]
            advice.append(
                self.tr("Nothing mentions {words}: try without them.", "", len(quoted)).format(
                    words=", ".join(quoted)
                )
            )
        elif text:
            advice.append(self.tr("Try fewer words, a body area, or what you would like to ease."))
        self.advice.setText("\n".join(advice))
        self.advice.setVisible(bool(advice))
        self.clear_button.setVisible(query.has_filters)
        suggest = not result.urgent and bool(text or not query.has_filters)
        self.try_label.setVisible(suggest)
        for button in self.suggestion_buttons:
            button.setVisible(suggest)
