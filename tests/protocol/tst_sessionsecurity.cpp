// Pop3Session's security rules without a socket: STLS (RFC 2595) in each state, CAPA before and
// after TLS, plain-text logins refused until TLS (Dovecot's disable_plaintext_auth, with a client
// on this machine counted as secure or not), and the challenge-response logins (APOP, CRAM-MD5,
// SCRAM-SHA-256) played by a client written here from the RFCs, with their secrets hidden.

#include "events/eventlog.h"
#include "protocol/authdigests.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"
#include "support/memorymailbox.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QTest>

using namespace pop3;

namespace {

// One session against a memory mailbox holding student / hessovs!.
struct Bench
{
    EventLog log;
    pop3test::MemoryMailbox store;
    Personality personality;
    std::unique_ptr<Pop3Session> session;

    explicit Bench(const QString &personalityId = QStringLiteral("dovecot"),
        bool tlsAvailable = true,
        bool onThisMachine = false)
    {
        store.addAccount(QStringLiteral("student"),
            QStringLiteral("hessovs!"),
            {QByteArray("Subject: hello\r\n\r\nhi\r\n")});
        personality = *Personality::load(personalityId);
        Pop3Session::Peer peer{QStringLiteral("192.0.2.7:40000"),
            QStringLiteral("192.0.2.1:110"),
            QStringLiteral("192.0.2.1")};
        peer.tlsAvailable = tlsAvailable;
        peer.onThisMachine = onThisMachine;
        session = std::make_unique<Pop3Session>(&log, &store, &personality, 1, peer);
        session->setLoginDelays(false);
        session->setPlaintextAuthDisabled(
            personality.disablePlaintextAuth, personality.localIsSecure);
    }

    void start() { session->start(1000); }

    QByteArray send(const QByteArray &line)
    {
        return session->handleLine(line + "\r\n", 1000).drain();
    }

    Pop3Session::Reply reply(const QByteArray &line)
    {
        return session->handleLine(line + "\r\n", 1000);
    }

    // The challenge of a "+ base64" continuation, decoded.
    static QByteArray challenge(const QByteArray &reply)
    {
        return QByteArray::fromBase64(reply.mid(2).trimmed());
    }

    Event lastClientLine() const
    {
        const QList<Event> events = log.eventsSince(0);
        for (qsizetype i = events.size() - 1; i >= 0; --i) {
            if (events.at(i).kind == EventKind::ClientLine)
                return events.at(i);
        }
        return {};
    }
};

QByteArray hmac256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// The client side of SCRAM-SHA-256 (RFC 5802 §3), written apart from ScramServer.
QByteArray scramClientFinal(const QByteArray &clientFirstBare,
    const QByteArray &serverFirst,
    const QByteArray &password,
    QByteArray *expectedServerSignature)
{
    QByteArray nonce, salt;
    int iterations = 0;
    for (const QByteArray &attr : serverFirst.split(',')) {
        if (attr.startsWith("r="))
            nonce = attr.mid(2);
        else if (attr.startsWith("s="))
            salt = QByteArray::fromBase64(attr.mid(2));
        else if (attr.startsWith("i="))
            iterations = attr.mid(2).toInt();
    }
    const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password, salt, iterations, 32);
    const QByteArray clientKey = hmac256(salted, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray withoutProof = "c=biws,r=" + nonce;
    const QByteArray authMessage = clientFirstBare + ',' + serverFirst + ',' + withoutProof;
    const QByteArray signature = hmac256(storedKey, authMessage);
    QByteArray proof = clientKey;
    for (int i = 0; i < proof.size(); ++i)
        proof[i] = char(proof.at(i) ^ signature.at(i));
    *expectedServerSignature =
        "v=" + hmac256(hmac256(salted, "Server Key"), authMessage).toBase64();
    return withoutProof + ",p=" + proof.toBase64();
}

} // namespace

class TestSessionSecurity : public QObject
{
    Q_OBJECT

private slots:
    void stlsOnlyWhenTheServerCan();
    void stlsThenCapaDiffers();
    void stlsForgetsWhatCameBefore();
    void stlsRefusedTwiceAndAfterLogin();
    void plaintextRefusedUntilTls();
    void plaintextOnThisMachine();
    void apopStillWorksWithoutTls();
    void cramMd5Login();
    void cramMd5TakesNoInitialResponse();
    void scramSha256Login_data();
    void scramSha256Login();
    void saslLineListsExactlyWhatIsEnabled();
    void challengeResponsesAreHiddenInEvents();
};

void TestSessionSecurity::stlsOnlyWhenTheServerCan()
{
    Bench without(QStringLiteral("dovecot"), false);
    without.start();
    QVERIFY(!without.send("CAPA").contains("STLS"));
    const Pop3Session::Reply refused = without.reply("STLS");
    QCOMPARE(refused.head, QByteArray("-ERR TLS support isn't enabled.\r\n"));
    QVERIFY(!refused.startTls);

    Bench with;
    with.start();
    const Pop3Session::Reply accepted = with.reply("STLS");
    QCOMPARE(accepted.head, QByteArray("+OK Begin TLS negotiation now.\r\n"));
    QVERIFY(accepted.startTls);
    QCOMPARE(with.session->state(), State::Authorization);
}

void TestSessionSecurity::stlsThenCapaDiffers()
{
    Bench b;
    b.start();
    // Dovecot's order: STLS before USER; plain text refused (not on this machine): no USER, and
    // no SASL line (PLAIN and LOGIN are all the dovecot personality offers).
    QCOMPARE(b.send("CAPA"),
        QByteArray("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\n"
                   "STLS\r\n.\r\n"));
    QVERIFY(b.reply("STLS").startTls);
    b.session->tlsStarted(1000, QStringLiteral("TLSv1.3, TLS_AES_256_GCM_SHA384"));
    QVERIFY(b.session->isTls());
    QCOMPARE(b.send("CAPA"),
        QByteArray("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\n"
                   "USER\r\nSASL PLAIN LOGIN\r\n.\r\n"));
    const QList<Event> events = b.log.eventsSince(0);
    const auto note = std::find_if(events.cbegin(), events.cend(), [](const Event &e) {
        return e.kind == EventKind::Note && e.note == NoteKind::TlsStarted;
    });
    QVERIFY(note != events.cend());
    QCOMPARE(note->detail, QStringLiteral("TLSv1.3, TLS_AES_256_GCM_SHA384"));
    QCOMPARE(note->session, 1);
}

void TestSessionSecurity::stlsForgetsWhatCameBefore()
{
    Bench b(QStringLiteral("dovecot"), true, true); // on this machine: USER allowed in clear
    b.start();
    QCOMPARE(b.send("USER student"), QByteArray("+OK\r\n"));
    QVERIFY(b.reply("STLS").startTls);
    b.session->tlsStarted(1000, QStringLiteral("TLSv1.3"));
    // RFC 2595 §4: the USER given before TLS is forgotten.
    QCOMPARE(b.send("PASS hessovs!"), QByteArray("-ERR No username given.\r\n"));
    QCOMPARE(b.send("USER student"), QByteArray("+OK\r\n"));
    QCOMPARE(b.send("PASS hessovs!"), QByteArray("+OK Logged in.\r\n"));
}

void TestSessionSecurity::stlsRefusedTwiceAndAfterLogin()
{
    Bench b(QStringLiteral("base"));
    b.start();
    QVERIFY(b.reply("STLS").startTls);
    b.session->tlsStarted(1000, QStringLiteral("TLSv1.3"));
    const Pop3Session::Reply twice = b.reply("STLS");
    QCOMPARE(twice.head,
        QByteArray("-ERR TLS is already active: STLS is accepted once per connection.\r\n"));
    QVERIFY(!twice.startTls);
    b.send("USER student");
    QCOMPARE(b.send("PASS hessovs!").left(3), QByteArray("+OK"));
    Bench plain(QStringLiteral("base"));
    plain.start();
    plain.send("USER student");
    plain.send("PASS hessovs!");
    const Pop3Session::Reply inTransaction = plain.reply("STLS");
    QCOMPARE(inTransaction.head,
        QByteArray("-ERR STLS is not valid after login (TRANSACTION state).\r\n"));
    QVERIFY(!inTransaction.startTls);
    QCOMPARE(plain.session->state(), State::Transaction);
    // The dovecot personality says the same thing in Dovecot's words for "already active".
    Bench dovecot;
    dovecot.start();
    dovecot.reply("STLS");
    dovecot.session->tlsStarted(1000, {});
    QCOMPARE(dovecot.send("STLS"), QByteArray("-ERR TLS is already active.\r\n"));
}

void TestSessionSecurity::plaintextRefusedUntilTls()
{
    Bench b;
    b.start();
    const QByteArray refusal =
        "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n";
    QCOMPARE(b.send("USER student"), refusal);
    QCOMPARE(b.send("PASS hessovs!"), refusal);
    QCOMPARE(b.send("AUTH PLAIN " + QByteArray("\0student\0hessovs!", 17).toBase64()), refusal);
    QCOMPARE(b.send("AUTH LOGIN"), refusal);
    QCOMPARE(b.send("AUTH"), QByteArray("+OK\r\n.\r\n")); // nothing offered in clear
    QCOMPARE(b.session->state(), State::Authorization);
    b.reply("STLS");
    b.session->tlsStarted(1000, {});
    QCOMPARE(b.send("USER student"), QByteArray("+OK\r\n"));
    QCOMPARE(b.send("PASS hessovs!"), QByteArray("+OK Logged in.\r\n"));
    QCOMPARE(b.session->state(), State::Transaction);
}

void TestSessionSecurity::plaintextOnThisMachine()
{
    // Dovecot counts a client on the server's own machine as secure (the lab on 127.0.0.1).
    Bench local(QStringLiteral("dovecot"), true, true);
    local.start();
    QCOMPARE(local.send("USER student"), QByteArray("+OK\r\n"));
    QVERIFY(local.send("CAPA").contains("USER\r\nSASL PLAIN LOGIN\r\n"));
    // Unless the teacher says it is not.
    Bench strict(QStringLiteral("dovecot"), true, true);
    strict.session->setPlaintextAuthDisabled(true, false);
    strict.start();
    QVERIFY(strict.send("USER student").startsWith("-ERR [AUTH] Plaintext authentication"));
    // And a personality that allows plain text allows it everywhere.
    Bench base(QStringLiteral("base"));
    base.start();
    QVERIFY(base.send("USER student").startsWith("+OK"));
}

void TestSessionSecurity::apopStillWorksWithoutTls()
{
    Bench b(QStringLiteral("rfc1939"), false);
    b.session->setPlaintextAuthDisabled(true, false);
    b.start();
    QVERIFY(b.send("USER student").startsWith("-ERR [AUTH] Plaintext"));
    const QByteArray digest = apopDigest(b.session->apopTimestamp(), "hessovs!");
    QCOMPARE(b.send("APOP student " + digest).left(3), QByteArray("+OK"));
    QCOMPARE(b.session->state(), State::Transaction);
}

void TestSessionSecurity::cramMd5Login()
{
    Bench b(QStringLiteral("base"));
    b.start();
    const QByteArray first = b.send("AUTH CRAM-MD5");
    QVERIFY2(first.startsWith("+ "), first.constData());
    const QByteArray challenge = Bench::challenge(first);
    QVERIFY(challenge.startsWith('<') && challenge.endsWith('>'));
    QCOMPARE(b.send(QByteArray("student " + cramMd5Digest(challenge, "wrong")).toBase64()),
        QByteArray("-ERR [AUTH] Authentication failed.\r\n"));
    const QByteArray second = Bench::challenge(b.send("AUTH CRAM-MD5"));
    QVERIFY(second != challenge); // never the same challenge twice
    QCOMPARE(b.send(QByteArray("student " + cramMd5Digest(second, "hessovs!")).toBase64()).left(3),
        QByteArray("+OK"));
    QCOMPARE(b.session->state(), State::Transaction);
}

void TestSessionSecurity::cramMd5TakesNoInitialResponse()
{
    Bench b(QStringLiteral("base"));
    b.start();
    QCOMPARE(b.send("AUTH CRAM-MD5 dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"),
        QByteArray("-ERR CRAM-MD5 takes no initial response: the server sends its challenge "
                   "first.\r\n"));
    QVERIFY(!b.session->expectsSaslResponse());
}

void TestSessionSecurity::scramSha256Login_data()
{
    QTest::addColumn<bool>("initialResponse");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<bool>("loggedIn");
    QTest::newRow("the right password, challenge first") << false << QByteArray("hessovs!") << true;
    QTest::newRow("the right password, initial response") << true << QByteArray("hessovs!") << true;
    QTest::newRow("a wrong password") << false << QByteArray("hessovs?") << false;
}

void TestSessionSecurity::scramSha256Login()
{
    QFETCH(bool, initialResponse);
    QFETCH(QByteArray, password);
    QFETCH(bool, loggedIn);
    Bench b(QStringLiteral("base"));
    b.start();
    const QByteArray clientFirstBare = "n=student,r=fyko+d2lbbFgONRv9qkxdawL";
    const QByteArray clientFirst = "n,," + clientFirstBare;
    QByteArray reply;
    if (initialResponse) {
        reply = b.send("AUTH SCRAM-SHA-256 " + clientFirst.toBase64());
    } else {
        QCOMPARE(b.send("AUTH SCRAM-SHA-256"), QByteArray("+ \r\n"));
        reply = b.send(clientFirst.toBase64());
    }
    QVERIFY2(reply.startsWith("+ "), reply.constData());
    const QByteArray serverFirst = Bench::challenge(reply);
    QVERIFY(serverFirst.startsWith("r=fyko+d2lbbFgONRv9qkxdawL"));
    QVERIFY(serverFirst.contains(",i=4096"));
    QByteArray serverSignature;
    const QByteArray clientFinal =
        scramClientFinal(clientFirstBare, serverFirst, password, &serverSignature);
    reply = b.send(clientFinal.toBase64());
    if (!loggedIn) {
        QCOMPARE(reply, QByteArray("-ERR [AUTH] Authentication failed.\r\n"));
        QCOMPARE(b.session->state(), State::Authorization);
        return;
    }
    // The server proves it knows the password too; the client answers with an empty line.
    QCOMPARE(Bench::challenge(reply), serverSignature);
    QCOMPARE(b.send(""), QByteArray("+OK Logged in: 1 messages (22 octets).\r\n"));
    QCOMPARE(b.session->state(), State::Transaction);
}

void TestSessionSecurity::saslLineListsExactlyWhatIsEnabled()
{
    Bench all(QStringLiteral("base"));
    all.start();
    QVERIFY(all.send("CAPA").contains("\r\nSASL PLAIN LOGIN CRAM-MD5 SCRAM-SHA-256\r\n"));
    QCOMPARE(all.send("AUTH"),
        QByteArray("+OK Supported SASL mechanisms follow\r\nPLAIN\r\nLOGIN\r\n"
                   "CRAM-MD5\r\nSCRAM-SHA-256\r\n.\r\n"));

    Bench one(QStringLiteral("base"));
    one.personality.saslMechanisms = {QStringLiteral("CRAM-MD5")};
    one.start();
    const QByteArray capa = one.send("CAPA");
    QVERIFY(capa.contains("\r\nSASL CRAM-MD5\r\n"));
    QCOMPARE(
        one.send("AUTH PLAIN"), QByteArray("-ERR Unsupported authentication mechanism: PLAIN\r\n"));
    QCOMPARE(one.send("AUTH SCRAM-SHA-256"),
        QByteArray("-ERR Unsupported authentication mechanism: SCRAM-SHA-256\r\n"));

    // Plain text refused: PLAIN and LOGIN leave the line, the others stay.
    Bench refused(QStringLiteral("base"));
    refused.session->setPlaintextAuthDisabled(true, true);
    refused.start();
    QVERIFY(refused.send("CAPA").contains("\r\nSASL CRAM-MD5 SCRAM-SHA-256\r\n"));
}

void TestSessionSecurity::challengeResponsesAreHiddenInEvents()
{
    Bench b(QStringLiteral("base"));
    b.start();
    b.send("AUTH CRAM-MD5");
    b.send("c3R1ZGVudCAwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==");
    QCOMPARE(b.lastClientLine().secretFrom, 0); // the whole response line
    QVERIFY(b.lastClientLine().withoutSecret().bytes.startsWith(hiddenSecret));
    b.send("AUTH SCRAM-SHA-256 " + QByteArray("n,,n=student,r=abcdef").toBase64());
    QCOMPARE(b.lastClientLine().secretFrom, qsizetype(19)); // after "AUTH SCRAM-SHA-256 "
    b.send(QByteArray("c=biws,r=abcdef,p=AAAA").toBase64());
    QCOMPARE(b.lastClientLine().secretFrom, 0);
    QVERIFY(!b.lastClientLine().withoutSecret().bytes.contains("Yz1"));
}

QTEST_GUILESS_MAIN(TestSessionSecurity)
#include "tst_sessionsecurity.moc"
