// The maildrop changes on disk while the server runs: mail is delivered, a mail reader renames a
// Maildir message, another process on the same workspace commits. Each login must see the
// maildrop as it is then (RFC 1939's snapshot), and a commit must delete exactly the messages the
// session saw and asked for, keeping everything else, whatever happened since the login.

#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "support/coretestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pop3;
using pop3test::readFile;
using pop3test::send;
using pop3test::unstuff;
using pop3test::writeFile;

namespace {

QByteArray message(int n)
{
    return "From: teacher@lab.example.edu\nSubject: note " + QByteArray::number(n)
        + "\n\nbody of note " + QByteArray::number(n) + "\nwith a second line\n";
}

QByteArray mboxEntry(const QByteArray &content)
{
    return "From teacher@lab.example.edu Tue Sep  1 08:00:00 2026\n" + content + "\n";
}

QString maildirName(int n, const char *flags = ":2,")
{
    return QStringLiteral("%1.M%2P7.lab%3").arg(1788000000 + n).arg(n).arg(QLatin1String(flags));
}

// A Maildir of messages 1..count in cur/, flags ":2,".
QString makeMaildir(const QString &path, int count)
{
    for (const char *sub : {"cur", "new", "tmp"})
        QDir().mkpath(QDir(path).filePath(QLatin1String(sub)));
    for (int n = 1; n <= count; ++n)
        writeFile(QDir(path).filePath(QStringLiteral("cur/") + maildirName(n)), message(n));
    return path;
}

QString makeMbox(const QString &path, int count)
{
    QByteArray mbox;
    for (int n = 1; n <= count; ++n)
        mbox += mboxEntry(message(n));
    writeFile(path, mbox);
    return path;
}

// A client's session on a store, driven line by line.
struct Session
{
    std::unique_ptr<Pop3Session> session;

    Session(EventLog *log, MailStore *store, const Personality *personality, int id)
        : session(std::make_unique<Pop3Session>(log,
            store,
            personality,
            id,
            Pop3Session::Peer{QStringLiteral("127.0.0.1:40000"),
                QStringLiteral("127.0.0.1:1110"),
                QStringLiteral("127.0.0.1")}))
    {
        session->start(1000);
    }

    QByteArray operator()(const QByteArray &line) { return send(*session, line); }

    bool login(const QByteArray &user, const QByteArray &password)
    {
        return (*this)("USER " + user).startsWith("+OK")
            && (*this)("PASS " + password).startsWith("+OK");
    }

    int count() { return (*this)("STAT").split(' ').value(1).toInt(); }
};

// The message RETR n sends, line endings as in the file (LF).
QByteArray retr(Session &s, int n)
{
    const QByteArray all = s("RETR " + QByteArray::number(n));
    if (!all.startsWith("+OK"))
        return all;
    return unstuff(all.mid(all.indexOf('\n') + 1)).replace("\r\n", "\n");
}

// A workspace store with its own event log; several may share one workspace, as two processes do.
struct Store
{
    EventLog log;
    MailStore store{&log};
    Personality personality = *Personality::load(QStringLiteral("dovecot"));
    int nextId = 1;

    explicit Store(const QString &workspace) { store.setWorkspace(workspace); }

    std::unique_ptr<Session> session()
    {
        return std::make_unique<Session>(&log, &store, &personality, nextId++);
    }
};

} // namespace

class TestMaildropChanges : public QObject
{
    Q_OBJECT

private slots:
    void mboxMailAppendedAfterStartIsSeenAndKept();
    void mboxMailAppendedDuringASessionSurvivesItsCommit();
    void maildirNewMailIsSeenAtTheNextLogin();
    void maildirMessageRenamedByAMailReader();
    void maildirWithoutNewGetsIt();
    void twoStoresOnOneWorkspace_data();
    void twoStoresOnOneWorkspace();
    void vanishedMessageGetsAnErrNotAnEmptyBody_data();
    void vanishedMessageGetsAnErrNotAnEmptyBody();
    void changedMessageFailsTheCommitAndSaysWhich();
};

// The scenario: an in-place mbox, a new mail appended after the server started, DELE of
// the last message the session saw, QUIT. The new mail must survive.
void TestMaildropChanges::mboxMailAppendedAfterStartIsSeenAndKept()
{
    QTemporaryDir dir;
    const QString mbox = makeMbox(dir.filePath(QStringLiteral("inbox.mbox")), 2);
    Store s(dir.filePath(QStringLiteral("ws")));
    QVERIFY(s.store.addAccount(QStringLiteral("teacher"), QStringLiteral("pw"), mbox, true));

    QFile append(mbox);
    QVERIFY(append.open(QIODevice::Append));
    append.write(mboxEntry(message(3)));
    append.close();

    auto c = s.session();
    QVERIFY(c->login("teacher", "pw"));
    QCOMPARE(c->count(), 3); // the login sees the maildrop as it is now
    QCOMPARE(retr(*c, 3), message(3));
    QVERIFY((*c)("DELE 2").startsWith("+OK"));
    QVERIFY((*c)("QUIT").startsWith("+OK"));

    Maildrop after;
    QVERIFY(after.load(mbox));
    QCOMPARE(after.messages().size(), 2);
    QCOMPARE(Maildrop::content(after.messages().at(0)), message(1));
    QCOMPARE(Maildrop::content(after.messages().at(1)), message(3));
}

// Mail delivered while a session is logged in is not in its snapshot: its commit keeps it.
void TestMaildropChanges::mboxMailAppendedDuringASessionSurvivesItsCommit()
{
    QTemporaryDir dir;
    const QString mbox = makeMbox(dir.filePath(QStringLiteral("inbox.mbox")), 3);
    Store s(dir.filePath(QStringLiteral("ws")));
    QVERIFY(s.store.addAccount(QStringLiteral("teacher"), QStringLiteral("pw"), mbox, true));
    auto c = s.session();
    QVERIFY(c->login("teacher", "pw"));
    QCOMPARE(c->count(), 3);

    QFile append(mbox);
    QVERIFY(append.open(QIODevice::Append));
    append.write(mboxEntry(message(4)));
    append.close();

    QVERIFY((*c)("DELE 3").startsWith("+OK"));
    QVERIFY((*c)("DELE 1").startsWith("+OK"));
    QVERIFY((*c)("QUIT").startsWith("+OK"));
    Maildrop after;
    QVERIFY(after.load(mbox));
    QCOMPARE(after.messages().size(), 2);
    QCOMPARE(Maildrop::content(after.messages().at(0)), message(2));
    QCOMPARE(Maildrop::content(after.messages().at(1)), message(4));

    // The next login sees both.
    auto next = s.session();
    QVERIFY(next->login("teacher", "pw"));
    QCOMPARE(next->count(), 2);
    QCOMPARE(retr(*next, 2), message(4));
}

void TestMaildropChanges::maildirNewMailIsSeenAtTheNextLogin()
{
    QTemporaryDir dir;
    const QString maildir = makeMaildir(dir.filePath(QStringLiteral("Maildir")), 3);
    Store s(dir.filePath(QStringLiteral("ws")));
    QVERIFY(s.store.addAccount(QStringLiteral("teacher"), QStringLiteral("pw"), maildir, true));
    auto deliver = [&](int n) {
        return writeFile(
            QDir(maildir).filePath(QStringLiteral("new/") + maildirName(n, "")), message(n));
    };

    auto first = s.session();
    QVERIFY(first->login("teacher", "pw"));
    QCOMPARE(first->count(), 3);
    QVERIFY(deliver(4));
    QCOMPARE(first->count(), 3); // not in this session's snapshot
    QVERIFY((*first)("QUIT").startsWith("+OK"));

    auto second = s.session();
    QVERIFY(second->login("teacher", "pw"));
    QCOMPARE(second->count(), 4);
    QCOMPARE(retr(*second, 4), message(4));
    // Delivered during the session: kept by its commit, seen by the next login.
    QVERIFY(deliver(5));
    QVERIFY((*second)("DELE 1").startsWith("+OK"));
    QVERIFY((*second)("QUIT").startsWith("+OK"));

    auto third = s.session();
    QVERIFY(third->login("teacher", "pw"));
    QCOMPARE(third->count(), 4);
    QCOMPARE(retr(*third, 1), message(2));
    QCOMPARE(retr(*third, 4), message(5));
    QVERIFY((*third)("QUIT").startsWith("+OK"));
}

// A mail reader marks a message seen (":2," -> ":2,S") while a session is logged in: RETR still
// sends it whole, and DELE + QUIT removes it (under its new name).
void TestMaildropChanges::maildirMessageRenamedByAMailReader()
{
    QTemporaryDir dir;
    const QString maildir = makeMaildir(dir.filePath(QStringLiteral("Maildir")), 3);
    Store s(dir.filePath(QStringLiteral("ws")));
    QVERIFY(s.store.addAccount(QStringLiteral("teacher"), QStringLiteral("pw"), maildir, true));
    auto c = s.session();
    QVERIFY(c->login("teacher", "pw"));
    const QDir cur(QDir(maildir).filePath(QStringLiteral("cur")));
    QVERIFY(QFile::rename(cur.filePath(maildirName(2)), cur.filePath(maildirName(2, ":2,S"))));
    QCOMPARE(retr(*c, 2), message(2));
    QVERIFY((*c)("DELE 2").startsWith("+OK"));
    QCOMPARE((*c)("QUIT"), QByteArray("+OK Logging out, messages deleted.\r\n"));
    QCOMPARE(cur.entryList(QDir::Files), (QStringList{maildirName(1), maildirName(3)}));
}

// A Maildir with cur/ only: a missing new/ is remembered as missing (no listing at each login),
// and its creation with mail in it is seen.
void TestMaildropChanges::maildirWithoutNewGetsIt()
{
    QTemporaryDir dir;
    const QString maildir = makeMaildir(dir.filePath(QStringLiteral("Maildir")), 3);
    QVERIFY(QDir(maildir).rmdir(QStringLiteral("new")));
    Store s(dir.filePath(QStringLiteral("ws")));
    QVERIFY(s.store.addAccount(QStringLiteral("teacher"), QStringLiteral("pw"), maildir, true));
    for (int i = 0; i < 2; ++i) {
        auto c = s.session();
        QVERIFY(c->login("teacher", "pw"));
        QCOMPARE(c->count(), 3);
        QVERIFY((*c)("QUIT").startsWith("+OK"));
    }
    QVERIFY(
        writeFile(QDir(maildir).filePath(QStringLiteral("new/") + maildirName(4, "")), message(4)));
    auto c = s.session();
    QVERIFY(c->login("teacher", "pw"));
    QCOMPARE(c->count(), 4);
    QCOMPARE(retr(*c, 4), message(4));
}

void TestMaildropChanges::twoStoresOnOneWorkspace_data()
{
    QTest::addColumn<bool>("mbox");
    QTest::newRow("a Maildir working copy") << false;
    QTest::newRow("an mbox working copy") << true;
}

// Two processes (here two MailStores) serve one workspace: each loaded the maildrop at start.
// After one commits, the other's next login must see the maildrop as it is now: the right
// messages under the right numbers, and DELE n removes the message it served as n.
void TestMaildropChanges::twoStoresOnOneWorkspace()
{
    QFETCH(bool, mbox);
    QTemporaryDir dir;
    constexpr int count = 40;
    const QString source = mbox ? makeMbox(dir.filePath(QStringLiteral("class.mbox")), count)
                                : makeMaildir(dir.filePath(QStringLiteral("Maildir")), count);
    const QString workspace = dir.filePath(QStringLiteral("ws"));
    Store window(workspace);
    Store server(workspace);
    QVERIFY(window.store.addAccount(QStringLiteral("student"), QStringLiteral("pw"), source));
    QVERIFY(server.store.addAccount(QStringLiteral("student"), QStringLiteral("pw"), source));

    auto a = window.session();
    QVERIFY(a->login("student", "pw"));
    QVERIFY((*a)("DELE 5").startsWith("+OK"));
    QVERIFY((*a)("DELE 7").startsWith("+OK"));
    QVERIFY((*a)("QUIT").startsWith("+OK"));

    // What is left, in order: 1..4, 6, 8..40.
    QList<int> left;
    for (int n = 1; n <= count; ++n) {
        if (n != 5 && n != 7)
            left.append(n);
    }
    auto b = server.session();
    QVERIFY(b->login("student", "pw"));
    QCOMPARE(b->count(), count - 2);
    for (int i = 0; i < left.size(); ++i)
        QCOMPARE(retr(*b, i + 1), message(left.at(i)));
    QVERIFY((*b)("DELE 5").startsWith("+OK")); // message 6 now
    QVERIFY((*b)("QUIT").startsWith("+OK"));
    left.removeAt(4);

    // Back to the first store: it too sees what the other committed.
    auto c = window.session();
    QVERIFY(c->login("student", "pw"));
    QCOMPARE(c->count(), count - 3);
    for (int i = 0; i < left.size(); ++i)
        QCOMPARE(retr(*c, i + 1), message(left.at(i)));
    QVERIFY((*c)("QUIT").startsWith("+OK"));
}

void TestMaildropChanges::vanishedMessageGetsAnErrNotAnEmptyBody_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("removed by another program") << QStringLiteral("removed");
    QTest::newRow("replaced by a folder") << QStringLiteral("folder");
    QTest::newRow("replaced by a link") << QStringLiteral("link");
}

// RETR or TOP of a message whose file is gone or cannot be read answered "+OK n octets" and then
// nothing (a client waits for ever for the body): it gets -ERR [SYS/TEMP], and the session goes
// on.
void TestMaildropChanges::vanishedMessageGetsAnErrNotAnEmptyBody()
{
    QFETCH(QString, what);
    QTemporaryDir dir;
    const QString maildir = makeMaildir(dir.filePath(QStringLiteral("Maildir")), 3);
    Store s(dir.filePath(QStringLiteral("ws")));
    QVERIFY(s.store.addAccount(QStringLiteral("teacher"), QStringLiteral("pw"), maildir, true));
    auto c = s.session();
    QVERIFY(c->login("teacher", "pw"));
    const QString file = QDir(maildir).filePath(QStringLiteral("cur/") + maildirName(2));
    QVERIFY(QFile::remove(file));
    if (what == QLatin1String("folder"))
        QVERIFY(QDir().mkpath(file));
    else if (what == QLatin1String("link"))
        QVERIFY(QFile::link(QDir(maildir).filePath(QStringLiteral("cur/") + maildirName(1)), file));
    for (const QByteArray command : {"RETR 2", "TOP 2 0"}) {
        const QByteArray reply = (*c)(command);
        QVERIFY2(reply.startsWith("-ERR [SYS/TEMP] ") && reply.count('\n') == 1, reply.constData());
    }
    QCOMPARE(retr(*c, 3), message(3));
    QVERIFY((*c)("QUIT").startsWith("+OK"));
}

// A message deleted in the session but changed on disk since the login (another size): the
// commit deletes nothing, and QUIT says which message stopped it.
void TestMaildropChanges::changedMessageFailsTheCommitAndSaysWhich()
{
    QTemporaryDir dir;
    const QString maildir = makeMaildir(dir.filePath(QStringLiteral("Maildir")), 3);
    Store s(dir.filePath(QStringLiteral("ws")));
    QVERIFY(s.store.addAccount(QStringLiteral("teacher"), QStringLiteral("pw"), maildir, true));
    auto c = s.session();
    QVERIFY(c->login("teacher", "pw"));
    QVERIFY((*c)("DELE 1").startsWith("+OK"));
    QVERIFY((*c)("DELE 2").startsWith("+OK"));
    const QString file = QDir(maildir).filePath(QStringLiteral("cur/") + maildirName(2));
    QFile changed(file);
    QVERIFY(changed.open(QIODevice::Append));
    changed.write("a line added by a mail reader\n");
    changed.close();
    const QByteArray quit = (*c)("QUIT");
    QVERIFY2(quit.startsWith("-ERR [SYS/TEMP] ") && quit.contains(QFile::encodeName(maildirName(2)))
            && quit.contains("changed on disk"),
        quit.constData());
    QCOMPARE(QDir(maildir).entryList({QStringLiteral("*")}, QDir::Files, QDir::Name).size(), 0);
    QCOMPARE(QDir(QDir(maildir).filePath(QStringLiteral("cur"))).entryList(QDir::Files).size(), 3);
}

QTEST_GUILESS_MAIN(TestMaildropChanges)
#include "tst_maildropchanges.moc"
