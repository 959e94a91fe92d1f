#include "support/pop3testclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// Starts the real pop3lab binary offscreen, lets it type the lab sheet into a terminal tab
// (--smoke-test) and checks that it says so and exits 0.
class TestSmoke : public QObject
{
    Q_OBJECT

private slots:
    void labSheetRunsAndQuits();
    void badOptionIsRefused();
    void unknownPersonalityIsRefused();
    void unknownSavedPersonalityIsSaid();
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
    void frenchHelpIsAllFrench();
    void signalQuitsCleanly_data();
    void signalQuitsCleanly();

private:
    static QProcessEnvironment environment(const QTemporaryDir &dir);
};

QProcessEnvironment TestSmoke::environment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), dir.path());
    return env;
}

void TestSmoke::labSheetRunsAndQuits()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess process;
    process.setProcessEnvironment(environment(dir));
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(POP3LAB_GUI_BINARY),
        {QStringLiteral("--smoke-test"),
            QStringLiteral("--port"),
            QStringLiteral("0"),
            QStringLiteral("--workspace"),
            dir.filePath(QStringLiteral("ws"))});
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += process.readAllStandardOutput()).contains("listening on"), 20000);
    qInfo("pop3lab listening after %lld ms", clock.elapsed());
    QVERIFY(process.waitForFinished(60000));
    out += process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit, err.constData());
    QVERIFY2(process.exitCode() == 0, QByteArray(out + err).constData());
    QVERIFY2(out.contains("smoke-test: passed"), QByteArray(out + err).constData());
    QVERIFY(out.contains("built-in server listening on 127.0.0.1:"));
}

void TestSmoke::badOptionIsRefused()
{
    QTemporaryDir dir;
    QProcess process;
    process.setProcessEnvironment(environment(dir));
    process.start(
        QStringLiteral(POP3LAB_GUI_BINARY), {QStringLiteral("--port"), QStringLiteral("many")});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--port"));
}

// As in pop3lab-server: a personality named on the command line must exist (the window once
// fell back to Dovecot without a word).
void TestSmoke::unknownPersonalityIsRefused()
{
    QTemporaryDir dir;
    QProcess process;
    process.setProcessEnvironment(environment(dir));
    process.start(QStringLiteral(POP3LAB_GUI_BINARY),
        {QStringLiteral("--smoke-test"),
            QStringLiteral("--personality"),
            QStringLiteral("exchange"),
            QStringLiteral("--port"),
            QStringLiteral("0"),
            QStringLiteral("--workspace"),
            dir.filePath(QStringLiteral("ws"))});
    QVERIFY(process.waitForFinished(20000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.contains("pop3lab: unknown personality 'exchange'"), err.constData());
    QVERIFY2(!out.contains("listening"), out.constData());
}

// One saved in the preferences that no longer loads: the window opens with the default and says
// why (refusing to open would leave no way to pick another).
void TestSmoke::unknownSavedPersonalityIsSaid()
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("config/pop3lab")));
    QFile settings(dir.filePath(QStringLiteral("config/pop3lab/pop3lab.conf")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[server]\npersonality=gone\n");
    settings.close();
    QProcess process;
    process.setProcessEnvironment(environment(dir));
    process.start(QStringLiteral(POP3LAB_GUI_BINARY),
        {QStringLiteral("--smoke-test"),
            QStringLiteral("--port"),
            QStringLiteral("0"),
            QStringLiteral("--workspace"),
            dir.filePath(QStringLiteral("ws"))});
    QVERIFY(process.waitForFinished(60000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, QByteArray(out + err).constData());
    QVERIFY2(out.contains("smoke-test: passed"), QByteArray(out + err).constData());
    QVERIFY2(err.contains("unknown personality 'gone'"), err.constData());
}

void TestSmoke::helpAndVersionNeedNoDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stdoutHas"); // or stderr, for a mistake
    QTest::newRow("--help lists the options")
        << QStringList{QStringLiteral("--help")} << 0 << QByteArray("--workspace <DIR>");
    QTest::newRow("-h too") << QStringList{QStringLiteral("-h")} << 0 << QByteArray("--demo");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0
                               << QByteArray("pop3lab " POP3LAB_VERSION);
    QTest::newRow("Qt's own options are not mistakes") << QStringList{QStringLiteral("-platform"),
        QStringLiteral("xcb"),
        QStringLiteral("--version")} << 0 << QByteArray("pop3lab " POP3LAB_VERSION);
    QTest::newRow("a mistake is said without a window") << QStringList{QStringLiteral("--port"),
        QStringLiteral("many")} << 2 << QByteArray("--port");
}

// On a machine without a display (a classroom server over ssh): no QApplication, no abort.
void TestSmoke::helpAndVersionNeedNoDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stdoutHas);
    QTemporaryDir dir;
    QProcessEnvironment env = environment(dir);
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(POP3LAB_GUI_BINARY), arguments);
    QVERIFY(process.waitForFinished(20000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit, err.constData());
    QVERIFY2(process.exitCode() == exitCode, QByteArray(out + err).constData());
    QVERIFY2((exitCode == 0 ? out : err).contains(stdoutHas), QByteArray(out + err).constData());
    QVERIFY2(!err.contains("platform plugin"), err.constData());
}

// In French, every line of --help is French: Qt's own -h and -v lines too (Qt's catalogue has
// no words for them), and still with no display.
void TestSmoke::frenchHelpIsAllFrench()
{
    QTemporaryDir dir;
    QProcessEnvironment env = environment(dir);
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("fr_FR.UTF-8"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(POP3LAB_GUI_BINARY), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(20000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(out.contains(QStringLiteral("Où se trouvent")), qPrintable(out)); // ours, in French
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("-h")))
            QVERIFY2(line.contains(QStringLiteral("Affiche l'aide")), qPrintable(line));
        if (line.trimmed().startsWith(QLatin1String("-v")))
            QVERIFY2(line.contains(QStringLiteral("Affiche la version")), qPrintable(line));
    }
    QVERIFY2(out.contains(QLatin1String("-h, --help")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("-v, --version")), qPrintable(out));
    for (const char *english : {"Displays", "Display", "help-all"})
        QVERIFY2(!out.contains(QLatin1String(english)), qPrintable(out));
}

void TestSmoke::signalQuitsCleanly_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM (kill PID)") << int(SIGTERM);
    QTest::newRow("SIGINT (Ctrl+C in the shell that started it)") << int(SIGINT);
    QTest::newRow("SIGHUP (the terminal closed)") << int(SIGHUP);
}

// Killed by a signal, the window quits as its Quit would: every session ends without UPDATE (as
// a dropped connection), the maildrop lock is released, the exit code is 0.
void TestSmoke::signalQuitsCleanly()
{
    QFETCH(int, signal);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workspace = dir.filePath(QStringLiteral("ws"));
    QProcess process;
    process.setProcessEnvironment(environment(dir));
    process.start(QStringLiteral(POP3LAB_GUI_BINARY),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--workspace"), workspace});
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += process.readAllStandardOutput()).contains("listening on"), 20000);
    const QByteArray endpoint = out.mid(out.indexOf("127.0.0.1:") + 10).trimmed();
    const quint16 port = quint16(endpoint.toUInt());
    QVERIFY2(port > 0, out.constData());
    const QString lock = workspace + QStringLiteral("/mail/student.lock");
    const QString mailbox = workspace + QStringLiteral("/mail/student");
    const auto messages = [&mailbox] {
        return QDir(mailbox).entryList({QStringLiteral("*.eml")}, QDir::Files).size();
    };
    const qsizetype before = messages();
    QVERIFY(before > 2);

    pop3test::Client client;
    QVERIFY(client.open(port).startsWith("+OK"));
    QVERIFY(client.login("student", "hessovs!"));
    QVERIFY(client.command("DELE 1").startsWith("+OK"));
    QVERIFY(client.command("DELE 2").startsWith("+OK"));
    QVERIFY(QFile::exists(lock));

    QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
    QVERIFY(process.waitForFinished(20000));
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit, err.constData());
    QVERIFY2(process.exitCode() == 0, err.constData());
    QVERIFY(client.waitClosed(5000));
    QVERIFY2(!QFile::exists(lock), "the lock file is left behind");
    QCOMPARE(messages(), before); // no UPDATE: the marks were not committed
}

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"
