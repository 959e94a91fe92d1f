#include "mail/mimeheader.h"

#include <QTest>

using namespace pop3;

class TestMimeHeader : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void qPayload();
};

void TestMimeHeader::decode_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain ASCII is kept")
        << QByteArray("Hello there") << QStringLiteral("Hello there");
    QTest::newRow("a base64 UTF-8 word is decoded")
        << QByteArray("=?UTF-8?B?Q2Fmw6kgY3LDqG1l?=") << QStringLiteral("Café crème");
    QTest::newRow("a Q Latin-1 word is decoded, underscores are spaces")
        << QByteArray("=?ISO-8859-1?Q?R=E9sum=E9_du_cours?=") << QStringLiteral("Résumé du cours");
    QTest::newRow("lower-case charset and encoding letters are accepted")
        << QByteArray("=?utf-8?q?=C3=A0_bient=C3=B4t?=") << QStringLiteral("à bientôt");
    QTest::newRow("white space between two encoded-words is dropped")
        << QByteArray("=?UTF-8?Q?Bon?= =?UTF-8?Q?jour?=") << QStringLiteral("Bonjour");
    QTest::newRow("white space between a word and text is kept")
        << QByteArray("Re: =?UTF-8?Q?caf=C3=A9?= ok") << QStringLiteral("Re: café ok");
    QTest::newRow("folded lines are unfolded")
        << QByteArray("=?UTF-8?B?w6l0w6k=?=\r\n =?UTF-8?B?w6l0w6k=?=") << QStringLiteral("étéété");
    QTest::newRow("a Windows-1252 euro sign")
        << QByteArray("=?windows-1252?Q?5_=80?=") << QStringLiteral("5 €");
    QTest::newRow("an ISO-8859-15 euro sign")
        << QByteArray("=?ISO-8859-15?Q?=A4?=") << QStringLiteral("€");
    QTest::newRow("raw UTF-8 bytes are read as UTF-8")
        << QByteArray("Caf\xc3\xa9") << QStringLiteral("Café");
    QTest::newRow("raw 8-bit bytes that are not UTF-8 are Latin-1")
        << QByteArray("Caf\xe9") << QStringLiteral("Café");
    QTest::newRow("a malformed word is left as it is")
        << QByteArray("=?UTF-8?X?abc?=") << QStringLiteral("=?UTF-8?X?abc?=");
    QTest::newRow("an unterminated word is left as it is")
        << QByteArray("=?UTF-8?Q?abc") << QStringLiteral("=?UTF-8?Q?abc");
    QTest::newRow("an RFC 2231 language suffix is ignored")
        << QByteArray("=?UTF-8*fr?Q?=C3=A9t=C3=A9?=") << QStringLiteral("été");
}

void TestMimeHeader::decode()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    QCOMPARE(MimeHeader::decode(raw), text);
}

void TestMimeHeader::qPayload()
{
    bool ok = false;
    QCOMPARE(MimeHeader::decodePayload('Q', "a=3Db", &ok), QByteArray("a=b"));
    QVERIFY(ok);
    QCOMPARE(MimeHeader::decodePayload('B', "aGk=", &ok), QByteArray("hi"));
    QVERIFY(ok);
    MimeHeader::decodePayload('B', "!!!", &ok);
    QVERIFY(!ok);
}

QTEST_GUILESS_MAIN(TestMimeHeader)
#include "tst_mimeheader.moc"
