// The sequence diagram's model, driven by real Pop3Sessions over the sample mailboxes with a fixed
// clock. The golden dumps in tests/data/golden are the diagrams as text: regenerate them with
// POP3LAB_UPDATE_GOLDEN=1 and read the diff before committing.
#include "diagram/sequencemodel.h"
#include "events/eventlog.h"
#include "mail/maildroplock.h"
#include "mail/mailstore.h"
#include "protocol/clienttracker.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"
#include "support/labbench.h"

#include <QDateTime>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace pop3;
using Model = SequenceModel;

namespace {

using Bench = pop3test::LabBench;

qsizetype findRow(const Model &m, Model::RowKind kind, EventKind event, int from = 0)
{
    for (qsizetype i = from; i < m.rowCount(); ++i) {
        if (m.row(i).kind == kind && m.row(i).event == event)
            return i;
    }
    return -1;
}

qsizetype findCommand(
    const Model &m, Model::Command command, Model::RowKind kind = Model::RowKind::Command)
{
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        if (m.row(i).kind == kind && m.row(i).command == command)
            return i;
    }
    return -1;
}

void compareGolden(const QString &actual, const QString &name)
{
    const QString path = QStringLiteral(POP3LAB_SOURCE_DIR "/tests/data/golden/") + name;
    if (qEnvironmentVariableIsSet("POP3LAB_UPDATE_GOLDEN")) {
        QFile out(path);
        QVERIFY2(
            out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(out.errorString()));
        out.write(actual.toUtf8());
        return;
    }
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly),
        qPrintable(path + QStringLiteral(": ") + file.errorString()));
    const QStringList expected = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    const QStringList got = actual.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::min(expected.size(), got.size()); ++i)
        QCOMPARE(got.at(i), expected.at(i));
    QCOMPARE(got.size(), expected.size());
}

} // namespace

class TestSequenceModel : public QObject
{
    Q_OBJECT

private slots:
    void labSheetGolden();
    void tutorialGolden();
    void passReplyChangesTheBand();
    void quitExpungesAndRemovesTheLock();
    void droppedConnectionLosesTheMarks();
    void teachersFaultIsNoNetworkError_data();
    void teachersFaultIsNoNetworkError();
    void secondLoginIsRefusedInUse();
    void staleLockIsClearedAndTold();
    void lockOfAReusedPidIsClearedAndToldWhy();
    void staleLockScenarioEndsWithTheBandClosed();
    void rsetUnmarks();
    void unansweredLineIsMarked();
    void pipelinedLinesAreDrawnWhenTheyArrive();
    void truncatedBodyIsMarked();
    void rfcSections_data();
    void rfcSections();
    void sessionFilterKeepsOneLane();
    void collapseAuthorizationKeepsTheLock();
    void hideNoop();
    void lanesAreReused();
    void peerLabelNamesTheLane();
    void expandShowsTheBody();
    void layoutIsIncremental();
    void rowForSeq();
    void traceRoundTrip();
    void interleavedSessionsKeepTheirOwnState();
    void otherServerHasItsOwnLifeline();
    void refusedConnectionIsNotADrop();
    void sessionFilterHidesOtherSessionsNotes();
    void secretsHiddenOnRequest();
    void noteKindsHaveWords();
    void staleLockFoundAtStartIsDrawnInTheLockBand();
};

// Lesson 5: A logs in, B connects, A sends STAT. Each session keeps its own state: B's greeting
// does not put A back in AUTHORIZATION, A's STAT does not change B.
void TestSequenceModel::interleavedSessionsKeepTheirOwnState()
{
    Bench bench;
    Pop3Session &a = bench.open(5001);
    bench.type(a, "USER student");
    bench.type(a, "PASS hessovs!");
    bench.open(5002); // B: greeted, not logged in
    bench.type(a, "STAT");
    const Model m = bench.model();
    const int idA = m.sessions().at(0);
    const int idB = m.sessions().at(1);
    QVERIFY(m.laneOf(idA) != m.laneOf(idB));
    qsizetype greetingB = -1;
    qsizetype statReply = -1;
    qsizetype passReply = -1;
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        const Model::Row &r = m.row(i);
        if (r.session == idB && r.has(Model::Greeting))
            greetingB = i;
        if (r.session == idA && r.kind == Model::RowKind::Reply && r.command == Command::Stat)
            statReply = i;
        if (r.session == idA && r.kind == Model::RowKind::Reply && r.command == Command::Pass)
            passReply = i;
    }
    QVERIFY(greetingB > passReply && statReply > greetingB);
    // The transitions, each on the reply that caused it, each on its own session.
    QCOMPARE(m.row(passReply).stateBefore, State::Authorization);
    QCOMPARE(m.row(passReply).stateAfter, State::Transaction);
    QCOMPARE(m.row(greetingB).stateAfter, State::Authorization);
    // Both bands at once.
    QCOMPARE(m.stateAt(idA, greetingB), State::Transaction);
    QCOMPARE(m.stateAt(idB, greetingB), State::Authorization);
    QCOMPARE(m.stateAt(idA, statReply), State::Transaction);
    QCOMPARE(m.stateAt(idB, statReply), State::Authorization);
    QCOMPARE(m.row(statReply).stateBefore, State::Transaction);
    QCOMPARE(m.row(statReply).stateAfter, State::Transaction);
    QCOMPARE(m.stateAt(idB, passReply), State::Connecting); // B did not exist yet
}

void TestSequenceModel::otherServerHasItsOwnLifeline()
{
    EventLog log;
    Bench bench(&log);
    bench.labSheet(5003); // the built-in server
    ClientTracker tracker(&log);
    tracker.connected(QStringLiteral("127.0.0.1:40000"),
        QStringLiteral("192.0.2.7:110"),
        QStringLiteral("mail.example.org:110"));
    tracker.serverBytes("+OK ready\r\n");
    tracker.clientBytes("QUIT\r\n");
    tracker.serverBytes("+OK bye\r\n");
    tracker.disconnected(DisconnectReason::Quit);
    const Model m = bench.model();
    QCOMPARE(m.serverCount(), 2);
    const int builtin = m.sessions().at(0);
    const int other = tracker.session();
    QCOMPARE(m.serverOf(builtin), 0);
    QCOMPARE(m.serverOf(other), 1);
    QCOMPARE(m.serverName(1), QStringLiteral("mail.example.org:110"));
    QVERIFY(m.toText().contains(QLatin1String("other server mail.example.org:110")));
}

void TestSequenceModel::refusedConnectionIsNotADrop()
{
    EventLog log;
    ClientTracker refused(&log);
    refused.connectFailed(QStringLiteral("127.0.0.1:9"),
        DisconnectReason::Refused,
        QStringLiteral("Connection refused"));
    ClientTracker unknown(&log);
    unknown.connectFailed(QStringLiteral("no-such-host.invalid:110"),
        DisconnectReason::HostNotFound,
        QStringLiteral("Host not found"));
    Model m;
    for (qsizetype i = 0; i < log.size(); ++i)
        m.append(log.at(i));
    QCOMPARE(m.rowCount(), 2);
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        QVERIFY(m.row(i).session != 0); // never on the built-in server's line
        QCOMPARE(m.row(i).kind, Model::RowKind::Disconnect);
        QVERIFY2(!m.label(i).contains(QLatin1String("UPDATE")), qPrintable(m.label(i)));
        QVERIFY2(!m.caption(i).contains(QLatin1String("UPDATE")), qPrintable(m.caption(i)));
    }
    QCOMPARE(m.label(0), QStringLiteral("connection refused: 127.0.0.1:9"));
    QCOMPARE(m.label(1), QStringLiteral("host not found: no-such-host.invalid:110"));
    QCOMPARE(
        m.serverName(m.serverOf(m.row(1).session)), QStringLiteral("no-such-host.invalid:110"));
}

void TestSequenceModel::sessionFilterHidesOtherSessionsNotes()
{
    Bench bench;
    bench.labSheet(5004);
    bench.log.append(Event::makeNote(NoteKind::PersonalityChanged, QStringLiteral("uw-ipop3d")));
    bench.labSheet(5005);
    Model m = bench.model();
    const int first = m.sessions().at(0);
    const int second = m.sessions().at(1);
    m.setFilter({first, false, false});
    for (qsizetype v = 0; v < m.visibleCount(); ++v)
        QVERIFY(m.row(m.visibleRow(v)).session == first);
    m.setFilter({second, false, false});
    for (qsizetype v = 0; v < m.visibleCount(); ++v)
        QVERIFY(m.row(m.visibleRow(v)).session == second);
    m.setFilter({});
    QVERIFY(m.toText().contains(QLatin1String("UW ipop3d")));
}

void TestSequenceModel::secretsHiddenOnRequest()
{
    Bench bench;
    Pop3Session &s = bench.open(5006);
    bench.type(s, "USER student");
    bench.type(s, "PASS hessovs!");
    bench.type(s, "QUIT");
    Model m = bench.model();
    QVERIFY(m.toText().contains(QLatin1String("hessovs!"))); // the live diagram teaches the wire
    m.setHideSecrets(true);
    QVERIFY(!m.toText().contains(QLatin1String("hessovs!")));
    const qsizetype pass = findCommand(m, Command::Pass);
    QCOMPARE(m.label(pass), QStringLiteral("PASS ********"));
    QCOMPARE(m.label(findCommand(m, Command::User)), QStringLiteral("USER student"));
}

// Every note kind and every way a connection ends, in words: no trace id, no resource path.
// Issue 13: a stale lock found at the app's start was a MaildropWarning note ("the maildrop was
// read with a warning: …") and the lock band stayed empty. Now a typed note: its path and the
// dead pid in words, the lock band holding it until the login that clears it.
void TestSequenceModel::staleLockFoundAtStartIsDrawnInTheLockBand()
{
    const QString path = QStringLiteral("/ws/mail/student.lock");
    Model m;
    Event found = Event::makeNote(NoteKind::StaleLockFound, path);
    found.user = QStringLiteral("student");
    found.number = 4194305;
    QVERIFY(m.append(found));
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.row(0).kind, Model::RowKind::ServerNote);
    QCOMPARE(m.row(0).locksAfter, 1);
    const QString label = m.label(0);
    QVERIFY2(label.contains(QLatin1String("stale lock found at start")) && label.contains(path)
            && label.contains(QLatin1String("4194305")),
        qPrintable(label));
    const QString why = m.caption(0);
    QVERIFY2(why.contains(QLatin1String("no longer runs")) && why.contains(QLatin1String("stale"))
            && why.contains(QLatin1String("student")),
        qPrintable(why));
    Event cleared;
    cleared.kind = EventKind::StaleLockCleared;
    cleared.session = 1;
    cleared.state = State::Authorization;
    cleared.text = path;
    cleared.user = QStringLiteral("student");
    m.append(cleared);
    QCOMPARE(m.row(m.rowCount() - 1).locksAfter, 0);
    // After Faults › Kill the Server the words name the killed server, not a gone pid.
    Model killed;
    Event crash = Event::makeNote(NoteKind::FaultServerCrashed, path);
    crash.number = 1;
    killed.append(crash);
    killed.append(found);
    const QString restart = killed.label(killed.rowCount() - 1);
    QVERIFY2(restart.contains(QLatin1String("killed server")), qPrintable(restart));
    QVERIFY(killed.caption(killed.rowCount() - 1).contains(QLatin1String("Faults menu")));
}

void TestSequenceModel::noteKindsHaveWords()
{
    EventLog log;
    QStringList ids;
    QList<Event> notes;
    for (int k = int(NoteKind::Other); k <= int(NoteKind::MessageDelivered); ++k) {
        const NoteKind kind = NoteKind(k);
        ids << noteKindName(kind);
        QString detail = QStringLiteral("something happened");
        if (kind == NoteKind::MailboxReset)
            detail = QStringLiteral("student: fresh copy of :/mailbox/student (14 messages)");
        if (kind == NoteKind::PersonalityChanged)
            detail = QStringLiteral("uw-ipop3d");
        if (kind == NoteKind::StaleLockPlanted)
            detail = QStringLiteral("/tmp/ws/mail/student.lock");
        if (kind == NoteKind::SessionLabel || kind == NoteKind::RemoteServer)
            continue; // no row: they name a lane or a lifeline
        log.append(Event::makeNote(kind, detail));
    }
    for (DisconnectReason reason : {DisconnectReason::PeerClosed,
             DisconnectReason::IdleTimeout,
             DisconnectReason::TooManyErrors,
             DisconnectReason::ServerShutdown}) {
        ids << disconnectReasonName(reason);
        Event c;
        c.kind = EventKind::Connected;
        c.session = log.newSessionId();
        c.text = QStringLiteral("127.0.0.1:5100");
        log.append(c);
        Event d;
        d.kind = EventKind::Disconnected;
        d.session = c.session;
        d.text = disconnectReasonName(reason);
        log.append(d);
    }
    ids << QStringLiteral(":/") << QStringLiteral("uw-ipop3d") << QStringLiteral("note");
    Model m;
    for (qsizetype i = 0; i < log.size(); ++i)
        m.append(log.at(i));
    QVERIFY(m.rowCount() >= 12);
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        for (const QString &id : ids) {
            if (id == QLatin1String("note") || id.isEmpty())
                continue;
            QVERIFY2(
                !m.label(i).contains(id), qPrintable(m.label(i) + QStringLiteral(" has ") + id));
            QVERIFY2(!m.caption(i).contains(id),
                qPrintable(m.caption(i) + QStringLiteral(" has ") + id));
        }
    }
    const QString text = m.toText();
    for (const QString &id : ids) {
        if (id.contains(QLatin1Char('-')) || id == QLatin1String(":/"))
            QVERIFY2(!text.contains(id), qPrintable(id));
    }
}

void TestSequenceModel::labSheetGolden()
{
    Bench bench;
    bench.labSheet(53412);
    compareGolden(bench.text(bench.model()), QStringLiteral("lab-sheet.txt"));
}

void TestSequenceModel::tutorialGolden()
{
    Bench bench(QStringLiteral("uw-ipop3d"));
    Pop3Session &s = bench.open(1037);
    for (const char *line : {"user barakirs", "pass blacksun", "list", "retr 1", "dele 1", "quit"})
        bench.type(s, line);
    compareGolden(bench.text(bench.model()), QStringLiteral("tutorial-2000.txt"));
}

void TestSequenceModel::passReplyChangesTheBand()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    bench.type(s, "USER student");
    bench.type(s, "PASS hessovs!");
    const Model m = bench.model();
    const qsizetype greeting = 1;
    QVERIFY(m.row(greeting).has(Model::Greeting));
    QCOMPARE(m.row(greeting).stateAfter, State::Authorization);
    const qsizetype passReply = findCommand(m, Model::Command::Pass, Model::RowKind::Reply);
    QVERIFY(passReply > 0);
    QCOMPARE(m.row(passReply).stateBefore, State::Authorization);
    QCOMPARE(m.row(passReply).stateAfter, State::Transaction);
    // The USER reply did not change anything.
    const qsizetype userReply = findCommand(m, Model::Command::User, Model::RowKind::Reply);
    QCOMPARE(m.row(userReply).stateAfter, State::Authorization);
    QVERIFY(
        m.caption(passReply).contains(QLatin1String("locks the maildrop and enters TRANSACTION")));
    // The lock appears before the +OK that announces it.
    const qsizetype lock = findRow(m, Model::RowKind::MaildropNote, EventKind::LockCreated);
    QVERIFY(lock > 0 && lock < passReply);
    QCOMPARE(m.row(lock).text, bench.lockPath(QStringLiteral("student")));
    QCOMPARE(m.row(lock).locksAfter, 1);
}

void TestSequenceModel::quitExpungesAndRemovesTheLock()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    for (const char *line : {"USER student", "PASS hessovs!", "DELE 1", "QUIT"})
        bench.type(s, line);
    const Model m = bench.model();
    const qsizetype quit = findCommand(m, Model::Command::Quit);
    QCOMPARE(m.row(quit).stateAfter, State::Update);
    const qsizetype expunged = findRow(m, Model::RowKind::MaildropNote, EventKind::Expunged);
    QVERIFY(expunged > quit);
    QCOMPARE(m.row(expunged).extra, QStringLiteral("1"));
    const qsizetype removed = findRow(m, Model::RowKind::MaildropNote, EventKind::LockRemoved);
    QVERIFY(removed > expunged);
    QVERIFY(!m.row(removed).has(Model::Dropped));
    QCOMPARE(m.row(removed).locksAfter, 0);
    const qsizetype bye = findRow(m, Model::RowKind::Disconnect, EventKind::Disconnected);
    QVERIFY(!m.row(bye).has(Model::Dropped));
    QVERIFY(!m.row(bye).has(Model::MarksLost));
    QCOMPARE(m.row(bye).stateAfter, State::Closed);
}

void TestSequenceModel::droppedConnectionLosesTheMarks()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    for (const char *line : {"USER student", "PASS hessovs!", "DELE 1"})
        bench.type(s, line);
    bench.drop(s);
    const Model m = bench.model();
    QCOMPARE(findRow(m, Model::RowKind::MaildropNote, EventKind::Expunged), -1);
    const qsizetype removed = findRow(m, Model::RowKind::MaildropNote, EventKind::LockRemoved);
    QVERIFY(m.row(removed).has(Model::Dropped));
    QVERIFY(m.row(removed).has(Model::MarksLost));
    QCOMPARE(m.row(removed).extra, QStringLiteral("1"));
    QVERIFY(m.label(removed).contains(QLatin1String("NOT deleted")));
    QVERIFY2(m.caption(removed).contains(QLatin1String("message 1, marked deleted, stays")),
        qPrintable(m.caption(removed)));
    const qsizetype bye = findRow(m, Model::RowKind::Disconnect, EventKind::Disconnected);
    QVERIFY(m.row(bye).has(Model::Dropped));
    QCOMPARE(m.row(bye).detail, QStringLiteral("the terminal window was closed"));
    QVERIFY(m.caption(bye).contains(QLatin1String("never enters UPDATE")));
    QVERIFY2(m.caption(bye).contains(QLatin1String("Message 1 stays in the maildrop.")),
        qPrintable(m.caption(bye))); // was "Message 1 stay
    QVERIFY(
        bench.text(m).contains(QLatin1String("{dropped; marks lost: 1; TRANSACTION -> CLOSED}")));
}

void TestSequenceModel::teachersFaultIsNoNetworkError_data()
{
    QTest::addColumn<bool>("kill"); // Kill the Server, else Drop This Connection Now
    QTest::addColumn<QString>("labelWords");
    QTest::addColumn<QString>("captionWords");
    QTest::newRow("Drop This Connection Now is the teacher's cut")
        << false << QStringLiteral("connection dropped (by the teacher)")
        << QStringLiteral("The teacher dropped this connection");
    QTest::newRow("Kill the Server is the teacher's kill")
        << true << QStringLiteral("server killed by the teacher")
        << QStringLiteral("The teacher killed the server");
}

// In class, Faults › Drop This Connection Now and Faults › Kill the Server were drawn as
// "connection dropped (network error): no UPDATE, message 1 kept", captioned "The connection
// failed…", while the terminal and the note just above said the teacher did it.
void TestSequenceModel::teachersFaultIsNoNetworkError()
{
    QFETCH(bool, kill);
    QFETCH(QString, labelWords);
    QFETCH(QString, captionWords);
    Bench bench;
    Pop3Session &s = bench.open(5000);
    Pop3Session &bystander = bench.open(5001); // another open session, on the same server
    for (const char *line : {"USER student", "PASS hessovs!", "DELE 1"})
        bench.type(s, line);
    // As Pop3Server::dropSession() and Lab::crashServer() tell it: the note, then the cut.
    if (kill) {
        bench.log.append(Event::makeNote(NoteKind::FaultServerCrashed, bench.lockPath("student")));
        s.abandonLock();
        s.end(DisconnectReason::Error,
            0,
            QStringLiteral("the server process died (fault injected): its lock was not released"));
        bystander.end(DisconnectReason::Error, 0, QStringLiteral("the server process died"));
    } else {
        Event note =
            Event::makeNote(NoteKind::FaultDropped, QStringLiteral("connection cut by the server"));
        note.session = s.id();
        bench.log.append(note);
        s.end(DisconnectReason::Error,
            0,
            QStringLiteral("connection dropped by the server (fault injected)"));
        bystander.end(DisconnectReason::Error, 0, QStringLiteral("a real socket error"));
    }
    const Model m = bench.model();
    const qsizetype bye = findRow(m, Model::RowKind::Disconnect, EventKind::Disconnected);
    QVERIFY(bye >= 0);
    QCOMPARE(m.row(bye).session, s.id());
    const QString label = m.label(bye);
    QVERIFY2(label.contains(labelWords), qPrintable(label));
    QVERIFY2(!label.contains(QLatin1String("network error")), qPrintable(label));
    QVERIFY2(label.contains(QLatin1String("message 1 kept")), qPrintable(label));
    const QString caption = m.caption(bye);
    QVERIFY2(caption.contains(captionWords), qPrintable(caption));
    QVERIFY2(!caption.contains(QLatin1String("The connection failed")), qPrintable(caption));
    // The other session: killed with the server, or (a drop is of one connection) a real error.
    const qsizetype other =
        findRow(m, Model::RowKind::Disconnect, EventKind::Disconnected, int(bye) + 1);
    QVERIFY(other > bye);
    QCOMPARE(m.label(other).contains(labelWords), kill);
    QCOMPARE(m.label(other).contains(QLatin1String("network error")), !kill);
}

void TestSequenceModel::secondLoginIsRefusedInUse()
{
    Bench bench;
    Pop3Session &first = bench.open(5000);
    bench.type(first, "USER student");
    bench.type(first, "PASS hessovs!");
    Pop3Session &second = bench.open(5001);
    bench.type(second, "USER student");
    bench.type(second, "PASS hessovs!");
    const Model m = bench.model();
    const qsizetype refused = findRow(m, Model::RowKind::MaildropNote, EventKind::LockRefused);
    QVERIFY(refused > 0);
    QCOMPARE(m.row(refused).session, second.id());
    QVERIFY(m.row(refused).has(Model::Err));
    const qsizetype reply = refused + 1;
    QCOMPARE(m.row(reply).kind, Model::RowKind::Reply);
    QVERIFY(m.row(reply).has(Model::Err));
    QCOMPARE(m.row(reply).stateAfter, State::Authorization);
    QVERIFY(m.caption(reply).contains(QLatin1String("[IN-USE]")));
    // Dovecot closes the connection after [IN-USE] (the reference's dovecot-2.3-replies.md): the
    // caption said the session "stays in AUTHORIZATION".
    const qsizetype closed =
        findRow(m, Model::RowKind::Disconnect, EventKind::Disconnected, int(reply));
    QVERIFY(closed > reply);
    // Closed on purpose after [IN-USE]: said so, not "connection dropped (mailbox in use)".
    QVERIFY2(m.label(closed).contains(QLatin1String("[IN-USE]"))
            && !m.label(closed).contains(QLatin1String("dropped")),
        qPrintable(m.label(closed)));
    QVERIFY2(m.caption(reply).contains(QLatin1String("closes the connection")),
        qPrintable(m.caption(reply)));
    QVERIFY2(!m.caption(reply).contains(QLatin1String("stays in AUTHORIZATION")),
        qPrintable(m.caption(reply)));
    QVERIFY(m.rfcSection(reply).contains(QLatin1String("RFC 2449")));
    QCOMPARE(m.clientLaneCount(), 2);
    QCOMPARE(m.laneOf(second.id()), 1);
}

void TestSequenceModel::staleLockIsClearedAndTold()
{
    Bench bench;
    QVERIFY(MaildropLock::plantStale(
        bench.lockPath(QStringLiteral("student")), QStringLiteral("student")));
    Pop3Session &s = bench.open(5000);
    bench.type(s, "USER student");
    bench.type(s, "PASS hessovs!");
    const Model m = bench.model();
    const qsizetype stale = findRow(m, Model::RowKind::MaildropNote, EventKind::StaleLockCleared);
    QVERIFY(stale > 0);
    QVERIFY(findRow(m, Model::RowKind::MaildropNote, EventKind::LockCreated) > stale);
    QVERIFY(m.label(stale).startsWith(QLatin1String("stale lock found and cleared")));
    QVERIFY(!m.row(stale).detail.isEmpty());
}

// Issue 12, item 9: a lock naming a pid that is alive but is not its holder (the start time in
// the file is not that process's): the login gets in, and the note says why the lock was stale.
void TestSequenceModel::lockOfAReusedPidIsClearedAndToldWhy()
{
    Bench bench;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(::getppid()));
    QVERIFY(stat.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
    const QByteArray fields = stat.read(4096);
    const qint64 start = fields.mid(fields.lastIndexOf(')') + 2).split(' ').value(19).toLongLong();
    QVERIFY(start > 0);
    QFile boot(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    QVERIFY(boot.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
    const QByteArray content = "pop3lab maildrop lock\nuser: student\npid: "
        + QByteArray::number(::getppid()) + "\nsession: 3\npeer: 127.0.0.1:40000\nhost: "
        + QSysInfo::machineHostName().toUtf8() + "\nsince: 2026-09-02T17:05:00Z\nboot: "
        + boot.read(100).trimmed() + "\nstart: " + QByteArray::number(start + 7) + '\n';
    QFile lock(bench.lockPath(QStringLiteral("student")));
    QVERIFY(lock.open(QIODevice::WriteOnly) && lock.write(content) == content.size());
    lock.close();
    Pop3Session &s = bench.open(5000);
    bench.type(s, "USER student");
    bench.type(s, "PASS hessovs!");
    const Model m = bench.model();
    const qsizetype stale = findRow(m, Model::RowKind::MaildropNote, EventKind::StaleLockCleared);
    QVERIFY2(stale > 0, "the lock of a reused pid was not found stale");
    QVERIFY(findRow(m, Model::RowKind::MaildropNote, EventKind::LockCreated) > stale);
    QCOMPARE(s.state(), State::Transaction);
    const QString why = m.caption(stale);
    QVERIFY2(why.contains(QLatin1String("started at another time"))
            && why.contains(QLatin1String("pid was reused")),
        qPrintable(why));
}

// Issue 13: the lock band counted lock files up and down, and the stale lock of a killed server
// is never removed by its holder (the next login clears it): after that, the band stayed hatched
// to the end of the diagram, under "lock file removed".
void TestSequenceModel::staleLockScenarioEndsWithTheBandClosed()
{
    EventLog log;
    Model m;
    QObject::connect(&log, &EventLog::eventAppended, &log, [&m](const Event &e) {
        m.append(e);
    });
    QString error;
    QVERIFY2(log.load(QStringLiteral(POP3LAB_SOURCE_DIR "/resources/scenarios/stale-lock.jsonl"),
                 &error),
        qPrintable(error));
    const qsizetype stale = findRow(m, Model::RowKind::MaildropNote, EventKind::StaleLockCleared);
    QVERIFY(stale > 0);
    QCOMPARE(m.row(stale - 1).locksAfter, 1); // the dead server's file is there until then
    QCOMPARE(m.row(stale).locksAfter, 0);
    const qsizetype created =
        findRow(m, Model::RowKind::MaildropNote, EventKind::LockCreated, int(stale));
    QCOMPARE(m.row(created).locksAfter, 1);
    const qsizetype removed = findRow(m, Model::RowKind::MaildropNote, EventKind::LockRemoved);
    QVERIFY(removed > created);
    QCOMPARE(m.row(removed).locksAfter, 0);
    QCOMPARE(m.row(m.rowCount() - 1).locksAfter, 0);
}

void TestSequenceModel::rsetUnmarks()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    for (const char *line : {"USER student", "PASS hessovs!", "DELE 1", "DELE 2", "RSET", "QUIT"})
        bench.type(s, line);
    const Model m = bench.model();
    const qsizetype reset = findRow(m, Model::RowKind::MaildropNote, EventKind::MarksReset);
    QCOMPARE(m.row(reset).extra, QStringLiteral("1, 2"));
    QCOMPARE(findRow(m, Model::RowKind::MaildropNote, EventKind::Expunged), -1);
}

void TestSequenceModel::unansweredLineIsMarked()
{
    // As a ClientTracker sees a real server that hangs up: a line, then the connection is gone.
    Model m;
    Event e;
    e.session = 7;
    e.kind = EventKind::Connected;
    e.text = QStringLiteral("192.0.2.1:110");
    e.seq = 1;
    m.append(e);
    e.kind = EventKind::ClientLine;
    e.state = State::Transaction;
    e.bytes = "RETR 1\r\n";
    e.seq = 2;
    m.append(e);
    e.kind = EventKind::Disconnected;
    e.text = QStringLiteral("peer-closed");
    e.seq = 3;
    m.append(e);
    QVERIFY(m.row(1).has(Model::Unanswered));
    QVERIFY(m.toText().contains(QLatin1String("RETR 1  {no reply}")));
    QVERIFY(m.caption(1).contains(QLatin1String("never got a reply")));
}

// PASS, STAT and QUIT sent in one go (RFC 2449 pipelining), as Pop3Connection tells them: the line
// read first, the others queued before its reply leaves, each read in turn. The arrows come in the
// order of the wire (three commands, then three replies), each reply paired with its command, and
// a state change caused by a queued line is shown on the first row after it was read, not on its
// arrow far above.
void TestSequenceModel::pipelinedLinesAreDrawnWhenTheyArrive()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    bench.type(s, "USER student");
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    s.setLineWasQueued(false);
    bool told = false;
    s.setQueueProbe([&] {
        if (!told) { // what Pop3Connection does: the lines already read, told once
            told = true;
            QVERIFY(s.lineQueued("STAT\r\n", 6, t));
            QVERIFY(s.lineQueued("QUIT\r\n", 6, t));
        }
    });
    Pop3Session::Reply pass = s.handleLine("PASS hessovs!\r\n", t);
    QVERIFY(told);
    pass.drain();
    s.setLineWasQueued(true);
    Pop3Session::Reply stat = s.handleLine("STAT\r\n", t + 1);
    stat.drain();
    s.setLineWasQueued(true);
    Pop3Session::Reply quit = s.handleLine("QUIT\r\n", t + 2);
    QVERIFY(!s.lineQueued("NOOP\r\n", 6, t + 2)); // after QUIT nothing more is answered
    quit.drain();
    s.end(s.closeReason(), t + 3);

    const Model m = bench.model();
    QList<qsizetype> commands;
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        if (m.row(i).kind == Model::RowKind::Command)
            commands.append(i);
    }
    QCOMPARE(commands.size(), 4); // USER, PASS, STAT, QUIT: one arrow each, none drawn twice
    const qsizetype passRow = commands.at(1), statRow = commands.at(2), quitRow = commands.at(3);
    QVERIFY(!m.row(passRow).has(Model::Pipelined));
    QVERIFY(m.row(statRow).has(Model::Pipelined));
    QVERIFY(m.row(quitRow).has(Model::Pipelined));
    QCOMPARE(m.row(statRow).command, Model::Command::Stat);
    QCOMPARE(m.row(quitRow).command, Model::Command::Quit);

    // The three replies come after the three commands, in order, each paired with its command.
    QList<qsizetype> replies;
    for (qsizetype i = passRow; i < m.rowCount(); ++i) {
        if (m.row(i).kind == Model::RowKind::Reply)
            replies.append(i);
    }
    QCOMPARE(replies.size(), 3);
    QVERIFY(replies.first() > quitRow);
    QCOMPARE(m.row(replies.at(0)).pair, int(passRow));
    QCOMPARE(m.row(replies.at(1)).pair, int(statRow));
    QCOMPARE(m.row(replies.at(2)).pair, int(quitRow));
    QCOMPARE(m.row(statRow).pair, int(replies.at(1)));
    QVERIFY(m.row(replies.at(1)).text.startsWith(QLatin1String("+OK 35 ")));

    // The arrows of STAT and QUIT arrived in AUTHORIZATION, while PASS was being read; the login
    // shows on PASS's reply, as without pipelining. QUIT, read in TRANSACTION after STAT's reply
    // (its words say so), changes the band on the first row after that, while its own arrow,
    // drawn when it arrived, stays in AUTHORIZATION.
    QCOMPARE(m.row(quitRow).stateBefore, State::Authorization);
    QCOMPARE(m.row(replies.at(0)).stateBefore, State::Authorization);
    QCOMPARE(m.row(replies.at(0)).stateAfter, State::Transaction);
    QCOMPARE(m.row(quitRow).readIn, State::Transaction);
    QVERIFY(m.caption(quitRow).contains(QLatin1String("ends the session")));
    QCOMPARE(m.row(quitRow).stateAfter, State::Authorization);
    qsizetype update = -1;
    for (qsizetype i = replies.at(1) + 1; i < m.rowCount(); ++i) {
        if (m.row(i).stateBefore != m.row(i).stateAfter) {
            update = i;
            break;
        }
    }
    QVERIFY(update > replies.at(1));
    QCOMPARE(m.row(update).stateBefore, State::Transaction);
    QCOMPARE(m.row(update).stateAfter, State::Update);
    QCOMPARE(m.stateAt(s.id(), statRow), State::Authorization);
    QCOMPARE(m.stateAt(s.id(), replies.at(1)), State::Transaction);

    QVERIFY(m.toText().contains(QLatin1String("STAT  {pipelined}")));
    QVERIFY(m.caption(statRow).contains(QLatin1String("pipelining")));
    // Each reply's words name the command it answers, far above it (a tester's class could not
    // tell which +OK was STAT's); never the password.
    QVERIFY2(m.caption(replies.at(1)).contains(QStringLiteral("It answers “STAT”")),
        qPrintable(m.caption(replies.at(1))));
    QVERIFY2(m.caption(replies.at(2)).contains(QStringLiteral("It answers “QUIT”")),
        qPrintable(m.caption(replies.at(2))));
    QVERIFY2(m.caption(replies.at(0)).contains(QStringLiteral("It answers “PASS ********”")),
        qPrintable(m.caption(replies.at(0))));
    QVERIFY(!m.caption(replies.at(0)).contains(QLatin1String("hessovs")));
    const int userReply = m.row(commands.at(0)).pair; // right under USER: nothing to name
    QVERIFY(!m.caption(userReply).contains(QLatin1String("It answers")));
}

void TestSequenceModel::truncatedBodyIsMarked()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    bench.type(s, "USER student");
    bench.type(s, "PASS hessovs!");
    {
        Pop3Session::Reply reply = s.handleLine("RETR 1\r\n", 1);
        QVERIFY(reply.body);
        reply.body->read(64); // the connection drops after the first chunk
    }
    bench.drop(s);
    const Model m = bench.model();
    const qsizetype retr = findCommand(m, Model::Command::Retr, Model::RowKind::Reply);
    QVERIFY(m.row(retr).has(Model::Truncated));
    QVERIFY(m.row(retr).has(Model::MultiLine));
}

void TestSequenceModel::rfcSections_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("section");
    QTest::newRow("STAT is in the TRANSACTION state, §5")
        << QByteArray("STAT") << QStringLiteral("§5");
    QTest::newRow("RETR is §5") << QByteArray("RETR 1") << QStringLiteral("§5");
    QTest::newRow("DELE is §5") << QByteArray("DELE 2") << QStringLiteral("§5");
    QTest::newRow("UIDL is an optional command, §7") << QByteArray("UIDL") << QStringLiteral("§7");
    QTest::newRow("TOP is §7") << QByteArray("TOP 1 0") << QStringLiteral("§7");
    QTest::newRow("QUIT in TRANSACTION is the UPDATE state, §6")
        << QByteArray("QUIT") << QStringLiteral("§6");
    QTest::newRow("CAPA is RFC 2449") << QByteArray("CAPA") << QStringLiteral("RFC 2449 §5");
}

void TestSequenceModel::rfcSections()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, section);
    Bench bench;
    Pop3Session &s = bench.open(5000);
    bench.type(s, "USER student");
    bench.type(s, "PASS hessovs!");
    bench.type(s, line);
    const Model m = bench.model();
    QVERIFY(m.rfcSection(findCommand(m, Model::Command::User)).contains(QStringLiteral("§7")));
    QVERIFY(m.rfcSection(findCommand(m, Model::Command::Pass)).contains(QStringLiteral("§7")));
    qsizetype row = -1;
    for (qsizetype i = m.rowCount() - 1; i >= 0 && row < 0; --i) {
        if (m.row(i).kind == Model::RowKind::Command)
            row = i;
    }
    QVERIFY2(m.rfcSection(row).contains(section), qPrintable(m.rfcSection(row)));
    // The reply cites the same section as its command.
    QCOMPARE(m.rfcSection(m.row(row).pair), m.rfcSection(row));
}

void TestSequenceModel::sessionFilterKeepsOneLane()
{
    Bench bench;
    Pop3Session &a = bench.open(5000);
    Pop3Session &b = bench.open(5001);
    bench.type(a, "USER student");
    bench.type(b, "USER barakirs");
    bench.type(a, "QUIT");
    Model m = bench.model();
    QCOMPARE(m.clientLaneCount(), 2);
    const qsizetype all = m.visibleCount();
    m.setFilter({b.id(), false, false});
    QCOMPARE(m.clientLaneCount(), 1);
    QCOMPARE(m.laneOf(b.id()), 0);
    QVERIFY(m.visibleCount() < all);
    for (qsizetype v = 0; v < m.visibleCount(); ++v)
        QCOMPARE(m.row(m.visibleRow(v)).session, b.id());
    QVERIFY(!m.toText().contains(QLatin1String("127.0.0.1:5000")));
    m.setFilter({});
    QCOMPARE(m.visibleCount(), all);
}

void TestSequenceModel::collapseAuthorizationKeepsTheLock()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    for (const char *line : {"USER: student", "USER student", "PASS hessovs!", "STAT"})
        bench.type(s, line);
    const Model::Filter collapse{0, true, false};
    const Model m = bench.model(collapse);
    const QString text = m.toText();
    QVERIFY(!text.contains(QLatin1String("USER student")));
    QVERIFY(text.contains(QLatin1String("Dovecot ready."))); // the greeting stays
    QVERIFY(text.contains(QLatin1String("lock file created")));
    QVERIFY2(text.contains(QLatin1String("login as student: 6 lines (1 -ERR) collapsed")),
        qPrintable(text));
    QVERIFY(text.contains(QLatin1String("STAT")));
    // Collapsing on a live model gives the same rows as building it collapsed.
    Model live = bench.model();
    live.setFilter(collapse);
    QCOMPARE(live.toText(), text);
}

void TestSequenceModel::hideNoop()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    for (const char *line : {"USER student", "PASS hessovs!", "NOOP", "noop", "STAT"})
        bench.type(s, line);
    Model m = bench.model();
    const qsizetype shown = m.visibleCount();
    m.setFilter({0, false, true});
    QCOMPARE(m.visibleCount(), shown - 4);
    QVERIFY(!m.toText().contains(QLatin1String("NOOP"), Qt::CaseInsensitive));
}

void TestSequenceModel::lanesAreReused()
{
    Bench bench;
    Pop3Session &a = bench.open(5000);
    bench.type(a, "QUIT");
    Pop3Session &b = bench.open(5001);
    Pop3Session &c = bench.open(5002);
    const Model m = bench.model();
    QCOMPARE(m.laneOf(a.id()), 0);
    QCOMPARE(m.laneOf(b.id()), 0); // a is gone: b takes its lane
    QCOMPARE(m.laneOf(c.id()), 1);
    QCOMPARE(m.clientLaneCount(), 2);
    QCOMPARE(m.sessionInLaneAt(0, 1), a.id());
    QCOMPARE(m.sessionInLaneAt(0, m.rowCount() - 1), b.id());
    QCOMPARE(m.sessionInLaneAt(1, 1), 0);
    QVERIFY(m.sessionLastRow(a.id()) >= 0);
    QCOMPARE(m.sessionLastRow(b.id()), -1);
}

void TestSequenceModel::peerLabelNamesTheLane()
{
    Model m; // outlives the bench, whose sessions still log as they close
    Bench bench;
    m.setPeerLabel(QStringLiteral("127.0.0.1:5001"), QStringLiteral("Terminal 2"));
    QObject::connect(&bench.log, &EventLog::eventAppended, &bench.log, [&m](const Event &e) {
        m.append(e);
    });
    Pop3Session &a = bench.open(5000);
    Pop3Session &b = bench.open(5001);
    QCOMPARE(m.sessionName(a.id()), QStringLiteral("127.0.0.1:5000"));
    QCOMPARE(m.sessionName(b.id()), QStringLiteral("Terminal 2"));
    m.setPeerLabel(QStringLiteral("127.0.0.1:5000"), QStringLiteral("Terminal 1"));
    QCOMPARE(m.sessionName(a.id()), QStringLiteral("Terminal 1"));
}

void TestSequenceModel::expandShowsTheBody()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    for (const char *line : {"USER student", "PASS hessovs!", "LIST"})
        bench.type(s, line);
    Model m = bench.model();
    const qsizetype list = findCommand(m, Model::Command::List, Model::RowKind::Reply);
    QVERIFY(m.row(list).has(Model::MultiLine));
    const int before = m.totalUnits();
    const Event *event = bench.log.find(m.row(list).seq);
    QVERIFY(event);
    m.setExpanded(list, true, event->body);
    QVERIFY(m.isExpanded(list));
    const QStringList body = m.expandedBody(list);
    QCOMPARE(body.first(), QStringLiteral("1 %1").arg(s.messages().first().wireSize));
    QCOMPARE(body.size(), m.row(list).lines); // 35 lines: all shown
    QCOMPARE(body.last(), QStringLiteral("35 %1").arg(s.messages().last().wireSize));
    QCOMPARE(m.totalUnits(), before + int(body.size()) + 1);
    QVERIFY(m.toText().contains(QLatin1String("        | 1 ")));
    m.setExpanded(list, false);
    QCOMPARE(m.totalUnits(), before);
}

void TestSequenceModel::layoutIsIncremental()
{
    Model m;
    Bench bench;
    QObject::connect(&bench.log, &EventLog::eventAppended, &bench.log, [&m](const Event &e) {
        m.append(e);
    });
    Pop3Session &s = bench.open(5000);
    bench.type(s, "USER student");
    const int top = m.visibleTop(m.visibleCount() - 1);
    bench.type(s, "PASS hessovs!");
    QCOMPARE(m.visibleTop(m.visibleCount() - 4), top); // rows laid out earlier do not move
    for (qsizetype v = 1; v < m.visibleCount(); ++v)
        QCOMPARE(m.visibleTop(v), m.visibleTop(v - 1) + m.visibleHeight(v - 1));
    QCOMPARE(m.visibleAtUnit(m.visibleTop(3) + 1), 3);
    QCOMPARE(m.visibleAtUnit(-5), 0);
    QCOMPARE(m.visibleAtUnit(m.totalUnits() + 100), m.visibleCount() - 1);
}

void TestSequenceModel::rowForSeq()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    bench.type(s, "USER student");
    bench.type(s, "PASS hessovs!");
    const Model m = bench.model();
    for (qsizetype i = 0; i < m.rowCount(); ++i)
        QCOMPARE(m.rowForSeq(m.row(i).seq), i);
    // A state change has no row of its own: it maps to the row that caused it.
    for (qsizetype i = 0; i < bench.log.size(); ++i) {
        const Event &e = bench.log.at(i);
        if (e.kind == EventKind::StateChanged && e.to == State::Authorization)
            QCOMPARE(m.row(m.rowForSeq(e.seq)).kind, Model::RowKind::Reply);
    }
    QCOMPARE(m.rowForSeq(0), -1);
}

void TestSequenceModel::traceRoundTrip()
{
    Bench bench;
    Pop3Session &s = bench.open(5000);
    for (const char *line : {"USER student", "PASS hessovs!", "RETR 2", "DELE 1", "QUIT"})
        bench.type(s, line);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.jsonl"));
    QString error;
    QVERIFY2(bench.log.save(path, &error), qPrintable(error));
    EventLog loaded;
    Model m;
    QObject::connect(&loaded, &EventLog::cleared, &loaded, [&m] {
        m.clear();
    });
    QObject::connect(&loaded, &EventLog::eventAppended, &loaded, [&m](const Event &e) {
        m.append(e);
    });
    QVERIFY2(loaded.load(path, &error), qPrintable(error));
    // A saved trace hides the password: it reads as the live diagram with secrets hidden.
    Model hidden = bench.model();
    hidden.setHideSecrets(true);
    QCOMPARE(m.toText(), hidden.toText());
    QVERIFY(!m.toText().contains(QLatin1String("hessovs")));
    // Kept on request, it reads exactly as the live one.
    QVERIFY2(bench.log.save(path, &error, EventLog::SecretPolicy::Keep), qPrintable(error));
    QVERIFY2(loaded.load(path, &error), qPrintable(error));
    QCOMPARE(m.toText(), bench.model().toText());
}

QTEST_GUILESS_MAIN(TestSequenceModel)
#include "tst_sequencemodel.moc"
