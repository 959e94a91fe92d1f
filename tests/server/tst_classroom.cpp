// pop3lab-server for a class, the real binary over real TCP on 127.0.0.1: --class makes the
// accounts (each on its own mailbox), --slips prints them, --listen beyond this machine warns,
// --observer streams the class to whoever has the token.

#include "support/pop3testclient.h"
#include "support/serverprocess.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using pop3test::Client;
using pop3test::ServerProcess;

namespace {

struct Account
{
    QByteArray user;
    QByteArray password;
    QByteArray mailbox;
};

// The generated accounts file, read as a student's teacher would (its fields are bare words).
QList<Account> readAccounts(const QString &path)
{
    QList<Account> accounts;
    for (const QByteArray &line : pop3test::readFile(path).split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (line.startsWith('#') || f.size() != 3)
            continue;
        accounts.append({f.at(0), f.at(1), f.at(2)});
    }
    return accounts;
}

// Waits until the server's standard output has a line matching re; returns the match.
QRegularExpressionMatch waitForOutput(ServerProcess &server, const QRegularExpression &re)
{
    QRegularExpressionMatch m;
    pop3test::waitUntil(
        &server.process(),
        [&] {
            m = re.match(
                QString::fromUtf8(server.standardOutput() + server.process().peek(1 << 16)));
            return m.hasMatch();
        },
        10000,
        &QProcess::readyReadStandardOutput);
    return m;
}

} // namespace

class TestClassroom : public QObject
{
    Q_OBJECT

private slots:
    void classAccountsEachLogInToTheirOwnMailbox();
    void classFromAnotherMailbox();
    void loginSlipsArePrinted();
    void loginSlipsSpeakTheClassLanguage();
    void startingTheClassAgainChangesNothing();
    void classOptionsErrors_data();
    void classOptionsErrors();
    void listeningBeyondThisMachineWarns();
    void observerNeedsTheToken();
    void controlSocketResetsOneStudent();
    void studentsHandInAnswers();
};

void TestClassroom::classAccountsEachLogInToTheirOwnMailbox()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("class/accounts.txt"));
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
                             dir.filePath(QStringLiteral("ws")),
                             "--class",
                             "60",
                             "--accounts-out",
                             out,
                             "--no-login-delay"},
        30000));
    const QRegularExpressionMatch made = waitForOutput(
        server, QRegularExpression(QStringLiteral("class of 60 accounts made in (\\d+) ms")));
    QVERIFY2(made.hasMatch(), server.standardOutput().constData());
    qInfo("60 accounts and their mailboxes made in %s ms", qPrintable(made.captured(1)));
    QCOMPARE(
        QFileInfo(out).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    const QList<Account> accounts = readAccounts(out);
    QCOMPARE(accounts.size(), 60);
    QCOMPARE(accounts.first().user, QByteArray("student01"));
    QCOMPARE(accounts.last().user, QByteArray("student60"));

    // All 60 at once, each deleting as many messages as its number says (mod 5) and committing.
    std::vector<std::unique_ptr<Client>> clients;
    for (const Account &a : accounts) {
        clients.push_back(std::make_unique<Client>());
        QVERIFY(clients.back()->open(server.port()).startsWith("+OK"));
        QVERIFY2(clients.back()->login(a.user, a.password), a.user.constData());
    }
    for (int i = 0; i < 60; ++i) {
        QCOMPARE(clients[size_t(i)]->command("STAT"), QByteArray("+OK 35 23183\r\n"));
        for (int n = 1; n <= i % 5; ++n)
            QVERIFY(clients[size_t(i)]->command("DELE " + QByteArray::number(n)).startsWith("+OK"));
        QVERIFY(clients[size_t(i)]->command("QUIT").startsWith("+OK"));
    }
    for (int i = 0; i < 60; ++i) {
        Client again;
        QVERIFY(again.open(server.port()).startsWith("+OK"));
        QVERIFY(again.login(accounts.at(i).user, accounts.at(i).password));
        QVERIFY2(again.command("STAT").startsWith(
                     QByteArray("+OK " + QByteArray::number(35 - i % 5) + " ")),
            accounts.at(i).user.constData());
        QVERIFY(again.command("QUIT").startsWith("+OK"));
    }

    // Nobody reads another student's mailbox: their own password does not open it.
    Client intruder;
    QVERIFY(intruder.open(server.port()).startsWith("+OK"));
    QVERIFY(intruder.command("USER student02").startsWith("+OK"));
    QVERIFY(intruder.command("PASS " + accounts.at(0).password).startsWith("-ERR [AUTH]"));
    QVERIFY(intruder.command("USER student").startsWith("+OK")); // no sample account either
    QVERIFY(intruder.command("PASS hessovs!").startsWith("-ERR [AUTH]"));
    QCOMPARE(server.stop(), 0);

    // The file serves the same class again, passwords unchanged, mailboxes as they were left.
    ServerProcess again;
    QVERIFY(again.start({"--workspace", dir.filePath(QStringLiteral("ws")), "--accounts", out}));
    Client c;
    QVERIFY(c.open(again.port()).startsWith("+OK"));
    QVERIFY(c.login(accounts.at(3).user, accounts.at(3).password));
    QVERIFY(c.command("STAT").startsWith("+OK 32 "));
    QCOMPARE(again.stop(), 0);
}

void TestClassroom::classFromAnotherMailbox()
{
    QTemporaryDir dir;
    const QString box = dir.filePath(QStringLiteral("lab mail.mbox"));
    QByteArray mbox;
    for (int i = 1; i <= 3; ++i)
        mbox += "From a@example.edu Tue Sep  1 08:00:00 2026\nSubject: m" + QByteArray::number(i)
            + "\n\nbody\n\n";
    QVERIFY(pop3test::writeFile(box, mbox));
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
        dir.filePath(QStringLiteral("ws")),
        "--class",
        "2",
        "--class-prefix",
        "net210-",
        "--mailbox",
        box}));
    const QList<Account> accounts =
        readAccounts(dir.filePath(QStringLiteral("ws/class-accounts.txt")));
    QCOMPARE(accounts.size(), 0); // the mailbox path has a space: quoted, so not a bare word
    const QByteArray text =
        pop3test::readFile(dir.filePath(QStringLiteral("ws/class-accounts.txt")));
    QVERIFY2(text.contains("net210-01 ") && text.contains(QByteArray("\"" + box.toUtf8() + "\"")),
        text.constData());
    const QByteArray line = text.mid(text.indexOf("net210-02 "));
    const QByteArray password = line.split(' ').at(1);
    Client c;
    QVERIFY(c.open(server.port()).startsWith("+OK"));
    QVERIFY(c.login("net210-02", password));
    QVERIFY(c.command("STAT").startsWith("+OK 3 "));
    QCOMPARE(server.stop(), 0);
}

void TestClassroom::loginSlipsArePrinted()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("slips.pdf"));
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
        dir.filePath(QStringLiteral("ws")),
        "--class",
        "10",
        "--slips",
        pdf,
        "--slips-host",
        "lab.example.edu"}));
    QVERIFY(waitForOutput(server, QRegularExpression(QStringLiteral("login slips for 10 accounts")))
                .hasMatch());
    const QByteArray bytes = pop3test::readFile(pdf);
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(
        QFileInfo(pdf).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)\\b"));
    int pages = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(bytes)); it.hasNext(); it.next())
        ++pages;
    QCOMPARE(pages, 2); // 8 cards a page: 10 take two
    QCOMPARE(server.stop(), 0);
}

// A French class (--lesson-language fr) gets French cards, and every value starts 3 mm after its
// label: "Vos réponses :" nearly fills the 24 mm the English labels needed (1.3 mm were left). Read
// back with pdftotext -bbox (poppler-utils, which scripts/setup.sh installs).
void TestClassroom::loginSlipsSpeakTheClassLanguage()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("slips.pdf"));
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
        dir.filePath(QStringLiteral("ws")),
        "--class",
        "3",
        "--lesson-language",
        "fr",
        "--answers",
        "127.0.0.1:0",
        "--slips",
        pdf}));
    QVERIFY(waitForOutput(server, QRegularExpression(QStringLiteral("login slips for 3 accounts")))
                .hasMatch());
    QCOMPARE(server.stop(), 0);
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    QVERIFY2(text.waitForFinished(30'000) && text.exitCode() == 0,
        "pdftotext (poppler-utils) could not read the slips");
    const QString page = QString::fromUtf8(text.readAllStandardOutput());

    struct Word
    {
        QString text;
        double xMin, yMin, xMax;
    };

    QList<Word> words;
    static const QRegularExpression word(QStringLiteral(
        R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>)re"));
    for (auto it = word.globalMatch(page); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        words.append({m.captured(4),
            m.captured(1).toDouble(),
            m.captured(2).toDouble(),
            m.captured(3).toDouble()});
    }
    const QString all = page;
    for (const char *french : {"TP",
             "Serveur",
             "Utilisateur",
             "Mot",
             "passe",
             "Premières",
             "commandes",
             "Vos",
             "réponses"})
        QVERIFY2(words.end()
                != std::find_if(words.begin(),
                    words.end(),
                    [&](const Word &w) {
                        return w.text == QString::fromUtf8(french);
                    }),
            french);
    for (const char *english : {"Password", "Server", "answers", "account"})
        QVERIFY2(!all.contains(QLatin1String(english)), english);
    // On each card the value right of "réponses :" and of "passe" starts 3 mm (8.5 pt) after the
    // label ends.
    int checked = 0;
    for (const Word &label : words) {
        if (label.text != QLatin1String(":") && label.text != QLatin1String("passe"))
            continue;
        for (const Word &value : words) {
            if (qAbs(value.yMin - label.yMin) < 2 && value.xMin > label.xMin
                && (value.text == QLatin1String("telnet") || value.text.size() >= 8)) {
                QVERIFY2(value.xMin >= label.xMax + 8,
                    qPrintable(QStringLiteral("\"%1\" ends at %2 pt, \"%3\" starts at %4 pt")
                                   .arg(label.text)
                                   .arg(label.xMax)
                                   .arg(value.text)
                                   .arg(value.xMin)));
                ++checked;
            }
        }
    }
    QCOMPARE_GE(checked, 6); // three cards, two lines each
}

// Teacher's trial: the start command run again by mistake (same ports, same workspace) failed to
// listen only after it had written 60 new passwords over the accounts file and copied every
// mailbox afresh under the running class (a student's deleted message came back; nobody could
// log in with the file's passwords). Run again, on the same ports or on others, it must change
// nothing and say why.
void TestClassroom::startingTheClassAgainChangesNothing()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    ServerProcess server;
    QVERIFY(server.start({"--workspace", ws, "--class", "3", "--no-login-delay"}, 30000));
    const QString accountsPath = ws + QStringLiteral("/class-accounts.txt");
    const QList<Account> accounts = readAccounts(accountsPath);
    QCOMPARE(accounts.size(), 3);
    const QByteArray accountsBefore = pop3test::readFile(accountsPath);
    {
        Client c;
        QVERIFY(c.open(server.port()).startsWith("+OK"));
        QVERIFY(c.login(accounts.first().user, accounts.first().password));
        QVERIFY(c.command("DELE 1").startsWith("+OK"));
        QVERIFY(c.command("QUIT").startsWith("+OK"));
    }
    const QString port = QString::number(server.port());
    for (const QStringList &listen :
        {QStringList{"--listen", "127.0.0.1:" + port}, QStringList{"--listen", "127.0.0.1:0"}}) {
        const pop3test::RunResult again =
            pop3test::runServer(QStringList{"--workspace", ws, "--class", "3"} + listen, 30000);
        QVERIFY2(!again.crashed, again.err.constData());
        QVERIFY2(again.exitCode != 0, again.out.constData());
        QVERIFY2(again.err.startsWith("pop3lab-server: ") && again.err.count('\n') == 1,
            again.err.constData());
        QVERIFY2(again.err.contains("nothing was changed"), again.err.constData());
        QCOMPARE(pop3test::readFile(accountsPath), accountsBefore);
        Client c;
        QVERIFY(c.open(server.port()).startsWith("+OK"));
        QVERIFY(c.login(accounts.first().user, accounts.first().password));
        QVERIFY2(c.command("STAT").startsWith("+OK 34 "), "the deleted message came back");
        QVERIFY(c.command("QUIT").startsWith("+OK"));
    }
    QCOMPARE(server.stop(), 0);
    // Once that server has stopped, the workspace takes a new class.
    ServerProcess next;
    QVERIFY(next.start({"--workspace", ws, "--class", "3"}, 30000));
    QVERIFY(pop3test::readFile(accountsPath) != accountsBefore); // new passwords
    QCOMPARE(next.stop(), 0);
}

void TestClassroom::classOptionsErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    QTest::newRow("no student") << QStringList{"--class", "0"} << QStringLiteral("--class");
    QTest::newRow("not a number") << QStringList{"--class", "many"} << QStringLiteral("many");
    QTest::newRow("too many students") << QStringList{"--class", "5000"} << QStringLiteral("999");
    QTest::newRow("a class and an accounts file")
        << QStringList{"--class", "3", "--accounts", "a.txt"} << QStringLiteral("--accounts");
    QTest::newRow("a class with --user")
        << QStringList{"--class", "3", "--user", "bob"} << QStringLiteral("--user");
    QTest::newRow("a prefix without a class")
        << QStringList{"--class-prefix", "s"} << QStringLiteral("--class-prefix");
    QTest::newRow("an accounts output without a class")
        << QStringList{"--accounts-out", "a.txt"} << QStringLiteral("--accounts-out");
    QTest::newRow("a prefix that makes bad names")
        << QStringList{"--class", "2", "--class-prefix", "a/b"} << QStringLiteral("slash");
    QTest::newRow("a slips host without slips")
        << QStringList{"--slips-host", "h"} << QStringLiteral("--slips");
    QTest::newRow("an observer port that is no port")
        << QStringList{"--observer", "eleven"} << QStringLiteral("eleven");
    QTest::newRow("the observer on the POP3 port")
        << QStringList{"--listen", "127.0.0.1:1110", "--observer", "1110"}
        << QStringLiteral("POP3 port");
    QTest::newRow("the answers on the POP3 port")
        << QStringList{"--class", "2", "--listen", "127.0.0.1:1110", "--answers", "1110"}
        << QStringLiteral("POP3 port");
    QTest::newRow("answers without a class")
        << QStringList{"--answers", "1112"} << QStringLiteral("--answers");
    QTest::newRow("answers with no lesson")
        << QStringList{"--class", "2", "--class-lesson", "none", "--answers", "1112"}
        << QStringLiteral("--answers");
    QTest::newRow("an unknown lesson")
        << QStringList{"--class", "2", "--class-lesson", "99"} << QStringLiteral("'99'");
}

void TestClassroom::classOptionsErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    QTemporaryDir workspace;
    const pop3test::RunResult r = pop3test::runServer(
        QStringList{"--workspace", workspace.path(), "--listen", "127.0.0.1:0"} + args);
    QVERIFY2(!r.crashed, r.err.constData());
    QVERIFY2(r.exitCode != 0, r.out.constData());
    QVERIFY2(r.err.startsWith("pop3lab-server: ") && r.err.count('\n') == 1, r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(named), r.err.constData());
    QVERIFY2(!r.out.contains("listening"), r.out.constData());
}

void TestClassroom::listeningBeyondThisMachineWarns()
{
    QTemporaryDir dir;
    ServerProcess server;
    // start() expects 127.0.0.1 in the first line: here it is not, by design.
    QVERIFY(!server.start({"--workspace", dir.path(), "--listen", "0.0.0.0:0", "--quiet"}));
    QVERIFY2(server.firstLine().contains("listening on 0.0.0.0:"), server.firstLine().constData());
    QByteArray err;
    pop3test::waitUntil(
        &server.process(),
        [&] {
            err += server.standardError();
            return err.contains('\n');
        },
        5000,
        &QProcess::readyReadStandardError);
    QVERIFY2(err.startsWith("pop3lab-server: warning: listening on 0.0.0.0:"), err.constData());
    QVERIFY2(err.contains("every machine"), err.constData());
    QCOMPARE(server.stop(), 0);

    ServerProcess local; // the default stays quiet (signalLeavesStandardErrorEmpty checks more)
    QVERIFY(local.start({"--workspace", dir.path(), "--quiet"}));
    QCOMPARE(local.stop(), 0);
    QCOMPARE(local.standardError(), QByteArray());
}

void TestClassroom::observerNeedsTheToken()
{
    QTemporaryDir dir;
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
        dir.filePath(QStringLiteral("ws")),
        "--class",
        "2",
        "--accounts-out",
        dir.filePath(QStringLiteral("a.txt")),
        "--observer",
        "0",
        "--quiet"}));
    const QRegularExpressionMatch m = waitForOutput(server,
        QRegularExpression(
            QStringLiteral("observer stream on 127\\.0\\.0\\.1:(\\d+), token ([0-9a-f]{32})\\n")));
    QVERIFY2(m.hasMatch(), server.standardOutput().constData());
    const quint16 port = quint16(m.captured(1).toUInt());
    QVERIFY(port != server.port());
    const QByteArray token = m.captured(2).toLatin1();
    const QList<Account> accounts = readAccounts(dir.filePath(QStringLiteral("a.txt")));
    QCOMPARE(accounts.size(), 2);

    Client stranger, teacher;
    QVERIFY(stranger.connectTo(port));
    stranger.send("TOKEN 00000000000000000000000000000000\n");
    QVERIFY(stranger.waitClosed());
    QCOMPARE(stranger.buffered(), QByteArray());

    QVERIFY(teacher.connectTo(port));
    teacher.send("TOKEN " + token + "\n");
    QVERIFY(teacher.line().startsWith("{\"hello\":\"pop3lab-observer\""));
    Client student;
    QVERIFY(student.open(server.port()).startsWith("+OK"));
    QVERIFY(student.login(accounts.at(1).user, accounts.at(1).password));
    QVERIFY(student.command("QUIT").startsWith("+OK"));
    QByteArray stream;
    QElapsedTimer clock;
    clock.start();
    while (!stream.contains("\"kind\":\"disconnected\"") && clock.elapsed() < 5000)
        stream += teacher.line(1000);
    QVERIFY2(stream.contains("\"kind\":\"disconnected\""), stream.constData());
    QVERIFY(stream.contains(QByteArray("USER " + accounts.at(1).user)));
    QVERIFY(stream.contains("PASS ********"));
    QVERIFY(!stream.contains(accounts.at(1).password));
    QCOMPARE(server.stop(), 0);
}

void TestClassroom::controlSocketResetsOneStudent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pop3lab.ctl"));
    const QString out = dir.filePath(QStringLiteral("a.txt"));
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
        dir.filePath(QStringLiteral("ws")),
        "--class",
        "2",
        "--accounts-out",
        out,
        "--control",
        path}));
    const QList<Account> accounts = readAccounts(out);
    QCOMPARE(accounts.size(), 2);
    for (const Account &a : accounts) {
        Client c;
        QVERIFY(c.open(server.port()).startsWith("+OK"));
        QVERIFY(c.login(a.user, a.password));
        QVERIFY(c.command("DELE 1").startsWith("+OK"));
        QVERIFY(c.command("QUIT").startsWith("+OK"));
    }
    QLocalSocket teacher;
    teacher.connectToServer(path);
    QVERIFY(teacher.waitForConnected(5000));
    teacher.write("reset student01\n");
    teacher.flush();
    QVERIFY(pop3test::waitUntil(
        &teacher,
        [&] {
            return teacher.canReadLine();
        },
        5000,
        &QLocalSocket::readyRead));
    QVERIFY(teacher.readLine().startsWith("ok "));
    for (int i = 0; i < 2; ++i) {
        Client c;
        QVERIFY(c.open(server.port()).startsWith("+OK"));
        QVERIFY(c.login(accounts.at(i).user, accounts.at(i).password));
        QVERIFY(c.command("STAT").startsWith(i == 0 ? "+OK 35 " : "+OK 34 "));
        QVERIFY(c.command("QUIT").startsWith("+OK"));
    }
    QCOMPARE(server.stop(), 0);
}

// The real binary: --class with --answers and --observer; a student answers over telnet's protocol
// as themselves, after running STAT; the teacher's stream gets their step and their answer.
void TestClassroom::studentsHandInAnswers()
{
    QTemporaryDir dir;
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
        dir.filePath(QStringLiteral("ws")),
        "--class",
        "2",
        "--accounts-out",
        dir.filePath(QStringLiteral("a.txt")),
        "--observer",
        "0",
        "--answers",
        "0",
        "--class-lesson",
        "2",
        "--quiet"}));
    const QRegularExpressionMatch o = waitForOutput(server,
        QRegularExpression(
            QStringLiteral("observer stream on 127\\.0\\.0\\.1:(\\d+), token ([0-9a-f]{32})\\n")));
    QVERIFY2(o.hasMatch(), server.standardOutput().constData());
    const QRegularExpressionMatch a = waitForOutput(
        server, QRegularExpression(QStringLiteral("lab answers on 127\\.0\\.0\\.1:(\\d+) ")));
    QVERIFY2(a.hasMatch(), server.standardOutput().constData());
    const QList<Account> accounts = readAccounts(dir.filePath(QStringLiteral("a.txt")));
    QCOMPARE(accounts.size(), 2);

    Client teacher;
    QVERIFY(teacher.connectTo(quint16(o.captured(1).toUInt())));
    teacher.send("TOKEN " + o.captured(2).toLatin1() + "\n");
    QVERIFY(teacher.line().startsWith("{\"hello\":\"pop3lab-observer\""));
    QVERIFY(teacher.line().startsWith("{\"lesson\":{\"id\":\"02-count-and-size\""));

    Client student;
    QVERIFY(student.open(server.port()).startsWith("+OK"));
    QVERIFY(student.login(accounts.at(1).user, accounts.at(1).password));
    QVERIFY(student.command("STAT").startsWith("+OK 35 23183"));
    Client answers;
    QVERIFY(answers.open(quint16(a.captured(1).toUInt())).startsWith("+OK pop3lab lab answers"));
    QVERIFY(answers.command("USER " + accounts.at(1).user).startsWith("+OK"));
    QVERIFY(answers.command("PASS " + accounts.at(0).password).startsWith("-ERR"));
    QVERIFY(answers.command("USER " + accounts.at(1).user).startsWith("+OK"));
    QVERIFY(answers.command("PASS " + accounts.at(1).password).startsWith("+OK"));
    QCOMPARE(answers.command("ANSWER count 35"), QByteArray("+OK right\r\n"));
    QVERIFY(answers.command("QUIT").startsWith("+OK"));

    QByteArray stream;
    QElapsedTimer clock;
    clock.start();
    while (!stream.contains("\"labAnswer\"") && clock.elapsed() < 5000)
        stream += teacher.line(1000);
    QVERIFY2(stream.contains("\"labAnswer\":{\"correct\":true"), stream.constData());
    QVERIFY(stream.contains(
        QByteArray("\"stepId\":\"count\",\"user\":\"" + accounts.at(1).user + "\"")));
    QVERIFY(!stream.contains(accounts.at(1).password));
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestClassroom)
#include "tst_classroom.moc"
