// The window and pop3lab-server keep their data in one folder (~/.local/share/pop3lab): the
// window used to keep its own copy in ~/.local/share/pop3lab/pop3lab/, and now moves it over.

#include "app/datamigration.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestDataFolder : public QObject
{
    Q_OBJECT

private slots:
    void windowAndServerShareOneWorkspace();
    void oldFoldersMoveToTheSharedOne();
    void anExistingSharedFolderIsKept();

private:
    static QProcessEnvironment environment(const QTemporaryDir &dir);
    static bool touch(const QString &path);
};

QProcessEnvironment TestDataFolder::environment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("USER"), QStringLiteral("learner"));
    return env;
}

bool TestDataFolder::touch(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("x") == 1;
}

// The real binaries, with no --workspace: both use data/pop3lab/workspace. What an older window
// left in data/pop3lab/pop3lab/ is moved there first.
void TestDataFolder::windowAndServerShareOneWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString shared = dir.filePath(QStringLiteral("data/pop3lab/workspace"));
    const QString old = dir.filePath(QStringLiteral("data/pop3lab/pop3lab"));
    QVERIFY(touch(old + QStringLiteral("/workspace/left-by-an-older-window")));
    QVERIFY(touch(old + QStringLiteral("/progress/learner/01-connect-and-login.json")));

    QProcess window;
    window.setProcessEnvironment(environment(dir));
    window.start(QStringLiteral(POP3LAB_GUI_BINARY),
        {QStringLiteral("--smoke-test"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(window.waitForFinished(60000));
    const QByteArray windowErr = window.readAllStandardError();
    QVERIFY2(window.exitCode() == 0, windowErr.constData());
    QVERIFY2(QFileInfo::exists(shared + QStringLiteral("/left-by-an-older-window")),
        windowErr.constData());
    QVERIFY(QFileInfo::exists(shared + QStringLiteral("/mail/student")));
    QVERIFY(QFileInfo::exists(
        dir.filePath(QStringLiteral("data/pop3lab/progress/learner/01-connect-and-login.json"))));
    QVERIFY2(!QFileInfo::exists(old), "the old folder is still there");
    QVERIFY2(windowErr.contains("Moved"), windowErr.constData());

    QProcess server;
    server.setProcessEnvironment(environment(dir));
    server.start(QStringLiteral(POP3LAB_SERVER_BINARY),
        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(server.waitForStarted(10000));
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += server.readAllStandardOutput()).contains("lock files in"), 20000);
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
    QVERIFY2(out.contains(QFile::encodeName(shared + QStringLiteral("/mail"))), out.constData());
}

void TestDataFolder::oldFoldersMoveToTheSharedOne()
{
    QTemporaryDir dir;
    const QString old = dir.filePath(QStringLiteral("pop3lab/pop3lab"));
    const QString shared = dir.filePath(QStringLiteral("pop3lab"));
    QVERIFY(touch(old + QStringLiteral("/workspace/mail/student.lock")));
    QVERIFY(touch(old + QStringLiteral("/lessons/09-mine.en.json")));
    const QStringList said = DataMigration::run(old, shared);
    QCOMPARE(said.size(), 2);
    QVERIFY(QFileInfo::exists(shared + QStringLiteral("/workspace/mail/student.lock")));
    QVERIFY(QFileInfo::exists(shared + QStringLiteral("/lessons/09-mine.en.json")));
    QVERIFY(!QFileInfo::exists(old));
    QVERIFY(DataMigration::run(old, shared).isEmpty()); // once
}

void TestDataFolder::anExistingSharedFolderIsKept()
{
    QTemporaryDir dir;
    const QString old = dir.filePath(QStringLiteral("pop3lab/pop3lab"));
    const QString shared = dir.filePath(QStringLiteral("pop3lab"));
    QVERIFY(touch(old + QStringLiteral("/workspace/mail/old")));
    QVERIFY(touch(shared + QStringLiteral("/workspace/mail/new")));
    const QStringList said = DataMigration::run(old, shared);
    QCOMPARE(said.size(), 1);
    QVERIFY2(said.first().contains(QStringLiteral("no longer used")), qPrintable(said.first()));
    QVERIFY(QFileInfo::exists(old + QStringLiteral("/workspace/mail/old")));
    QVERIFY(QFileInfo::exists(shared + QStringLiteral("/workspace/mail/new")));
    QVERIFY(!QFileInfo::exists(shared + QStringLiteral("/workspace/mail/old")));
}

QTEST_MAIN(TestDataFolder)
#include "tst_datafolder.moc"
