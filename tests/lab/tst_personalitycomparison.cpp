// The same script against two personalities, side by side: the lab sheet under Dovecot and UW
// ipop3d differs in the greeting and the USER/PASS replies, not where the protocol is the same;
// the capability toggles change what CAPA and the greeting offer.

#include "lab/personalitycomparison.h"

#include <QTest>

using pop3::Personality;
using pop3::PersonalityComparison;

namespace {

Personality load(const QString &id)
{
    const std::optional<Personality> p = Personality::load(id);
    return p ? *p : Personality{};
}

QList<QByteArray> capaOf(const Personality &p)
{
    const std::optional<PersonalityComparison::Transcript> t =
        PersonalityComparison::run(p, {"CAPA"});
    return t ? t->replies.value(0).split('\n') : QList<QByteArray>{};
}

} // namespace

class TestPersonalityComparison : public QObject
{
    Q_OBJECT

private slots:
    void labSheetDovecotAgainstUw();
    void sameServerSameTranscript();
    void runsStopWhereTheServerCloses();
    void capabilityTogglesChangeCapa();
};

void TestPersonalityComparison::labSheetDovecotAgainstUw()
{
    QString error;
    const auto dovecot = PersonalityComparison::run(
        load(QStringLiteral("dovecot")), PersonalityComparison::labSheetScript(), &error);
    QVERIFY2(dovecot, qPrintable(error));
    const auto uw = PersonalityComparison::run(
        load(QStringLiteral("uw-ipop3d")), PersonalityComparison::labSheetScript(), &error);
    QVERIFY2(uw, qPrintable(error));
    const QList<PersonalityComparison::Row> rows = PersonalityComparison::compare(*dovecot, *uw);
    QCOMPARE(rows.size(), 1 + PersonalityComparison::labSheetScript().size());

    QVERIFY(rows.at(0).client.isEmpty()); // the greeting
    QCOMPARE(rows.at(0).left, QByteArray("+OK Dovecot ready.\r\n"));
    QCOMPARE(rows.at(0).right, QByteArray("+OK POP3 [127.0.0.1] v7.60 server ready\r\n"));
    QVERIFY(rows.at(0).differs);

    QCOMPARE(rows.at(2).client, QByteArray("user student"));
    QCOMPARE(rows.at(2).left, QByteArray("+OK\r\n"));
    QCOMPARE(rows.at(2).right, QByteArray("+OK User name accepted, password please\r\n"));
    QVERIFY(rows.at(2).differs);
    QCOMPARE(rows.at(3).client, QByteArray("pass hessovs!"));
    QCOMPARE(rows.at(3).left, QByteArray("+OK Logged in.\r\n"));
    QCOMPARE(rows.at(3).right, QByteArray("+OK Mailbox open, 35 messages\r\n"));
    QVERIFY(rows.at(3).differs);

    // The message itself is the same whoever serves it.
    QCOMPARE(rows.at(7).client, QByteArray("retr 1"));
    QVERIFY(rows.at(7).left.endsWith("\r\n.\r\n"));
    QCOMPARE(rows.at(7).left.mid(rows.at(7).left.indexOf('\n')),
        rows.at(7).right.mid(rows.at(7).right.indexOf('\n')));
    // Each run worked on its own copy: both deleted message 1 and quit.
    QVERIFY(rows.last().left.startsWith("+OK"));
    QVERIFY(rows.last().right.startsWith("+OK"));
}

void TestPersonalityComparison::sameServerSameTranscript()
{
    const Personality rfc = load(QStringLiteral("rfc1939"));
    const auto a = PersonalityComparison::run(rfc, PersonalityComparison::labSheetScript());
    const auto b = PersonalityComparison::run(rfc, PersonalityComparison::labSheetScript());
    QVERIFY(a && b);
    for (const PersonalityComparison::Row &r : PersonalityComparison::compare(*a, *b))
        QVERIFY2(!r.differs, r.client.constData());
}

void TestPersonalityComparison::runsStopWhereTheServerCloses()
{
    const auto t = PersonalityComparison::run(load(QStringLiteral("dovecot")), {"QUIT", "NOOP"});
    QVERIFY(t);
    // The line after QUIT is there, as not sent (it was silently dropped).
    QCOMPARE(t->lines, (QList<QByteArray>{"QUIT", "NOOP"}));
    QCOMPARE(t->sent, 1);
    QVERIFY(t->replies.at(1).isEmpty());
    const QList<PersonalityComparison::Row> rows = PersonalityComparison::compare(*t, *t);
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows.at(1).leftSent);
    QVERIFY(!rows.at(2).leftSent && !rows.at(2).rightSent);
    QCOMPARE(rows.at(2).client, QByteArray("NOOP"));
}

void TestPersonalityComparison::capabilityTogglesChangeCapa()
{
    const Personality dovecot = load(QStringLiteral("dovecot"));
    PersonalityComparison::Capabilities caps = PersonalityComparison::capabilitiesOf(dovecot);
    QVERIFY(caps.top && caps.uidl);
    QVERIFY(capaOf(dovecot).contains("TOP\r"));

    caps.top = false;
    caps.sasl = {QStringLiteral("PLAIN")};
    caps.apop = true;
    const Personality changed = PersonalityComparison::withCapabilities(dovecot, caps);
    const QList<QByteArray> capa = capaOf(changed);
    QVERIFY(!capa.contains("TOP\r"));
    QVERIFY(capa.contains("UIDL\r"));
    // ...and the server has no TOP: it answers as a server without it would (CAPA hid TOP, but
    // TOP 1 0 still sent the headers).
    const auto top =
        PersonalityComparison::run(changed, {"USER student", "PASS hessovs!", "TOP 1 0", "UIDL 1"});
    QVERIFY(top);
    QVERIFY2(top->replies.at(2).startsWith("-ERR"), top->replies.at(2).constData());
    QVERIFY2(top->replies.at(3).startsWith("+OK"), top->replies.at(3).constData());
    // UW ipop3d has no CAPA, but TOP and UIDL: its toggles start on, and stay working.
    const Personality uw = load(QStringLiteral("uw-ipop3d"));
    const PersonalityComparison::Capabilities uwCaps = PersonalityComparison::capabilitiesOf(uw);
    QVERIFY(uwCaps.top && uwCaps.uidl);
    const auto uwTop =
        PersonalityComparison::run(PersonalityComparison::withCapabilities(uw, uwCaps),
            {"USER student", "PASS hessovs!", "TOP 1 0"});
    QVERIFY(uwTop);
    QVERIFY2(uwTop->replies.at(2).startsWith("+OK"), uwTop->replies.at(2).constData());
    QVERIFY(capa.contains("SASL PLAIN\r"));
    const auto t = PersonalityComparison::run(changed, {});
    QVERIFY(t);
    QVERIFY2(t->greeting.contains('<'), t->greeting.constData()); // APOP's timestamp

    caps.sasl.clear();
    const QList<QByteArray> noSasl = capaOf(PersonalityComparison::withCapabilities(dovecot, caps));
    for (const QByteArray &line : noSasl)
        QVERIFY(!line.startsWith("SASL"));
}

QTEST_GUILESS_MAIN(TestPersonalityComparison)
#include "tst_personalitycomparison.moc"
