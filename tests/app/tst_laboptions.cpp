// pop3lab's options for a class: --mailbox (with --user / --password), --lesson N, --language and
// --presentation, documented in --help (and so in the man page, which help2man writes from it).

#include "app/laboptions.h"
#include "lab/lab.h"
#include "mail/mailstore.h"
#include "support/labfixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestLabOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpNamesTheClassOptions();
    void lessonByNumberOrId_data();
    void lessonByNumberOrId();
    void lessonOutOfRangeIsAnError();
    void language_data();
    void language();
    void mailboxIsServedBesideTheSamples();
    void userWithoutMailboxIsAnError();

private:
    static std::optional<LabOptions> parse(const QStringList &arguments, QString *error);
};

void TestLabOptions::initTestCase()
{
    // Only the bundled lessons: no teacher's folder from the real home or the environment.
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("POP3LAB_LESSONS_DIR");
}

std::optional<LabOptions> TestLabOptions::parse(const QStringList &arguments, QString *error)
{
    QString output;
    return LabOptions::parse(QStringList{QStringLiteral("pop3lab")} + arguments, error, &output);
}

void TestLabOptions::helpNamesTheClassOptions()
{
    QString error;
    QString output;
    QVERIFY(
        !LabOptions::parse({QStringLiteral("pop3lab"), QStringLiteral("--help")}, &error, &output));
    for (const char *option : {"--mailbox <PATH>",
             "--user <NAME>",
             "--password <SECRET>",
             "--lesson <N>",
             "--language <CODE>",
             "--presentation",
             "--accounts <FILE>",
             "--port <N>"})
        QVERIFY2(output.contains(QLatin1String(option)), option);
    QVERIFY2(output.contains(QStringLiteral("1 to 9")), qPrintable(output));
}

void TestLabOptions::lessonByNumberOrId_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("lesson");
    QTest::newRow("1 is the first lesson") << "1"
                                           << "01-connect-and-login";
    QTest::newRow("3 is the third") << "3"
                                    << "03-read-a-mail";
    QTest::newRow("8 is the last") << "8"
                                   << "08-plain-passwords";
    QTest::newRow("an id names itself") << "05-the-lock-file"
                                        << "05-the-lock-file";
}

void TestLabOptions::lessonByNumberOrId()
{
    QFETCH(QString, given);
    QFETCH(QString, lesson);
    QString error;
    const std::optional<LabOptions> o = parse({QStringLiteral("--lesson"), given}, &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->lesson, lesson);
}

void TestLabOptions::lessonOutOfRangeIsAnError()
{
    for (const QString &given : {QStringLiteral("0"), QStringLiteral("10"), QStringLiteral("x")}) {
        QString error;
        QVERIFY(!parse({QStringLiteral("--lesson"), given}, &error));
        QVERIFY2(error.contains(QStringLiteral("1 to 9")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("01-connect-and-login")), qPrintable(error));
    }
}

void TestLabOptions::language_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("language"); // empty: refused
    QTest::newRow("fr") << "fr"
                        << "fr";
    QTest::newRow("en") << "en"
                        << "en";
    QTest::newRow("FR in capitals") << "FR"
                                    << "fr";
    QTest::newRow("de is not offered") << "de"
                                       << "";
}

void TestLabOptions::language()
{
    QFETCH(QString, given);
    QFETCH(QString, language);
    QString error;
    const std::optional<LabOptions> o = parse({QStringLiteral("--language"), given}, &error);
    if (language.isEmpty()) {
        QVERIFY(!o);
        QVERIFY2(error.contains(QStringLiteral("en, fr")), qPrintable(error));
    } else {
        QVERIFY2(o, qPrintable(error));
        QCOMPARE(o->language, language);
    }
}

// The real lab, started from the options: the mailbox's user is served beside the samples.
void TestLabOptions::mailboxIsServedBesideTheSamples()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString mbox = dir.filePath(QStringLiteral("own.mbox"));
    QFile file(mbox);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("From a@b Thu Jan  1 00:00:00 2026\nSubject: mine\n\nhello\n");
    file.close();
    QString error;
    std::optional<LabOptions> o =
        parse({QStringLiteral("--mailbox"), mbox, QStringLiteral("--user"), QStringLiteral("ada")},
            &error);
    QVERIFY2(o, qPrintable(error));
    pop3::Lab::Config config = o->labConfig();
    QVERIFY(config.mailbox);
    QCOMPARE(config.mailbox->password, QStringLiteral("pop3lab"));
    QVERIFY(!config.mailbox->inPlace); // a copy: the teacher's file is never changed
    config.workspace = dir.filePath(QStringLiteral("ws"));
    config.progressFolder = dir.filePath(QStringLiteral("progress"));
    config.listen.port = 0;
    pop3::Lab lab;
    const pop3::Result started = lab.start(config);
    QVERIFY2(started.ok, qPrintable(started.error));
    const QStringList users = lab.store()->users();
    QVERIFY2(users.contains(QStringLiteral("ada")) && users.contains(QStringLiteral("student")),
        qPrintable(users.join(' ')));
    QCOMPARE(lab.store()->account(QStringLiteral("ada"))->maildrop->messages().size(), 1);
}

void TestLabOptions::userWithoutMailboxIsAnError()
{
    QString error;
    QVERIFY(!parse({QStringLiteral("--user"), QStringLiteral("ada")}, &error));
    QVERIFY2(error.contains(QStringLiteral("--mailbox")), qPrintable(error));
}

QTEST_MAIN(TestLabOptions)
#include "tst_laboptions.moc"
