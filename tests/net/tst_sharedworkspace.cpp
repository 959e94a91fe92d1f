// Two processes on one workspace, as the window and pop3lab-server share the default one: the
// real pop3lab-server binary and an in-process Pop3Server serve the same working copy, turn by
// turn. Each login must see what the other committed: the right message under each number, the
// octet count of the message sent, and DELE n removes the message served as n.

#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "support/anyloopmain.h"
#include "support/pop3testclient.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;
using pop3test::Client;
using pop3test::ServerProcess;

namespace {

constexpr int messageCount = 40;

QByteArray message(int n)
{
    return "From: teacher@lab.example.edu\nSubject: note " + QByteArray::number(n)
        + "\n\nbody of note " + QByteArray::number(n) + "\n" + QByteArray(40 * n, 'x') + "\n";
}

QString makeSource(const QString &dir, bool mbox)
{
    QList<QByteArray> messages;
    for (int n = 1; n <= messageCount; ++n)
        messages.append(message(n));
    if (mbox) {
        const QString path = QDir(dir).filePath(QStringLiteral("class.mbox"));
        pop3test::writeFile(path, pop3test::mboxOf(messages));
        return path;
    }
    const QString path = QDir(dir).filePath(QStringLiteral("Maildir"));
    for (const char *sub : {"cur", "new", "tmp"})
        QDir().mkpath(QDir(path).filePath(QLatin1String(sub)));
    for (int n = 1; n <= messageCount; ++n)
        pop3test::writeFile(
            QDir(path).filePath(QStringLiteral("cur/%1.M%2P7.lab:2,").arg(1788000000 + n).arg(n)),
            messages.at(n - 1));
    return path;
}

// Logs in, checks that the maildrop holds exactly the expected messages in order (RETR of each,
// the octet count of its +OK included), deletes the messages numbered dele, and quits.
QString checkAndDelete(quint16 port, const QList<int> &expected, const QList<int> &dele)
{
    Client c;
    if (!c.open(port).startsWith("+OK") || !c.login("student", "pw"))
        return QStringLiteral("no login");
    const QByteArray stat = c.command("STAT");
    if (stat.split(' ').value(1).toInt() != expected.size())
        return QStringLiteral("STAT says %1, expected %2 messages")
            .arg(QString::fromLatin1(stat.trimmed()))
            .arg(expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const QByteArray body = pop3test::wireBody(message(expected.at(i)));
        const QByteArray reply = c.multiLineCommand("RETR " + QByteArray::number(i + 1));
        const QByteArray head = reply.left(reply.indexOf('\n') + 1);
        if (reply.mid(head.size()) != body)
            return QStringLiteral("RETR %1 did not send message %2").arg(i + 1).arg(expected.at(i));
        const QByteArray announced = "+OK " + QByteArray::number(body.size() - 3) + ' ';
        if (!head.startsWith(announced))
            return QStringLiteral("RETR %1 announced %2").arg(i + 1).arg(QString::fromLatin1(head));
    }
    for (int n : dele) {
        if (!c.command("DELE " + QByteArray::number(n)).startsWith("+OK"))
            return QStringLiteral("DELE %1 refused").arg(n);
    }
    const QByteArray quit = c.command("QUIT");
    if (!quit.startsWith("+OK"))
        return QStringLiteral("QUIT: %1").arg(QString::fromLatin1(quit));
    return {};
}

} // namespace

class TestSharedWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void binaryAndWindowTakeTurns_data();
    void binaryAndWindowTakeTurns();
};

void TestSharedWorkspace::binaryAndWindowTakeTurns_data()
{
    QTest::addColumn<bool>("mbox");
    QTest::newRow("a Maildir working copy") << false;
    QTest::newRow("an mbox working copy") << true;
}

void TestSharedWorkspace::binaryAndWindowTakeTurns()
{
    QFETCH(bool, mbox);
    QTemporaryDir dir;
    const QString source = makeSource(dir.path(), mbox);
    const QString workspace = dir.filePath(QStringLiteral("ws"));

    // The window: an in-process server, started first (it makes the working copy).
    EventLog log;
    MailStore store(&log);
    store.setWorkspace(workspace);
    QVERIFY(store.addAccount(QStringLiteral("student"), QStringLiteral("pw"), source));
    Pop3Server window(&log, &store, *Personality::load(Personality::defaultId()));
    Pop3Server::Options options;
    options.port = 0;
    QVERIFY(window.listen(options));

    // pop3lab-server on the same workspace: it finds the copy and serves it too.
    ServerProcess binary;
    QVERIFY2(binary.start({"--workspace",
                 workspace,
                 "--mailbox",
                 source,
                 "--user",
                 "student",
                 "--password",
                 "pw",
                 "--quiet"}),
        binary.standardError().constData());

    QList<int> left;
    for (int n = 1; n <= messageCount; ++n)
        left.append(n);
    auto deleted = [&left](const QList<int> &numbers) {
        QList<int> gone;
        for (int n : numbers)
            gone.append(left.at(n - 1));
        for (int m : gone)
            left.removeOne(m);
    };

    QString error = checkAndDelete(binary.port(), left, {5, 7});
    QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("binary, first turn: ") + error));
    deleted({5, 7});
    error = checkAndDelete(window.port(), left, {5, 30});
    QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("window, after the binary: ") + error));
    deleted({5, 30});
    error = checkAndDelete(binary.port(), left, {1});
    QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("binary, after the window: ") + error));
    deleted({1});
    error = checkAndDelete(window.port(), left, {});
    QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("window, last: ") + error));
    QCOMPARE(left.size(), messageCount - 5);
    QCOMPARE(binary.stop(), 0);
}

POP3LAB_GUILESS_MAIN_ANY_LOOP(TestSharedWorkspace)
#include "tst_sharedworkspace.moc"
