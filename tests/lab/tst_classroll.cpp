// ClassRoll: the class at a glance, folded from the very events the observer stream carries (a
// real Lab's log, real sessions over TCP on 127.0.0.1): who is logged in, who holds a lock and is
// idle, who is stuck on the lab sheet's "USER: student" typo and was disconnected for it.

#include "events/eventlog.h"
#include "lab/classroll.h"
#include "lab/classroster.h"
#include "lab/lab.h"
#include "mail/mailstore.h"
#include "support/pop3testclient.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pop3;

class TestClassRoll : public QObject
{
    Q_OBJECT

private slots:
    void studentsInTroubleStandOut();
};

void TestClassRoll::studentsInTroubleStandOut()
{
    QTemporaryDir dir;
    QString error;
    const QList<ClassRoster::Student> students =
        ClassRoster::generate(3, QStringLiteral("student"), &error);
    const QString accounts = dir.filePath(QStringLiteral("accounts.txt"));
    QVERIFY(ClassRoster::writeAccountsFile(accounts, students, QStringLiteral("sample:student")));
    ClassRoll roll; // outlives the lab: its last events (at shutdown) reach it
    Lab lab;
    Lab::Config config;
    config.workspace = dir.filePath(QStringLiteral("ws"));
    config.progressFolder = dir.filePath(QStringLiteral("progress"));
    config.samples = false;
    config.accountsFile = accounts;
    config.listen.port = 0;
    config.listen.loginDelays = false;
    QVERIFY(lab.start(config));
    roll.setStudents(lab.store()->users());
    connect(lab.log(), &EventLog::eventAppended, this, [&roll](const Event &e) {
        roll.apply(e);
    });
    const quint16 port = lab.server()->port();

    pop3test::Client good, stuck;
    QVERIFY(good.open(port).startsWith("+OK"));
    QVERIFY(good.login(students.at(0).user.toUtf8(), students.at(0).password.toUtf8()));
    QVERIFY(good.command("STAT").startsWith("+OK"));
    QVERIFY(stuck.open(port).startsWith("+OK"));
    const QByteArray typo = "USER: " + students.at(1).user.toUtf8();
    for (int i = 0; i < ClassRoll::errorRunLimit; ++i)
        QVERIFY(stuck.command(typo).startsWith("-ERR"));

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const ClassRoll::Student &s0 = roll.students().at(0);
    QCOMPARE(s0.state, State::Transaction);
    QVERIFY(s0.lockHeld);
    QCOMPARE(s0.lastCommand, QByteArray("STAT"));
    QVERIFY(s0.lastReply.startsWith("+OK 35 "));
    QCOMPARE(roll.trouble(0, now), unsigned(ClassRoll::None));
    // Idle with the lock held, two minutes later: in trouble.
    QCOMPARE(
        roll.trouble(0, now + ClassRoll::idleLimitMs + 1000), unsigned(ClassRoll::LockHeldIdle));

    const ClassRoll::Student &s1 = roll.students().at(1);
    QCOMPARE(s1.lastCommand, typo);
    QCOMPARE(s1.errors, ClassRoll::errorRunLimit);
    QCOMPARE(roll.trouble(1, now), unsigned(ClassRoll::RepeatedErrors));
    // One more and the server closes the connection: that stays on the row.
    stuck.send(typo + "\r\n");
    QVERIFY(stuck.waitClosed());
    QTRY_VERIFY(roll.students().at(1).disconnectedForErrors);
    QVERIFY(roll.trouble(1, now) & ClassRoll::DisconnectedForErrors);
    QCOMPARE(roll.students().at(1).state, State::Closed);

    // The third student did nothing: no trouble, never seen.
    QCOMPARE(roll.students().at(2).lastActivityMs, 0);
    QCOMPARE(roll.trouble(2, now + 10 * ClassRoll::idleLimitMs), unsigned(ClassRoll::None));

    // A new session of the stuck student starts a new run of errors.
    pop3test::Client again;
    QVERIFY(again.open(port).startsWith("+OK"));
    QVERIFY(again.login(students.at(1).user.toUtf8(), students.at(1).password.toUtf8()));
    QCOMPARE(roll.students().at(1).errorRun, 0);
    QCOMPARE(roll.students().at(1).state, State::Transaction);
}

QTEST_GUILESS_MAIN(TestClassRoll)
#include "tst_classroll.moc"
