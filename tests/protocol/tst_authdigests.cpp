// The challenge-response logins checked against the RFCs' own worked examples: APOP (RFC 1939
// §7), CRAM-MD5 (RFC 2195 §2) and SCRAM-SHA-256 (RFC 7677 §3), so a mistake in a formula shows
// as a different digest, not as a login that "works" against our own code only.

#include "protocol/authdigests.h"
#include "protocol/scramserver.h"

#include <QTest>

using namespace pop3;

class TestAuthDigests : public QObject
{
    Q_OBJECT

private slots:
    void apopFromRfc1939();
    void cramMd5FromRfc2195();
    void scramSha256FromRfc7677();
    void scramRefusesAWrongProof();
    void scramRefusesWhatItCannotDo_data();
    void scramRefusesWhatItCannotDo();
};

void TestAuthDigests::apopFromRfc1939()
{
    // RFC 1939 §7: "APOP mrose c4c9334bac560ecc979e58001b3e22fb", shared secret "tanstaaf".
    QCOMPARE(apopDigest("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf"),
        QByteArray("c4c9334bac560ecc979e58001b3e22fb"));
}

void TestAuthDigests::cramMd5FromRfc2195()
{
    // RFC 2195 §2: user tim, secret "tanstaaftanstaaf".
    const QByteArray challenge = "<1896.697170952@postoffice.reston.mci.net>";
    QCOMPARE(QByteArray::fromBase64("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+"),
        challenge);
    const QByteArray digest = cramMd5Digest(challenge, "tanstaaftanstaaf");
    QCOMPARE(digest, QByteArray("b913a602c7eda7a495b4e6e7334d3890"));
    QCOMPARE(QByteArray("tim " + digest).toBase64(),
        QByteArray("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"));
}

void TestAuthDigests::scramSha256FromRfc7677()
{
    // RFC 7677 §3: user "user", password "pencil"; the server's nonce part and salt as there.
    ScramServer server(
        "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0", QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ=="));
    QCOMPARE(
        server.clientFirst("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"), ScramServer::Outcome::Continue);
    QCOMPARE(server.user(), QStringLiteral("user"));
    QCOMPARE(server.challenge(),
        QByteArray("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                   "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
    server.setPassword("pencil");
    QCOMPARE(server.clientFinal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                                "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="),
        ScramServer::Outcome::Continue);
    QCOMPARE(server.challenge(), QByteArray("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
}

void TestAuthDigests::scramRefusesAWrongProof()
{
    ScramServer server(
        "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0", QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ=="));
    QCOMPARE(
        server.clientFirst("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"), ScramServer::Outcome::Continue);
    server.setPassword("pencils"); // not the password the client proved
    QCOMPARE(server.clientFinal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                                "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="),
        ScramServer::Outcome::BadProof);
}

void TestAuthDigests::scramRefusesWhatItCannotDo_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("final");
    const QByteArray final = "c=biws,r=abc%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                             "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    QTest::newRow("channel binding asked for (p=) is refused")
        << QByteArray("p=tls-unique,,n=user,r=abc") << QByteArray();
    QTest::newRow("a mandatory extension is refused")
        << QByteArray("n,,m=x,n=user,r=abc") << QByteArray();
    QTest::newRow("no user name") << QByteArray("n,,r=abc") << QByteArray();
    QTest::newRow("a bad saslname escape") << QByteArray("n,,n=us=er,r=abc") << QByteArray();
    QTest::newRow("the final message with another nonce")
        << QByteArray("n,,n=user,r=abc")
        << QByteArray("c=biws,r=abcX,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
    QTest::newRow("the final message with another gs2 header")
        << QByteArray("n,,n=user,r=abc") << QByteArray(final).replace("c=biws", "c=eSws");
    QTest::newRow("the final message without a proof") << QByteArray(
        "n,,n=user,r=abc") << QByteArray("c=biws,r=abc%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
}

void TestAuthDigests::scramRefusesWhatItCannotDo()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, final);
    ScramServer server(
        "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0", QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ=="));
    const ScramServer::Outcome outcome = server.clientFirst(first);
    if (final.isEmpty()) {
        QCOMPARE(outcome, ScramServer::Outcome::Malformed);
        return;
    }
    QCOMPARE(outcome, ScramServer::Outcome::Continue);
    server.setPassword("pencil");
    QCOMPARE(server.clientFinal(final), ScramServer::Outcome::Malformed);
}

QTEST_GUILESS_MAIN(TestAuthDigests)
#include "tst_authdigests.moc"
