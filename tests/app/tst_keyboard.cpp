// The window from the keyboard and through a screen reader's eyes: a shortcut to each pane that
// shows and focuses it, one Tab stop for the maildrop table, a focus ring on the custom-painted
// views, a name on every control, and each diagram arrow and lesson tick said as text.

#include "app/announcer.h"
#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "app/focusring.h"
#include "app/lessons/lessonpane.h"
#include "app/maildrop/maildroppane.h"
#include "app/mainwindow.h"
#include "app/replay/replaypane.h"
#include "lessons/lessonrunner.h"
#include "support/labfixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QWidgetAction>

#include <functional>

namespace {

// Whether the widget is meant for a person: a Qt-internal helper widget (the scroll area's
// corner, a tab bar's scroll arrows...) is left out.
bool isQtInternal(const QWidget *w)
{
    const QString cls = QString::fromLatin1(w->metaObject()->className());
    // A table's header is read through the table's interface (its column headers).
    return cls == QLatin1String("QScrollBar") || cls == QLatin1String("QHeaderView")
        || (w->objectName().startsWith(QLatin1String("qt_"))
            && w->objectName() != QLatin1String("qt_toolbar_ext_button"));
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void eachPaneHasAShortcutThatShowsAndFocusesIt();
    void tabLeavesTheMaildropTableInOneStop();
    void tabNeverStopsBehindADockTab();
    void customViewsShowAFocusRing();
    void everyControlHasAName();
    void startingALessonShowsItsPane();
    void diagramArrowsAreSaid();
    void lessonTicksAreSaid();
    void diagramToolsAreInAMenuWithShortcuts();

private:
    QDockWidget *dockOf(QWidget *pane) const;

    // What the announcer said, each checked against what a screen reader reads from it (the
    // name of its accessible interface, which QLabel reports changed).
    static QStringList heard(const QSignalSpy &spy, Announcer *announcer);

    std::unique_ptr<LabFixture> m_lab;
    std::unique_ptr<MainWindow> m_window;
};

void TestKeyboard::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
    m_window = std::make_unique<MainWindow>(m_lab->services.get());
    m_window->resize(1280, 720);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestKeyboard::cleanup()
{
    m_window.reset();
    m_lab.reset();
}

QDockWidget *TestKeyboard::dockOf(QWidget *pane) const
{
    for (QWidget *w = pane; w; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w))
            return dock;
    }
    return nullptr;
}

void TestKeyboard::eachPaneHasAShortcutThatShowsAndFocusesIt()
{
    TerminalPane *terminal = m_window->terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    LessonPane *lessons = m_window->lessonPane();
    // The lessons share a tabbed dock with the maildrop, which is in front at start.
    // (Qt moves a dock behind a tab out of sight rather than hiding it.)
    QTRY_VERIFY(lessons->visibleRegion().isEmpty());

    QTest::keyClick(view, Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(!lessons->visibleRegion().isEmpty());
    QVERIFY2(lessons->isAncestorOf(QApplication::focusWidget()),
        QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className()
                                    : "no focus");

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_3, Qt::ControlModifier);
    QTRY_VERIFY(!m_window->maildropPane()->visibleRegion().isEmpty());
    QVERIFY(m_window->maildropPane()->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(lessons->visibleRegion().isEmpty());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_2, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), m_window->diagramPane()->view());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), view);

    // A closed dock comes back too.
    dockOf(lessons)->close();
    QVERIFY(!lessons->isVisible());
    QTest::keyClick(view, Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(lessons->isVisible());
    QTRY_VERIFY(!lessons->visibleRegion().isEmpty());
}

void TestKeyboard::tabLeavesTheMaildropTableInOneStop()
{
    auto *table = m_window->maildropPane()->findChild<QTableView *>(QStringLiteral("messageView"));
    QVERIFY(table);
    QVERIFY(table->model()->rowCount() > 30); // 35 messages, 5 columns: 175 cells
    table->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), table);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY2(QApplication::focusWidget() != table,
        qPrintable(QStringLiteral("Tab stayed in the table, at column %1")
                       .arg(table->currentIndex().column())));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), table);
    // Inside the table, the arrows move.
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->currentIndex().row(), 1);
}

// The lessons share a tabbed dock with the maildrop: while the maildrop's tab is in front, Tab
// must not wander into the lessons' invisible controls.
void TestKeyboard::tabNeverStopsBehindADockTab()
{
    LessonPane *lessons = m_window->lessonPane();
    QTRY_VERIFY(lessons->visibleRegion().isEmpty());
    auto *table = m_window->maildropPane()->findChild<QTableView *>(QStringLiteral("messageView"));
    table->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), table);
    for (int i = 0; i < 80; ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(!lessons->isAncestorOf(focus),
            qPrintable(QStringLiteral("Tab %1 stopped on the hidden %2")
                           .arg(i)
                           .arg(QString::fromLatin1(focus->metaObject()->className()))));
        QVERIFY2(!focus->visibleRegion().isEmpty() || focus == QApplication::focusWidget(),
            focus->metaObject()->className());
        QTest::keyClick(focus, Qt::Key_Tab);
    }
}

void TestKeyboard::customViewsShowAFocusRing()
{
    TerminalPane *terminal = m_window->terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    view->setFocus(Qt::TabFocusReason);
    auto *ring = m_window->findChild<FocusRing *>(QStringLiteral("focusRing"));
    QVERIFY(ring);
    QTRY_COMPARE(ring->target(), view);
    QVERIFY(ring->isVisible());
    auto onWindow = [this](QWidget *w) {
        return QRect(w->mapTo(m_window.get(), QPoint(0, 0)), w->size());
    };
    QCOMPARE(ring->parentWidget(), m_window.get());
    QCOMPARE(ring->geometry(), onWindow(view));

    // The diagram's layout is untouched: the ring is never a child of its splitter (a QSplitter
    // takes every child as a pane, which squashed the diagram to 50 px under Ctrl+2).
    SequenceView *diagram = m_window->diagramPane()->view();
    const QSize before = diagram->size();
    QList<QPair<QSplitter *, int>> splitters;
    for (QWidget *w = diagram->parentWidget(); w; w = w->parentWidget()) {
        if (auto *splitter = qobject_cast<QSplitter *>(w))
            splitters.append({splitter, splitter->count()});
    }
    diagram->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(ring->target(), diagram);
    QVERIFY(ring->isVisible());
    QCOMPARE(ring->geometry(), onWindow(diagram));
    for (const auto &[splitter, count] : std::as_const(splitters))
        QCOMPARE(splitter->count(), count);
    QApplication::processEvents();
    QCOMPARE(diagram->size(), before);

    // Painted on top: the diagram's border pixels are the ring's colour.
    const QImage shot = m_window->grab().toImage();
    const QPoint corner = diagram->mapTo(m_window.get(), QPoint(1, diagram->height() / 2));
    const QColor expected = ring->palette().color(QPalette::Highlight).lighter(130);
    QCOMPARE(QColor(shot.pixel(corner * shot.devicePixelRatio())).name(), expected.name());

    // A plain widget gets no ring.
    auto *table = m_window->maildropPane()->findChild<QTableView *>(QStringLiteral("messageView"));
    table->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(!ring->target());
}

void TestKeyboard::everyControlHasAName()
{
    TerminalPane *terminal = m_window->terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    // Every pane shown once, so that every control exists and is visible.
    QStringList unnamed;
    for (QWidget *pane : {static_cast<QWidget *>(m_window->lessonPane()),
             static_cast<QWidget *>(m_window->maildropPane()),
             static_cast<QWidget *>(m_window->replayPane())}) {
        dockOf(pane)->show();
        dockOf(pane)->raise();
        QTRY_VERIFY(pane->isVisible());
        for (QWidget *w : m_window->findChildren<QWidget *>()) {
            if (!w->isVisible() || isQtInternal(w))
                continue;
            const bool control = (w->focusPolicy() & Qt::TabFocus)
                || qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractItemView *>(w)
                || qobject_cast<QTextEdit *>(w) || qobject_cast<QPlainTextEdit *>(w);
            if (!control)
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY(iface);
            if (iface->text(QAccessible::Name).trimmed().isEmpty()) {
                const QString what =
                    QStringLiteral("%1 \"%2\"")
                        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
                if (!unnamed.contains(what))
                    unnamed.append(what);
            }
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    QVERIFY(!view->accessibleDescription().isEmpty());
}

// pop3lab --lesson N: the lesson started behind the maildrop's tab, so nobody saw it. A dock
// behind another's tab is moved out of sight, not hidden, and disabled (createDocks()).
void TestKeyboard::startingALessonShowsItsPane()
{
    // As at the first start (a layout saved by an earlier test may differ): a tab behind.
    m_window->tabifyDockWidget(dockOf(m_window->maildropPane()), dockOf(m_window->lessonPane()));
    dockOf(m_window->maildropPane())->raise();
    QTRY_VERIFY(!m_window->lessonPane()->isEnabled());
    QWidget *before = QApplication::focusWidget();
    QVERIFY(!m_window->startLesson(QStringLiteral("99-no-such-lesson")));
    QVERIFY(m_window->startLesson(QStringLiteral("01-connect-and-login")));
    QTRY_VERIFY(m_window->lessonPane()->isEnabled());
    QCOMPARE(QApplication::focusWidget(), before); // the keyboard stays where the student types
}

QStringList TestKeyboard::heard(const QSignalSpy &spy, Announcer *announcer)
{
    QStringList lines;
    for (const QList<QVariant> &args : spy)
        lines.append(args.first().toString());
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(announcer);
    if (!lines.isEmpty() && (!iface || iface->text(QAccessible::Name) != lines.last()))
        lines.append(QStringLiteral("(but a screen reader reads: %1)")
                         .arg(iface ? iface->text(QAccessible::Name) : QString()));
    return lines;
}

void TestKeyboard::diagramArrowsAreSaid()
{
    Announcer *announcer = m_window->announcer();
    QSignalSpy said(announcer, &Announcer::said);
    TerminalPane *terminal = m_window->terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
    QTRY_VERIFY2(heard(said, announcer)
                     .contains(QStringLiteral("Diagram: Terminal 1 → server: user student")),
        qPrintable(heard(said, announcer).join(QLatin1Char('\n'))));
    QTRY_VERIFY2(
        heard(said, announcer).endsWith(QStringLiteral("Diagram: server → Terminal 1: +OK")),
        qPrintable(heard(said, announcer).join(QLatin1Char('\n'))));
}

void TestKeyboard::lessonTicksAreSaid()
{
    Announcer *announcer = m_window->announcer();
    QSignalSpy said(announcer, &Announcer::said);
    LessonPane *lessons = m_window->lessonPane();
    QVERIFY(lessons->startLesson(QStringLiteral("01-connect-and-login"), true));
    TerminalPane *terminal = m_window->terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    const pop3::Lesson &lesson = lessons->runner()->lesson();
    const QString first = QStringLiteral("Step 1 of %1 done: %2")
                              .arg(lesson.steps.size())
                              .arg(lesson.steps.at(0).title);
    QTRY_VERIFY2(heard(said, announcer).contains(first),
        qPrintable(heard(said, announcer).join(QLatin1Char('\n'))));
}

// Every tool of the diagram's toolbar is reachable without the mouse (Tab from the diagram met
// only the session filter): each is in View › Diagram tools, each that acts by itself has a
// shortcut no other action or shortcut of the window uses, and it works from the terminal.
void TestKeyboard::diagramToolsAreInAMenuWithShortcuts()
{
    DiagramPane *diagram = m_window->diagramPane();
    auto *bar = diagram->findChild<QToolBar *>();
    QVERIFY(bar);
    QSet<QAction *> inMenus; // what the menu bar reaches, submenus included
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            inMenus.insert(a);
            if (a->menu())
                walk(a->menu());
        }
    };
    for (QAction *top : m_window->menuBar()->actions()) {
        if (top->menu())
            walk(top->menu());
    }
    QStringList problems;
    int tools = 0;
    for (QAction *a : bar->actions()) {
        if (a->isSeparator() || qobject_cast<QWidgetAction *>(a))
            continue;
        ++tools;
        if (!inMenus.contains(a))
            problems.append(QStringLiteral("\"%1\" is in no menu").arg(a->text()));
        if (!a->menu() && a->shortcut().isEmpty())
            problems.append(QStringLiteral("\"%1\" has no shortcut").arg(a->text()));
        for (QAction *sub : a->menu() ? a->menu()->actions() : QList<QAction *>()) {
            if (!inMenus.contains(sub))
                problems.append(QStringLiteral("\"%1\" is in no menu").arg(sub->text()));
        }
    }
    QVERIFY(tools >= 9); // collapse, NOOP, zoom ×2, fit, follow, body, export, open, save
    QHash<QKeySequence, QString> owner;
    const auto claim = [&](const QKeySequence &key, const QString &who) {
        if (owner.contains(key) && owner.value(key) != who)
            problems.append(QStringLiteral("%1 is both \"%2\" and \"%3\"")
                                .arg(key.toString(), owner.value(key), who));
        owner.insert(key, who);
    };
    // The window-wide ones (a pane's own keys, like the replay's Space, may repeat an action).
    const auto windowWide = [](Qt::ShortcutContext context) {
        return context == Qt::WindowShortcut || context == Qt::ApplicationShortcut;
    };
    for (QAction *a : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &key : a->shortcuts()) {
            if (windowWide(a->shortcutContext()))
                claim(key, a->text());
        }
    }
    for (QShortcut *shortcut : m_window->findChildren<QShortcut *>()) {
        if (windowWide(shortcut->context()))
            claim(shortcut->key(), shortcut->objectName());
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // From the terminal: the shortcut of Collapse login folds the logins.
    TerminalPane *terminal = m_window->terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    QTRY_VERIFY(view->hasFocus());
    QAction *collapse = nullptr;
    for (QAction *a : bar->actions()) {
        if (a->isCheckable() && a->text() == QLatin1String("Collapse login"))
            collapse = a;
    }
    QVERIFY(collapse && !collapse->isChecked());
    QTest::keySequence(view, collapse->shortcut());
    QTRY_VERIFY(collapse->isChecked());
    QVERIFY(diagram->model().filter().collapseAuthorization);
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
