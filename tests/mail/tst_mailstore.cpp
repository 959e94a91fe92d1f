// MailStore: accounts, the workspace copy, reset, the accounts file, and serving in place.

#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "mail/safefile.h"
#include "support/coretestsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
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
    void accountsFileQuotedFields_data();
    void accountsFileQuotedFields();
    void accountsFileQuotingErrorsAreOneLine_data();
    void accountsFileQuotingErrorsAreOneLine();
    void accountsFieldQuotingRoundTrips_data();
    void accountsFieldQuotingRoundTrips();
    void badAccounts_data();
    void badAccounts();
    void hostileNamesAreRefusedAndTouchNothing_data();
    void hostileNamesAreRefusedAndTouchNothing();
    void namesSharingAWorkingCopyAreRefused_data();
    void namesSharingAWorkingCopyAreRefused();
    void hostileNamesInAnAccountsFileNameTheLine();
    void workspaceLinksAreNeverFollowed_data();
    void workspaceLinksAreNeverFollowed();
    void lockPathOccupiedIsToldInTheErr();
    void crOnlyMboxIsRefusedWithTheReason();
    void emptyAccountsFileIsAnError();
    void leftoverTemporariesAreClearedAtStart();
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

void TestMailStore::accountsFileQuotedFields_data()
{
    QTest::addColumn<QByteArray>("line"); // the account line, its mailbox the sample
    QTest::addColumn<QString>("password");
    QTest::newRow("a password with a space, quoted")
        << QByteArray("alice \"correct horse\" sample:student") << QStringLiteral("correct horse");
    QTest::newRow("a password with commas, bare")
        << QByteArray("alice a,b,c sample:student") << QStringLiteral("a,b,c");
    QTest::newRow("a password with a comma and a space, quoted") << QByteArray(
        "alice\t\"pain, au chocolat\"\tsample:student") << QStringLiteral("pain, au chocolat");
    QTest::newRow("an escaped quote and backslash in quotes") << QByteArray(
        "alice \"say \\\"hi\\\" \\\\o/\" sample:student") << QStringLiteral("say \"hi\" \\o/");
    QTest::newRow("a quote inside a bare password is just a character")
        << QByteArray("alice pa\"ss sample:student") << QStringLiteral("pa\"ss");
    QTest::newRow("a hash inside quotes is not a comment") << QByteArray(
        "alice \"# not a comment\" sample:student") << QStringLiteral("# not a comment");
    QTest::newRow("a quoted user name and mailbox")
        << QByteArray("\"alice\" pw \"sample:student\"") << QStringLiteral("pw");
}

void TestMailStore::accountsFileQuotedFields()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, password);
    QTemporaryDir dir;
    const QString accounts = dir.filePath(QStringLiteral("accounts.txt"));
    writeFile(accounts, "# a class\n" + line + "\nbob \"two words\" sample:barakirs\n");
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    const Result r = store.addAccountsFile(accounts);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(store.users(), (QStringList{"alice", "bob"}));
    QCOMPARE(store.account(QStringLiteral("alice"))->password, password);
    QCOMPARE(store.account(QStringLiteral("bob"))->password, QStringLiteral("two words"));
    QCOMPARE(store.account(QStringLiteral("alice"))->maildrop->messages().size(), 35);
}

void TestMailStore::accountsFileQuotingErrorsAreOneLine_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("a quote never closed")
        << QByteArray("ok pw sample:student\nalice \"secret words sample:student\n") << 2
        << QStringLiteral("unterminated quote");
    QTest::newRow("text glued to a closing quote")
        << QByteArray("alice \"secret\"words sample:student\n") << 1
        << QStringLiteral("closing quote");
    QTest::newRow("an unknown escape") << QByteArray("\n\nalice \"se\\cret\" sample:student\n") << 3
                                       << QStringLiteral("backslash");
    QTest::newRow("an empty password")
        << QByteArray("alice \"\" sample:student\n") << 1 << QStringLiteral("empty password");
    QTest::newRow("a CR in the middle of a line")
        << QByteArray("alice pw\rsample:student\n") << 1 << QStringLiteral("control character");
}

// A malformed line is one line of error, naming the file and the line, never the password.
void TestMailStore::accountsFileQuotingErrorsAreOneLine()
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
    QVERIFY2(!r.error.contains(QLatin1Char('\n')) && !r.error.contains(QLatin1Char('\r')),
        qPrintable(r.error));
    QVERIFY2(!r.error.contains(QStringLiteral("secret")), qPrintable(r.error));
}

void TestMailStore::accountsFieldQuotingRoundTrips_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("written");
    QTest::newRow("a plain word stays bare") << QStringLiteral("bafodu42") << "bafodu42";
    QTest::newRow("a space is quoted") << QStringLiteral("a b") << "\"a b\"";
    QTest::newRow("quotes and backslashes are escaped")
        << QStringLiteral("\"x\\") << "\"\\\"x\\\\\"";
    QTest::newRow("a leading hash is quoted") << QStringLiteral("#1") << "\"#1\"";
    QTest::newRow("a tab is quoted") << QStringLiteral("a\tb") << "\"a\tb\"";
}

// What accountsField() writes, accountsLineFields() reads back as it was.
void TestMailStore::accountsFieldQuotingRoundTrips()
{
    QFETCH(QString, field);
    QFETCH(QString, written);
    QCOMPARE(MailStore::accountsField(field), written);
    QString error;
    const std::optional<QStringList> back = MailStore::accountsLineFields(
        QStringLiteral("u ") + MailStore::accountsField(field) + QStringLiteral(" m"), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, (QStringList{QStringLiteral("u"), field, QStringLiteral("m")}));
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

void TestMailStore::hostileNamesAreRefusedAndTouchNothing_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("shown"); // how the one-line error shows the name
    QTest::newRow("..") << QStringLiteral("..") << QStringLiteral("\"..\"");
    QTest::newRow(".") << QStringLiteral(".") << QStringLiteral("\".\"");
    QTest::newRow("a leading dot") << QStringLiteral(".student") << QStringLiteral("\".student\"");
    QTest::newRow("a path") << QStringLiteral("../../victim") << QStringLiteral("../../victim");
    QTest::newRow("an absolute path") << QStringLiteral("/tmp/x") << QStringLiteral("/tmp/x");
    QTest::newRow("a NUL") << QString::fromLatin1("bob\0x", 5) << QStringLiteral("bob\\x00x");
    QTest::newRow("a newline") << QStringLiteral("bob\nevil") << QStringLiteral("bob\\x0aevil");
    QTest::newRow("a tab") << QStringLiteral("bob\tx") << QStringLiteral("bob\\x09x");
    QTest::newRow("an escape") << QStringLiteral("bob\x1b[2J") << QStringLiteral("bob\\x1b[2J");
    QTest::newRow("a Delete") << QStringLiteral("bob\x7f") << QStringLiteral("bob\\x7f");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
    QTest::newRow("too long") << QString(65, QLatin1Char('a')) << QString(65, QLatin1Char('a'));
}

// The name becomes a path component in the workspace: ".." once removed the whole workspace.
// Every name that is not a plain, safe file name is refused at start, whatever is asked (here a
// reset, which removes the old copy), and nothing is touched, in the workspace or outside it.
void TestMailStore::hostileNamesAreRefusedAndTouchNothing()
{
    QFETCH(QString, user);
    QFETCH(QString, shown);
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("class/ws"));
    writeFile(dir.filePath(QStringLiteral("class/other/keep.txt")), "a teacher's notes\n");
    writeFile(dir.filePath(QStringLiteral("victim")), "outside\n");
    {
        MailStore before;
        before.setWorkspace(ws);
        QVERIFY(before.addSampleAccounts());
    }
    auto snapshot = [&dir] {
        QStringList all;
        QDirIterator it(dir.path(),
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            all.append(it.filePath() + QLatin1Char(' ') + QString::number(it.fileInfo().size()));
        }
        all.sort();
        return all;
    };
    const QStringList files = snapshot();

    for (const bool inPlace : {false, true}) {
        MailStore store;
        store.setWorkspace(ws);
        const Result r = store.addAccount(
            user, QStringLiteral("pw"), QStringLiteral(":/mailbox/student"), inPlace, true);
        QVERIFY(!r);
        QVERIFY2(r.error.startsWith(QStringLiteral("invalid user name ")), qPrintable(r.error));
        QVERIFY2(r.error.contains(shown), qPrintable(r.error));
        QVERIFY2(!r.error.contains(QLatin1Char('\n')) && !r.error.contains(QChar(0)),
            qPrintable(r.error));
        QVERIFY(store.users().isEmpty());
    }
    QCOMPARE(snapshot(), files);
}

void TestMailStore::namesSharingAWorkingCopyAreRefused_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("firstSource");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("secondSource");
    const QString mbox = QStringLiteral(":/mailbox/barakirs.mbox");
    const QString folder = QStringLiteral(":/mailbox/student");
    QTest::newRow("bob as mbox, then bob.mbox as a folder")
        << QStringLiteral("bob") << mbox << QStringLiteral("bob.mbox") << folder;
    QTest::newRow("bob.mbox as a folder, then bob as mbox")
        << QStringLiteral("bob.mbox") << folder << QStringLiteral("bob") << mbox;
    QTest::newRow("bob.lock as a folder, where bob's lock file goes")
        << QStringLiteral("bob") << folder << QStringLiteral("bob.lock") << folder;
    QTest::newRow("bob.lock first, then bob")
        << QStringLiteral("bob.lock") << folder << QStringLiteral("bob") << folder;
}

void TestMailStore::namesSharingAWorkingCopyAreRefused()
{
    QFETCH(QString, first);
    QFETCH(QString, firstSource);
    QFETCH(QString, second);
    QFETCH(QString, secondSource);
    QTemporaryDir dir;
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    QVERIFY(store.addAccount(first, QStringLiteral("pw"), firstSource));
    const qsizetype messages = store.account(first)->maildrop->messages().size();
    const Result r = store.addAccount(second, QStringLiteral("pw"), secondSource);
    QVERIFY(!r);
    const QString quoted = QStringLiteral("\"%1\"");
    QVERIFY2(r.error.contains(quoted.arg(second)) && r.error.contains(quoted.arg(first)),
        qPrintable(r.error));
    QCOMPARE(store.users(), QStringList{first});
    // The first account's copy is untouched.
    Maildrop again;
    QVERIFY(again.load(store.account(first)->maildropPath));
    QCOMPARE(again.messages().size(), messages);

    // Two accounts served in place from one maildrop would have two locks: refused too.
    const QString shared = dir.filePath(QStringLiteral("shared"));
    writeFile(shared + QStringLiteral("/m1.eml"), message(1));
    QVERIFY(store.addAccount(QStringLiteral("carol"), QStringLiteral("pw"), shared, true));
    const Result twice =
        store.addAccount(QStringLiteral("dave"), QStringLiteral("pw"), shared, true);
    QVERIFY(!twice);
    QVERIFY2(twice.error.contains(quoted.arg(QStringLiteral("carol"))), qPrintable(twice.error));
}

void TestMailStore::hostileNamesInAnAccountsFileNameTheLine()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    writeFile(dir.filePath(QStringLiteral("class/bob.mbox")),
        "From x Mon Jan  3 11:02:45 2000\n" + message(1));
    makeEmlFolder(dir.filePath(QStringLiteral("class/Maildir")));
    const QString accounts = dir.filePath(QStringLiteral("class/accounts.txt"));
    writeFile(accounts, "# the class\nalice pw sample:student\n.. pw sample:barakirs\n");
    MailStore store;
    store.setWorkspace(ws);
    Result r = store.addAccountsFile(accounts);
    QVERIFY(!r);
    QVERIFY2(r.error.startsWith(accounts + QStringLiteral(":3: invalid user name \"..\"")),
        qPrintable(r.error));
    QVERIFY(QFileInfo::exists(ws + QStringLiteral("/mail/alice")));

    writeFile(accounts, "bob pw bob.mbox\nbob.mbox pw Maildir\n");
    MailStore second;
    second.setWorkspace(dir.filePath(QStringLiteral("ws2")));
    r = second.addAccountsFile(accounts);
    QVERIFY(!r);
    QVERIFY2(r.error.startsWith(accounts + QStringLiteral(":2: ")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("bob.mbox")), qPrintable(r.error));
}

void TestMailStore::workspaceLinksAreNeverFollowed_data()
{
    QTest::addColumn<QString>("link"); // in the workspace's mail/ folder
    QTest::addColumn<bool>("reset");
    QTest::newRow("the source marker, at a reset") << QStringLiteral(".student.source") << true;
    QTest::newRow("the source marker, at a first copy")
        << QStringLiteral(".student.source") << false;
    QTest::newRow("the working copy, at a start") << QStringLiteral("student") << false;
    QTest::newRow("the working copy, at a reset") << QStringLiteral("student") << true;
    QTest::newRow("the mbox working copy, at a start") << QStringLiteral("barakirs.mbox") << false;
    QTest::newRow("the mbox unique-id list, at a commit")
        << QStringLiteral(".barakirs.mbox.pop3lab-uidl") << false;
    QTest::newRow("the expunge journal, at a commit")
        << QStringLiteral("student/.pop3lab-expunge") << false;
}

// A workspace file replaced by a symbolic link (a student's prank, or an attack on a shared
// machine): nothing writes or serves through it; the link's target is never touched.
void TestMailStore::workspaceLinksAreNeverFollowed()
{
    QFETCH(QString, link);
    QFETCH(bool, reset);
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    const QString victim = dir.filePath(QStringLiteral("victim"));
    const bool folder = link == QLatin1String("student");
    if (folder)
        makeEmlFolder(victim); // someone's private mail: 3 messages
    else
        QVERIFY(writeFile(victim, "precious\n"));
    auto victimState = [&] {
        return folder ? QDir(victim).entryList(QDir::Files).join(QLatin1Char(' '))
                      : QString::fromUtf8(readFile(victim));
    };
    const QString before = victimState();
    {
        MailStore first; // the workspace exists, with its copies and markers
        first.setWorkspace(ws);
        QVERIFY(first.addSampleAccounts());
    }
    const QString at = ws + QStringLiteral("/mail/") + link;
    QVERIFY(SafeFile::removeTree(at));
    QVERIFY(QFile::link(victim, at));

    MailStore store;
    store.setWorkspace(ws);
    const Result r = store.addSampleAccounts(reset);
    QVERIFY2(r, qPrintable(r.error));
    MailStore::Account *student = store.account(QStringLiteral("student"));
    MailStore::Account *barakirs = store.account(QStringLiteral("barakirs"));
    // What is served is the sample, not the link's target.
    QCOMPARE(student->maildrop->messages().size(), 35);
    QCOMPARE(barakirs->maildrop->messages().size(), 206);
    QStringList removed;
    QVERIFY(
        store.expunge(QStringLiteral("student"), {student->maildrop->messages().at(2)}, &removed));
    QVERIFY(store.expunge(
        QStringLiteral("barakirs"), {barakirs->maildrop->messages().at(2)}, &removed));
    QCOMPARE(victimState(), before);
}

void TestMailStore::lockPathOccupiedIsToldInTheErr()
{
    pop3test::SampleStore s;
    QVERIFY2(s.setupError.isEmpty(), qPrintable(s.setupError));
    const QString lock = s.store.lockPath(QStringLiteral("student"));
    QVERIFY(QFile::link(s.dir.filePath(QStringLiteral("nowhere")), lock));
    auto session = s.newSession();
    session->start(1000);
    pop3test::send(*session, "USER student");
    const QByteArray reply = pop3test::send(*session, "PASS hessovs!");
    QVERIFY2(reply.startsWith("-ERR [SYS/TEMP] ") && reply.contains("is a symbolic link to"),
        reply.constData());
    QVERIFY(reply.contains(QFile::encodeName(lock)));
}

// An mbox written with CR-only line endings (old Mac OS) has no line an mbox reader can split:
// it was served as an empty maildrop without a word. It is refused, with the reason.
void TestMailStore::crOnlyMboxIsRefusedWithTheReason()
{
    QTemporaryDir dir;
    const QString mbox = dir.filePath(QStringLiteral("classic.mbox"));
    QByteArray data = "From a@example.net Mon Jan  3 11:02:45 2000\n" + message(1) + "\n"
        + "From b@example.net Mon Jan  3 11:02:46 2000\n" + message(2);
    data.replace('\n', '\r');
    writeFile(mbox, data);
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    const Result r = store.addAccount(QStringLiteral("mac"), QStringLiteral("pw"), mbox);
    QVERIFY(!r);
    QVERIFY2(r.error.contains(mbox) && r.error.contains(QStringLiteral("CR")), qPrintable(r.error));
}

void TestMailStore::emptyAccountsFileIsAnError()
{
    QTemporaryDir dir;
    const QString accounts = dir.filePath(QStringLiteral("accounts.txt"));
    for (const QByteArray &content : {QByteArray(), QByteArray("# nobody yet\n\n")}) {
        writeFile(accounts, content);
        MailStore store;
        store.setWorkspace(dir.filePath(QStringLiteral("ws")));
        const Result r = store.addAccountsFile(accounts);
        QVERIFY(!r);
        QVERIFY2(r.error.startsWith(accounts) && r.error.contains(QStringLiteral("no account")),
            qPrintable(r.error));
    }
}

// A process killed while it wrote a temporary beside a working copy (an mbox commit, the unique-id
// list, a marker) leaves it: the next start removes those of processes that are gone, and only
// those.
void TestMailStore::leftoverTemporariesAreClearedAtStart()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    {
        MailStore first;
        first.setWorkspace(ws);
        QVERIFY(first.addSampleAccounts());
    }
    const QString mail = ws + QStringLiteral("/mail/");
    const QString gonePid = QStringLiteral("4194305"); // above pid_max: no such process
    const QStringList stale{QStringLiteral(".barakirs.mbox.pop3lab-tmp.") + gonePid,
        QStringLiteral("..barakirs.mbox.pop3lab-uidl.pop3lab-tmp.") + gonePid,
        QStringLiteral("..student.source.pop3lab-tmp.") + gonePid};
    const QString alive =
        QStringLiteral(".barakirs.mbox.pop3lab-tmp.%1").arg(QCoreApplication::applicationPid());
    for (const QString &name : stale + QStringList{alive})
        QVERIFY(writeFile(mail + name, "half a commit"));
    MailStore store;
    store.setWorkspace(ws);
    QVERIFY(store.addSampleAccounts());
    for (const QString &name : stale)
        QVERIFY2(!QFile::exists(mail + name), qPrintable(name + QStringLiteral(" is still there")));
    QVERIFY(QFile::exists(mail + alive)); // a live process's (ours): not touched
    QCOMPARE(store.account(QStringLiteral("barakirs"))->maildrop->messages().size(), 206);
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
