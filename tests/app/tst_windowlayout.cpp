// The window at the sizes a class has (a 1280×720 projector, a 1600×1000 laptop), in English and
// in French (whose words are longer): every lesson control whole and on screen, and the diagram's
// labels as large as the rest of the window's text at the default zoom.

#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "app/lessons/lessonpane.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "lessons/lessonrunner.h"
#include "support/labfixture.h"

#include <QAbstractButton>
#include <QAbstractFileIconProvider>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>

class TestWindowLayout : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void lessonControlsAreWholeAndOnScreen_data();
    void lessonControlsAreWholeAndOnScreen();
    void diagramLabelsAreReadableAtTheDefaultZoom_data();
    void diagramLabelsAreReadableAtTheDefaultZoom();
    void diagramFitsThePaneWidth_data();
    void diagramFitsThePaneWidth();
    void terminalStatusTextIsWhole_data();
    void stepWordsAreInView_data();
    void stepWordsAreInView();
    void stepTextHasTheRoom_data();
    void stepTextHasTheRoom();
    void exportDialogColumnsAreWhole();
    void frenchHasNoEnglishLeft();
    void terminalStatusTextIsWhole();

private:
    static void addRows();
    void openWindow(const QString &language, const QSize &size);
    // Why w is not whole and on screen ("" when it is).
    QString clipped(QWidget *w) const;

    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<LabFixture> m_lab;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowLayout::cleanup()
{
    m_window.reset();
    m_lab.reset();
    m_translations.reset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestWindowLayout::addRows()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char *language : {"en", "fr"}) {
        for (const QSize size : {QSize(1280, 720), QSize(1600, 1000)})
            QTest::addRow("%s at %dx%d", language, size.width(), size.height())
                << QString::fromLatin1(language) << size;
    }
}

void TestWindowLayout::openWindow(const QString &language, const QSize &size)
{
    const QLocale locale(language);
    QLocale::setDefault(locale); // the lessons follow the window's language
    m_translations = std::make_unique<Translations>();
    m_translations->install(locale);
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
    m_window = std::make_unique<MainWindow>(m_lab->services.get());
    m_window->resize(size);
    // A long name, as a real one can be: it is shown on the learner's button.
    m_window->lessonPane()->setLearner(QStringLiteral("Marie-Élise Dupont-Lefèvre"));
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), size);
}

QString TestWindowLayout::clipped(QWidget *w) const
{
    const QString what = QStringLiteral("%1 \"%2\" (%3)")
                             .arg(QString::fromLatin1(w->metaObject()->className()),
                                 w->objectName(),
                                 w->accessibleName());
    if (w->width() < w->minimumSizeHint().width() || w->height() < w->minimumSizeHint().height())
        return QStringLiteral("%1 is %2x%3, smaller than the %4x%5 it needs")
            .arg(what)
            .arg(w->width())
            .arg(w->height())
            .arg(w->minimumSizeHint().width())
            .arg(w->minimumSizeHint().height());
    if (auto *button = qobject_cast<QAbstractButton *>(w);
        button && w->width() < w->sizeHint().width())
        return QStringLiteral("%1: its text \"%2\" is cut (%3 of %4 px)")
            .arg(what, button->text())
            .arg(w->width())
            .arg(w->sizeHint().width());
    // visibleRegion(): what the parents, the docks and the window leave of it.
    const QRegion seen = w->visibleRegion();
    if (seen != QRegion(w->rect()))
        return QStringLiteral("%1: only %2 of its %3x%4 px are on screen")
            .arg(what)
            .arg(QString::number(seen.boundingRect().width()) + QLatin1Char('x')
                + QString::number(seen.boundingRect().height()))
            .arg(w->width())
            .arg(w->height());
    return {};
}

void TestWindowLayout::lessonControlsAreWholeAndOnScreen_data()
{
    addRows();
}

// Ctrl+4 brings the lessons forward; each control of the pane is then whole: the hand-in's
// Export button was cut at the right edge at 1280×720.
void TestWindowLayout::lessonControlsAreWholeAndOnScreen()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    openWindow(language, size);
    LessonPane *lessons = m_window->lessonPane();
    // Lesson 5 asks the most of the pane: an action button (a crash to simulate) and questions.
    QVERIFY(lessons->startLesson(QStringLiteral("05-the-lock-file"), true));
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(!lessons->visibleRegion().isEmpty());
    QApplication::processEvents();
    QStringList problems;
    int checked = 0;
    for (QWidget *w : lessons->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QLineEdit *>(w) || qobject_cast<QProgressBar *>(w);
        if (!control || !w->isVisible() || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        ++checked;
        // A pane that scrolls brings the control into view, as the focus does when Tab lands
        // on it; sideways scrolling is not allowed (nobody finds a control off to the right).
        for (QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
            if (auto *area = qobject_cast<QScrollArea *>(p)) {
                area->ensureWidgetVisible(w, 0, 0);
                QApplication::processEvents();
                if (area->horizontalScrollBar()->maximum() > 0)
                    problems.append(QStringLiteral("the lessons scroll sideways by %1 px")
                                        .arg(area->horizontalScrollBar()->maximum()));
            }
        }
        if (const QString why = clipped(w); !why.isEmpty())
            problems.append(why);
    }
    QVERIFY(checked >= 5); // picker, learner, restart, export, hint at least
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestWindowLayout::diagramLabelsAreReadableAtTheDefaultZoom_data()
{
    addRows();
}

// At the default zoom the diagram's labels are at least as large as the window's own text (they
// were about 7 px at the default window size). In the default 620-pixel column the maildrop's
// lane and the notes are then a sideways scroll away.
void TestWindowLayout::diagramLabelsAreReadableAtTheDefaultZoom()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    openWindow(language, size);
    TerminalPane *terminal = m_window->terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
    SequenceView *diagram = m_window->diagramPane()->view();
    diagram->flush();
    QVERIFY(diagram->fitsWidth()); // the default: no zoom chosen by hand
    const int systemPx = QFontInfo(QApplication::font()).pixelSize();
    const int minimumPx = std::max(12, systemPx);
    const qreal labelPx = diagram->diagram().labelFont().pixelSize() * diagram->zoom();
    qInfo("%s at %dx%d: diagram viewport %dx%d, zoom %.2f, labels %.1f px (system font %d px)",
        qPrintable(language),
        size.width(),
        size.height(),
        diagram->viewport()->width(),
        diagram->viewport()->height(),
        diagram->zoom(),
        labelPx,
        systemPx);
    QVERIFY2(labelPx >= minimumPx - 0.01,
        qPrintable(QStringLiteral("labels are %1 px, fewer than %2").arg(labelPx).arg(minimumPx)));
}

void TestWindowLayout::diagramFitsThePaneWidth_data()
{
    addRows();
}

// Two terminals logged in: every lane, the maildrop's included, is in the pane at the default
// window size, its labels still readable; Ctrl+Alt+0 fits the width (it once shrank the whole
// diagram to a thumbnail), not the height.
void TestWindowLayout::diagramFitsThePaneWidth()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    openWindow(language, size);
    TerminalPane *terminal = m_window->terminalPane();
    for (int i = 0; i < 2; ++i) {
        TerminalView *view = terminal->openSession(terminal->builtinSettings());
        QVERIFY(waitGreeting(view));
        QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
        if (i == 0) { // the second stays in AUTHORIZATION: the mailbox is locked
            QVERIFY(typeLine(view, QStringLiteral("pass hessovs!")).startsWith("+OK"));
            QVERIFY(typeLine(view, QStringLiteral("list")).startsWith("+OK"));
        }
    }
    SequenceView *diagram = m_window->diagramPane()->view();
    const auto check = [&](const char *when) {
        diagram->flush();
        const qreal width = diagram->diagram().size().width() * diagram->zoom();
        const qreal maildrop = diagram->diagram().maildropX() * diagram->zoom();
        const int pane = diagram->viewport()->width();
        const QString why = QStringLiteral("%1: diagram %2 px wide, maildrop at %3, pane %4, zoom "
                                           "%5 (readable from %6)")
                                .arg(QString::fromLatin1(when))
                                .arg(width)
                                .arg(maildrop)
                                .arg(pane)
                                .arg(diagram->zoom())
                                .arg(diagram->readableZoom());
        QVERIFY2(width <= pane + 1, qPrintable(why));
        QVERIFY2(maildrop < pane, qPrintable(why));
        QVERIFY2(diagram->zoom() >= diagram->readableZoom() - 0.001, qPrintable(why));
    };
    check("by default");
    diagram->zoomIn();
    diagram->zoomIn();
    QTest::keyClick(m_window.get(), Qt::Key_0, Qt::ControlModifier | Qt::AltModifier);
    check("after Ctrl+Alt+0");
}

void TestWindowLayout::terminalStatusTextIsWhole_data()
{
    addRows();
}

// The line beside the terminal's buttons says the mode whole, never "…Enter sends CR LF · local
// e…" or "Entrée : redéma…": with no session, a live one and a closed one.
void TestWindowLayout::terminalStatusTextIsWhole()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    openWindow(language, size);
    TerminalPane *terminal = m_window->terminalPane();
    auto *label = terminal->findChild<QLabel *>(QStringLiteral("modeLabel"));
    QVERIFY(label);
    const auto whole = [label]() -> QString {
        QApplication::processEvents();
        const QString text = label->text();
        if (text.isEmpty() || text.contains(QChar(0x2026))
            || label->fontMetrics().horizontalAdvance(text) > label->contentsRect().width())
            return QStringLiteral("\"%1\" in %2 px").arg(text).arg(label->width());
        return {};
    };
    QStringList problems;
    while (terminal->count() > 0)
        terminal->closeCurrentSession();
    problems.append(whole());
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    problems.append(whole());
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    QTRY_VERIFY(view->session()->hasEnded());
    problems.append(whole());
    // Closed, it still names the connection, in French too ("Fermée · Entrée : redémarrer" did
    // not, where English read "127.0.0.1:1710 · closed · Enter: restart").
    const QString endpoint = view->session()->settings().endpoint();
    if (!label->text().contains(endpoint))
        problems.append(QStringLiteral("\"%1\" does not name %2").arg(label->text(), endpoint));
    problems.removeAll(QString());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestWindowLayout::stepWordsAreInView_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char *language : {"en", "fr"})
        QTest::addRow("%s at 1280x720", language)
            << QString::fromLatin1(language) << QSize(1280, 720);
}

// At 1280×720 the step's words are what the pane shows: the heading of the step in view, the
// line a lesson button adds scrolled to (it was appended below the fold), and what Check says
// whole on screen ("Pick one of the choices first." was cut in half at the pane's bottom edge).
void TestWindowLayout::stepWordsAreInView()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QTemporaryDir lessons;
    QFile file(lessons.filePath(QStringLiteral("92-room.%1.json").arg(language)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({"format": 1, "id": "92-room", "language": "%1", "title": "Room",
        "goals": ["Read."], "intro": "An intro.", "summary": "Done.",
        "steps": [{"id": "digest", "title": "A step whose title is rather long, as French ones are",
                   "text": ["One.", "", "Two.", "", "Three.", "", "Four.", "", "Five.", "", "Six."],
                   "optional": true, "action": {"type": "apop-digest"}, "check": {"type": "command", "command": "APOP"}}],
        "quiz": [{"id": "q1", "title": "Pick", "question": {"prompt": "Which one counts?",
                     "choices": ["STAT", "QUIT"], "answer": {"type": "choice", "correct": 1}}}]
    })")
                   .arg(language)
                   .toUtf8());
    file.close();
    qputenv("POP3LAB_LESSONS_DIR", QFile::encodeName(lessons.path()));
    openWindow(language, size);
    qunsetenv("POP3LAB_LESSONS_DIR");
    LessonPane *pane = m_window->lessonPane();
    QVERIFY(pane->startLesson(QStringLiteral("92-room"), true));
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(!pane->visibleRegion().isEmpty());
    auto *stepView = pane->findChild<QTextBrowser *>(QStringLiteral("stepView"));
    auto *action = pane->findChild<QAbstractButton *>(QStringLiteral("actionButton"));
    QVERIFY(stepView && action);
    QApplication::processEvents();
    // The heading (the first block) whole in the step's view.
    const QRect heading = stepView->document()
                              ->documentLayout()
                              ->blockBoundingRect(stepView->document()->firstBlock())
                              .toRect();
    QVERIFY2(heading.bottom() <= stepView->viewport()->height(),
        qPrintable(QStringLiteral("heading %1 px high, view %2 px")
                       .arg(heading.height())
                       .arg(stepView->viewport()->height())));
    action->click();
    QApplication::processEvents();
    QTextCursor end(stepView->document());
    end.movePosition(QTextCursor::End);
    QTRY_VERIFY2(stepView->viewport()->rect().contains(stepView->cursorRect(end)),
        qPrintable(QStringLiteral("the added line is at %1 in a %2 px view")
                       .arg(stepView->cursorRect(end).y())
                       .arg(stepView->viewport()->height())));

    QVERIFY(pane->runner()->skip());
    auto *check = pane->findChild<QAbstractButton *>(QStringLiteral("checkButton"));
    auto *result = pane->findChild<QLabel *>(QStringLiteral("answerResult"));
    QVERIFY(check && result);
    QTRY_VERIFY(check->isVisible());
    check->click();
    QTRY_VERIFY2(clipped(result).isEmpty(), qPrintable(clipped(result)));
    QVERIFY(!result->text().isEmpty());
}

// In French the personality shown is named in French ("Personnalité : RFC 1939 examples" was
// seen), and the file dialog's Type column says "Dossier": Qt 6.4's own French lacks that word.
void TestWindowLayout::frenchHasNoEnglishLeft()
{
    openWindow(QStringLiteral("fr"), QSize(1280, 720));
    m_window->setPersonality(QStringLiteral("rfc1939"));
    QString shown;
    for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("Personnalité")))
            shown = label->text();
    }
    QCOMPARE(shown, QStringLiteral("Personnalité : exemples de la RFC 1939"));
    m_window->setPersonality(QStringLiteral("base"));
    for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("Personnalité")))
            shown = label->text();
    }
    QVERIFY2(!shown.contains(QStringLiteral("wording")), qPrintable(shown));
    QCOMPARE(
        QAbstractFileIconProvider().type(QFileInfo(m_lab->dir.path())), QStringLiteral("Dossier"));
}

void TestWindowLayout::stepTextHasTheRoom_data()
{
    stepWordsAreInView_data();
}

// At 1280×720 the pane is about 300 px high: the step's words get most of it (they had 68 px,
// three lines and a half, under a checklist of four rows), on a step and on a question.
void TestWindowLayout::stepTextHasTheRoom()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    constexpr int wanted = 8; // lines of the step's words in view
    QTemporaryDir lessons;
    QFile file(lessons.filePath(QStringLiteral("94-room.%1.json").arg(language)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({"format": 1, "id": "94-room", "language": "%1", "title": "Room",
        "goals": ["Read."], "intro": "An intro.", "summary": "Done.",
        "steps": [{"id": "step", "title": "Step", "text": "Words.", "hints": ["A hint."],
                   "optional": true, "check": {"type": "command", "command": "STAT"}}],
        "quiz": [{"id": "q1", "title": "Pick", "question": {"prompt": "Which one counts?",
                     "choices": ["STAT", "QUIT"], "answer": {"type": "choice", "correct": 1}}}]
    })")
                   .arg(language)
                   .toUtf8());
    file.close();
    qputenv("POP3LAB_LESSONS_DIR", QFile::encodeName(lessons.path()));
    openWindow(language, size);
    qunsetenv("POP3LAB_LESSONS_DIR");
    LessonPane *pane = m_window->lessonPane();
    QVERIFY(pane->startLesson(QStringLiteral("94-room"), true));
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(!pane->visibleRegion().isEmpty());
    auto *stepView = pane->findChild<QTextBrowser *>(QStringLiteral("stepView"));
    QVERIFY(stepView);
    const int line = stepView->fontMetrics().lineSpacing();
    const auto room = [&](const char *where) {
        QApplication::processEvents();
        const int shown = stepView->viewport()->visibleRegion().boundingRect().height();
        return shown >= wanted * line
            ? QString()
            : QStringLiteral("%1: the step's words get %2 px, %3 lines of %4 px (%5 wanted)")
                  .arg(QLatin1String(where))
                  .arg(shown)
                  .arg(shown / line)
                  .arg(line)
                  .arg(wanted);
    };
    QString problem = room("a step");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(pane->runner()->skip());
    problem = room("a question");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// Export for hand-in opens Qt's own file dialog (no desktop offers one here): in French its last
// column's header read "Dernière modifica", cut by the dialog's edge.
void TestWindowLayout::exportDialogColumnsAreWhole()
{
    openWindow(QStringLiteral("fr"), QSize(1280, 720));
    LessonPane *pane = m_window->lessonPane();
    QVERIFY(pane->startLesson(QStringLiteral("01-connect-and-login"), true));
    auto *exportButton = pane->findChild<QAbstractButton *>(QStringLiteral("exportButton"));
    QVERIFY(exportButton);
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(exportButton->isVisible() && exportButton->isEnabled());
    QString problem = QStringLiteral("no file dialog");
    int looks = 0;
    // Looks at the dialog each time its event loop turns, until its columns are whole (or for
    // 200 turns), then closes it.
    std::function<void()> look = [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        auto *view = dialog ? dialog->findChild<QTreeView *>(QStringLiteral("treeView")) : nullptr;
        if (view && dialog->isVisible()) {
            QHeaderView *header = view->header();
            const QFontMetrics metrics = header->fontMetrics();
            const int margin =
                header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
            problem.clear();
            for (int i = 0; i < header->count() && problem.isEmpty(); ++i) {
                const QString text = view->model()->headerData(i, Qt::Horizontal).toString();
                const int needed = metrics.horizontalAdvance(text) + 2 * margin;
                const int shown = qMin(header->sectionSize(i),
                    view->viewport()->width() - header->sectionViewportPosition(i));
                if (shown < needed)
                    problem =
                        QStringLiteral("the column \"%1\" shows %2 of the %3 px its header needs")
                            .arg(text)
                            .arg(shown)
                            .arg(needed);
            }
        }
        if ((view && problem.isEmpty()) || ++looks > 200) {
            if (dialog)
                dialog->reject();
            return;
        }
        QTimer::singleShot(5, this, look);
    };
    QTimer::singleShot(0, this, look);
    exportButton->click();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
