// Personality: the wording as data, built in or a teacher's own file.

#include "protocol/personality.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;

class TestPersonality : public QObject
{
    Q_OBJECT

private slots:
    void builtinsLoad_data();
    void builtinsLoad();
    void everyBuiltinHasEveryText();
    void capaLines_data();
    void capaLines();
    void placeholdersAreFilled();
    void teachersOwnFileInherits();
    void errorsNameTheProblem_data();
    void errorsNameTheProblem();
};

void TestPersonality::builtinsLoad_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("greeting");
    QTest::addColumn<bool>("capa");
    QTest::addColumn<bool>("apop");
    QTest::addColumn<int>("badAuth");
    QTest::addColumn<int>("badTransaction");
    QTest::newRow("dovecot is the lab sheet's server")
        << QStringLiteral("dovecot") << QStringLiteral("Dovecot ready.") << true << false << 3
        << 21;
    QTest::newRow("uw-ipop3d is the 2000 tutorial's server")
        << QStringLiteral("uw-ipop3d") << QStringLiteral("POP3 [{host}] v7.60 server ready")
        << false << false << 10 << 20;
    QTest::newRow("rfc1939 speaks like the RFC's examples")
        << QStringLiteral("rfc1939") << QStringLiteral("POP3 server ready") << true << true << 10
        << 20;
}

void TestPersonality::builtinsLoad()
{
    QFETCH(QString, id);
    QFETCH(QString, greeting);
    QFETCH(bool, capa);
    QFETCH(bool, apop);
    QFETCH(int, badAuth);
    QFETCH(int, badTransaction);
    QString error;
    const auto p = Personality::load(id, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->id, id);
    QVERIFY(!p->name.isEmpty());
    QCOMPARE(p->text(QStringLiteral("greeting")), greeting);
    QCOMPARE(p->capa, capa);
    QCOMPARE(p->apop, apop);
    QCOMPARE(p->badCommandLimitAuth, badAuth);
    QCOMPARE(p->badCommandLimitTransaction, badTransaction);
    QVERIFY(Personality::builtinIds().contains(id));
    QCOMPARE(Personality::builtinIds().first(), Personality::defaultId());
}

void TestPersonality::everyBuiltinHasEveryText()
{
    // Every key the base wording defines is reachable from every personality (inherited or own).
    const auto base = Personality::load(QStringLiteral("base"));
    QVERIFY(base);
    QVERIFY(base->texts.size() > 40);
    for (const QString &id : Personality::builtinIds()) {
        const auto p = Personality::load(id);
        QVERIFY(p);
        for (auto it = base->texts.begin(); it != base->texts.end(); ++it)
            QVERIFY2(p->texts.contains(it.key()), qPrintable(id + QLatin1Char(':') + it.key()));
    }
}

void TestPersonality::capaLines_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("withTls"); // when the connection can start TLS
    const QStringList dovecot{"CAPA",
        "TOP",
        "UIDL",
        "RESP-CODES",
        "PIPELINING",
        "AUTH-RESP-CODE",
        "USER",
        "SASL PLAIN LOGIN"};
    QStringList dovecotTls = dovecot;
    dovecotTls.insert(6, QStringLiteral("STLS")); // Dovecot lists STLS before USER
    QTest::newRow("dovecot lists Dovecot's capabilities in Dovecot's order")
        << QStringLiteral("dovecot") << dovecot << dovecotTls;
    const QStringList rfc1939{"TOP",
        "UIDL",
        "USER",
        "RESP-CODES",
        "PIPELINING",
        "AUTH-RESP-CODE",
        "IMPLEMENTATION pop3lab"};
    QTest::newRow("rfc1939 names its implementation, has no SASL and no STLS")
        << QStringLiteral("rfc1939") << rfc1939 << rfc1939;
    const QStringList base{"CAPA",
        "TOP",
        "UIDL",
        "USER",
        "RESP-CODES",
        "PIPELINING",
        "AUTH-RESP-CODE",
        "SASL PLAIN LOGIN CRAM-MD5 SCRAM-SHA-256",
        "IMPLEMENTATION pop3lab"};
    QStringList baseTls = base;
    baseTls.insert(3, QStringLiteral("STLS"));
    QTest::newRow("base lists everything pop3lab does")
        << QStringLiteral("base") << base << baseTls;
}

void TestPersonality::capaLines()
{
    QFETCH(QString, id);
    QFETCH(QStringList, lines);
    QFETCH(QStringList, withTls);
    const auto p = Personality::load(id);
    QVERIFY(p);
    QCOMPARE(p->capaLines(), lines);
    // STLS only when the transport can really start TLS (RFC 2595 §4), and the personality offers
    // it.
    QCOMPARE(p->capaLines(true), withTls);
    Personality noStls = *p;
    noStls.stls = false;
    QCOMPARE(noStls.capaLines(true), lines);
    // Plain-text logins refused: no USER, no PLAIN or LOGIN on the SASL line.
    QStringList refused = lines;
    refused.removeAll(QStringLiteral("USER"));
    for (QString &line : refused) {
        if (line.startsWith(QLatin1String("SASL ")))
            line = QStringLiteral("SASL ") + p->advertisedMechanisms(false).join(QLatin1Char(' '));
    }
    refused.removeAll(QStringLiteral("SASL "));
    QCOMPARE(p->capaLines(false, false), refused);
}

void TestPersonality::placeholdersAreFilled()
{
    const auto p = Personality::load(QStringLiteral("rfc1939"));
    QVERIFY(p);
    QCOMPARE(p->text(QStringLiteral("pass.ok"),
                 {{QStringLiteral("user"), QStringLiteral("mrose")},
                     {QStringLiteral("count"), QStringLiteral("2")},
                     {QStringLiteral("octets"), QStringLiteral("320")}}),
        QStringLiteral("mrose's maildrop has 2 messages (320 octets)"));
    QCOMPARE(p->text(QStringLiteral("msg.none"), {{QStringLiteral("count"), QStringLiteral("2")}}),
        QStringLiteral("no such message, only 2 messages in maildrop"));
    // A value that looks like a placeholder is not expanded again.
    QCOMPARE(
        p->text(QStringLiteral("user.ok"), {{QStringLiteral("user"), QStringLiteral("{user}")}}),
        QStringLiteral("{user} is a real hoopy frood"));
    // Nor when another placeholder follows: the template is read once, left to right, whatever
    // order the arguments come in (a user named "{count}" stays "{count}").
    for (const QString &user : {QStringLiteral("{count}"), QStringLiteral("{octets}")}) {
        QCOMPARE(p->text(QStringLiteral("pass.ok"),
                     {{QStringLiteral("user"), user},
                         {QStringLiteral("count"), QStringLiteral("2")},
                         {QStringLiteral("octets"), QStringLiteral("320")}}),
            user + QStringLiteral("'s maildrop has 2 messages (320 octets)"));
        QCOMPARE(p->text(QStringLiteral("pass.ok"),
                     {{QStringLiteral("octets"), QStringLiteral("320")},
                         {QStringLiteral("count"), QStringLiteral("2")},
                         {QStringLiteral("user"), user}}),
            user + QStringLiteral("'s maildrop has 2 messages (320 octets)"));
    }
    QCOMPARE(p->text(QStringLiteral("no.such.key")), QString());
}

void TestPersonality::teachersOwnFileInherits()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("classroom.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({
        "inherits": "dovecot",
        "name": "Classroom server",
        "apop": true,
        "badCommandLimitAuth": 5,
        "capabilities": ["TOP", "USER"],
        "texts": { "greeting": "Bienvenue au labo.", "pass.ok": "Connect\u00e9." }
    })");
    file.close();
    QString error;
    const auto p = Personality::load(path, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->id, QStringLiteral("classroom"));
    QCOMPARE(p->name, QStringLiteral("Classroom server"));
    QCOMPARE(p->text(QStringLiteral("greeting")), QStringLiteral("Bienvenue au labo."));
    QCOMPARE(p->text(QStringLiteral("pass.ok")), QStringLiteral("Connect\u00e9."));
    QCOMPARE(
        p->text(QStringLiteral("dele.ok")), QStringLiteral("Marked to be deleted.")); // dovecot's
    QCOMPARE(p->text(QStringLiteral("line.nul")).left(28),
        QStringLiteral("Command contains a NUL byte ")); // base's
    QVERIFY(p->apop);
    QCOMPARE(p->badCommandLimitAuth, 5);
    QCOMPARE(p->badCommandLimitTransaction, 21);
    QCOMPARE(p->capaLines(), (QStringList{"TOP", "USER"}));

    // A file may inherit from another file.
    const QString child = dir.filePath(QStringLiteral("child.json"));
    QFile childFile(child);
    QVERIFY(childFile.open(QIODevice::WriteOnly));
    childFile.write(
        QStringLiteral(R"({"id": "kid", "inherits": "%1", "texts": {"noop.ok": "Still here."}})")
            .arg(path)
            .toUtf8());
    childFile.close();
    const auto kid = Personality::load(child, &error);
    QVERIFY2(kid, qPrintable(error));
    QCOMPARE(kid->id, QStringLiteral("kid"));
    QCOMPARE(kid->text(QStringLiteral("greeting")), QStringLiteral("Bienvenue au labo."));
    QCOMPARE(kid->text(QStringLiteral("noop.ok")), QStringLiteral("Still here."));
}

void TestPersonality::errorsNameTheProblem_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file, the id is looked up
    QTest::addColumn<QString>("mentions");
    QTest::newRow("an unknown id lists the built-in ones")
        << QByteArray() << QStringLiteral("unknown personality 'exchange'");
    QTest::newRow("a file that is not JSON")
        << QByteArray("{ not json") << QStringLiteral("is not valid JSON");
    QTest::newRow("a file that inherits an unknown personality")
        << QByteArray(R"({"inherits": "nosuchparent"})") << QStringLiteral("nosuchparent");
    QTest::newRow("a file that inherits itself")
        << QByteArray(R"({"inherits": "@SELF@"})") << QStringLiteral("loop");
}

void TestPersonality::errorsNameTheProblem()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QString what = QStringLiteral("exchange");
    if (!content.isEmpty()) {
        what = dir.filePath(QStringLiteral("p.json"));
        QFile file(what);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(content).replace("@SELF@", what.toUtf8()));
    }
    QString error;
    QVERIFY(!Personality::load(what, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    if (content.isEmpty())
        QVERIFY2(error.contains(QStringLiteral("dovecot, uw-ipop3d, rfc1939")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPersonality)
#include "tst_personality.moc"
