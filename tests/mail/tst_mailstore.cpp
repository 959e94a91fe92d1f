// MailStore: accounts, the workspace copy, reset, the accounts file, and serving in place.

#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "support/coretestsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;
using pop3test::readFile;
using pop3test::writeFile;

namespace {

QByteArray message(int n)
{
    return "From: a@example.net\nSubject: m" + QByteArray::number(n) + "\n\nbody "
        + QByteArray::number(n) + "\n";
}

// A folder of three .eml files.
QString makeEmlFolder(const QString &path)
{
    for (int i = 1; i <= 3; ++i)
        writeFile(path + QStringLiteral("/m%1.eml").arg(i), message(i));
    return path;
}

} // namespace

class TestMailStore : public QObject
{
    Q_OBJECT

private slots:
    void sampleAccountsAreCopiedToTheWorkspace();
    void originalIsNeverChanged();
    void copyIsKeptAcrossRestartsAndResetOnAsk();
    void resetMailboxBringsBackTheOriginal();
    void inPlaceServesTheOriginal();
    void accountsFile();
    void accountsFileErrorsNameTheLine_data();
    void accountsFileErrorsNameTheLine();
    void badAccounts_data();
    void badAccounts();
    void lockBookkeeping();
};

void TestMailStore::sampleAccountsAreCopiedToTheWorkspace()
{
    QTemporaryDir dir;
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    const Result r = store.addSampleAccounts();
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(store.users(), (QStringList{QStringLiteral("student"), QStringLiteral("barakirs")}));
    const MailStore::Account *student = store.account(QStringLiteral("student"));
    QVERIFY(student);
    QCOMPARE(student->source, QStringLiteral(":/mailbox/student"));
    QCOMPARE(student->maildropPath, dir.filePath(QStringLiteral("ws/mail/student")));
    QCOMPARE(student->maildrop->messages().size(), 35);
    QCOMPARE(student->maildrop->totalSize(), 23183);
    const MailStore::Account *barakirs = store.account(QStringLiteral("barakirs"));
    QCOMPARE(barakirs->maildropPath, dir.filePath(QStringLiteral("ws/mail/barakirs.mbox")));
    QCOMPARE(barakirs->maildrop->messages().size(), 206);
    QVERIFY(store.checkPassword(QStringLiteral("student"), QStringLiteral("hessovs!")));
    QVERIFY(store.checkPassword(QStringLiteral("barakirs"), QStringLiteral("blacksun")));
    QVERIFY(!store.checkPassword(QStringLiteral("student"), QStringLiteral("blacksun")));
    QVERIFY(!store.checkPassword(QStringLiteral("nobody"), QString()));
    QCOMPARE(store.lockPath(QStringLiteral("student")),
        dir.filePath(QStringLiteral("ws/mail/student.lock")));
    // The copies are writable, so DELE + QUIT can remove files.
    QVERIFY(QFileInfo(student->maildrop->messages().first().file).isWritable());
    QVERIFY(QFileInfo(barakirs->maildropPath).isWritable());
}

void TestMailStore::originalIsNeverChanged()
{
    QTemporaryDir dir;
    const QString original = makeEmlFolder(dir.filePath(QStringLiteral("orig")));
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    QVERIFY(store.addAccount(QStringLiteral("alice"), QStringLiteral("pw"), original));
    MailStore::Account *alice = store.account(QStringLiteral("alice"));
    QVERIFY(!alice->inPlace);
    QVERIFY(alice->maildropPath.startsWith(dir.filePath(QStringLiteral("ws"))));
    QVERIFY(alice->maildrop->expunge({alice->maildrop->messages().first()}));
    QCOMPARE(alice->maildrop->messages().size(), 2);
    QCOMPARE(QDir(original).entryList(QDir::Files).size(), 3);
    QCOMPARE(readFile(original + QStringLiteral("/m1.eml")), message(1));
}

void TestMailStore::copyIsKeptAcrossRestartsAndResetOnAsk()
{
    QTemporaryDir dir;
    const QString original = makeEmlFolder(dir.filePath(QStringLiteral("orig")));
    const QString ws = dir.filePath(QStringLiteral("ws"));
    {
        MailStore store;
        store.setWorkspace(ws);
        QVERIFY(store.addAccount(QStringLiteral("alice"), QStringLiteral("pw"), original));
        MailStore::Account *alice = store.account(QStringLiteral("alice"));
        QVERIFY(alice->maildrop->expunge({alice->maildrop->messages().first()}));
    }
    {
        MailStore restarted; // the working copy, with its deletion, is served again
        restarted.setWorkspace(ws);
        QVERIFY(restarted.addAccount(QStringLiteral("alice"), QStringLiteral("pw"), original));
        QCOMPARE(restarted.account(QStringLiteral("alice"))->maildrop->messages().size(), 2);
    }
    {
        MailStore reset; // --reset: a fresh copy
        reset.setWorkspace(ws);
        QVERIFY(
            reset.addAccount(QStringLiteral("alice"), QStringLiteral("pw"), original, false, true));
        QCOMPARE(reset.account(QStringLiteral("alice"))->maildrop->messages().size(), 3);
    }
    {
        // Another original for the same user means a new copy, not the old one.
        const QString other = dir.filePath(QStringLiteral("other"));
        writeFile(other + QStringLiteral("/only.eml"), message(9));
        MailStore switched;
        switched.setWorkspace(ws);
        QVERIFY(switched.addAccount(QStringLiteral("alice"), QStringLiteral("pw"), other));
        QCOMPARE(switched.account(QStringLiteral("alice"))->maildrop->messages().size(), 1);
    }
}

void TestMailStore::resetMailboxBringsBackTheOriginal()
{
    QTemporaryDir dir;
    EventLog log;
    MailStore store(&log);
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    QVERIFY(store.addSampleAccounts());
    MailStore::Account *barakirs = store.account(QStringLiteral("barakirs"));
    QList<MessageInfo> junk = barakirs->maildrop->messages().mid(10, 100);
    QVERIFY(barakirs->maildrop->expunge(junk));
    QCOMPARE(barakirs->maildrop->messages().size(), 106);
    const Result r = store.resetMailbox(QStringLiteral("barakirs"));
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(barakirs->maildrop->messages().size(), 206);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).kind, EventKind::Note);
    QCOMPARE(log.at(0).text, QStringLiteral("mailbox-reset"));
    QVERIFY(log.at(0).detail.contains(QStringLiteral("206 messages")));
    QVERIFY(!store.resetMailbox(QStringLiteral("nobody")));
}

void TestMailStore::inPlaceServesTheOriginal()
{
    QTemporaryDir dir;
    const QString original = makeEmlFolder(dir.filePath(QStringLiteral("orig")));
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    QVERIFY(store.addAccount(QStringLiteral("alice"), QStringLiteral("pw"), original, true));
    MailStore::Account *alice = store.account(QStringLiteral("alice"));
    QVERIFY(alice->inPlace);
    QCOMPARE(alice->maildropPath, original);
    QVERIFY(alice->maildrop->expunge({alice->maildrop->messages().first()}));
    QCOMPARE(QDir(original).entryList(QDir::Files).size(), 2); // explicitly asked for
    const Result reset = store.resetMailbox(QStringLiteral("alice"));
    QVERIFY(!reset);
    QVERIFY(reset.error.contains(QStringLiteral("in place")));
    // The lock still lives in the workspace.
    QVERIFY(store.lockPath(QStringLiteral("alice")).startsWith(dir.filePath(QStringLiteral("ws"))));
    // The built-in sample can never be served in place.
    QVERIFY(store.addAccount(
        QStringLiteral("student"), QStringLiteral("x"), QStringLiteral(":/mailbox/student"), true));
    QVERIFY(!store.account(QStringLiteral("student"))->inPlace);
}

void TestMailStore::accountsFile()
{
    QTemporaryDir dir;
    makeEmlFolder(dir.filePath(QStringLiteral("class/alice")));
    writeFile(dir.filePath(QStringLiteral("class/bob.mbox")),
        "From x Mon Jan  3 11:02:45 2000\n" + message(1) + "\nFrom y Mon Jan  3 11:02:45 2000\n"
            + message(2));
    const QString accounts = dir.filePath(QStringLiteral("class/accounts.txt"));
    writeFile(accounts,
        "# the class of 2026\n"
        "\n"
        "alice  secret1  alice\n"
        "bob\tsecret2\tbob.mbox\n"
        "   student hessovs! sample:student   \n"
        "barakirs blacksun sample:barakirs\n");
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    const Result r = store.addAccountsFile(accounts);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(store.users(), (QStringList{"alice", "bob", "student", "barakirs"}));
    QCOMPARE(store.account(QStringLiteral("alice"))->maildrop->messages().size(), 3);
    QCOMPARE(store.account(QStringLiteral("bob"))->maildrop->messages().size(), 2);
    QCOMPARE(store.account(QStringLiteral("student"))->maildrop->messages().size(), 35);
    QVERIFY(store.checkPassword(QStringLiteral("bob"), QStringLiteral("secret2")));
}

void TestMailStore::accountsFileErrorsNameTheLine_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("two fields") << QByteArray("# c\nalice secret\n") << 2
                                << QStringLiteral("expected \"name password mailbox\"");
    QTest::newRow("four fields") << QByteArray("alice a b c\n") << 1 << QStringLiteral("expected");
    QTest::newRow("a missing mailbox")
        << QByteArray("\n\nalice pw nowhere\n") << 3 << QStringLiteral("does not exist");
    QTest::newRow("a user defined twice")
        << QByteArray("a pw sample:student\na pw sample:student\n") << 2
        << QStringLiteral("defined twice");
}

void TestMailStore::accountsFileErrorsNameTheLine()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString accounts = dir.filePath(QStringLiteral("accounts.txt"));
    writeFile(accounts, content);
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    const Result r = store.addAccountsFile(accounts);
    QVERIFY(!r);
    QVERIFY2(r.error.startsWith(accounts + QStringLiteral(":%1: ").arg(line)), qPrintable(r.error));
    QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
    const Result missing = store.addAccountsFile(dir.filePath(QStringLiteral("none.txt")));
    QVERIFY(!missing);
    QVERIFY(missing.error.contains(QStringLiteral("none.txt")));
}

void TestMailStore::badAccounts_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("an empty user name")
        << QString() << QStringLiteral(":/mailbox/student") << QStringLiteral("invalid user name");
    QTest::newRow("a user name with a slash")
        << QStringLiteral("../x") << QStringLiteral(":/mailbox/student")
        << QStringLiteral("invalid user name");
    QTest::newRow("a user name with a space")
        << QStringLiteral("a b") << QStringLiteral(":/mailbox/student")
        << QStringLiteral("invalid user name");
    QTest::newRow("a mailbox that does not exist")
        << QStringLiteral("alice") << QStringLiteral("/no/such/mailbox")
        << QStringLiteral("/no/such/mailbox does not exist");
}

void TestMailStore::badAccounts()
{
    QFETCH(QString, user);
    QFETCH(QString, source);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    const Result r = store.addAccount(user, QStringLiteral("pw"), source);
    QVERIFY(!r);
    QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
    QVERIFY(store.users().isEmpty());
}

void TestMailStore::lockBookkeeping()
{
    MailStore store;
    QVERIFY(!store.isSessionHoldingLock(3));
    store.noteLockHeld(QStringLiteral("student"), 3);
    QVERIFY(store.isSessionHoldingLock(3));
    QCOMPARE(store.lockHolder(QStringLiteral("student")), 3);
    store.noteLockReleased(QStringLiteral("student"));
    QVERIFY(!store.isSessionHoldingLock(3));
    QCOMPARE(store.lockHolder(QStringLiteral("student")), 0);
}

QTEST_GUILESS_MAIN(TestMailStore)
#include "tst_mailstore.moc"
