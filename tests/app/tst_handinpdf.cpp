// The hand-in's pages as a teacher reads them (pdftotext, poppler-utils): no heading left alone
// at the foot of a page, no wrapped line split between two pages, a shortened transcript that
// says so, a dropped connection's note whole, and the maildrop's lifeline never through a
// server note's text.

#include "app/diagram/sequencepainter.h"
#include "app/lessons/lessonexport.h"
#include "app/lessons/lessonpane.h"
#include "app/pdfpages.h"
#include "app/translations.h"
#include "diagram/sequencemodel.h"
#include "events/eventlog.h"
#include "lab/lab.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"

#include <QImage>
#include <QJsonObject>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;

class TestHandInPdf final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void headingNeverEndsAPage();
    void headingStaysWithWhatItHeads();
    void tableRowIsNeverSplit();
    void wrappedLineStaysOnOnePage();
    void shortenedTranscriptSaysSo_data();
    void shortenedTranscriptSaysSo();
    void droppedConnectionNoteIsWhole();
    void serverNoteTextIsNotCrossed();

private:
    // The PDF of html as PdfPages lays it out (A4 portrait, 10 pt), one string per page.
    QStringList pagesOf(const QString &html);
    QStringList pdfText(const QString &path);

    void type(const QByteArray &line)
    {
        Pop3Session::Reply reply = m_session->handleLine(line + "\r\n", ++m_now);
        reply.drain();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Lab> m_lab;
    Personality m_personality;
    std::unique_ptr<Pop3Session> m_session;
    qint64 m_now = 1'700'000'000'000;
};

void TestHandInPdf::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_lab = std::make_unique<Lab>();
    Lab::Config config;
    config.workspace = m_dir.filePath(QStringLiteral("workspace"));
    config.reset = true;
    config.listen.port = 0;
    config.progressFolder = m_dir.filePath(QStringLiteral("progress"));
    QVERIFY(m_lab->start(config).ok);
    m_personality = *Personality::load(Personality::defaultId());
    m_session = std::make_unique<Pop3Session>(m_lab->log(),
        m_lab->store(),
        &m_personality,
        m_lab->log()->newSessionId(),
        Pop3Session::Peer{QStringLiteral("127.0.0.1:5000"),
            QStringLiteral("127.0.0.1:1110"),
            QStringLiteral("127.0.0.1")});
}

void TestHandInPdf::cleanup()
{
    m_session.reset();
    m_lab.reset();
}

QStringList TestHandInPdf::pdfText(const QString &path)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return {};
    QProcess process;
    process.start(pdftotext, {path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    QStringList pages = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

QStringList TestHandInPdf::pagesOf(const QString &html)
{
    const QString path = m_dir.filePath(QStringLiteral("pages.pdf"));
    {
        QPdfWriter pdf(path);
        pdf.setResolution(144);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
            QPageLayout::Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout::Millimeter));
        QPainter painter(&pdf);
        PdfPages::paintHtml(&pdf, &painter, html, 10);
    }
    return pdfText(path);
}

// Sections of one to five paragraphs: over a dozen pages some heading falls at a page's foot.
void TestHandInPdf::headingNeverEndsAPage()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QString html;
    for (int k = 1; k <= 60; ++k) {
        html += QStringLiteral("<h2>Heading %1</h2>").arg(k);
        for (int i = 0; i <= (k * 7) % 5; ++i)
            html += QStringLiteral("<p>Paragraph %1.%2: some words that fill a line or two of "
                                   "this page, as a step's explanation does.</p>")
                        .arg(k)
                        .arg(i);
    }
    const QStringList pages = pagesOf(html);
    QVERIFY(pages.size() >= 5);
    // Everything painted, to the last paragraph (a moved heading once left the rest unlaid).
    QVERIFY(pages.last().contains(QStringLiteral("Paragraph 60.")));
    for (int i = 0; i < pages.size(); ++i) {
        QStringList lines = pages.at(i).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
            lines.removeLast();
        QVERIFY(!lines.isEmpty());
        QVERIFY2(!lines.last().startsWith(QLatin1String("Heading")),
            qPrintable(QStringLiteral("page %1 ends with \"%2\"").arg(i + 1).arg(lines.last())));
    }
}

// Lesson 2's hand-in: the "Transcript" heading alone on page 2, its two-line legend and the
// transcript on page 3 (the legend, cut at a page's foot, had been moved on its own first).
// Whatever fills the page before it, the heading starts the page its legend is on.
void TestHandInPdf::headingStaysWithWhatItHeads()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString mono =
        QStringLiteral("<p style=\"white-space: pre-wrap; font-family: 'DejaVu Sans "
                       "Mono', monospace; margin-top: 0; margin-bottom: 0\">%1</p>");
    for (int filler = 40; filler <= 80; ++filler) {
        QString html;
        for (int i = 0; i < filler; ++i)
            html += mono.arg(QStringLiteral("filler %1").arg(i));
        html += QStringLiteral("<h2>Transcript</h2><p>#n is the session; C: client, S: server; "
                               "passwords are hidden. The sequence diagram of this lesson's "
                               "sessions follows on landscape pages.</p>");
        for (int i = 0; i < 12; ++i)
            html += mono.arg(QStringLiteral("#2 C: list %1").arg(i));
        const QStringList pages = pagesOf(html);
        QVERIFY(!pages.isEmpty());
        for (int i = 0; i < pages.size(); ++i) {
            const QStringList lines = pages.at(i).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QVERIFY(!lines.isEmpty());
            QVERIFY2(lines.last().trimmed() != QLatin1String("Transcript"),
                qPrintable(QStringLiteral("%1 lines before: page %2 ends with the heading")
                               .arg(filler)
                               .arg(i + 1)));
            if (pages.at(i).contains(QLatin1String("Transcript")))
                QVERIFY2(pages.at(i).contains(QLatin1String("#n is the session")),
                    qPrintable(QStringLiteral("%1 lines before: the heading on page %2, its "
                                              "legend elsewhere")
                                   .arg(filler)
                                   .arg(i + 1)));
        }
    }
}

// French lesson 4's hand-in: row 16 of the steps table cut in two, its question on the next
// page in a row of empty cells. A row of the table is on one page, whole.
void TestHandInPdf::tableRowIsNeverSplit()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    // The table starts a line lower each time: some row meets the page's foot at every offset.
    for (int filler = 0; filler < 24; ++filler) {
        QString html;
        for (int i = 0; i < filler; ++i)
            html +=
                QStringLiteral("<p style=\"margin-top: 0; margin-bottom: 0\">goal %1</p>").arg(i);
        html += QStringLiteral("<h2>Steps and answers</h2><table border=\"1\" cellpadding=\"4\" "
                               "cellspacing=\"0\" width=\"100%\"><tr><th>#</th><th>Step</th>"
                               "<th>Done</th><th>Answer</th><th>Wrong tries</th></tr>");
        const int rows = 24;
        for (int r = 1; r <= rows; ++r) {
            QString prompt;
            for (int w = 0; w < 1 + (r * 7) % 5; ++w)
                prompt += QStringLiteral(" words of the question");
            html += QStringLiteral("<tr><td>%1</td><td>TOP%1Z<br/><i>%2 END%1Z</i></td><td>done"
                                   "</td><td>answer</td><td>0</td></tr>")
                        .arg(r)
                        .arg(prompt);
        }
        html += QStringLiteral("</table>");
        const QStringList pages = pagesOf(html);
        QVERIFY(pages.size() >= 2);
        for (int r = 1; r <= rows; ++r) {
            const QString top = QStringLiteral("TOP%1Z").arg(r);
            const QString end = QStringLiteral("END%1Z").arg(r);
            int topPage = -1;
            int endPage = -1;
            for (int i = 0; i < pages.size(); ++i) {
                if (pages.at(i).contains(top))
                    topPage = i;
                if (pages.at(i).contains(end))
                    endPage = i;
            }
            QVERIFY2(topPage >= 0 && topPage == endPage,
                qPrintable(QStringLiteral("%1 lines before: row %2 starts on page %3 and ends "
                                          "on page %4")
                               .arg(filler)
                               .arg(r)
                               .arg(topPage + 1)
                               .arg(endPage + 1)));
        }
    }
}

// A transcript whose lock paths wrap (a class's workspace deep in a folder): each line begins
// and ends on the same page, so no page starts with the end of a path.
void TestHandInPdf::wrappedLineStaysOnOnePage()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    m_session.reset();
    m_lab.reset();
    m_lab = std::make_unique<Lab>();
    Lab::Config config;
    config.workspace = m_dir.filePath(
        QStringLiteral("network_class_folder/second_year/pop3_lab_of_tuesday/workspace"));
    config.reset = true;
    config.listen.port = 0;
    config.progressFolder = m_dir.filePath(QStringLiteral("progress"));
    QVERIFY(m_lab->start(config).ok);
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress")), QStringLiteral("Ada"));
    pane.setLanguage(QStringLiteral("en"));
    QVERIFY(pane.startLesson(QStringLiteral("05-the-lock-file")));
    // Each session moves the page breaks by its thirteen lines: a few counts meet every offset.
    int wrapped = 0;
    for (int i = 0; i < 36; ++i) {
        m_session = std::make_unique<Pop3Session>(m_lab->log(),
            m_lab->store(),
            &m_personality,
            m_lab->log()->newSessionId(),
            Pop3Session::Peer{QStringLiteral("127.0.0.1:%1").arg(5000 + i),
                QStringLiteral("127.0.0.1:1110"),
                QStringLiteral("127.0.0.1")});
        m_session->start(++m_now);
        for (const char *line : {"user student", "pass hessovs!", "stat", "quit"})
            type(line);
        m_session->end(DisconnectReason::Quit, ++m_now);
        if (i < 30)
            continue;
        const QString path = m_dir.filePath(QStringLiteral("lesson5.pdf"));
        QString error;
        QVERIFY2(pane.exportHandIn(path, &error), qPrintable(error));
        const QStringList pages = pdfText(path);
        QVERIFY(pages.size() >= 4);
        for (int n = 0; n < pages.size(); ++n) {
            const QStringList lines = pages.at(n).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (int k = 0; k < lines.size(); ++k) {
                const QString line = lines.at(k).trimmed();
                const bool continuation = line.contains(QLatin1String("student.lock"))
                    && !line.startsWith(QLatin1Char('#')) && !line.startsWith(QLatin1String("--"))
                    && !line.startsWith(QLatin1String("lock"));
                wrapped += continuation;
                QVERIFY2(!(continuation && k == 0),
                    qPrintable(QStringLiteral("%1 sessions: page %2 starts with the end of a path")
                                   .arg(i + 1)
                                   .arg(n + 1)));
            }
        }
    }
    QVERIFY2(wrapped > 20, "the paths wrap");
}

void TestHandInPdf::shortenedTranscriptSaysSo_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("omitted");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("earlier lines omitted");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("lignes précédentes omises");
}

// A long lesson keeps only the last lines of its transcript: the hand-in says how many went.
void TestHandInPdf::shortenedTranscriptSaysSo()
{
    QFETCH(QString, language);
    QFETCH(QString, omitted);
    Translations translations;
    translations.install(QLocale(language));
    LessonPane pane(m_lab.get());
    pane.setProgressStore(
        m_dir.filePath(QStringLiteral("progress-") + language), QStringLiteral("Ada Lovelace"));
    pane.setLanguage(language);
    QVERIFY(pane.startLesson(QStringLiteral("02-count-and-size")));
    m_session->start(++m_now);
    type("user student");
    type("pass hessovs!");
    for (qsizetype i = 0; i < LessonProgress::transcriptLimit / 2 + 50; ++i)
        type("noop");
    const LessonProgress &progress = pane.runner()->progress();
    QCOMPARE(progress.transcript.size(), LessonProgress::transcriptLimit);
    const QString html = LessonExport::html(*pane.runner(), pane.learner());
    QVERIFY2(html.contains(omitted), qPrintable(html.left(3000)));
    // How many, kept with the progress: a hand-in exported after a restart says so too.
    const qint64 count =
        qint64(progress.toJson().value(QStringLiteral("transcriptOmitted")).toDouble());
    QVERIFY(count > 100);
    QVERIFY2(html.contains(QString::number(count)), qPrintable(html.left(3000)));
}

// Lesson 4's key fact, "connection dropped (client left without QUIT): no UPDATE, message 1
// kept", whole on the diagram page (wrapped, never cut).
void TestHandInPdf::droppedConnectionNoteIsWhole()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress")), QStringLiteral("Ada"));
    pane.setLanguage(QStringLiteral("en"));
    QVERIFY(pane.startLesson(QStringLiteral("04-delete-and-undo")));
    m_session->start(++m_now);
    for (const char *line : {"user student", "pass hessovs!", "dele 1", "stat"})
        type(line);
    m_session->end(DisconnectReason::PeerClosed, ++m_now);
    SequenceModel model;
    LessonExport::buildDiagram(*pane.runner(), {}, &model);
    QString note;
    for (qsizetype i = 0; i < model.rowCount(); ++i)
        if (model.row(i).kind == SequenceModel::RowKind::Disconnect)
            note = model.label(i);
    QVERIFY2(note.contains(QStringLiteral("no UPDATE")), qPrintable(note));

    const QString path = m_dir.filePath(QStringLiteral("lesson4.pdf"));
    QString error;
    QVERIFY2(pane.exportHandIn(path, &error), qPrintable(error));
    const QStringList pages = pdfText(path);
    QVERIFY(pages.size() >= 2);
    const QString diagram = pages.mid(1).join(QLatin1Char(' ')).simplified();
    QVERIFY2(diagram.contains(note), qPrintable(note + QStringLiteral("\n---\n") + diagram));
}

// "the server now answers as RFC 1939 examples" runs from the server's lifeline past the
// maildrop's: the maildrop's line must not be drawn through the words.
void TestHandInPdf::serverNoteTextIsNotCrossed()
{
    SequenceModel model;
    Event note = Event::makeNote(NoteKind::PersonalityChanged, QStringLiteral("rfc1939"));
    note.seq = 1;
    note.timeMs = m_now;
    model.append(note);
    QCOMPARE(model.visibleCount(), 1);
    const SequencePainter painter(model);
    const QString label = model.label(model.visibleRow(0));
    QVERIFY2(label.contains(QStringLiteral("RFC 1939")), qPrintable(label));
    QImage image(painter.size().toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        painter.paintAll(&p);
    }
    // The lifeline is a grey rule on the maildrop's x: where the note's words are, none of it.
    const int x = int(painter.maildropX());
    const qreal y = painter.arrowY(0);
    int grey = 0;
    for (int dy = -4; dy <= 4; ++dy) {
        const QColor c = image.pixelColor(x, int(y) + dy);
        if (c.red() == c.green() && c.green() == c.blue() && c.red() < 235 && c.red() > 120)
            ++grey;
    }
    QCOMPARE(grey, 0);
}

QTEST_MAIN(TestHandInPdf)
#include "tst_handinpdf.moc"
