#include "app/presentation/presentationmode.h"

#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "app/maildrop/maildroppane.h"
#include "app/replay/replaypane.h"
#include "app/terminal/terminalpane.h"
#include "app/terminal/terminalview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>
#include <QStyle>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {

// The classes the platform theme gives a font of their own (QApplication::font(className),
// QPlatformTheme::MenuFont...), which the application's font alone does not change: the popup
// menus, tooltips, message boxes among them.
const char *const classesWithFonts[] = {"QMenu",
    "QMenuBar",
    "QMenuItem",
    "QMessageBox",
    "QLabel",
    "QTipLabel",
    "QStatusBar",
    "QDockWidgetTitle",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QToolButton",
    "QAbstractItemView",
    "QListView",
    "QHeaderView",
    "QComboMenuItem",
    "QComboLineEdit"};

// The docks, the diagram first (beside the terminal). The keys that show them (Ctrl+1 terminal,
// Ctrl+2 diagram, Ctrl+3 maildrop, Ctrl+4 lessons, Ctrl+5 replay) are PaneSwitcher's, in and
// out of presentation mode.
const char *const dockNames[] = {"diagramDock", "maildropDock", "lessonsDock", "replayDock"};

} // namespace

PresentationMode::PresentationMode(
    QMainWindow *window, TerminalPane *terminal, DiagramPane *diagram)
    : QObject(window)
    , m_window(window)
    , m_terminal(terminal)
    , m_diagram(diagram)
    , m_toggle(new QAction(window))
    , m_contrast(new QAction(window))
{
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::Key_F11));
    m_toggle->setShortcutContext(Qt::ApplicationShortcut);
    m_contrast->setCheckable(true);
    window->addAction(m_toggle); // works with the menu bar hidden too
    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setActive);
    connect(m_contrast, &QAction::toggled, this, &PresentationMode::setHighContrast);
    window->installEventFilter(this);
    // A second client's lane (or a zoom) makes the narrowest lanes wider: the terminal gives up
    // the columns they need then, not at the next F11 (seen: the maildrop's lane 3 px behind a
    // sideways scroll once a second student connected).
    connect(m_diagram->view(), &SequenceView::laidOut, this, [this] {
        if (m_active && m_diagram->view()->narrowestLanesWidth() != m_sharedLanes)
            shareWidth();
    });
    retranslate();
}

PresentationMode::~PresentationMode()
{
    if (m_active)
        restoreApplicationFonts(); // the one zoom is the application's font too
}

void PresentationMode::restoreApplicationFonts()
{
    QApplication::setFont(m_appFont);
    for (auto it = m_classFonts.cbegin(); it != m_classFonts.cend(); ++it)
        QApplication::setFont(it.value(), it.key().constData());
}

void PresentationMode::retranslate()
{
    m_toggle->setText(tr("&Presentation mode"));
    m_toggle->setToolTip(tr("Full screen, terminal and diagram side by side, everything larger "
                            "(F11 again to leave)"));
    m_contrast->setText(tr("&High contrast"));
    m_contrast->setToolTip(tr("Black on white with strong selection colours, for projectors"));
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void PresentationMode::setActive(bool active)
{
    if (active == m_active)
        return;
    active ? enter() : leave();
    m_active = active;
    const QSignalBlocker blocker(m_toggle);
    m_toggle->setChecked(active);
    emit activeChanged(active);
}

QList<QWidget *> PresentationMode::scaledWidgets() const
{
    QList<QWidget *> widgets{m_window->menuBar(), m_window->statusBar(), m_terminal};
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
        widgets.append(dock);
    // The window's popup menus (the menu bar's, the panes' buttons'): windows of their own, which
    // neither the parent's font nor (once created) the application's reaches.
    for (QMenu *menu : m_window->findChildren<QMenu *>())
        widgets.append(menu);
    // Under a style sheet (the banners) a widget no longer takes its parent's font: each gets
    // its own.
    for (QWidget *styled : m_window->findChildren<QWidget *>()) {
        if (styled->styleSheet().isEmpty())
            continue;
        widgets.append(styled);
        widgets.append(styled->findChildren<QWidget *>());
    }
    if (QWidget *transcript = replayTranscript())
        widgets.append(transcript);
    widgets.append(readingWidgets());
    return widgets;
}

// What the class reads, as opposed to what the teacher clicks (menus, tool buttons, the status
// line): the explanation of the selected step under the diagram, the lesson's text, question and
// feedback, the banners that say a diagram or a window is a replay.
QList<QWidget *> PresentationMode::readingWidgets() const
{
    static const char *const names[] = {"stepDetails",
        "stepView",
        "lessonFeedback",
        "questionLabel",
        "answerResult",
        "traceBannerText",
        "replayBanner"};
    QList<QWidget *> widgets;
    for (const char *name : names) {
        if (QWidget *w = m_window->findChild<QWidget *>(QLatin1String(name)))
            widgets.append(w);
    }
    return widgets;
}

void PresentationMode::enter()
{
    m_windowState = m_window->windowState();
    m_geometry = m_window->geometry();
    m_state = m_window->saveState();
    m_terminalPoints = m_terminal->fontPointSize();
    m_diagramZoom = m_diagram->view()->zoom();
    m_diagramFits = m_diagram->view()->fitsWidth();
    m_fonts.clear();
    for (QWidget *w : scaledWidgets()) {
        if (w->testAttribute(Qt::WA_SetFont))
            m_fonts.insert(w, w->font());
    }
    m_appFont = QApplication::font();
    m_classFonts.clear();
    for (const char *name : classesWithFonts)
        m_classFonts.insert(name, QApplication::font(name));
    m_zoom = defaultZoom;
    m_window->showFullScreen();
    layoutRoom();
    apply();
    m_diagram->setDetailsFitText(true);
    // The maildrop pane one key away (Ctrl+3) shows its messages, not one row of them.
    for (MaildropPane *maildrop : m_window->findChildren<MaildropPane *>())
        maildrop->setMinimumRows(5);
    // The window manager may take a moment to make the window full screen: share the width
    // again once it has.
    QTimer::singleShot(0, this, [this] {
        if (!m_active)
            return;
        layoutRoom();
        m_diagram->view()->horizontalScrollBar()->setValue(0);
    });
}

void PresentationMode::relayout()
{
    if (!m_active)
        return;
    layoutRoom();
    apply();
}

QWidget *PresentationMode::replayTranscript() const
{
    QDockWidget *dock = replayDock();
    return dock ? dock->widget()->findChild<QWidget *>(QStringLiteral("replayTranscript"))
                : nullptr;
}

QDockWidget *PresentationMode::replayDock() const
{
    auto *dock = m_window->findChild<QDockWidget *>(QLatin1String(dockNames[3]));
    return dock && qobject_cast<ReplayPane *>(dock->widget()) ? dock : nullptr;
}

bool PresentationMode::replaying() const
{
    QDockWidget *dock = replayDock();
    return dock && static_cast<ReplayPane *>(dock->widget())->isActive();
}

void PresentationMode::layoutRoom()
{
    QDockWidget *diagram = m_window->findChild<QDockWidget *>(QLatin1String(dockNames[0]));
    QDockWidget *replay = replaying() ? replayDock() : nullptr;
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
        if (dock != diagram && dock != replay)
            dock->hide(); // an empty replay pane too: it comes back with a replay
    }
    if (!diagram)
        return;
    diagram->setFloating(false);
    m_window->addDockWidget(Qt::RightDockWidgetArea, diagram);
    diagram->show();
    // The panes one key away (Ctrl+3 maildrop, Ctrl+4 lessons, Ctrl+6 eavesdropper) come as tabs
    // of the diagram's column, each with the whole height: shown under the diagram, the
    // maildrop left it 60 px, half an arrow, and its explanation behind a scroll bar (teacher's
    // class, re-check). Ctrl+2 brings the diagram back to the front.
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
        if (dock == diagram || dock == replay || dock->objectName() == QLatin1String(dockNames[3]))
            continue;
        dock->setFloating(false);
        m_window->tabifyDockWidget(diagram, dock);
    }
    const QSize screen =
        m_window->screen() ? m_window->screen()->geometry().size() : QSize(1280, 720);
    if (replay) {
        // A replay takes the live terminal's place (it is not live; Ctrl+1 brings the terminal
        // back): its controls, scrubber, transcript and maildrop in a column of their own, wide
        // enough for every control and the maildrop's rows, the diagram beside it.
        m_terminal->hide();
        replay->setFloating(false);
        m_window->addDockWidget(Qt::LeftDockWidgetArea, replay);
        replay->show();
        m_window->resizeDocks({replay, diagram},
            {screen.width() * 45 / 100, screen.width() * 55 / 100},
            Qt::Horizontal);
        return;
    }
    m_terminal->show();
    shareWidth();
}

void PresentationMode::shareWidth()
{
    QDockWidget *diagram = m_window->findChild<QDockWidget *>(QLatin1String(dockNames[0]));
    if (!diagram || replaying())
        return;
    const QSize screen =
        m_window->screen() ? m_window->screen()->geometry().size() : QSize(1280, 720);
    // The terminal first: the lab sheet's lines (LIST, RETR, a header of a message) are up to
    // labColumns wide, and a class must read them whole, not wrapped. The diagram takes the rest
    // and narrows its lanes to fit it (SequenceView::setFitLanes).
    int terminal = std::min(terminalWidthFor(labColumns), screen.width() * 70 / 100);
    // ...but not the diagram's lanes: after Ctrl++ its maildrop lane was behind a sideways
    // scroll. The terminal gives up columns for them, down to 40 % of the screen.
    const SequenceView *view = m_diagram->view();
    m_sharedLanes = view->narrowestLanesWidth();
    const int lanes = m_sharedLanes + diagram->width() - view->width();
    terminal = std::max(std::min(terminal, screen.width() - lanes), screen.width() * 40 / 100);
    m_window->resizeDocks({diagram}, {screen.width() - terminal}, Qt::Horizontal);
}

int PresentationMode::terminalWidthFor(int columns) const
{
    const TerminalView *view = m_terminal->currentView();
    if (!view)
        return m_window->width() / 2;
    // The text's columns, its margins, the frame, the scroll bar (shown or not: it comes with
    // the first long reply) and the pane's own margins.
    const qreal advance = QFontMetricsF(view->font()).horizontalAdvance(QLatin1Char('M'));
    const int chrome = m_terminal->width() - view->viewport()->width()
        + (view->verticalScrollBar()->isVisible()
                ? 0
                : view->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    return int(std::ceil(columns * advance + 2 * view->document()->documentMargin() + 2)) + chrome;
}

void PresentationMode::leave()
{
    m_diagram->setDetailsFitText(false);
    for (MaildropPane *maildrop : m_window->findChildren<MaildropPane *>())
        maildrop->setMinimumRows(0);
    restoreApplicationFonts();
    m_terminal->show(); // a replay had taken its place
    for (QWidget *w : scaledWidgets())
        w->setFont(m_fonts.value(w, QFont()));
    m_fonts.clear();
    m_terminal->setFontPointSize(m_terminalPoints);
    SequenceView *view = m_diagram->view();
    view->setFitLanes(false);
    view->setTimeColumn(true);
    view->setZoom(m_diagramZoom);
    view->setFitWidth(m_diagramFits);
    // The state first (normal, maximized), then the normal geometry: restoreGeometry() would
    // shift the window by its frame on some platforms.
    m_window->setWindowState(m_windowState);
    if (!(m_windowState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        m_window->setGeometry(m_geometry);
    m_window->restoreState(m_state);
    // An empty replay pane saved visible is not brought back: it shows with a replay.
    if (QDockWidget *replay = replayDock(); replay && !replaying())
        replay->hide();
    // The terminal's size changes twice on the way back (fonts, then the layout): the view kept
    // its scroll value, not its end. A student's last line is what the class was looking at.
    QTimer::singleShot(0, this, [this] {
        if (TerminalView *view = m_terminal->currentView())
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    });
}

void PresentationMode::setZoom(qreal zoom)
{
    m_zoom = std::clamp(zoom, minZoom, maxZoom);
    if (m_active)
        apply();
}

void PresentationMode::zoomBy(int steps)
{
    setZoom(steps == 0 ? defaultZoom : m_zoom * std::pow(1.15, steps));
}

void PresentationMode::apply()
{
    const QFont base = m_appFont;
    // The application's font too: popup menus and dialogs are windows of their own, which a
    // parent's font does not reach, and a widget under a style sheet (the banners) takes the
    // application's font, not its parent's.
    QFont app = m_appFont;
    app.setPointSizeF(m_appFont.pointSizeF() * m_zoom);
    QApplication::setFont(app);
    for (auto it = m_classFonts.cbegin(); it != m_classFonts.cend(); ++it) {
        QFont font = it.value();
        font.setPointSizeF(font.pointSizeF() * m_zoom);
        QApplication::setFont(font, it.key().constData());
    }
    for (QWidget *w : scaledWidgets()) {
        QFont font = m_fonts.value(w, base);
        const qreal points = font.pointSizeF() > 0 ? font.pointSizeF() : base.pointSizeF();
        font.setPointSizeF(points * m_zoom);
        w->setFont(font);
    }
    // What the class reads is as large as the terminal's text (at 1.0× it was the window's 12 px
    // beside a 17 px terminal).
    const qreal readingPoints = m_terminalPoints * m_zoom;
    for (QWidget *w : readingWidgets()) {
        QFont font = w->font();
        if (font.pointSizeF() < readingPoints) {
            font.setPointSizeF(readingPoints);
            w->setFont(font);
        }
    }
    m_terminal->setFontPointSize(int(std::lround(m_terminalPoints * m_zoom)));
    // A replay's transcript is the terminal's text replayed: the terminal's size (it had the
    // panes' 12 px beside a 17 px terminal).
    if (QWidget *transcript = replayTranscript()) {
        QFont font = transcript->font();
        font.setPointSize(m_terminal->fontPointSize());
        transcript->setFont(font);
    }
    // The diagram's labels are at least as large as the terminal's text.
    QFont terminalFont = m_terminal->currentView()
        ? m_terminal->currentView()->font()
        : QFontDatabase::systemFont(QFontDatabase::FixedFont);
    terminalFont.setPointSize(m_terminal->fontPointSize());
    const qreal terminalPixels = QFontInfo(terminalFont).pixelSize();
    const qreal labelPixels = m_diagram->view()->diagram().labelFont().pixelSize();
    SequenceView *view = m_diagram->view();
    view->setFitWidth(false);
    // The time column is the least needed: it goes. The lanes come closer together (the
    // maildrop's notes between the server and the maildrop) so that all of them — clients,
    // server, maildrop and its lock band — are in view at that size, without scrolling sideways.
    view->setTimeColumn(false);
    view->setFitLanes(true);
    const qreal zoom = std::max(1.0, terminalPixels / labelPixels);
    view->setZoom(zoom);
    view->horizontalScrollBar()->setValue(0);
    shareWidth(); // the terminal's share follows its font
}

void PresentationMode::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    {
        const QSignalBlocker blocker(m_contrast);
        m_contrast->setChecked(on);
    }
    if (on) {
        m_palette = QApplication::palette();
        QPalette p;
        p.setColor(QPalette::Window, Qt::white);
        p.setColor(QPalette::WindowText, Qt::black);
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::Text, Qt::black);
        p.setColor(QPalette::Button, QColor(0xf0, 0xf0, 0xf0));
        p.setColor(QPalette::ButtonText, Qt::black);
        p.setColor(QPalette::Highlight, QColor(0x00, 0x2b, 0x80));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, Qt::black);
        p.setColor(QPalette::ToolTipText, Qt::white);
        p.setColor(QPalette::PlaceholderText, QColor(0x44, 0x44, 0x44));
        p.setColor(QPalette::Link, QColor(0x00, 0x2b, 0x80));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x55, 0x55, 0x55));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x55, 0x55, 0x55));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x55, 0x55, 0x55));
        QApplication::setPalette(p);
    } else {
        QApplication::setPalette(m_palette);
    }
    m_diagram->view()->setHighContrast(on);
}
