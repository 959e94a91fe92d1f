// Lab: the composition root of the window and pop3lab-server, over real TCP on 127.0.0.1 port 0:
// what start() sets up, the errors it refuses with, the reset that first cuts the sessions holding
// the maildrop, the trace, and the learners' lesson runners.

#include "events/eventlog.h"
#include "events/tracewriter.h"
#include "lab/lab.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonprogress.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "support/pop3testclient.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using pop3::Lab;
using pop3test::Client;

namespace {

Lab::Config configIn(const QTemporaryDir &dir)
{
    Lab::Config config;
    config.workspace = dir.filePath(QStringLiteral("ws"));
    config.listen.port = 0;
    config.progressFolder = dir.filePath(QStringLiteral("progress"));
    return config;
}

} // namespace

class TestLab : public QObject
{
    Q_OBJECT

private slots:
    void startsWithTheSamplesOnPortZero();
    void servesOneMailboxAlone();
    void unknownPersonalityIsAnError();
    void busyPortIsAnError();
    void startsOnce();
    void resetCutsTheSessionHoldingTheMaildrop();
    void resetOfAnUnknownUserIsAnError();
    void setPersonalityForNewSessions();
    void traceIsWrittenOwnerOnly();
    void unwritableTraceIsAnError();
    void oneLessonRunnerPerLearner();
    void destroyedLabReleasesTheLocks();
};

void TestLab::startsWithTheSamplesOnPortZero()
{
    QTemporaryDir dir;
    Lab lab;
    QVERIFY(!lab.server());
    const pop3::Result r = lab.start(configIn(dir));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(lab.server() && lab.server()->isListening());
    QVERIFY(lab.server()->port() != 0);
    QCOMPARE(lab.server()->personality().id, QStringLiteral("dovecot"));
    QCOMPARE(lab.store()->users(), (QStringList{"student", "barakirs"}));
    QCOMPARE(lab.store()->workspace(), dir.filePath(QStringLiteral("ws")));
    QVERIFY(!lab.traceWriter());
    QVERIFY(lab.isBuiltinServer(QStringLiteral("localhost"), lab.server()->port()));
    QVERIFY(lab.isBuiltinServer(QStringLiteral("127.0.0.1"), lab.server()->port()));
    QVERIFY(!lab.isBuiltinServer(QStringLiteral("127.0.0.1"), lab.server()->port() + 1));
    QVERIFY(!lab.isBuiltinServer(QStringLiteral("192.0.2.1"), lab.server()->port()));

    Client c;
    QCOMPARE(c.open(lab.server()->port()), QByteArray("+OK Dovecot ready.\r\n"));
    QVERIFY(c.login("student", "hessovs!"));
    QCOMPARE(c.command("STAT"), QByteArray("+OK 35 23183\r\n"));
    QVERIFY(c.command("QUIT").startsWith("+OK"));
}

void TestLab::servesOneMailboxAlone()
{
    QTemporaryDir dir;
    const QString mailbox = dir.filePath(QStringLiteral("eml"));
    QDir().mkpath(mailbox);
    QVERIFY(pop3test::writeFile(mailbox + QStringLiteral("/a.eml"), "Subject: hi\n\nhello\n"));
    Lab::Config config = configIn(dir);
    config.mailbox = Lab::Mailbox{QStringLiteral("ana"), QStringLiteral("s3cret"), mailbox};
    config.samples = false;
    Lab lab;
    const pop3::Result r = lab.start(config);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(lab.store()->users(), QStringList{"ana"});
    Client c;
    QVERIFY(c.open(lab.server()->port()).startsWith("+OK"));
    QVERIFY(c.login("ana", "s3cret"));
    QCOMPARE(c.command("STAT").left(6), QByteArray("+OK 1 "));
}

void TestLab::unknownPersonalityIsAnError()
{
    QTemporaryDir dir;
    Lab::Config config = configIn(dir);
    config.personality = QStringLiteral("exchange");
    Lab lab;
    const pop3::Result r = lab.start(config);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("exchange")), qPrintable(r.error));
    QVERIFY(!lab.server());
    // Refused before any mailbox was copied into the workspace.
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("ws/mail"))));
}

void TestLab::busyPortIsAnError()
{
    QTemporaryDir dir;
    Lab first;
    QVERIFY(first.start(configIn(dir)).ok);
    Lab::Config config = configIn(dir);
    config.listen.port = first.server()->port();
    config.listen.tryNextPorts = false;
    Lab second;
    const pop3::Result r = second.start(config);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QString::number(config.listen.port)), qPrintable(r.error));
    QVERIFY(!second.server());
}

void TestLab::startsOnce()
{
    QTemporaryDir dir;
    Lab lab;
    QVERIFY(lab.start(configIn(dir)).ok);
    QVERIFY(!lab.start(configIn(dir)).ok);
    QCOMPARE(lab.store()->users().size(), 2);
}

void TestLab::resetCutsTheSessionHoldingTheMaildrop()
{
    QTemporaryDir dir;
    Lab lab;
    QVERIFY(lab.start(configIn(dir)).ok);
    const quint16 port = lab.server()->port();
    {
        Client first; // the copy in the workspace loses a message
        QVERIFY(first.open(port).startsWith("+OK"));
        QVERIFY(first.login("student", "hessovs!"));
        QVERIFY(first.command("DELE 1").startsWith("+OK"));
        QVERIFY(first.command("QUIT").startsWith("+OK"));
        QVERIFY(first.waitClosed());
    }
    Client holder;
    QVERIFY(holder.open(port).startsWith("+OK"));
    QVERIFY(holder.login("student", "hessovs!"));
    QCOMPARE(holder.command("STAT"), QByteArray("+OK 34 22807\r\n"));
    QVERIFY(holder.command("DELE 2").startsWith("+OK"));
    Client other; // another maildrop: left alone
    QVERIFY(other.open(port).startsWith("+OK"));
    QVERIFY(other.login("barakirs", "blacksun"));
    QCOMPARE(lab.sessionsHolding(QStringLiteral("student")).size(), 1);
    QVERIFY(QFileInfo::exists(lab.store()->lockPath(QStringLiteral("student"))));

    const pop3::Result r = lab.resetMailbox(QStringLiteral("student"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(holder.waitClosed());
    QVERIFY(lab.sessionsHolding(QStringLiteral("student")).isEmpty());
    QVERIFY(!QFileInfo::exists(lab.store()->lockPath(QStringLiteral("student"))));
    QCOMPARE(other.command("NOOP"), QByteArray("+OK\r\n"));

    Client again; // the pristine sample, the holder's mark lost with its connection
    QVERIFY(again.open(port).startsWith("+OK"));
    QVERIFY(again.login("student", "hessovs!"));
    QCOMPARE(again.command("STAT"), QByteArray("+OK 35 23183\r\n"));
    QVERIFY(again.command("QUIT").startsWith("+OK"));
}

void TestLab::resetOfAnUnknownUserIsAnError()
{
    QTemporaryDir dir;
    Lab lab;
    QVERIFY(lab.start(configIn(dir)).ok);
    const pop3::Result r = lab.resetMailbox(QStringLiteral("nobody"));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("nobody")), qPrintable(r.error));
}

void TestLab::setPersonalityForNewSessions()
{
    QTemporaryDir dir;
    Lab lab;
    QVERIFY(lab.start(configIn(dir)).ok);
    const pop3::Result unknown = lab.setPersonality(QStringLiteral("exchange"));
    QVERIFY(!unknown.ok);
    QVERIFY2(unknown.error.contains(QStringLiteral("exchange")), qPrintable(unknown.error));
    QCOMPARE(lab.server()->personality().id, QStringLiteral("dovecot"));
    QVERIFY(lab.setPersonality(QStringLiteral("uw-ipop3d")).ok);
    Client c;
    QCOMPARE(
        c.open(lab.server()->port()), QByteArray("+OK POP3 [127.0.0.1] v7.60 server ready\r\n"));
}

void TestLab::traceIsWrittenOwnerOnly()
{
    QTemporaryDir dir;
    Lab::Config config = configIn(dir);
    config.trace = dir.filePath(QStringLiteral("trace.jsonl"));
    const mode_t previous = ::umask(0); // the 0600 is the lab's, not the umask's
    Lab lab;
    const pop3::Result r = lab.start(config);
    ::umask(previous);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(lab.traceWriter() && lab.traceWriter()->isOpen());
    {
        Client c;
        QVERIFY(c.open(lab.server()->port()).startsWith("+OK"));
        QVERIFY(c.login("student", "hessovs!"));
        QVERIFY(c.command("QUIT").startsWith("+OK"));
        QVERIFY(c.waitClosed());
    }
    QTRY_COMPARE(lab.server()->sessionCount(), 0);
    lab.shutdown();
    QVERIFY(!lab.traceWriter()->isOpen());

    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(config.trace).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    pop3::EventLog trace;
    QString error;
    QVERIFY2(trace.load(config.trace, &error), qPrintable(error));
    QCOMPARE(trace.size(), lab.log()->size());
    QCOMPARE(trace.at(0).kind, pop3::EventKind::Connected);
    QCOMPARE(trace.at(trace.size() - 1).kind, pop3::EventKind::Disconnected);
}

void TestLab::unwritableTraceIsAnError()
{
    QTemporaryDir dir;
    Lab::Config config = configIn(dir);
    config.trace = dir.filePath(QStringLiteral("no/such/folder/trace.jsonl"));
    Lab lab;
    const pop3::Result r = lab.start(config);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(config.trace), qPrintable(r.error));
    QVERIFY(!lab.server());
}

void TestLab::oneLessonRunnerPerLearner()
{
    QTemporaryDir dir;
    Lab lab;
    QVERIFY(lab.start(configIn(dir)).ok);
    pop3::LessonRunner *ana = lab.lessonRunner(QStringLiteral("ana"));
    QVERIFY(ana);
    QCOMPARE(lab.lessonRunner(QStringLiteral("ana")), ana);
    QVERIFY(lab.lessonRunner(QStringLiteral("ben")) != ana);
    QCOMPARE(lab.lessonProgress(QStringLiteral("ana"))->folder(),
        dir.filePath(QStringLiteral("progress")));
    QCOMPARE(lab.lessonProgress(QStringLiteral("ana"))->learner(), QStringLiteral("ana"));

    // The runner watches the lab's own log: a real connection ticks the first step.
    pop3::LessonLibrary library;
    library.load(pop3::LessonLibrary::defaultFolders());
    const std::optional<pop3::Lesson> lesson =
        library.lesson(QStringLiteral("01-connect-and-login"), QStringLiteral("en"));
    QVERIFY(lesson);
    ana->start(*lesson);
    QVERIFY(!ana->isDone(0));
    Client c;
    QVERIFY(c.open(lab.server()->port()).startsWith("+OK"));
    QTRY_VERIFY(ana->isDone(0));
    QVERIFY(QFileInfo::exists(lab.lessonProgress(QStringLiteral("ana"))->filePath()));

    // Another folder: every learner's progress goes there from now on.
    const QString elsewhere = dir.filePath(QStringLiteral("elsewhere"));
    lab.setProgressFolder(elsewhere);
    QCOMPARE(lab.lessonProgress(QStringLiteral("ana"))->folder(), elsewhere);
    QCOMPARE(lab.lessonProgress(QStringLiteral("ben"))->folder(), elsewhere);
    QCOMPARE(lab.lessonRunner(QStringLiteral("ana")), ana);
    QVERIFY(c.command("USER: student").startsWith("-ERR")); // the lesson's next step, saved
    QTRY_VERIFY(QFileInfo::exists(lab.lessonProgress(QStringLiteral("ana"))->filePath()));
}

void TestLab::destroyedLabReleasesTheLocks()
{
    QTemporaryDir dir;
    auto lab = std::make_unique<Lab>();
    QVERIFY(lab->start(configIn(dir)).ok);
    const QString lock = lab->store()->lockPath(QStringLiteral("student"));
    Client c;
    QVERIFY(c.open(lab->server()->port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    QVERIFY(c.command("DELE 1").startsWith("+OK"));
    QVERIFY(QFileInfo::exists(lock));
    lab.reset();
    QVERIFY(!QFileInfo::exists(lock));
    QCOMPARE(c.readUntilClosed(), QByteArray("-ERR [SYS/TEMP] Server shutting down.\r\n"));

    Lab again; // nothing was committed: the mark died with the session
    QVERIFY(again.start(configIn(dir)).ok);
    Client d;
    QVERIFY(d.open(again.server()->port()).startsWith("+OK"));
    QVERIFY(d.login("student", "hessovs!"));
    QCOMPARE(d.command("STAT"), QByteArray("+OK 35 23183\r\n"));
}

QTEST_GUILESS_MAIN(TestLab)
#include "tst_lab.moc"
