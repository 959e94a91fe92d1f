// The overview's lesson step column and "Lab results" tab against a real classroom server in this
// process (Lab, ObserverServer, ClassLessons, AnswerServer as pop3lab-server runs them) over TCP on
// 127.0.0.1: three students (carol's mailbox differs) log in and hand in answers; the step column,
// the results table, anonymised names, and the CSV and PDF exports (the PDF's text read back with
// pdftotext).

#include "app/classroom/classoverview.h"
#include "app/classroom/classrollmodel.h"
#include "app/classroom/labresultsmodel.h"
#include "app/classroom/resultsexport.h"
#include "app/classroom/resultspane.h"
#include "lab/answerserver.h"
#include "lab/classlessons.h"
#include "lab/lab.h"
#include "lab/observerserver.h"
#include "lessons/lessonlibrary.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "support/classserver.h"
#include "support/pop3testclient.h"

#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pop3;
using pop3test::Client;

namespace {

const QByteArray carolFirst = "Subject: one\r\n\r\nhello\r\n"; // 23 octets

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

int rowOf(const QAbstractItemModel *model, const QString &user)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(LabResultsModel::UserNameRole).toString() == user)
            return row;
    }
    return -1;
}

} // namespace

class TestLabResults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void resultsTableAndExports();
    void aStudentsRowIsNeverCutAcrossPages();

private:
    QByteArray logIn(Client &c, const QByteArray &user, const QByteArray &password);

    std::unique_ptr<ClassServer> m_class;
    Lab *m_lab = nullptr;
    ObserverServer *m_observer = nullptr;
    ClassLessons *m_lessons = nullptr;
    AnswerServer *m_answers = nullptr;
};

void TestLabResults::init()
{
    m_class = std::make_unique<ClassServer>();
    const QString carol = m_class->path(QStringLiteral("carol"));
    QVERIFY(QDir().mkpath(carol));
    QVERIFY(pop3test::writeFile(carol + QStringLiteral("/1.eml"), carolFirst));
    QVERIFY(pop3test::writeFile(
        carol + QStringLiteral("/2.eml"), "Subject: two\r\n\r\nhello again\r\n"));
    QVERIFY(m_class->start(
        "alice passa sample:student\nbob passb sample:student\ncarol passc carol\n"));
    QVERIFY(m_class->startObserver());
    QVERIFY(m_class->startLessons());
    QVERIFY(m_class->startAnswers());
    m_lab = m_class->lab.get();
    m_observer = m_class->observer.get();
    m_lessons = m_class->lessons.get();
    m_answers = m_class->answers.get();
}

void TestLabResults::cleanup()
{
    m_class.reset();
}

QByteArray TestLabResults::logIn(Client &c, const QByteArray &user, const QByteArray &password)
{
    if (!c.open(m_answers->port()).startsWith("+OK")
        || !c.command("USER " + user).startsWith("+OK"))
        return {};
    return c.command("PASS " + password);
}

void TestLabResults::resultsTableAndExports()
{
    ClassOverview overview;
    overview.resize(1280, 720);
    overview.show();
    QSignalSpy joined(&overview, &ClassOverview::joined);
    overview.connectTo(QStringLiteral("127.0.0.1"), m_observer->port(), m_observer->token());
    QVERIFY(joined.wait(5000));
    const QSortFilterProxyModel *roll = overview.proxy();
    QTRY_COMPARE(
        cell(roll, 0, ClassRollModel::LessonColumn), QStringLiteral("step 1 of 11: Log in"));

    // alice logs in and asks STAT: her row moves on to the first question; the others stay.
    Client pop;
    QVERIFY(pop.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(pop.login("alice", "passa"));
    QVERIFY(pop.command("STAT").startsWith("+OK 35 "));
    QTRY_COMPARE(cell(roll, 0, ClassRollModel::LessonColumn),
        QStringLiteral("step 3 of 11: How many mails?"));
    QCOMPARE(cell(roll, 1, ClassRollModel::LessonColumn), QStringLiteral("step 1 of 11: Log in"));

    // Answers from three students, each checked against their own mailbox.
    Client alice, bob, carol;
    QVERIFY(logIn(alice, "alice", "passa").startsWith("+OK"));
    QVERIFY(logIn(bob, "bob", "passb").startsWith("+OK"));
    QVERIFY(logIn(carol, "carol", "passc").startsWith("+OK"));
    QCOMPARE(alice.command("ANSWER count 35"), QByteArray("+OK right\r\n"));
    QCOMPARE(alice.command("ANSWER size-1 376"), QByteArray("+OK right\r\n"));
    QCOMPARE(bob.command("ANSWER count 36"), QByteArray("+OK wrong (try 1)\r\n"));
    QCOMPARE(carol.command("ANSWER count 2"), QByteArray("+OK right\r\n"));
    QCOMPARE(carol.command("ANSWER size-1 376"), QByteArray("+OK wrong (try 1)\r\n"));

    // The tab and its table: a column per question, the latest answer in each cell.
    overview.tabs()->setCurrentWidget(overview.resultsPane());
    const QAbstractItemModel *results = overview.resultsPane()->proxy();
    LabResultsModel *model = overview.resultsModel();
    QCOMPARE(results->columnCount(), int(m_lessons->questions().size()) + 2);
    QCOMPARE(results->headerData(1, Qt::Horizontal).toString(), QStringLiteral("How many mails?"));
    QCOMPARE(
        results->headerData(3, Qt::Horizontal).toString(), QStringLiteral("How long is mail 1?"));
    QTRY_COMPARE(
        cell(results, rowOf(results, QStringLiteral("carol")), 3), QStringLiteral("✗ 376"));
    const int a = rowOf(results, QStringLiteral("alice"));
    const int b = rowOf(results, QStringLiteral("bob"));
    const int c = rowOf(results, QStringLiteral("carol"));
    QCOMPARE(cell(results, a, 1), QStringLiteral("✓ 35"));
    QCOMPARE(cell(results, a, 3), QStringLiteral("✓ 376"));
    QCOMPARE(cell(results, b, 1), QStringLiteral("✗ 36"));
    QCOMPARE(cell(results, b, 3), QString());
    QCOMPARE(cell(results, c, 1), QStringLiteral("✓ 2"));
    QCOMPARE(cell(results, a, model->scoreColumn()), QStringLiteral("2 of 7"));
    QCOMPARE(cell(results, c, model->scoreColumn()), QStringLiteral("1 of 7"));
    QVERIFY(
        results->index(c, 3)
            .data(Qt::ToolTipRole)
            .toString()
            .contains(
                QStringLiteral("Expected for this student's mailbox: %1").arg(carolFirst.size())));
    // Sorted by the score: alice first, bob last.
    overview.resultsPane()->table()->sortByColumn(model->scoreColumn(), Qt::DescendingOrder);
    QCOMPARE(results->index(0, 0).data(LabResultsModel::UserNameRole).toString(),
        QStringLiteral("alice"));
    QCOMPARE(
        results->index(2, 0).data(LabResultsModel::UserNameRole).toString(), QStringLiteral("bob"));

    // The filter box above both tabs filters this one too (it filtered the students' tab only):
    // a name, or the sign of a wrong answer.
    auto *filter = overview.findChild<QLineEdit *>(QStringLiteral("classFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("bob"));
    QCOMPARE(results->rowCount(), 1);
    QCOMPARE(
        results->index(0, 0).data(LabResultsModel::UserNameRole).toString(), QStringLiteral("bob"));
    QCOMPARE(roll->rowCount(), 1);
    filter->setText(QStringLiteral("✗"));
    QCOMPARE(results->rowCount(), 2); // bob's count, carol's mail 1
    QCOMPARE(rowOf(results, QStringLiteral("alice")), -1);
    filter->setText(QStringLiteral("bob"));

    // The CSV: exactly the results, names as shown; the whole class, whatever the filter shows.
    auto *exportCsv = overview.findChild<QPushButton *>(QStringLiteral("exportCsv"));
    QVERIFY(exportCsv && exportCsv->isEnabled());
    const QString csvPath = m_class->path(QStringLiteral("results.csv"));
    QVERIFY(overview.resultsPane()->exportCsv(csvPath));
    const QByteArray csv = pop3test::readFile(csvPath);
    QVERIFY(csv.startsWith("\xEF\xBB\xBFstudent,count,count expected,count right,count tries,"));
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.size(), 5); // the header, three students, and the end
    QVERIFY(lines.at(1).startsWith("alice,35,35,yes,1,,,,,376,376,yes,1,"));
    QVERIFY(lines.at(1).endsWith(",2,7\r"));
    QVERIFY(lines.at(2).startsWith("bob,36,35,no,1,"));
    const QByteArray carolLine =
        "carol,2,2,yes,1,,,,,376," + QByteArray::number(carolFirst.size()) + ",no,1,";
    QVERIFY(lines.at(3).startsWith(carolLine));
    filter->clear();
    QCOMPARE(results->rowCount(), 3);

    // Anonymised: the table and the CSV both say Student 1, 2, 3.
    overview.findChild<QCheckBox *>(QStringLiteral("anonymiseNames"))->setChecked(true);
    QCOMPARE(cell(model, 0, 0), QStringLiteral("Student 1"));
    QVERIFY(overview.resultsPane()->exportCsv(csvPath));
    const QByteArray anonymous = pop3test::readFile(csvPath);
    QVERIFY(!anonymous.contains("alice") && !anonymous.contains("carol"));
    QVERIFY(anonymous.contains("\r\nStudent 3,2,2,yes,1,"));
    overview.findChild<QCheckBox *>(QStringLiteral("anonymiseNames"))->setChecked(false);

    // The PDF: written, and its text says who answered what.
    const QString pdfPath = m_class->path(QStringLiteral("results.pdf"));
    QVERIFY(overview.resultsPane()->exportPdf(pdfPath));
    QVERIFY(pop3test::readFile(pdfPath).startsWith("%PDF"));
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QProcess p;
    p.start(pdftotext, {QStringLiteral("-layout"), pdfPath, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("Lab results: How many mails, and how long")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("alice")) && text.contains(QStringLiteral("carol")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("36 (expected 35)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("376 (expected %1)").arg(carolFirst.size())),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2 of 7")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("How many mails are in the mailbox?")), qPrintable(text));
    // The server it names is the one the students used (POP3), not the teacher's observer port
    // (a tester's results PDF said "Server 127.0.0.1:1109", the observer's).
    const QString pop3 = QStringLiteral("Server 127.0.0.1:%1,").arg(m_lab->server()->port());
    QVERIFY2(text.contains(pop3), qPrintable(pop3 + QLatin1Char('\n') + text));
    QVERIFY2(!text.contains(QStringLiteral(":%1").arg(m_observer->port())), qPrintable(text));
}

// A class of 60 fills several pages: each student's row is whole on one page (Qt's rich text
// broke a row between two pages, its "tries" line at the top of the next, seen in the PDF of a
// class of 60 tried as a teacher).
void TestLabResults::aStudentsRowIsNeverCutAcrossPages()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    LabResultsModel model;
    // Lesson 2's seven questions, two answered, as in the class tried as a teacher.
    QList<LabQuestion> questions;
    const QStringList titles{QStringLiteral("How many mails?"),
        QStringLiteral("How big altogether?"),
        QStringLiteral("How long is mail 1?"),
        QStringLiteral("The second number"),
        QStringLiteral("The final dot"),
        QStringLiteral("Octets on the wire"),
        QStringLiteral("The short answer")};
    for (int q = 0; q < titles.size(); ++q)
        questions.append({QStringLiteral("q%1").arg(q), titles.at(q), {}, {}});
    model.setQuestions(questions);
    QStringList users;
    for (int i = 1; i <= 60; ++i)
        users << QStringLiteral("student%1").arg(i, 2, 10, QLatin1Char('0'));
    model.setStudents(users);
    for (int i = 0; i < users.size(); ++i) {
        // some wrong: "(expected 23183)" makes those rows taller
        const bool wrongCount = i % 4 == 1;
        const bool wrongTotal = i % 3 == 0;
        model.apply({users.at(i),
            QStringLiteral("q0"),
            wrongCount ? QStringLiteral("34") : QStringLiteral("35"),
            QStringLiteral("35"),
            !wrongCount,
            1,
            0});
        model.apply({users.at(i),
            QStringLiteral("q1"),
            wrongTotal ? QStringLiteral("23218") : QStringLiteral("23183"),
            QStringLiteral("23183"),
            !wrongTotal,
            1,
            0});
    }
    const QString pdfPath = m_class->path(QStringLiteral("class.pdf"));
    QString error;
    QVERIFY2(ResultsExport::writePdf(
                 model, QStringLiteral("Lesson"), QStringLiteral("server"), pdfPath, &error),
        qPrintable(error));
    QProcess p;
    p.start(pdftotext, {QStringLiteral("-layout"), pdfPath, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    const QList<QByteArray> pages = p.readAllStandardOutput().split('\f');
    QVERIFY(pages.size() > 2);
    int rows = 0;
    for (int n = 0; n < pages.size(); ++n) {
        bool named = false; // a student's name seen on this page
        for (const QByteArray &line : pages.at(n).split('\n')) {
            if (line.trimmed().startsWith("student"))
                named = true, ++rows;
            QVERIFY2(named || !line.contains("tries:"),
                qPrintable(QStringLiteral("page %1 starts with the end of a row: %2")
                               .arg(n + 1)
                               .arg(QString::fromUtf8(line.simplified()))));
        }
    }
    QCOMPARE(rows, 60);
}

QTEST_MAIN(TestLabResults)
#include "tst_labresults.moc"
