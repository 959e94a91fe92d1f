// Maildrop: the three formats, wire sizes, TOP line counts, unique-ids, and the atomic expunge.

#include "mail/maildrop.h"
#include "protocol/replybody.h"
#include "support/coretestsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <dlfcn.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace pop3;
using pop3test::readFile;
using pop3test::writeFile;

namespace {

QByteArray message(const QByteArray &subject, const QByteArray &body, const char *eol = "\n")
{
    QByteArray m = "From: a@example.net\nTo: b@example.net\nSubject: " + subject + "\n\n" + body;
    m.replace("\n", eol);
    return m;
}

// RETR's body with the byte-stuffing and terminator removed, CRLF kept.
QByteArray unstuffedRetr(const MessageInfo &m, int top = -1)
{
    const QByteArray body = Maildrop::body(m, top)->readAll();
    Q_ASSERT(body.endsWith(".\r\n"));
    QByteArray out;
    const QByteArrayList lines = body.chopped(3).split('\n');
    for (QByteArray line : lines) {
        if (line.isEmpty())
            continue;
        if (line.startsWith('.'))
            line.remove(0, 1);
        out += line + '\n';
    }
    return out;
}

bool validUid(const QByteArray &uid)
{
    if (uid.isEmpty() || uid.size() > 70)
        return false;
    for (char c : uid) {
        if (uchar(c) < 0x21 || uchar(c) > 0x7e)
            return false;
    }
    return true;
}

// The path a rename() onto which kills this process at once (set only in a forked child).
QByteArray s_killAfterRenameTo;

QList<QByteArray> uidsOf(const Maildrop &drop)
{
    QList<QByteArray> uids;
    for (const MessageInfo &m : drop.messages())
        uids.append(m.uid);
    return uids;
}

} // namespace

// This test's own rename(): the code under test, linked into this executable, calls it instead of
// the C library's. It renames for real, then, in a child told to, dies by SIGKILL right after
// the chosen rename: the state a power cut or a kill at that instant leaves, exactly.
extern "C" int rename(const char *from, const char *to) noexcept
{
    using Rename = int (*)(const char *, const char *);
    static const Rename real = reinterpret_cast<Rename>(::dlsym(RTLD_NEXT, "rename"));
    const int result = real(from, to);
    if (result == 0 && !s_killAfterRenameTo.isEmpty() && s_killAfterRenameTo == to)
        ::raise(SIGKILL);
    return result;
}

class TestMaildrop : public QObject
{
    Q_OBJECT

private slots:
    void wireSizes_data();
    void wireSizes();
    void topLineCounts_data();
    void topLineCounts();
    void formatsAreDetected_data();
    void formatsAreDetected();
    void maildirReadsCurAndNew();
    void mboxrdFromLinesAreUnquoted();
    void mboxWithCrlfLineEndings();
    void uniqueIdsFollowRfc1939();
    void uniqueIdsAreStableAcrossReload();
    void mboxUniqueIdsSurviveDeletingAnIdenticalMessage();
    void mboxDuplicateXUidlKeepsTheOthersIds();
    void fileNamesThatCollideOnceCleanedKeepTheirIds_data();
    void fileNamesThatCollideOnceCleanedKeepTheirIds();
    void mboxKilledRightAfterItsRenameKeepsIds();
    void longLinesAreSentInPiecesExactly_data();
    void longLinesAreSentInPiecesExactly();
    void mboxUidListWithBadIdsServesOnlyValidIds();
    void studentSampleSizes();
    void expungeFilePerMessage();
    void journalIsRolledForwardAfterACrash();
    void journalTemporaryOfAKilledCommitIsCleared();
    void journalEntriesOutsideTheMaildropAreIgnored();
    void namesWithALineBreakAreDeletedExactly();
    void mboxExpungeKeepsTheOthersByteIdentical();
    void badPathsGiveAClearError_data();
    void badPathsGiveAClearError();

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    QString fresh() { return m_dir.filePath(QStringLiteral("case%1").arg(++m_next)); }
};

void TestMaildrop::wireSizes_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("wireSize");
    QTest::addColumn<QByteArray>("wire"); // what RETR sends, unstuffed

    QTest::newRow("LF lines count one more octet each")
        << QByteArray("A: b\n\nhello\n") << qint64(4 + 2 + 0 + 2 + 5 + 2)
        << QByteArray("A: b\r\n\r\nhello\r\n");
    QTest::newRow("CRLF lines count as they are")
        << QByteArray("A: b\r\n\r\nhello\r\n") << qint64(15) << QByteArray("A: b\r\n\r\nhello\r\n");
    QTest::newRow("mixed LF and CRLF lines")
        << QByteArray("A: b\r\n\nhello\n") << qint64(15) << QByteArray("A: b\r\n\r\nhello\r\n");
    QTest::newRow("a last line without a newline gets its CRLF counted")
        << QByteArray("A: b\n\nhello") << qint64(15) << QByteArray("A: b\r\n\r\nhello\r\n");
    QTest::newRow("dot lines are counted unstuffed") << QByteArray(
        "A: b\n\n.\n..x\n") << qint64(6 + 2 + 3 + 5) << QByteArray("A: b\r\n\r\n.\r\n..x\r\n");
    QTest::newRow("an empty file is zero octets") << QByteArray() << qint64(0) << QByteArray();
    QTest::newRow("a header without a body")
        << QByteArray("Subject: x\n") << qint64(12) << QByteArray("Subject: x\r\n");
    QTest::newRow("8-bit bytes count one octet each") << QByteArray(
        "A: b\n\ncaf\xc3\xa9\n") << qint64(6 + 2 + 7) << QByteArray("A: b\r\n\r\ncaf\xc3\xa9\r\n");
}

void TestMaildrop::wireSizes()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, wireSize);
    QFETCH(QByteArray, wire);
    const QString dir = fresh();
    QVERIFY(writeFile(dir + QStringLiteral("/m1.eml"), content));
    Maildrop drop;
    const Result r = drop.load(dir);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(drop.messages().size(), 1);
    const MessageInfo &m = drop.messages().first();
    QCOMPARE(m.wireSize, wireSize);
    QCOMPARE(drop.totalSize(), wireSize);
    QCOMPARE(unstuffedRetr(m), wire);
    auto body = Maildrop::body(m);
    body->readAll();
    QCOMPARE(
        body->contentOctets() - (wire.count("\r\n.") + (wire.startsWith('.') ? 1 : 0)), wireSize);
}

void TestMaildrop::topLineCounts_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("lines");
    QTest::addColumn<QByteArray>("top");
    const QByteArray m("From: a\nSubject: s\n\none\n.two\nthree\n");
    QTest::newRow("TOP n 0 gives the header and the blank line")
        << m << 0 << QByteArray("From: a\r\nSubject: s\r\n\r\n");
    QTest::newRow("TOP n 1 adds the first body line")
        << m << 1 << QByteArray("From: a\r\nSubject: s\r\n\r\none\r\n");
    QTest::newRow("TOP n 2 keeps a dot line (stuffed on the wire)")
        << m << 2 << QByteArray("From: a\r\nSubject: s\r\n\r\none\r\n.two\r\n");
    QTest::newRow("TOP n beyond the end gives the whole message")
        << m << 99 << QByteArray("From: a\r\nSubject: s\r\n\r\none\r\n.two\r\nthree\r\n");
    QTest::newRow("TOP of a CRLF message")
        << QByteArray("From: a\r\n\r\nb1\r\nb2\r\n") << 1 << QByteArray("From: a\r\n\r\nb1\r\n");
    QTest::newRow("TOP of a message without a body gives the header")
        << QByteArray("From: a\nSubject: s\n") << 0 << QByteArray("From: a\r\nSubject: s\r\n");
    QTest::newRow("TOP of a message without a final newline")
        << QByteArray("From: a\n\nb1\nb2") << 5 << QByteArray("From: a\r\n\r\nb1\r\nb2\r\n");
}

void TestMaildrop::topLineCounts()
{
    QFETCH(QByteArray, content);
    QFETCH(int, lines);
    QFETCH(QByteArray, top);
    const QString dir = fresh();
    QVERIFY(writeFile(dir + QStringLiteral("/m.eml"), content));
    Maildrop drop;
    QVERIFY(drop.load(dir));
    const MessageInfo &m = drop.messages().first();
    QCOMPARE(unstuffedRetr(m, lines), top);
    QCOMPARE(m.headerLines + m.bodyLines, int(unstuffedRetr(m).count('\n')));
}

void TestMaildrop::formatsAreDetected_data()
{
    QTest::addColumn<QString>("layout"); // "maildir", "eml", "mbox", "empty-dir", "empty-file"
    QTest::addColumn<int>("format");
    QTest::newRow("a folder with cur/ is a Maildir")
        << QStringLiteral("maildir") << int(Maildrop::Format::Maildir);
    QTest::newRow("a folder of .eml files")
        << QStringLiteral("eml") << int(Maildrop::Format::EmlFolder);
    QTest::newRow("a file starting with From is an mbox")
        << QStringLiteral("mbox") << int(Maildrop::Format::Mbox);
    QTest::newRow("an empty folder is an empty .eml folder")
        << QStringLiteral("empty-dir") << int(Maildrop::Format::EmlFolder);
    QTest::newRow("an empty file is an empty mbox")
        << QStringLiteral("empty-file") << int(Maildrop::Format::Mbox);
}

void TestMaildrop::formatsAreDetected()
{
    QFETCH(QString, layout);
    QFETCH(int, format);
    QString path = fresh();
    if (layout == QLatin1String("maildir"))
        QVERIFY(writeFile(path + QStringLiteral("/cur/1.host:2,S"), message("x", "y\n")));
    else if (layout == QLatin1String("eml"))
        QVERIFY(writeFile(path + QStringLiteral("/1.eml"), message("x", "y\n")));
    else if (layout == QLatin1String("mbox"))
        QVERIFY(writeFile(path, "From a Mon Jan  3 11:02:45 2000\n" + message("x", "y\n")));
    else if (layout == QLatin1String("empty-dir"))
        QVERIFY(QDir().mkpath(path));
    else
        QVERIFY(writeFile(path, QByteArray()));
    const auto detected = Maildrop::detect(path);
    QVERIFY(detected);
    QCOMPARE(int(*detected), format);
    Maildrop drop;
    QVERIFY(drop.load(path));
    QCOMPARE(drop.messages().size(), layout.startsWith(QLatin1String("empty")) ? 0 : 1);
}

void TestMaildrop::maildirReadsCurAndNew()
{
    const QString dir = fresh();
    QVERIFY(writeFile(dir + QStringLiteral("/new/1000000002.M2P1.host"), message("second", "b\n")));
    QVERIFY(
        writeFile(dir + QStringLiteral("/cur/1000000001.M1P1.host:2,S"), message("first", "a\n")));
    QVERIFY(writeFile(
        dir + QStringLiteral("/cur/1000000003.M3P1.host:2,RS"), message("third", "c\r\n", "\r\n")));
    QVERIFY(writeFile(dir + QStringLiteral("/cur/.hidden"), message("no", "no\n")));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/tmp")));
    QVERIFY(writeFile(
        dir + QStringLiteral("/tmp/1000000004.M4P1.host"), message("being delivered", "d\n")));
    Maildrop drop;
    QVERIFY(drop.load(dir));
    QCOMPARE(drop.format(), Maildrop::Format::Maildir);
    QCOMPARE(drop.messages().size(), 3);
    QCOMPARE(drop.messages().at(0).subject, QByteArray("first"));
    QCOMPARE(drop.messages().at(1).subject, QByteArray("second"));
    QCOMPARE(drop.messages().at(2).subject, QByteArray("third"));
    // The unique-id is the name without the flags, so it survives a flag change.
    QCOMPARE(drop.messages().at(0).uid, QByteArray("1000000001.M1P1.host"));
    QCOMPARE(drop.messages().at(2).uid, QByteArray("1000000003.M3P1.host"));
    QCOMPARE(drop.messages().at(2).wireSize, qint64(message("third", "c\r\n", "\r\n").size()));
}

void TestMaildrop::mboxrdFromLinesAreUnquoted()
{
    const QString path = fresh();
    const QByteArray body1(
        ">From the start of a line\n>>From deeper\n>Fromage is not quoted\n.dot\n");
    const QByteArray mbox = "From a@example.net Mon Jan  3 11:02:45 2000\n" + message("one", body1)
        + "\n" + "From b@example.net Mon Jan  3 11:02:46 2000\n" + message("two", "last\n") + "\n";
    QVERIFY(writeFile(path, mbox));
    Maildrop drop;
    QVERIFY(drop.load(path));
    QCOMPARE(drop.messages().size(), 2);
    const MessageInfo &m = drop.messages().first();
    QCOMPARE(m.subject, QByteArray("one"));
    const QByteArray expected = QByteArray(
        message("one", "From the start of a line\n>From deeper\n>Fromage is not quoted\n.dot\n"))
                                    .replace("\n", "\r\n");
    QCOMPARE(unstuffedRetr(m), expected);
    QCOMPARE(m.wireSize, qint64(expected.size()));
    QCOMPARE(Maildrop::content(m),
        message("one", "From the start of a line\n>From deeper\n>Fromage is not quoted\n.dot\n"));
    const MessageInfo &last = drop.messages().last();
    QCOMPARE(unstuffedRetr(last), QByteArray(message("two", "last\n")).replace("\n", "\r\n"));
}

void TestMaildrop::mboxWithCrlfLineEndings()
{
    const QString path = fresh();
    QByteArray mbox = "From a Mon Jan  3 11:02:45 2000\n" + message("one", "b1\n") + "\n"
        + "From b Mon Jan  3 11:02:46 2000\n" + message("two", "b2\nno final newline");
    mbox.replace("\n", "\r\n");
    QVERIFY(writeFile(path, mbox));
    Maildrop drop;
    QVERIFY(drop.load(path));
    QCOMPARE(drop.messages().size(), 2);
    QCOMPARE(unstuffedRetr(drop.messages().at(0)), QByteArray(message("one", "b1\n", "\r\n")));
    QCOMPARE(drop.messages().at(0).wireSize, qint64(message("one", "b1\n", "\r\n").size()));
    QCOMPARE(unstuffedRetr(drop.messages().at(1)),
        QByteArray(message("two", "b2\nno final newline\n", "\r\n")));
    QCOMPARE(drop.messages().at(1).wireSize,
        qint64(message("two", "b2\nno final newline\n", "\r\n").size()));
}

void TestMaildrop::uniqueIdsFollowRfc1939()
{
    const QString dir = fresh();
    QVERIFY(writeFile(dir + QStringLiteral("/plain.eml"), message("a", "a\n")));
    QVERIFY(writeFile(dir + QStringLiteral("/with space and é.eml"), message("b", "b\n")));
    QVERIFY(writeFile(
        dir + QStringLiteral("/") + QString(100, QLatin1Char('L')) + QStringLiteral(".eml"),
        message("c", "c\n")));
    QVERIFY(writeFile(dir + QStringLiteral("/withspace.eml"), message("d", "d\n")));
    Maildrop drop;
    QVERIFY(drop.load(dir));
    QCOMPARE(drop.messages().size(), 4);
    QSet<QByteArray> uids;
    for (const MessageInfo &m : drop.messages()) {
        QVERIFY2(validUid(m.uid), m.uid.constData());
        uids.insert(m.uid);
    }
    QCOMPARE(uids.size(), 4); // "with space and é" and "withspace" must not collide
}

void TestMaildrop::uniqueIdsAreStableAcrossReload()
{
    const QString dir = fresh();
    for (int i = 1; i <= 5; ++i)
        QVERIFY(writeFile(dir + QStringLiteral("/m%1.eml").arg(i), message("s", "b\n")));
    const QString mbox = fresh();
    QByteArray data;
    for (int i = 0; i < 5; ++i)
        data += "From junk Wed Feb  2 03:14:15 2000\n" + message("junk", "same\n") + "\n";
    QVERIFY(writeFile(mbox, data));
    for (const QString &path : {dir, mbox}) {
        Maildrop first;
        QVERIFY(first.load(path));
        Maildrop second; // as after a restart
        QVERIFY(second.load(path));
        QCOMPARE(first.messages().size(), 5);
        QSet<QByteArray> uids;
        for (qsizetype i = 0; i < 5; ++i) {
            QCOMPARE(second.messages().at(i).uid, first.messages().at(i).uid);
            QVERIFY(validUid(first.messages().at(i).uid));
            uids.insert(first.messages().at(i).uid);
        }
        QCOMPARE(uids.size(), 5); // identical mbox messages still get distinct ids
        QVERIFY(first.reload());
        QCOMPARE(first.messages().at(4).uid, second.messages().at(4).uid);
    }
}

void TestMaildrop::mboxUniqueIdsSurviveDeletingAnIdenticalMessage()
{
    // RFC 1939 §7: a message keeps its unique-id across sessions, even when an identical message
    // before it has been deleted.
    const QString mbox = fresh();
    QByteArray data;
    for (int i = 0; i < 4; ++i)
        data += "From junk Wed Feb  2 03:14:15 2000\n" + message("junk", "same\n") + "\n";
    QVERIFY(writeFile(mbox, data));
    Maildrop drop;
    QVERIFY(drop.load(mbox));
    const QByteArray third = drop.messages().at(2).uid;
    const QByteArray fourth = drop.messages().at(3).uid;
    const QByteArray second = drop.messages().at(1).uid;
    QVERIFY(drop.expunge({drop.messages().at(1)}));
    QCOMPARE(drop.messages().size(), 3);
    QCOMPARE(drop.messages().at(1).uid, third);
    QCOMPARE(drop.messages().at(2).uid, fourth);
    Maildrop restarted;
    QVERIFY(restarted.load(mbox));
    QCOMPARE(restarted.messages().at(1).uid, third);
    QCOMPARE(restarted.messages().at(2).uid, fourth);
    for (const MessageInfo &m : restarted.messages())
        QVERIFY(m.uid != second);
}

// Issue 12, item 15 (a): two messages with one X-UIDL. The second got a content id, and once the
// first was deleted its id became the X-UIDL: a message that stayed changed its id.
void TestMaildrop::mboxDuplicateXUidlKeepsTheOthersIds()
{
    const QString mbox = fresh();
    const QByteArray sep = "From a@example.net Wed Feb  2 03:14:15 2000\n";
    QVERIFY(writeFile(mbox,
        sep + "X-UIDL: one\n" + message("first", "1\n") + "\n" + sep + "X-UIDL: one\n"
            + message("second", "2\n") + "\n" + sep + message("third", "3\n")));
    Maildrop drop;
    QVERIFY(drop.load(mbox));
    const QList<QByteArray> before = uidsOf(drop);
    QCOMPARE(before.size(), 3);
    QCOMPARE(before.first(), QByteArray("one"));
    QVERIFY(drop.expunge({drop.messages().first()}));
    QCOMPARE(uidsOf(drop), before.mid(1));
    Maildrop restarted;
    QVERIFY(restarted.load(mbox));
    QCOMPARE(uidsOf(restarted), before.mid(1));
}

void TestMaildrop::fileNamesThatCollideOnceCleanedKeepTheirIds_data()
{
    QTest::addColumn<bool>("maildir");
    QTest::addColumn<QStringList>("names"); // in name order; the first is deleted
    QTest::newRow("Maildir: \"Subject: a\" and \"Subject: b\" (not flags after the colon)")
        << true
        << QStringList{QStringLiteral("cur/Subject: a"),
               QStringLiteral("cur/Subject: b"),
               QStringLiteral("cur/Subject: c:2,S")};
    QTest::newRow("Maildir: names differing only by a space or a tab")
        << true
        << QStringList{QStringLiteral("cur/a\tb:2,"),
               QStringLiteral("cur/a b:2,S"),
               QStringLiteral("new/ab")};
    QTest::newRow(".eml folder: \"a b\", \"a\u00e9b\" and \"ab\"")
        << false
        << QStringList{
               QStringLiteral("a b.eml"), QStringLiteral("a\u00e9b.eml"), QStringLiteral("ab.eml")};
}

// Issue 12, item 15 (b): names equal once cleaned were numbered ".2", ".3" in name order, so
// deleting the first renamed the others. Each id now depends on its own name only.
void TestMaildrop::fileNamesThatCollideOnceCleanedKeepTheirIds()
{
    QFETCH(bool, maildir);
    QFETCH(QStringList, names);
    const QString dir = fresh();
    if (maildir) {
        for (const char *sub : {"cur", "new", "tmp"})
            QVERIFY(QDir().mkpath(dir + QLatin1Char('/') + QLatin1String(sub)));
    }
    for (int i = 0; i < names.size(); ++i)
        QVERIFY(writeFile(
            dir + QLatin1Char('/') + names.at(i), message("m" + QByteArray::number(i), "body\n")));
    Maildrop drop;
    QVERIFY(drop.load(dir));
    QCOMPARE(drop.messages().size(), names.size());
    const QList<QByteArray> before = uidsOf(drop);
    for (const QByteArray &uid : before)
        QVERIFY2(validUid(uid), uid.constData());
    QCOMPARE(QSet<QByteArray>(before.begin(), before.end()).size(), names.size());
    QVERIFY(drop.expunge({drop.messages().first()}));
    QCOMPARE(uidsOf(drop), before.mid(1));
    Maildrop restarted;
    QVERIFY(restarted.load(dir));
    QCOMPARE(uidsOf(restarted), before.mid(1));
}

// Issue 12, item 15 (c): a commit killed after the mbox was replaced but before the unique-id
// list was written left a smaller mbox with the old list: identical copies and a duplicate
// X-UIDL were numbered again. The kill is real (SIGKILL right after the rename, in a child).
void TestMaildrop::mboxKilledRightAfterItsRenameKeepsIds()
{
    const QString mbox = fresh();
    const QByteArray sep = "From a@example.net Wed Feb  2 03:14:15 2000\n";
    QByteArray data;
    for (int i = 0; i < 3; ++i)
        data += sep + message("same", "same\n") + "\n";
    data += sep + "X-UIDL: one\n" + message("x", "1\n") + "\n";
    data += sep + "X-UIDL: one\n" + message("y", "2\n") + "\n";
    QVERIFY(writeFile(mbox, data));
    Maildrop drop;
    QVERIFY(drop.load(mbox));
    const QList<QByteArray> before = uidsOf(drop);
    QCOMPARE(before.size(), 5);
    for (const int victim : {0, 2}) { // a copy, then the first X-UIDL "one"
        Maildrop now;
        QVERIFY(now.load(mbox));
        const QList<QByteArray> expected = uidsOf(now).mid(0, victim) + uidsOf(now).mid(victim + 1);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            s_killAfterRenameTo = QFile::encodeName(mbox);
            now.expunge({now.messages().at(victim)});
            ::_exit(3); // the rename never came
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
            "the child was not killed right after renaming the mbox");
        Maildrop after;
        QVERIFY(after.load(mbox));
        QCOMPARE(uidsOf(after), expected);
    }
    Maildrop last;
    QVERIFY(last.load(mbox));
    QCOMPARE(uidsOf(last), (QList<QByteArray>{before.at(1), before.at(2), before.at(4)}));
}

void TestMaildrop::longLinesAreSentInPiecesExactly_data()
{
    QTest::addColumn<bool>("mbox");
    QTest::addColumn<QByteArray>("line"); // stored, without its LF
    QTest::addColumn<QByteArray>("sent"); // RETR's form of it, without its CRLF or stuffing
    const QByteArray big(200 * 1024, 'x');
    QByteArray crAtBlock = big;
    crAtBlock[64 * 1024 - 1] = '\r'; // last octet of a read block, not before the LF: kept
    QByteArray crEverywhere = big;
    for (qsizetype i = 1000; i < crEverywhere.size(); i += 65536)
        crEverywhere[i] = '\r';
    QTest::newRow("a dot first, CRLF at its end")
        << false << QByteArray("." + big + "\r") << QByteArray("." + big);
    QTest::newRow("a CR last in a read block, inside the line") << false << crAtBlock << crAtBlock;
    QTest::newRow("CRs inside the line") << false << crEverywhere << crEverywhere;
    QTest::newRow("mbox: a quoted >>From line")
        << true << QByteArray(">>From " + big) << QByteArray(">From " + big);
    QTest::newRow("mbox: '>' only for more than a block")
        << true << QByteArray(100 * 1024, '>') << QByteArray(100 * 1024, '>');
}

// Lines longer than a read block are sent in pieces (issue 12, item 10): the same octets as a
// line held whole, whatever falls on a block's edge; TOP counts such a line once.
void TestMaildrop::longLinesAreSentInPiecesExactly()
{
    QFETCH(bool, mbox);
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, sent);
    const QByteArray header = "From: a@example.net\nSubject: long\n\n";
    const QByteArray stored = header + line + "\nshort\n" + line + '\n' + line;
    const QByteArray wireHeader = "From: a@example.net\r\nSubject: long\r\n\r\n";
    const QByteArray expected = wireHeader + sent + "\r\nshort\r\n" + sent + "\r\n" + sent + "\r\n";
    QString path = fresh();
    if (mbox) {
        QVERIFY(writeFile(path, "From a@example.net Wed Feb  2 03:14:15 2000\n" + stored + '\n'));
    } else {
        QVERIFY(QDir().mkpath(path));
        QVERIFY(writeFile(path + QStringLiteral("/long.eml"), stored));
    }
    Maildrop drop;
    QVERIFY(drop.load(path));
    QCOMPARE(drop.messages().size(), 1);
    const MessageInfo &m = drop.messages().first();
    const QByteArray retr = unstuffedRetr(m);
    QCOMPARE(retr.size(), expected.size());
    QVERIFY(retr == expected);
    QCOMPARE(qint64(retr.size()), m.wireSize); // what LIST announced
    QVERIFY(unstuffedRetr(m, 1) == wireHeader + sent + "\r\n");
    QVERIFY(unstuffedRetr(m, 2) == wireHeader + sent + "\r\nshort\r\n");
}

// Found by fuzz_mbox: the ids of the unique-id side file were served as they were read, so a
// damaged or hand-edited file (CRLF endings, a stray byte, a long line) gave UIDL lines with a CR
// or a control byte in them; and a suffix of 2147483647 overflowed when the next copy was numbered.
void TestMaildrop::mboxUidListWithBadIdsServesOnlyValidIds()
{
    const QString mbox = fresh();
    QByteArray data;
    for (int i = 0; i < 6; ++i)
        data += "From junk Wed Feb  2 03:14:15 2000\n" + message("junk", "same\n") + "\n";
    QVERIFY(writeFile(mbox, data));
    Maildrop drop;
    QVERIFY(drop.load(mbox));
    QVERIFY(drop.expunge({drop.messages().at(0)})); // writes the side file
    const QString uidFile = QFileInfo(mbox).dir().filePath(
        QLatin1Char('.') + QFileInfo(mbox).fileName() + QStringLiteral(".pop3lab-uidl"));
    const QByteArray hash = readFile(uidFile).split(' ').value(0);
    QCOMPARE(hash.size(), 16);
    QVERIFY(writeFile(uidFile,
        hash + " kept-id\n" + hash + " crlf-id\r\n" + hash + " bad\x01id\n" + hash + ' '
            + QByteArray(80, 'x') + '\n' + hash + ' ' + hash + ".2147483647\n"));
    Maildrop restarted;
    QVERIFY(restarted.load(mbox));
    QCOMPARE(restarted.messages().size(), 5);
    QCOMPARE(restarted.messages().at(0).uid, QByteArray("kept-id")); // a valid id is kept
    QSet<QByteArray> uids;
    for (const MessageInfo &m : restarted.messages()) {
        QVERIFY2(validUid(m.uid), m.uid.toHex(' ').constData());
        uids.insert(m.uid);
    }
    QCOMPARE(uids.size(), 5);
}

void TestMaildrop::studentSampleSizes()
{
    Maildrop drop;
    const Result r = drop.load(QStringLiteral(POP3LAB_SOURCE_DIR "/resources/mailbox/student"));
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(drop.format(), Maildrop::Format::EmlFolder);
    QCOMPARE(drop.messages().size(), 35);
    QCOMPARE(drop.totalSize(), 23183);
    QCOMPARE(drop.messages().at(0).wireSize, 376);
    QCOMPARE(drop.messages().at(2).wireSize, 393);
    QCOMPARE(drop.messages().at(4).wireSize + drop.messages().at(33).wireSize, 665);
    QCOMPARE(drop.messages().at(0).uid, QByteArray("000000016553f100"));
    for (const MessageInfo &m : drop.messages())
        QCOMPARE(qint64(unstuffedRetr(m).size()), m.wireSize);

    Maildrop bomb;
    QVERIFY(bomb.load(QStringLiteral(POP3LAB_SOURCE_DIR "/resources/mailbox/barakirs.mbox")));
    QCOMPARE(bomb.format(), Maildrop::Format::Mbox);
    QCOMPARE(bomb.messages().size(), 206);
    QSet<QByteArray> uids;
    QSet<qint64> junkSizes;
    for (const MessageInfo &m : bomb.messages()) {
        QVERIFY(validUid(m.uid));
        uids.insert(m.uid);
        QCOMPARE(qint64(unstuffedRetr(m).size()), m.wireSize);
        if (m.from.contains("bomb"))
            junkSizes.insert(m.wireSize);
    }
    QCOMPARE(uids.size(), 206);
    QCOMPARE(junkSizes.size(), 1);
}

void TestMaildrop::expungeFilePerMessage()
{
    const QString dir = fresh();
    for (int i = 1; i <= 5; ++i)
        QVERIFY(writeFile(
            dir + QStringLiteral("/m%1.eml").arg(i), message("s" + QByteArray::number(i), "b\n")));
    Maildrop drop;
    QVERIFY(drop.load(dir));
    QStringList removed;
    const Result r = drop.expunge({drop.messages().at(1), drop.messages().at(3)}, &removed);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(
        removed, (QStringList{dir + QStringLiteral("/m2.eml"), dir + QStringLiteral("/m4.eml")}));
    QCOMPARE(drop.messages().size(), 3);
    QCOMPARE(drop.messages().at(1).subject, QByteArray("s3"));
    QVERIFY(!QFile::exists(dir + QStringLiteral("/m2.eml")));
    QVERIFY(QFile::exists(dir + QStringLiteral("/m3.eml")));
    QVERIFY(!QFile::exists(dir + QLatin1Char('/') + Maildrop::journalName()));
    QVERIFY(drop.expunge({}));
    QCOMPARE(drop.messages().size(), 3);
}

void TestMaildrop::journalIsRolledForwardAfterACrash()
{
    // A crash after the journal was written and some files removed: the next load finishes the
    // job, removing every asked deletion and nothing else.
    for (const bool maildir : {false, true}) {
        const QString dir = fresh();
        QStringList names;
        for (int i = 1; i <= 6; ++i) {
            const QString name = maildir ? QStringLiteral("cur/100%1.M1P1.host:2,S").arg(i)
                                         : QStringLiteral("m%1.eml").arg(i);
            names.append(name);
            QVERIFY(writeFile(dir + QLatin1Char('/') + name, message("s", "b\n")));
        }
        if (maildir)
            QVERIFY(QDir().mkpath(dir + QStringLiteral("/new")));
        QVERIFY(writeFile(dir + QLatin1Char('/') + Maildrop::journalName(),
            (names.at(0) + QLatin1Char('\n') + names.at(2) + QLatin1Char('\n') + names.at(4)
                + QLatin1Char('\n'))
                .toUtf8()));
        QVERIFY(
            QFile::remove(dir + QLatin1Char('/') + names.at(0))); // the crash came after this one
        Maildrop drop;
        const Result r = drop.load(dir);
        QVERIFY2(r, qPrintable(r.error));
        QCOMPARE(drop.messages().size(), 3);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(QFile::exists(dir + QLatin1Char('/') + names.at(i)), i % 2 == 1);
        QVERIFY(!QFile::exists(dir + QLatin1Char('/') + Maildrop::journalName()));
    }
}

// Found by tst_crashcampaign: a commit killed while it wrote its journal (atomically, through a
// temporary) left "..pop3lab-expunge.pop3lab-tmp.<pid>" in the maildrop for ever. The mbox's
// temporaries were already cleared at load; these now are too (a live process's are kept), and
// the half-written journal is never acted on: the commit did not happen.
void TestMaildrop::journalTemporaryOfAKilledCommitIsCleared()
{
    for (const bool maildir : {false, true}) {
        const QString dir = fresh();
        const QString name =
            maildir ? QStringLiteral("cur/1001.M1P1.host:2,S") : QStringLiteral("m1.eml");
        QVERIFY(writeFile(dir + QLatin1Char('/') + name, message("s", "b\n")));
        if (maildir)
            QVERIFY(QDir().mkpath(dir + QStringLiteral("/new")));
        const QString prefix =
            dir + QStringLiteral("/.") + Maildrop::journalName() + QStringLiteral(".pop3lab-tmp.");
        const QString dead = prefix + QStringLiteral("4194305"); // above pid_max: no such process
        const QString alive = prefix + QString::number(QCoreApplication::applicationPid());
        QVERIFY(writeFile(dead, name.toUtf8()));
        QVERIFY(writeFile(alive, name.toUtf8()));
        Maildrop drop;
        const Result r = drop.load(dir);
        QVERIFY2(r, qPrintable(r.error));
        QVERIFY2(!QFile::exists(dead), qPrintable(dead));
        QVERIFY(QFile::exists(alive));
        QCOMPARE(drop.messages().size(), 1);
        QVERIFY(drop.takeWarnings().join(QLatin1Char(' ')).contains(dead));
    }
}

// A file name may hold a newline (found by fuzz_mail): deleting "a.eml<LF>b.eml" removed b.eml,
// another message, and left the asked one. The journal separates names with NUL now.
void TestMaildrop::namesWithALineBreakAreDeletedExactly()
{
    for (const bool maildir : {false, true}) {
        const QString dir = fresh();
        const QString folder = maildir ? QStringLiteral("/cur/") : QStringLiteral("/");
        const QString asked = maildir ? QStringLiteral("1.M1P1.host\n2.M2P2.host:2,S")
                                      : QStringLiteral("a.eml\nb.eml");
        const QString other = maildir ? QStringLiteral("2.M2P2.host:2,S") : QStringLiteral("b.eml");
        QVERIFY(writeFile(dir + folder + asked, message("asked", "x\n")));
        QVERIFY(writeFile(dir + folder + other, message("other", "y\n")));
        if (maildir)
            QVERIFY(QDir().mkpath(dir + QStringLiteral("/new")));
        Maildrop drop;
        QVERIFY(drop.load(dir));
        QCOMPARE(drop.messages().size(), 2);
        const MessageInfo victim = drop.messages().at(0).subject == "asked" ? drop.messages().at(0)
                                                                            : drop.messages().at(1);
        const Result r = drop.expunge({victim});
        QVERIFY2(r, qPrintable(r.error));
        QVERIFY2(QFile::exists(dir + folder + other), "another message was removed");
        QVERIFY2(!QFile::exists(dir + folder + asked), "the message asked for is still there");
        QCOMPARE(drop.messages().size(), 1);
        QCOMPARE(drop.messages().at(0).subject, QByteArray("other"));
    }
}

// The journal is a workspace file: whatever it says, nothing outside the maildrop's message
// folders is removed, and what was ignored is reported.
void TestMaildrop::journalEntriesOutsideTheMaildropAreIgnored()
{
    QTemporaryDir outside;
    const QString top = outside.filePath(QStringLiteral("a/b/c"));
    const QString dir = top + QStringLiteral("/Maildir");
    const QString kept = QStringLiteral("cur/1001.M1P1.host:2,S");
    const QString asked = QStringLiteral("cur/1002.M2P1.host:2,S");
    QVERIFY(writeFile(dir + QLatin1Char('/') + kept, message("kept", "b\n")));
    QVERIFY(writeFile(dir + QLatin1Char('/') + asked, message("asked", "b\n")));
    QVERIFY(writeFile(dir + QStringLiteral("/tmp/1003.M3P1.host"), message("delivering", "b\n")));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/new")));
    const QStringList victims{outside.filePath(QStringLiteral("victim.txt")),
        outside.filePath(QStringLiteral("a/victim2.txt")),
        outside.filePath(QStringLiteral("a/b/c/victim3.txt"))};
    for (const QString &v : victims)
        QVERIFY(writeFile(v, "precious\n"));
    const QByteArray journal = "../../../victim.txt\n" + outside.filePath("a/victim2.txt").toUtf8()
        + "\ncur/../../victim3.txt\ntmp/1003.M3P1.host\n.\n" + asked.toUtf8() + "\n";
    QVERIFY(writeFile(dir + QLatin1Char('/') + Maildrop::journalName(), journal));
    Maildrop drop;
    const Result r = drop.load(dir);
    QVERIFY2(r, qPrintable(r.error));
    for (const QString &v : victims)
        QVERIFY2(QFile::exists(v), qPrintable(v + QStringLiteral(" was removed")));
    QVERIFY(QFile::exists(dir + QStringLiteral("/tmp/1003.M3P1.host")));
    QVERIFY(QFile::exists(dir + QLatin1Char('/') + kept));
    QVERIFY(!QFile::exists(dir + QLatin1Char('/') + asked)); // the one valid entry was done
    QVERIFY(!QFile::exists(dir + QLatin1Char('/') + Maildrop::journalName()));
    QCOMPARE(drop.messages().size(), 1);
    const QStringList warnings = drop.takeWarnings();
    // The five entries ignored, then the interrupted commit finished (its one valid entry).
    QCOMPARE(warnings.size(), 6);
    QVERIFY2(warnings.first().contains(QStringLiteral("../../../victim.txt")),
        qPrintable(warnings.join(QLatin1Char('\n'))));
    QVERIFY2(warnings.last().contains(QStringLiteral("interrupted half-way was finished")),
        qPrintable(warnings.last()));
    QVERIFY(drop.takeWarnings().isEmpty());
}

void TestMaildrop::mboxExpungeKeepsTheOthersByteIdentical()
{
    const QString path = fresh();
    const QByteArrayList separators{"From a Mon Jan  3 11:02:45 2000\n",
        "From b Mon Jan  3 11:02:46 2000\n",
        "From c Mon Jan  3 11:02:47 2000\n",
        "From d Mon Jan  3 11:02:48 2000\n"};
    const QByteArrayList bodies{message("one", "1\n>From quoted\n"),
        message("two", "2\n.dot\n"),
        message("three", "3\r\n", "\r\n"),
        message("four", "4\n")};
    QByteArray data;
    for (int i = 0; i < 4; ++i)
        data += separators.at(i) + bodies.at(i) + "\n";
    QVERIFY(writeFile(path, data));
    Maildrop drop;
    QVERIFY(drop.load(path));
    QCOMPARE(drop.messages().size(), 4);
    QStringList removed;
    QVERIFY(drop.expunge({drop.messages().at(0), drop.messages().at(2)}, &removed));
    QCOMPARE(removed.size(), 2);
    QCOMPARE(readFile(path),
        separators.at(1) + bodies.at(1) + "\n" + separators.at(3) + bodies.at(3) + "\n");
    QCOMPARE(drop.messages().size(), 2);
    QCOMPARE(drop.messages().at(0).subject, QByteArray("two"));
    QVERIFY(drop.expunge({drop.messages().at(1)}));
    QCOMPARE(readFile(path), separators.at(1) + bodies.at(1) + "\n");
    QVERIFY(drop.expunge({drop.messages().at(0)}));
    QCOMPARE(readFile(path), QByteArray());
    QCOMPARE(drop.messages().size(), 0);
}

void TestMaildrop::badPathsGiveAClearError_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("a missing path")
        << QStringLiteral("missing") << QStringLiteral("does not exist");
    QTest::newRow("a file that is not an mbox")
        << QStringLiteral("notmbox") << QStringLiteral("is not an mbox");
    QTest::newRow("a folder of other files")
        << QStringLiteral("otherdir") << QStringLiteral("neither a Maildir");
    QTest::newRow("an unreadable message")
        << QStringLiteral("unreadable") << QStringLiteral("cannot read message");
}

void TestMaildrop::badPathsGiveAClearError()
{
    QFETCH(QString, kind);
    QFETCH(QString, mentions);
    QString path = fresh();
    if (kind == QLatin1String("notmbox")) {
        QVERIFY(writeFile(path, "Subject: not an mbox\n\nx\n"));
    } else if (kind == QLatin1String("otherdir")) {
        QVERIFY(writeFile(path + QStringLiteral("/notes.txt"), "x"));
    } else if (kind == QLatin1String("unreadable")) {
        QVERIFY(writeFile(path + QStringLiteral("/m.eml"), message("x", "y\n")));
        QFile::setPermissions(path + QStringLiteral("/m.eml"), QFileDevice::Permissions());
        if (QFile(path + QStringLiteral("/m.eml")).open(QIODevice::ReadOnly))
            QSKIP("running as root: permissions do not stop reading");
    }
    Maildrop drop;
    const Result r = drop.load(path);
    QVERIFY(!r);
    QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
    QVERIFY2(r.error.contains(path), qPrintable(r.error));
}

QTEST_GUILESS_MAIN(TestMaildrop)
#include "tst_maildrop.moc"
