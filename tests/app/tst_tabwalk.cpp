// Lesson 1 from the keyboard alone, as a student who cannot use a mouse would do it: Ctrl+4 to
// the lessons, Tab and Shift+Tab from control to control, arrows in a list, Space and Enter to
// press, and the commands typed key by key into the terminal. No widget is clicked or called.

#include "app/focusring.h"
#include "app/lessons/lessonpane.h"
#include "app/mainwindow.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonrunner.h"
#include "support/labfixture.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

#include <functional>

class TestTabWalk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void lessonOneByKeyboardAlone();
    void lessonPaneStopsFollowTheEye();
    void stepTextScrollsFromTheKeyboard();
    void goingToTheLessonsReachesTheAnswer();

private:
    using Wanted = std::function<bool(QWidget *)>;
    // Presses Tab (or Shift+Tab) until the focus is on a wanted widget, which must be on screen;
    // false after 300 presses.
    bool reach(const Wanted &wanted, bool forward = true);
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    QByteArray typeCommand(const QString &line);
    bool answerChoice(const QString &choice);
    QString why() const;
    // The Tab stops of the lessons pane, from the focused one round to it again.
    QList<QWidget *> paneStops();
    // Where the stops leave the order of the eye (rows top to bottom, each left to right).
    QString outOfOrder(const QList<QWidget *> &stops) const;
    // The checklist shown, through its toggle when the pane keeps it folded.
    bool showChecklist();

    QTemporaryDir m_lessons; // a lesson of long steps, next to the built-in ones
    std::unique_ptr<LabFixture> m_lab;
    std::unique_ptr<MainWindow> m_window;
    int m_tabs = 0; // Tab presses so far
};

void TestTabWalk::initTestCase()
{
    QVERIFY(m_lessons.isValid());
    QStringList text;
    for (int i = 1; i <= 40; ++i)
        text << QStringLiteral("Paragraph %1 of a long step.").arg(i) << QString();
    QFile file(m_lessons.filePath(QStringLiteral("93-eyes.en.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QStringLiteral(R"({"format": 1, "id": "93-eyes", "language": "en", "title": "Eyes",
        "goals": ["Read."], "intro": "An intro.", "summary": "Done.",
        "steps": [{"id": "digest", "title": "A long step", "text": %1, "hints": ["A hint."],
                   "optional": true, "action": {"type": "apop-digest"},
                   "check": {"type": "command", "command": "APOP"}}],
        "quiz": [{"id": "q1", "title": "Pick", "question": {"prompt": "Which one counts?",
                     "choices": ["STAT", "QUIT"], "answer": {"type": "choice", "correct": 1}}}]
    })")
            .arg(QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(text)).toJson(QJsonDocument::Compact)))
            .toUtf8());
    file.close();
    qputenv("POP3LAB_LESSONS_DIR", QFile::encodeName(m_lessons.path()));
}

void TestTabWalk::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
    m_window = std::make_unique<MainWindow>(m_lab->services.get());
    m_window->resize(1280, 720);
    // The learner gave a name on an earlier day (it is asked once, then remembered).
    m_window->lessonPane()->setLearner(QStringLiteral("Ada Lovelace"));
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestTabWalk::cleanup()
{
    m_window.reset();
    m_lab.reset();
}

QString TestTabWalk::why() const
{
    QWidget *w = QApplication::focusWidget();
    return w ? QStringLiteral("focus on %1 \"%2\" after %3 Tab presses")
                   .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                   .arg(m_tabs)
             : QStringLiteral("no focus");
}

void TestTabWalk::press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : m_window.get(), Qt::Key(key), modifiers);
}

bool TestTabWalk::reach(const Wanted &wanted, bool forward)
{
    for (int i = 0; i < 300; ++i) {
        QWidget *w = QApplication::focusWidget();
        // A control out of sight (behind another dock's tab) cannot be used: reaching it counts
        // as not reaching it.
        if (w && wanted(w))
            return !w->visibleRegion().isEmpty();
        ++m_tabs;
        press(
            forward ? Qt::Key_Tab : Qt::Key_Backtab, forward ? Qt::NoModifier : Qt::ShiftModifier);
    }
    return false;
}

QByteArray TestTabWalk::typeCommand(const QString &line)
{
    auto *view = qobject_cast<TerminalView *>(QApplication::focusWidget());
    if (!view)
        return {};
    QSignalSpy replies(view->session(), &TerminalSession::replyReceived);
    QTest::keyClicks(view, line);
    QTest::keyClick(view, Qt::Key_Return);
    if (!replies.wait(5000))
        return {};
    return replies.first().first().toByteArray().trimmed();
}

// The question's choices, as a combo box (arrows) or as buttons (Space): the right one is
// picked by its words, whatever their order.
bool TestTabWalk::answerChoice(const QString &choice)
{
    const auto plain = [](QString s) {
        return s.remove(QLatin1Char('`')).remove(QLatin1Char('&')).trimmed();
    };
    const bool found = reach([&](QWidget *w) {
        if (auto *box = qobject_cast<QComboBox *>(w))
            return box->objectName() == QLatin1String("choiceBox");
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            return plain(button->text()) == plain(choice);
        return false;
    });
    if (!found)
        return false;
    if (auto *box = qobject_cast<QComboBox *>(QApplication::focusWidget())) {
        for (int i = 0; i < 2 * box->count() && plain(box->currentText()) != plain(choice); ++i)
            press(i < box->count() ? Qt::Key_Down : Qt::Key_Up);
        return plain(box->currentText()) == plain(choice);
    }
    press(Qt::Key_Space);
    return true;
}

void TestTabWalk::lessonOneByKeyboardAlone()
{
    const QString id = QStringLiteral("01-connect-and-login");
    pop3::LessonLibrary library;
    library.load(pop3::LessonLibrary::defaultFolders());
    const std::optional<pop3::Lesson> lesson = library.lesson(id, QStringLiteral("en"));
    QVERIFY(lesson);
    pop3::LessonRunner *runner = m_window->lessonPane()->runner();

    // To the lessons (the dock is behind the maildrop's tab), then to the lesson list.
    press(Qt::Key_4, Qt::ControlModifier);
    QVERIFY2(reach([](QWidget *w) {
        return w->objectName() == QLatin1String("lessonPicker");
    }),
        qPrintable(why()));
    auto *picker = qobject_cast<QComboBox *>(QApplication::focusWidget());
    // Arrows in the closed picker browse; Enter starts the lesson shown.
    for (int i = 0; i < picker->count() && picker->currentData().toString() != id; ++i)
        press(Qt::Key_Down);
    press(Qt::Key_Return);
    QCOMPARE(runner->lesson().id, id);
    QVERIFY(runner->isRunning());

    // Step 1: a Raw connection, through the New session button and its dialog (Enter opens).
    QVERIFY2(reach([](QWidget *w) {
        return w->objectName() == QLatin1String("newButton");
    }),
        qPrintable(why()));
    QTimer::singleShot(0, this, [] {
        if (QWidget *dialog = QApplication::activeModalWidget())
            QTest::keyClick(dialog, Qt::Key_Return);
    });
    press(Qt::Key_Space);
    QTRY_COMPARE(m_window->terminalPane()->count(), 1);
    // The window manager gives the window back its activation when the dialog closes (the
    // offscreen platform has none to do it).
    if (!QApplication::activeWindow())
        QApplication::setActiveWindow(m_window.get());
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    TerminalView *view = m_window->terminalPane()->view(0);
    QTRY_COMPARE(QApplication::focusWidget(), view); // a new tab takes the focus
    QVERIFY(waitGreeting(view) || view->session()->isConnected());
    QTRY_VERIFY(runner->isDone(0)); // connected
    QTRY_VERIFY(runner->isDone(1)); // the greeting

    // The commands, typed in the terminal, reached by Tab from wherever the focus is.
    const auto isTerminal = [view](QWidget *w) {
        return w == view;
    };
    QVERIFY2(reach(isTerminal), qPrintable(why()));
    QCOMPARE(typeCommand(QStringLiteral("USER: student")), QByteArray("-ERR Unknown command."));
    QTRY_VERIFY(runner->isDone(2));
    QVERIFY2(reach(isTerminal), qPrintable(why()));
    QCOMPARE(typeCommand(QStringLiteral("user student")), QByteArray("+OK"));
    QVERIFY2(reach(isTerminal), qPrintable(why()));
    QCOMPARE(typeCommand(QStringLiteral("pass hessovs!")), QByteArray("+OK Logged in."));
    QVERIFY2(reach(isTerminal), qPrintable(why()));
    QVERIFY(typeCommand(QStringLiteral("quit")).startsWith("+OK"));

    // The quiz: each question answered from the keyboard, Check pressed with Space.
    for (int step = 0; step < lesson->steps.size(); ++step) {
        const pop3::LessonStep &s = lesson->steps.at(step);
        if (!s.question)
            continue;
        QTRY_COMPARE(runner->currentStep(), step);
        if (s.question->answer == pop3::LessonQuestion::Answer::Choice) {
            QVERIFY2(answerChoice(s.question->choices.at(s.question->correct)), qPrintable(why()));
            QVERIFY2(reach([](QWidget *w) {
                return w->objectName() == QLatin1String("checkButton");
            }),
                qPrintable(why()));
            press(Qt::Key_Space);
        } else {
            QVERIFY2(reach([](QWidget *w) {
                return w->objectName() == QLatin1String("answerEdit");
            }),
                qPrintable(why()));
            QTest::keyClicks(QApplication::focusWidget(), s.question->accept.first());
            press(Qt::Key_Return);
        }
        QTRY_VERIFY2(runner->isDone(step), qPrintable(s.id + QLatin1Char(' ') + why()));
    }
    for (int step = 0; step < lesson->steps.size(); ++step)
        QVERIFY2(runner->isDone(step) || lesson->steps.at(step).optional,
            qPrintable(lesson->steps.at(step).id));
    QVERIFY(runner->isFinished());
    qInfo("lesson 1 done with %d Tab presses", m_tabs);
}

QList<QWidget *> TestTabWalk::paneStops()
{
    LessonPane *pane = m_window->lessonPane();
    QList<QWidget *> stops;
    for (int i = 0; i < 60; ++i) {
        QWidget *w = QApplication::focusWidget();
        if (!w || !pane->isAncestorOf(w) || stops.contains(w))
            break;
        stops.append(w);
        press(Qt::Key_Tab);
    }
    return stops;
}

QString TestTabWalk::outOfOrder(const QList<QWidget *> &stops) const
{
    LessonPane *pane = m_window->lessonPane();
    const auto name = [](QWidget *w) {
        return QStringLiteral("%1 \"%2\"")
            .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
    };
    // Every control a student can use is a stop, once.
    for (QWidget *w : pane->findChildren<QWidget *>()) {
        if ((w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && w->isEnabled()
            && w->isVisibleTo(pane) && !w->focusProxy() && !stops.contains(w)
            && !qobject_cast<QAbstractScrollArea *>(w->parentWidget())) // a viewport
            return QStringLiteral("%1 is never reached by Tab").arg(name(w));
    }
    for (int i = 1; i < stops.size(); ++i) {
        const QRect a(stops.at(i - 1)->mapTo(pane, QPoint(0, 0)), stops.at(i - 1)->size());
        const QRect b(stops.at(i)->mapTo(pane, QPoint(0, 0)), stops.at(i)->size());
        const bool nextRow = b.top() >= a.bottom() - 2;
        const bool sameRowOnTheRight =
            qAbs(b.center().y() - a.center().y()) <= a.height() / 2 && b.left() >= a.right() - 2;
        if (!nextRow && !sameRowOnTheRight)
            return QStringLiteral("%1 (at %2,%3) comes after %4 (at %5,%6)")
                .arg(name(stops.at(i)))
                .arg(b.x())
                .arg(b.y())
                .arg(name(stops.at(i - 1)))
                .arg(a.x())
                .arg(a.y());
    }
    return {};
}

bool TestTabWalk::showChecklist()
{
    LessonPane *pane = m_window->lessonPane();
    auto *list = pane->findChild<QListWidget *>(QStringLiteral("lessonChecklist"));
    if (!list)
        return false;
    if (list->isVisible())
        return true;
    if (!reach([](QWidget *w) {
            return w->objectName() == QLatin1String("stepsToggle");
        }))
        return false;
    press(Qt::Key_Space);
    return list->isVisible();
}

// Tab goes through the lessons pane as a student reads it: the picker, the lesson's buttons,
// the checklist, the step's words, the answer, the step's buttons. Each of the two boxes of
// text shows a focus frame when Tab lands on it.
void TestTabWalk::lessonPaneStopsFollowTheEye()
{
    LessonPane *pane = m_window->lessonPane();
    QVERIFY(pane->startLesson(QStringLiteral("93-eyes"), true));
    press(Qt::Key_4, Qt::ControlModifier);
    const auto picker = [](QWidget *w) {
        return w->objectName() == QLatin1String("lessonPicker");
    };
    QVERIFY2(reach(picker), qPrintable(why()));
    QList<QWidget *> stops = paneStops();
    QString problem = outOfOrder(stops);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QVERIFY2(reach(picker), qPrintable(why()));
    QVERIFY(showChecklist());
    auto *list = pane->findChild<QListWidget *>(QStringLiteral("lessonChecklist"));
    auto *step = pane->findChild<QTextBrowser *>(QStringLiteral("stepView"));
    QVERIFY(list && step);
    QTRY_VERIFY(step->mapTo(pane, QPoint(0, 0)).y() >= list->mapTo(pane, QPoint(0, 0)).y() + 20);
    QVERIFY2(reach(picker), qPrintable(why()));
    stops = paneStops();
    problem = outOfOrder(stops);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(stops.contains(list) && stops.contains(step));
    QVERIFY(stops.indexOf(list) < stops.indexOf(step));

    // The focus frame: the window's ring goes round the checklist, then round the step's words.
    auto *ring = m_window->findChild<FocusRing *>();
    QVERIFY(ring);
    QVERIFY2(reach([list](QWidget *w) {
        return w == list;
    }),
        qPrintable(why()));
    QTRY_COMPARE(ring->target(), list);
    QVERIFY2(reach([step](QWidget *w) {
        return w == step;
    }),
        qPrintable(why()));
    QTRY_COMPARE(ring->target(), step);

    // A question: its choices and Check come after the step's words.
    QVERIFY(pane->runner()->skip());
    QVERIFY2(reach(picker), qPrintable(why()));
    stops = paneStops();
    problem = outOfOrder(stops);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(stops.indexOf(step)
        < stops.indexOf(pane->findChild<QWidget *>(QStringLiteral("choiceBox"))));
}

// The step's words scroll from the keyboard as any page does: Ctrl+End, Ctrl+Home, Page Down.
void TestTabWalk::stepTextScrollsFromTheKeyboard()
{
    LessonPane *pane = m_window->lessonPane();
    QVERIFY(pane->startLesson(QStringLiteral("93-eyes"), true));
    press(Qt::Key_4, Qt::ControlModifier);
    auto *step = pane->findChild<QTextBrowser *>(QStringLiteral("stepView"));
    QVERIFY(step);
    QVERIFY2(reach([step](QWidget *w) {
        return w == step;
    }),
        qPrintable(why()));
    QScrollBar *bar = step->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(0);
    press(Qt::Key_End, Qt::ControlModifier);
    QTextCursor end(step->document());
    end.movePosition(QTextCursor::End);
    QTRY_VERIFY2(step->viewport()->rect().contains(step->cursorRect(end)),
        qPrintable(QStringLiteral("Ctrl+End: the last line at %1 in a %2 px view, scrolled to %3")
                       .arg(step->cursorRect(end).y())
                       .arg(step->viewport()->height())
                       .arg(bar->value())));
    press(Qt::Key_Home, Qt::ControlModifier);
    const QTextCursor start(step->document());
    QTRY_VERIFY2(step->viewport()->rect().contains(step->cursorRect(start)),
        qPrintable(QStringLiteral("Ctrl+Home: scrolled to %1").arg(bar->value())));
    QVERIFY(bar->value() < step->viewport()->height() / 2);
    press(Qt::Key_PageDown);
    QTRY_VERIFY2(bar->value() >= step->viewport()->height() / 2,
        "Page Down left the step's words where they were");
    QCOMPARE(QApplication::focusWidget(), step); // the keys scrolled, the focus stayed
}

// A question comes up while the keyboard is in the terminal (the step before was typed there):
// Ctrl+4 lands on the answer, not on the lesson picker six Tab presses above it.
void TestTabWalk::goingToTheLessonsReachesTheAnswer()
{
    LessonPane *pane = m_window->lessonPane();
    QVERIFY(pane->startLesson(QStringLiteral("93-eyes"), true));
    press(Qt::Key_4, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("lessonPicker"));
    QVERIFY(pane->runner()->skip()); // the quiz's question is current now
    press(Qt::Key_1, Qt::ControlModifier);
    QTRY_VERIFY(!pane->isAncestorOf(QApplication::focusWidget()));
    press(Qt::Key_4, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("choiceBox"));
}

QTEST_MAIN(TestTabWalk)
#include "tst_tabwalk.moc"
