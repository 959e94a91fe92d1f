// ClassRoster: a class's generated accounts, their passwords, and the accounts file they are
// written to (read back by MailStore, owner-only).

#include "lab/classroster.h"
#include "mail/mailstore.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;

class TestClassRoster : public QObject
{
    Q_OBJECT

private slots:
    void namesAreNumberedWithTheirWidth_data();
    void namesAreNumberedWithTheirWidth();
    void passwordsArePronounceableAndRandom();
    void badCountsAndPrefixesAreRefused_data();
    void badCountsAndPrefixesAreRefused();
    void accountsFileIsOwnerOnlyAndReadBack();
};

void TestClassRoster::namesAreNumberedWithTheirWidth_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("a class of 3: two digits") << 3 << "student"
                                              << "student01"
                                              << "student03";
    QTest::newRow("a class of 60") << 60 << "student"
                                   << "student01"
                                   << "student60";
    QTest::newRow("a class of 120: three digits") << 120 << "net210-"
                                                  << "net210-001"
                                                  << "net210-120";
}

void TestClassRoster::namesAreNumberedWithTheirWidth()
{
    QFETCH(int, count);
    QFETCH(QString, prefix);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QString error;
    const QList<ClassRoster::Student> students = ClassRoster::generate(count, prefix, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(students.size(), count);
    QCOMPARE(students.first().user, first);
    QCOMPARE(students.last().user, last);
    QSet<QString> passwords;
    for (const ClassRoster::Student &s : students)
        passwords.insert(s.password);
    QCOMPARE(passwords.size(), count); // nobody shares a password
}

void TestClassRoster::passwordsArePronounceableAndRandom()
{
    static const QRegularExpression shape(
        QStringLiteral("^([bdfghjkmnprstvwz][aeiu]){4}[2-9]{2}$"));
    QSet<QString> seen;
    for (int i = 0; i < 2000; ++i) {
        const QString p = ClassRoster::pronounceablePassword();
        QVERIFY2(shape.match(p).hasMatch(), qPrintable(p));
        seen.insert(p);
    }
    // 2^30 possible: 2000 draws of a real random source almost never collide (p < 0.002).
    QVERIFY2(seen.size() >= 1999, qPrintable(QString::number(seen.size())));
    // The generator given is the one used: the same seed, the same password.
    QRandomGenerator a(42), b(42);
    QCOMPARE(ClassRoster::pronounceablePassword(&a), ClassRoster::pronounceablePassword(&b));
}

void TestClassRoster::badCountsAndPrefixesAreRefused_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no student") << 0 << "student"
                                << "1 to 999";
    QTest::newRow("too many") << 1000 << "student"
                              << "1 to 999";
    QTest::newRow("a slash in the prefix") << 2 << "a/b"
                                           << "slash";
    QTest::newRow("a space in the prefix") << 2 << "s "
                                           << "space";
    QTest::newRow("a leading dot") << 2 << ".s"
                                   << "dot";
}

void TestClassRoster::badCountsAndPrefixesAreRefused()
{
    QFETCH(int, count);
    QFETCH(QString, prefix);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(ClassRoster::generate(count, prefix, &error).isEmpty());
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

void TestClassRoster::accountsFileIsOwnerOnlyAndReadBack()
{
    QTemporaryDir dir;
    QString error;
    const QList<ClassRoster::Student> students =
        ClassRoster::generate(4, QStringLiteral("s"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString path = dir.filePath(QStringLiteral("my class/accounts.txt"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    const Result w =
        ClassRoster::writeAccountsFile(path, students, QStringLiteral("sample:student"));
    QVERIFY2(w, qPrintable(w.error));
    QCOMPARE(QFileInfo(path).permissions()
            & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
        QFile::Permissions());
    MailStore store;
    store.setWorkspace(dir.filePath(QStringLiteral("ws")));
    const Result r = store.addAccountsFile(path);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(store.users(), (QStringList{"s01", "s02", "s03", "s04"}));
    for (const ClassRoster::Student &s : students) {
        QVERIFY(store.checkPassword(s.user, s.password));
        QCOMPARE(store.account(s.user)->maildrop->messages().size(), 35);
    }
}

QTEST_GUILESS_MAIN(TestClassRoster)
#include "tst_classroster.moc"
