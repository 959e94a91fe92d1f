// Pop3Session, the RFC 1939 state machine: every command in every state, the bad inputs, the
// personalities' transcripts byte for byte, and the events a session produces.

#include "mail/maildroplock.h"
#include "protocol/loginthrottle.h"
#include "protocol/replybody.h"
#include "support/coretestsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace pop3;
using namespace pop3test;

Q_DECLARE_METATYPE(pop3::State)

namespace {

const QByteArrayList login{"USER student", "PASS hessovs!"};

QByteArrayList loggedIn(const QByteArrayList &more)
{
    return login + more;
}

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64();
}

// The sizes the lab sheet prints for LIST (it does not show 5 and 34).
const QList<QPair<int, int>> sheetSizes{
    {1, 376},
    {2, 360},
    {3, 393},
    {4, 340},
    {6, 362},
    {7, 362},
    {8, 380},
    {9, 406},
    {10, 362},
    {11, 403},
    {12, 2370},
    {13, 2367},
    {14, 2369},
    {15, 313},
    {16, 380},
    {17, 298},
    {18, 349},
    {19, 298},
    {20, 295},
    {21, 319},
    {22, 455},
    {23, 299},
    {24, 308},
    {25, 2634},
    {26, 362},
    {27, 404},
    {28, 353},
    {29, 532},
    {30, 376},
    {31, 488},
    {32, 339},
    {33, 340},
    {35, 2526},
};

QList<EventKind> kinds(const QList<Event> &events)
{
    QList<EventKind> out;
    for (const Event &e : events)
        out.append(e.kind);
    return out;
}

QStringList kindNames(const QList<Event> &events)
{
    QStringList out;
    for (const Event &e : events)
        out.append(eventKindName(e.kind));
    return out;
}

int countFiles(const QString &dir)
{
    return int(QDir(dir).entryList({QStringLiteral("*.eml")}, QDir::Files).size());
}

} // namespace

class TestPop3Session : public QObject
{
    Q_OBJECT

private slots:
    void reply_data();
    void reply();
    void badCommandLimit_data();
    void badCommandLimit();
    void onlyUnknownCommandsCount_data();
    void onlyUnknownCommandsCount();
    void dovecotFidelity_data();
    void dovecotFidelity();
    void failedLoginsAreDelayedThenClosed();
    void inUseWaitsThenClosesAsDovecotDoes();
    void closesAfterQuitOrTooManyBad();
    void labSheetTranscript();
    void tutorial2000Transcript();
    void rfc1939Transcript();
    void apopDigest();
    void multiLineRepliesAreStuffedAndTerminated_data();
    void multiLineRepliesAreStuffedAndTerminated();
    void deletedMessagesKeepTheirNumber();
    void quitInTransactionCommits();
    void quitInAuthorizationChangesNothing();
    void droppedConnectionNeverCommitsAndReleasesTheLock();
    void secondLoginIsRefusedWhileTheFirstHoldsTheLock();
    void staleLockIsClearedAndReported();
    void pipelinedLinesAreAnsweredInOrder();
    void eventStream();
    void serverReplyEventsDescribeBodies();
    void overlongLineFromTheSplitter();
    void idleTimeoutAndShutdown();
    void noReplyIsLongerThan512Octets_data();
    void noReplyIsLongerThan512Octets();
    void randomGarbageNeverBreaksTheSession();
};

void TestPop3Session::reply_data()
{
    QTest::addColumn<QString>("personality");
    QTest::addColumn<QByteArrayList>("lines"); // what the client types (CRLF added)
    QTest::addColumn<QByteArray>("lastReply"); // everything the server answers to the last line
    QTest::addColumn<State>("state");
    const QString dovecot = QStringLiteral("dovecot");
    using S = State;
    const QByteArray plainOk = b64(QByteArray("\0student\0hessovs!", 17));
    const QByteArray plainBad = b64(QByteArray("\0student\0wrong", 14));

    // AUTHORIZATION
    QTest::newRow("USER is accepted with a bare +OK")
        << dovecot << QByteArrayList{"USER student"} << QByteArray("+OK\r\n") << S::Authorization;
    QTest::newRow("user in lower case is the same command")
        << dovecot << QByteArrayList{"user student"} << QByteArray("+OK\r\n") << S::Authorization;
    QTest::newRow("UsEr in mixed case is the same command")
        << dovecot << QByteArrayList{"UsEr student"} << QByteArray("+OK\r\n") << S::Authorization;
    QTest::newRow("USER of an unknown name is accepted too (no user probing)")
        << dovecot << QByteArrayList{"USER nobody"} << QByteArray("+OK\r\n") << S::Authorization;
    QTest::newRow("a line ending in a bare LF is accepted")
        << dovecot << QByteArrayList{"USER student\n"} << QByteArray("+OK\r\n") << S::Authorization;
    QTest::newRow("USER without a name is refused")
        << dovecot << QByteArrayList{"USER"}
        << QByteArray("-ERR USER needs a user name: USER name\r\n") << S::Authorization;
    QTest::newRow("USER with two names is refused")
        << QStringLiteral("base") << QByteArrayList{"USER a b"}
        << QByteArray("-ERR USER takes one argument, not 2.\r\n") << S::Authorization;
    QTest::newRow("Dovecot takes USER's two names as one (the PASS then fails)")
        << dovecot << QByteArrayList{"USER a b"} << QByteArray("+OK\r\n") << S::Authorization;
    QTest::newRow("PASS before USER is refused")
        << dovecot << QByteArrayList{"PASS hessovs!"} << QByteArray("-ERR No username given.\r\n")
        << S::Authorization;
    QTest::newRow("PASS with the right password logs in")
        << dovecot << login << QByteArray("+OK Logged in.\r\n") << S::Transaction;
    QTest::newRow("pass in lower case logs in")
        << dovecot << QByteArrayList{"user student", "pass hessovs!"}
        << QByteArray("+OK Logged in.\r\n") << S::Transaction;
    QTest::newRow("PASS with a wrong password is refused with [AUTH]")
        << dovecot << QByteArrayList{"USER student", "PASS wrong"}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << S::Authorization;
    QTest::newRow("PASS is case-sensitive in its argument")
        << dovecot << QByteArrayList{"USER student", "PASS HESSOVS!"}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << S::Authorization;
    QTest::newRow("PASS for an unknown user is refused like a wrong password")
        << dovecot << QByteArrayList{"USER nobody", "PASS hessovs!"}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << S::Authorization;
    QTest::newRow("PASS without a password is refused")
        << dovecot << QByteArrayList{"USER student", "PASS"}
        << QByteArray("-ERR PASS needs the password: PASS secret\r\n") << S::Authorization;
    QTest::newRow("PASS after a failed PASS needs USER again")
        << dovecot << QByteArrayList{"USER student", "PASS wrong", "PASS hessovs!"}
        << QByteArray("-ERR No username given.\r\n") << S::Authorization;
    QTest::newRow("USER again after a failed PASS allows a retry")
        << dovecot << QByteArrayList{"USER student", "PASS wrong", "USER student", "PASS hessovs!"}
        << QByteArray("+OK Logged in.\r\n") << S::Transaction;
    QTest::newRow("USER: student (the lab sheet's typo) is an unknown command")
        << dovecot << QByteArrayList{"USER: student"} << QByteArray("-ERR Unknown command.\r\n")
        << S::Authorization;
    QTest::newRow("an empty line is an unknown command")
        << dovecot << QByteArrayList{""} << QByteArray("-ERR Unknown command.\r\n")
        << S::Authorization;
    QTest::newRow("a line of spaces is an unknown command")
        << dovecot << QByteArrayList{"   "} << QByteArray("-ERR Unknown command.\r\n")
        << S::Authorization;
    for (const char *cmd :
        {"STAT", "LIST", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 0", "UIDL", "LAST"}) {
        QTest::addRow("%s before login is an unknown command", cmd)
            << dovecot << QByteArrayList{cmd} << QByteArray("-ERR Unknown command.\r\n")
            << S::Authorization;
    }
    QTest::newRow("FOO before login is an unknown command")
        << dovecot << QByteArrayList{"FOO"} << QByteArray("-ERR Unknown command.\r\n")
        << S::Authorization;
    QTest::newRow("APOP is refused when the greeting has no timestamp")
        << dovecot << QByteArrayList{"APOP student 0123456789abcdef0123456789abcdef"}
        << QByteArray(
               "-ERR APOP is not enabled on this server (the greeting has no <timestamp>).\r\n")
        << S::Authorization;
    QTest::newRow("STLS without TLS is refused")
        << dovecot << QByteArrayList{"STLS"} << QByteArray("-ERR TLS support isn't enabled.\r\n")
        << S::Authorization;
    QTest::newRow("QUIT before login says goodbye and stays out of UPDATE")
        << dovecot << QByteArrayList{"QUIT"} << QByteArray("+OK Logging out\r\n")
        << S::Authorization;
    QTest::newRow("QUIT with an argument is refused")
        << dovecot << QByteArrayList{"QUIT now"} << QByteArray("-ERR QUIT takes no argument.\r\n")
        << S::Authorization;
    QTest::newRow("CAPA before login lists USER and SASL")
        << dovecot << QByteArrayList{"CAPA"}
        << QByteArray("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\n"
                      "USER\r\nSASL PLAIN LOGIN\r\n.\r\n")
        << S::Authorization;
    QTest::newRow("capa in lower case is the same command")
        << dovecot << QByteArrayList{"capa"}
        << QByteArray("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\n"
                      "USER\r\nSASL PLAIN LOGIN\r\n.\r\n")
        << S::Authorization;
    QTest::newRow("CAPA with an argument is refused")
        << dovecot << QByteArrayList{"CAPA x"} << QByteArray("-ERR CAPA takes no argument.\r\n")
        << S::Authorization;

    // AUTH (RFC 5034)
    QTest::newRow("AUTH PLAIN with an initial response logs in")
        << dovecot << QByteArrayList{"AUTH PLAIN " + plainOk} << QByteArray("+OK Logged in.\r\n")
        << S::Transaction;
    QTest::newRow("auth plain in lower case logs in")
        << dovecot << QByteArrayList{"auth plain " + plainOk} << QByteArray("+OK Logged in.\r\n")
        << S::Transaction;
    QTest::newRow("AUTH PLAIN asks for the response with an empty challenge")
        << dovecot << QByteArrayList{"AUTH PLAIN"} << QByteArray("+ \r\n") << S::Authorization;
    QTest::newRow("AUTH PLAIN in two steps logs in")
        << dovecot << QByteArrayList{"AUTH PLAIN", plainOk} << QByteArray("+OK Logged in.\r\n")
        << S::Transaction;
    QTest::newRow("AUTH PLAIN with a wrong password is refused with [AUTH]")
        << dovecot << QByteArrayList{"AUTH PLAIN", plainBad}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << S::Authorization;
    QTest::newRow("AUTH PLAIN with an authzid other than the user is refused")
        << dovecot
        << QByteArrayList{"AUTH PLAIN " + b64(QByteArray("admin\0student\0hessovs!", 22))}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << S::Authorization;
    QTest::newRow("AUTH PLAIN with an authzid equal to the user logs in")
        << dovecot
        << QByteArrayList{"AUTH PLAIN " + b64(QByteArray("student\0student\0hessovs!", 24))}
        << QByteArray("+OK Logged in.\r\n") << S::Transaction;
    QTest::newRow("AUTH PLAIN cancelled with * is aborted")
        << dovecot << QByteArrayList{"AUTH PLAIN", "*"}
        << QByteArray("-ERR Authentication aborted by client.\r\n") << S::Authorization;
    QTest::newRow("AUTH PLAIN with bad base64 is refused")
        << dovecot << QByteArrayList{"AUTH PLAIN", "!!not base64!!"}
        << QByteArray("-ERR Invalid base64 data in the response.\r\n") << S::Authorization;
    QTest::newRow("AUTH PLAIN with base64 of two fields is refused")
        << dovecot << QByteArrayList{"AUTH PLAIN " + b64(QByteArray("student\0hessovs!", 16))}
        << QByteArray("-ERR Invalid base64 data in the response.\r\n") << S::Authorization;
    QTest::newRow("after a cancelled AUTH commands work again")
        << dovecot << QByteArrayList{"AUTH PLAIN", "*", "USER student", "PASS hessovs!"}
        << QByteArray("+OK Logged in.\r\n") << S::Transaction;
    QTest::newRow("AUTH LOGIN asks for the user name")
        << dovecot << QByteArrayList{"AUTH LOGIN"} << QByteArray("+ VXNlcm5hbWU6\r\n")
        << S::Authorization;
    QTest::newRow("AUTH LOGIN asks for the password")
        << dovecot << QByteArrayList{"AUTH LOGIN", b64("student")}
        << QByteArray("+ UGFzc3dvcmQ6\r\n") << S::Authorization;
    QTest::newRow("AUTH LOGIN logs in")
        << dovecot << QByteArrayList{"AUTH LOGIN", b64("student"), b64("hessovs!")}
        << QByteArray("+OK Logged in.\r\n") << S::Transaction;
    QTest::newRow("AUTH LOGIN with the user name as initial response logs in")
        << dovecot << QByteArrayList{"AUTH LOGIN " + b64("student"), b64("hessovs!")}
        << QByteArray("+OK Logged in.\r\n") << S::Transaction;
    QTest::newRow("AUTH LOGIN with a wrong password is refused with [AUTH]")
        << dovecot << QByteArrayList{"AUTH LOGIN", b64("student"), b64("nope")}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << S::Authorization;
    QTest::newRow("AUTH LOGIN cancelled at the password prompt is aborted")
        << dovecot << QByteArrayList{"AUTH LOGIN", b64("student"), "*"}
        << QByteArray("-ERR Authentication aborted by client.\r\n") << S::Authorization;
    QTest::newRow("AUTH LOGIN with bad base64 is refused")
        << dovecot << QByteArrayList{"AUTH LOGIN", "@@@"}
        << QByteArray("-ERR Invalid base64 data in the response.\r\n") << S::Authorization;
    QTest::newRow("AUTH without a mechanism lists them")
        << QStringLiteral("base") << QByteArrayList{"AUTH"}
        << QByteArray("+OK Supported SASL mechanisms follow\r\nPLAIN\r\nLOGIN\r\nCRAM-MD5\r\n"
                      "SCRAM-SHA-256\r\n.\r\n")
        << S::Authorization;
    QTest::newRow("AUTH with an unknown mechanism is refused")
        << QStringLiteral("base") << QByteArrayList{"AUTH DIGEST-MD5"}
        << QByteArray("-ERR Unsupported authentication mechanism: DIGEST-MD5\r\n")
        << S::Authorization;
    QTest::newRow("AUTH on a server without SASL is an unknown command")
        << QStringLiteral("uw-ipop3d") << QByteArrayList{"AUTH PLAIN " + plainOk}
        << QByteArray("-ERR Unknown AUTHORIZATION state command\r\n") << S::Authorization;

    // TRANSACTION
    QTest::newRow("STAT counts the student's maildrop")
        << dovecot << loggedIn({"STAT"}) << QByteArray("+OK 35 23183\r\n") << S::Transaction;
    QTest::newRow("stat in lower case is the same command")
        << dovecot << loggedIn({"stat"}) << QByteArray("+OK 35 23183\r\n") << S::Transaction;
    QTest::newRow("sTaT in mixed case is the same command")
        << dovecot << loggedIn({"sTaT"}) << QByteArray("+OK 35 23183\r\n") << S::Transaction;
    QTest::newRow("STAT with an argument is refused")
        << dovecot << loggedIn({"STAT 1"}) << QByteArray("-ERR STAT takes no argument.\r\n")
        << S::Transaction;
    QTest::newRow("LIST 1 gives message 1's size")
        << dovecot << loggedIn({"LIST 1"}) << QByteArray("+OK 1 376\r\n") << S::Transaction;
    QTest::newRow("LIST 35 gives the last message's size")
        << dovecot << loggedIn({"LIST 35"}) << QByteArray("+OK 35 2526\r\n") << S::Transaction;
    QTest::newRow("LIST 36 is out of range")
        << dovecot << loggedIn({"LIST 36"}) << QByteArray("-ERR There's no message 36.\r\n")
        << S::Transaction;
    QTest::newRow("LIST 99 is out of range")
        << dovecot << loggedIn({"LIST 99"}) << QByteArray("-ERR There's no message 99.\r\n")
        << S::Transaction;
    QTest::newRow("LIST 0 is refused: numbers start at 1")
        << dovecot << loggedIn({"LIST 0"}) << QByteArray("-ERR There's no message 0.\r\n")
        << S::Transaction;
    QTest::newRow("LIST 01 is message 1")
        << dovecot << loggedIn({"LIST 01"}) << QByteArray("+OK 1 376\r\n") << S::Transaction;
    QTest::newRow("LIST 1 2 has noise after the number")
        << dovecot << loggedIn({"LIST 1 2"}) << QByteArray("-ERR Noise after message number: 2\r\n")
        << S::Transaction;
    QTest::newRow("RETR 0 is refused")
        << dovecot << loggedIn({"RETR 0"}) << QByteArray("-ERR There's no message 0.\r\n")
        << S::Transaction;
    QTest::newRow("RETR without a number is refused")
        << dovecot << loggedIn({"RETR"}) << QByteArray("-ERR Invalid message number: \r\n")
        << S::Transaction;
    QTest::newRow("DELE without a number is refused")
        << dovecot << loggedIn({"DELE"}) << QByteArray("-ERR Invalid message number: \r\n")
        << S::Transaction;
    QTest::newRow("RETR abc is not a number")
        << dovecot << loggedIn({"RETR abc"}) << QByteArray("-ERR Invalid message number: abc\r\n")
        << S::Transaction;
    QTest::newRow("RETR -1 is not a number")
        << dovecot << loggedIn({"RETR -1"}) << QByteArray("-ERR Invalid message number: -1\r\n")
        << S::Transaction;
    QTest::newRow("RETR +1 is not a number")
        << dovecot << loggedIn({"RETR +1"}) << QByteArray("-ERR Invalid message number: +1\r\n")
        << S::Transaction;
    QTest::newRow("RETR 1x has noise after the number")
        << dovecot << loggedIn({"RETR 1x"}) << QByteArray("-ERR Noise after message number: x\r\n")
        << S::Transaction;
    QTest::newRow("RETR 1.5 has noise after the number")
        << dovecot << loggedIn({"RETR 1.5"})
        << QByteArray("-ERR Noise after message number: .5\r\n") << S::Transaction;
    QTest::newRow("RETR 4294967297 is too large")
        << dovecot << loggedIn({"RETR 4294967297"})
        << QByteArray("-ERR Message number too large: 4294967297\r\n") << S::Transaction;
    QTest::newRow("RETR 4294967295 fits but is out of range")
        << dovecot << loggedIn({"RETR 4294967295"})
        << QByteArray("-ERR There's no message 4294967295.\r\n") << S::Transaction;
    QTest::newRow("RETR with twenty digits is too large")
        << dovecot << loggedIn({"RETR 99999999999999999999"})
        << QByteArray("-ERR Message number too large: 99999999999999999999\r\n") << S::Transaction;
    QTest::newRow("RETR 99 is out of range")
        << dovecot << loggedIn({"RETR 99"}) << QByteArray("-ERR There's no message 99.\r\n")
        << S::Transaction;
    QTest::newRow("TOP 1 without a line count has noise after the number")
        << dovecot << loggedIn({"TOP 1"}) << QByteArray("-ERR Noise after message number: \r\n")
        << S::Transaction;
    QTest::newRow("TOP 1 -1 has an invalid size")
        << dovecot << loggedIn({"TOP 1 -1"}) << QByteArray("-ERR Invalid size: -1\r\n")
        << S::Transaction;
    QTest::newRow("TOP 1 x has an invalid size")
        << dovecot << loggedIn({"TOP 1 x"}) << QByteArray("-ERR Invalid size: x\r\n")
        << S::Transaction;
    QTest::newRow("TOP 1 1 1 has noise after the line count")
        << dovecot << loggedIn({"TOP 1 1 1"}) << QByteArray("-ERR Noise after size: 1\r\n")
        << S::Transaction;
    QTest::newRow("TOP 0 0 is out of range")
        << dovecot << loggedIn({"TOP 0 0"}) << QByteArray("-ERR There's no message 0.\r\n")
        << S::Transaction;
    QTest::newRow("TOP without arguments is refused")
        << dovecot << loggedIn({"TOP"}) << QByteArray("-ERR Invalid message number: \r\n")
        << S::Transaction;
    QTest::newRow("UIDL 1 gives the file's unique-id")
        << dovecot << loggedIn({"UIDL 1"}) << QByteArray("+OK 1 000000016553f100\r\n")
        << S::Transaction;
    QTest::newRow("UIDL 35 gives the last unique-id")
        << dovecot << loggedIn({"UIDL 35"}) << QByteArray("+OK 35 000000236553f100\r\n")
        << S::Transaction;
    QTest::newRow("UIDL 36 is out of range")
        << dovecot << loggedIn({"UIDL 36"}) << QByteArray("-ERR There's no message 36.\r\n")
        << S::Transaction;
    QTest::newRow("uidl x is not a number")
        << dovecot << loggedIn({"uidl x"}) << QByteArray("-ERR Invalid message number: x\r\n")
        << S::Transaction;
    QTest::newRow("NOOP answers +OK")
        << dovecot << loggedIn({"NOOP"}) << QByteArray("+OK\r\n") << S::Transaction;
    QTest::newRow("NOOP with an argument is refused")
        << dovecot << loggedIn({"NOOP x"}) << QByteArray("-ERR NOOP takes no argument.\r\n")
        << S::Transaction;
    QTest::newRow("RSET answers +OK")
        << dovecot << loggedIn({"RSET"}) << QByteArray("+OK\r\n") << S::Transaction;
    QTest::newRow("DELE 1 marks message 1")
        << dovecot << loggedIn({"DELE 1"}) << QByteArray("+OK Marked to be deleted.\r\n")
        << S::Transaction;
    QTest::newRow("DELE 1 twice is refused: already deleted")
        << dovecot << loggedIn({"DELE 1", "DELE 1"}) << QByteArray("-ERR Message is deleted.\r\n")
        << S::Transaction;
    QTest::newRow("RETR of a deleted message is refused")
        << dovecot << loggedIn({"DELE 3", "RETR 3"}) << QByteArray("-ERR Message is deleted.\r\n")
        << S::Transaction;
    QTest::newRow("LIST of a deleted message is refused")
        << dovecot << loggedIn({"DELE 2", "LIST 2"}) << QByteArray("-ERR Message is deleted.\r\n")
        << S::Transaction;
    QTest::newRow("TOP of a deleted message is refused")
        << dovecot << loggedIn({"DELE 2", "TOP 2 0"}) << QByteArray("-ERR Message is deleted.\r\n")
        << S::Transaction;
    QTest::newRow("UIDL of a deleted message is refused")
        << dovecot << loggedIn({"DELE 2", "UIDL 2"}) << QByteArray("-ERR Message is deleted.\r\n")
        << S::Transaction;
    QTest::newRow("STAT leaves a deleted message out")
        << dovecot << loggedIn({"DELE 1", "STAT"}) << QByteArray("+OK 34 22807\r\n")
        << S::Transaction;
    QTest::newRow("RSET brings a deleted message back into STAT")
        << dovecot << loggedIn({"DELE 1", "DELE 35", "RSET", "STAT"})
        << QByteArray("+OK 35 23183\r\n") << S::Transaction;
    QTest::newRow("RSET makes a deleted message readable again")
        << dovecot << loggedIn({"DELE 1", "RSET", "LIST 1"}) << QByteArray("+OK 1 376\r\n")
        << S::Transaction;
    QTest::newRow("RSET with an argument is refused")
        << dovecot << loggedIn({"RSET 1"}) << QByteArray("-ERR RSET takes no argument.\r\n")
        << S::Transaction;
    QTest::newRow("LIST after DELE leaves the message out but keeps the numbers")
        << dovecot << loggedIn({"DELE 2", "DELE 4", "LIST 5"}) << QByteArray("+OK 5 318\r\n")
        << S::Transaction;
    QTest::newRow("CAPA after login still lists USER and SASL (RFC 2449)")
        << dovecot << loggedIn({"CAPA"})
        << QByteArray("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\n"
                      "USER\r\nSASL PLAIN LOGIN\r\n.\r\n")
        << S::Transaction;
    QTest::newRow("FOO after login is named as unknown")
        << dovecot << loggedIn({"FOO"}) << QByteArray("-ERR Unknown command: FOO\r\n")
        << S::Transaction;
    QTest::newRow("XTND XLST after login is unknown")
        << dovecot << loggedIn({"XTND XLST"}) << QByteArray("-ERR Unknown command: XTND\r\n")
        << S::Transaction;
    QTest::newRow("HELO after login is unknown")
        << dovecot << loggedIn({"HELO x"}) << QByteArray("-ERR Unknown command: HELO\r\n")
        << S::Transaction;
    QTest::newRow("LAST after login is unknown (removed from RFC 1939)")
        << dovecot << loggedIn({"LAST"}) << QByteArray("-ERR Unknown command: LAST\r\n")
        << S::Transaction;
    QTest::newRow("an empty line after login is refused")
        << dovecot << loggedIn({""}) << QByteArray("-ERR Unknown command.\r\n") << S::Transaction;
    for (const char *cmd : {"USER student",
             "PASS hessovs!",
             "APOP student 0123456789abcdef0123456789abcdef",
             "AUTH PLAIN",
             "STLS"}) {
        const QByteArray keyword = QByteArray(cmd).split(' ').first();
        QTest::addRow("%s after login is not valid in TRANSACTION", cmd)
            << dovecot << loggedIn({cmd}) << QByteArray("-ERR Unknown command: " + keyword + "\r\n")
            << S::Transaction;
    }
    QTest::newRow("USER: student after login gets an -ERR, not a crash (Dovecot 2.3.19 bug)")
        << dovecot << loggedIn({"USER: student"}) << QByteArray("-ERR Unknown command: USER:\r\n")
        << S::Transaction;
    QTest::newRow("QUIT after login logs out")
        << dovecot << loggedIn({"QUIT"}) << QByteArray("+OK Logging out.\r\n") << S::Update;
    QTest::newRow("quit after DELE logs out and deletes")
        << dovecot << loggedIn({"DELE 1", "quit"})
        << QByteArray("+OK Logging out, messages deleted.\r\n") << S::Update;
    QTest::newRow("QUIT after DELE and RSET deletes nothing")
        << dovecot << loggedIn({"DELE 1", "RSET", "QUIT"}) << QByteArray("+OK Logging out.\r\n")
        << S::Update;
    QTest::newRow("QUIT with an argument after login is refused")
        << dovecot << loggedIn({"QUIT x"}) << QByteArray("-ERR QUIT takes no argument.\r\n")
        << S::Transaction;

    // Bad input: each a specific -ERR, and the session goes on.
    QTest::newRow("DELE 1 NUL junk is refused whole, message 1 stays")
        << dovecot << loggedIn({QByteArray("DELE 1\0junk", 11), "LIST 1"})
        << QByteArray("+OK 1 376\r\n") << S::Transaction;
    QTest::newRow("a NUL byte is refused with its position")
        << dovecot << loggedIn({QByteArray("DELE 1\0junk", 11)})
        << QByteArray(
               "-ERR Command contains a NUL byte at position 7; the whole line was ignored.\r\n")
        << S::Transaction;
    QTest::newRow("a NUL before login is refused too")
        << dovecot << QByteArrayList{QByteArray("USER\0student", 12)}
        << QByteArray(
               "-ERR Command contains a NUL byte at position 5; the whole line was ignored.\r\n")
        << S::Authorization;
    QTest::newRow("a Backspace typed in telnet is refused by name")
        << dovecot << loggedIn({"STAX\x08T"})
        << QByteArray("-ERR Command contains control character 0x08 (Backspace) at position 5; the "
                      "whole line was ignored.\r\n")
        << S::Transaction;
    QTest::newRow("an Escape is refused by name")
        << dovecot << loggedIn({"LIST \x1b[A"})
        << QByteArray(
               "-ERR Command contains control character 0x1B (Escape) at position 6; the whole "
               "line was ignored.\r\n")
        << S::Transaction;
    QTest::newRow("a carriage return inside the line is refused")
        << dovecot << loggedIn({"DELE 1\rDELE 2"})
        << QByteArray("-ERR Command contains control character 0x0D (a carriage return inside the "
                      "line) at position 7; the whole line was ignored.\r\n")
        << S::Transaction;
    QTest::newRow("DELE 1 with a carriage return inside deletes nothing")
        << dovecot << loggedIn({"DELE 1\rDELE 2", "STAT"}) << QByteArray("+OK 35 23183\r\n")
        << S::Transaction;
    QTest::newRow("binary junk after login is an unknown command, shown escaped")
        << dovecot << loggedIn({"\xff\xfe\x80"})
        << QByteArray("-ERR Unknown command: \\xFF\\xFE\\x80\r\n") << S::Transaction;
    QTest::newRow("binary junk before login is an unknown command")
        << dovecot << QByteArrayList{"\xc3\xa9\xff"} << QByteArray("-ERR Unknown command.\r\n")
        << S::Authorization;
    QTest::newRow("a keyword longer than four letters is unknown")
        << dovecot << loggedIn({"STATS"}) << QByteArray("-ERR Unknown command: STATS\r\n")
        << S::Transaction;
    QTest::newRow("a tab between command and argument is not a separator")
        << dovecot << loggedIn({"LIST\t1"}) << QByteArray("-ERR Unknown command: LIST\\x091\r\n")
        << S::Transaction;
    QTest::newRow("an argument over 40 characters is refused")
        << dovecot << loggedIn({"RETR " + QByteArray(41, '7')})
        << QByteArray("-ERR Argument too long (41 characters; RFC 1939 allows 40).\r\n")
        << S::Transaction;
    QTest::newRow("a line of 255 octets with CRLF is within the RFC 2449 limit")
        << dovecot << loggedIn({"NOOP" + QByteArray(249, ' ')}) << QByteArray("+OK\r\n")
        << S::Transaction;
    QTest::newRow("a line of 256 octets with CRLF is over the RFC 2449 limit")
        << dovecot << loggedIn({"NOOP" + QByteArray(250, ' ')})
        << QByteArray("-ERR Command line too long (256 octets; RFC 2449 allows 255).\r\n")
        << S::Transaction;
    QTest::newRow("a line over the limit before login is refused")
        << dovecot << QByteArrayList{"USER " + QByteArray(300, 'a')}
        << QByteArray("-ERR Command line too long (307 octets; RFC 2449 allows 255).\r\n")
        << S::Authorization;
    QTest::newRow("the session goes on after a line over the limit")
        << dovecot << loggedIn({"DELE " + QByteArray(300, '1'), "STAT"})
        << QByteArray("+OK 35 23183\r\n") << S::Transaction;
}

void TestPop3Session::reply()
{
    QFETCH(QString, personality);
    QFETCH(QByteArrayList, lines);
    QFETCH(QByteArray, lastReply);
    QFETCH(State, state);
    SampleStore fixture(personality, false);
    QVERIFY2(fixture.setupError.isEmpty(), qPrintable(fixture.setupError));
    auto session = fixture.newSession();
    session->start(1000);
    QByteArray reply;
    for (const QByteArray &line : lines) {
        reply = send(*session, line);
        QVERIFY2(reply.size() <= 512 || reply.contains("\r\n.\r\n"), reply.constData());
    }
    QCOMPARE(reply, lastReply);
    QCOMPARE(session->state(), state);
}

void TestPop3Session::badCommandLimit_data()
{
    QTest::addColumn<QString>("personality");
    QTest::addColumn<QByteArrayList>("prefix"); // good lines first
    QTest::addColumn<QByteArray>("bad"); // repeated: each gets its own -ERR
    QTest::addColumn<int>("tolerated"); // how many
    QTest::addColumn<QByteArray>("next"); // the line after them, answered with the last words
    QTest::addColumn<QByteArray>("lastWords");

    // What Dovecot 2.3 does (../shared/reference): three unknown commands before login each get
    // "-ERR Unknown command.", and the 4th line, whatever it is, closes; 21 after login, then the
    // 22nd line closes.
    QTest::newRow("Dovecot: the 4th line after 3 unknown commands before login")
        << QStringLiteral("dovecot") << QByteArrayList{} << QByteArray("USER: student") << 3
        << QByteArray("USER student") << QByteArray("-ERR Too many invalid bad commands.\r\n");
    QTest::newRow("Dovecot: the 22nd line after 21 unknown commands after login")
        << QStringLiteral("dovecot") << login << QByteArray("FOO") << 21 << QByteArray("NOOP")
        << QByteArray("-ERR Too many bad commands.\r\n");
    QTest::newRow("Dovecot: a transaction command before login is unknown too")
        << QStringLiteral("dovecot") << QByteArrayList{} << QByteArray("STAT") << 3
        << QByteArray("QUIT") << QByteArray("-ERR Too many invalid bad commands.\r\n");
    QTest::newRow("uw-ipop3d: the 11th line after 10 unknown commands")
        << QStringLiteral("uw-ipop3d") << QByteArrayList{} << QByteArray("HELO") << 10
        << QByteArray("HELO") << QByteArray("-ERR Too many bad commands, goodbye\r\n");
}

void TestPop3Session::badCommandLimit()
{
    QFETCH(QString, personality);
    QFETCH(QByteArrayList, prefix);
    QFETCH(QByteArray, bad);
    QFETCH(int, tolerated);
    QFETCH(QByteArray, next);
    QFETCH(QByteArray, lastWords);
    SampleStore fixture(personality, false);
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, prefix);
    for (int i = 1; i <= tolerated; ++i) {
        Pop3Session::Reply reply = session->handleLine(wire(bad), 1000);
        QVERIFY2(reply.head.startsWith("-ERR"), reply.head.constData());
        QVERIFY2(reply.head != lastWords, qPrintable(QStringLiteral("closed early, at %1").arg(i)));
        QVERIFY(!reply.close);
    }
    Pop3Session::Reply reply = session->handleLine(wire(next), 1000);
    QCOMPARE(reply.head, lastWords);
    QVERIFY(reply.close);
    QVERIFY(session->isClosing());
    QCOMPARE(session->closeReason(), DisconnectReason::TooManyErrors);

    // A good command in between starts the count again.
    session->end(DisconnectReason::TooManyErrors, 1000);
    auto other = fixture.newSession(2);
    other->start(1000);
    sendAll(*other, prefix);
    for (int i = 1; i < tolerated; ++i)
        QVERIFY(!other->handleLine(wire(bad), 1000).close);
    QVERIFY(send(*other, prefix.isEmpty() ? "USER student" : "NOOP").startsWith("+OK"));
    for (int i = 1; i <= tolerated; ++i)
        QVERIFY(!other->handleLine(wire(bad), 1000).close);
    QVERIFY(other->handleLine(wire(bad), 1000).close);
}

void TestPop3Session::onlyUnknownCommandsCount_data()
{
    QTest::addColumn<QByteArrayList>("prefix");
    QTest::addColumn<QByteArray>("line");
    // Dovecot counts only unknown commands; a Windows-telnet student who fixes a typo with
    // Backspace, or types PASS first, keeps the session.
    QTest::newRow("PASS without USER") << QByteArrayList{} << QByteArray("PASS hessovs!");
    QTest::newRow("a Backspace byte") << QByteArrayList{} << QByteArray("USER stx\x08udent");
    QTest::newRow("APOP with a bad digest") << QByteArrayList{} << QByteArray("APOP student x");
    QTest::newRow("AUTH with an unknown mechanism")
        << QByteArrayList{} << QByteArray("AUTH CRAM-MD5");
    QTest::newRow("a bad message number") << login << QByteArray("RETR abc");
    QTest::newRow("no such message") << login << QByteArray("RETR 99");
    QTest::newRow("noise after the number") << login << QByteArray("DELE 1 2");
}

void TestPop3Session::onlyUnknownCommandsCount()
{
    QFETCH(QByteArrayList, prefix);
    QFETCH(QByteArray, line);
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, prefix);
    for (int i = 0; i < 25; ++i) {
        const Pop3Session::Reply reply = session->handleLine(wire(line), 1000);
        QVERIFY2(reply.head.startsWith("-ERR"), reply.head.constData());
        QVERIFY2(!reply.close, qPrintable(QStringLiteral("closed at %1").arg(i + 1)));
    }
}

void TestPop3Session::dovecotFidelity_data()
{
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<QByteArray>("lastReply"); // head and body of the last line's reply
    QTest::addColumn<State>("state");
    // Checked against a live Dovecot 2.3 (../shared/reference/dovecot-2.3-replies.md).
    QTest::newRow("retr 1 with a trailing space")
        << loggedIn({"retr 1 "}) << QByteArray("-ERR Noise after message number: \r\n")
        << State::Transaction;
    QTest::newRow("list 1 with a trailing space")
        << loggedIn({"list 1 "}) << QByteArray("-ERR Noise after message number: \r\n")
        << State::Transaction;
    QTest::newRow("dele 1 with a trailing space")
        << loggedIn({"dele 1 "}) << QByteArray("-ERR Noise after message number: \r\n")
        << State::Transaction;
    QTest::newRow("top 1 0 with a trailing space")
        << loggedIn({"top 1 0 "}) << QByteArray("-ERR Noise after size: \r\n")
        << State::Transaction;
    QTest::newRow("user student with a trailing space: the password check fails")
        << QByteArrayList{"user student ", "pass hessovs!"}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << State::Authorization;
    QTest::newRow("user with two spaces: the password check fails")
        << QByteArrayList{"user  student", "pass hessovs!"}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << State::Authorization;
    QTest::newRow("USER with two words is taken as given")
        << QByteArrayList{"USER student hessovs!"} << QByteArray("+OK\r\n") << State::Authorization;
    QTest::newRow("a user name longer than 40 characters")
        << QByteArrayList{"USER " + QByteArray(60, 'u')} << QByteArray("+OK\r\n")
        << State::Authorization;
    QTest::newRow("bare AUTH lists the mechanisms")
        << QByteArrayList{"AUTH"} << QByteArray("+OK\r\nPLAIN\r\nLOGIN\r\n.\r\n")
        << State::Authorization;
    QTest::newRow("an unsupported mechanism carries [AUTH]")
        << QByteArrayList{"AUTH CRAM-MD5"}
        << QByteArray("-ERR [AUTH] Unsupported authentication mechanism.\r\n")
        << State::Authorization;
    QTest::newRow("a failed AUTH PLAIN carries [AUTH]")
        << QByteArrayList{"AUTH PLAIN " + QByteArray("\0student\0nope", 13).toBase64()}
        << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << State::Authorization;
    QTest::newRow("leading zeros: RETR 00000000001 is message 1")
        << loggedIn({"LIST 00000000001"}) << QByteArray("+OK 1 376\r\n") << State::Transaction;
    QTest::newRow("many leading zeros") << loggedIn({"LIST 0000000000000000000000002"})
                                        << QByteArray("+OK 2 360\r\n") << State::Transaction;
    QTest::newRow("still too large after the zeros")
        << loggedIn({"LIST 004294967297"})
        << QByteArray("-ERR Message number too large: 004294967297\r\n") << State::Transaction;
}

void TestPop3Session::dovecotFidelity()
{
    QFETCH(QByteArrayList, lines);
    QFETCH(QByteArray, lastReply);
    QFETCH(State, state);
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto session = fixture.newSession();
    session->setLoginDelays(false);
    session->start(1000);
    QByteArray reply;
    for (const QByteArray &line : lines)
        reply = session->handleLine(wire(line), 1000).drain();
    QCOMPARE(reply, lastReply);
    QCOMPARE(session->state(), state);
}

void TestPop3Session::failedLoginsAreDelayedThenClosed()
{
    // Each failed login is answered later than the one before (the connection waits; the
    // session only says how long), a shared throttle remembers the source address across
    // connections, and the third failure on one connection closes it.
    SampleStore fixture(QStringLiteral("dovecot"), false);
    LoginThrottle throttle;
    auto session = fixture.newSession();
    session->setLoginThrottle(&throttle);
    session->start(1000);
    QList<int> delays;
    for (int i = 0; i < 3; ++i) {
        send(*session, "USER student");
        const Pop3Session::Reply r = session->handleLine("PASS guess\r\n", 1000 + i);
        QCOMPARE(r.head, QByteArray("-ERR [AUTH] Authentication failed.\r\n"));
        delays.append(r.delayMs);
        QCOMPARE(r.close, i == 2);
    }
    QCOMPARE(delays, QList<int>({2000, 4000, 8000}));
    QCOMPARE(session->closeReason(), DisconnectReason::TooManyLoginFailures);
    QCOMPARE(session->handleLine("USER student\r\n", 1000).drain(), QByteArray());
    session->end(DisconnectReason::TooManyLoginFailures, 1000);

    // A new connection from the same address does not start from scratch...
    auto again = fixture.newSession(2);
    again->setLoginThrottle(&throttle);
    again->start(2000);
    send(*again, "USER student");
    QCOMPARE(again->handleLine("PASS guess\r\n", 2000).delayMs, 16000);
    // ...and the right password logs in at once and clears the address's record.
    send(*again, "USER student");
    const Pop3Session::Reply ok = again->handleLine("PASS hessovs!\r\n", 2000);
    QVERIFY(ok.head.startsWith("+OK"));
    QCOMPARE(ok.delayMs, 0);
    QCOMPARE(throttle.recentFailures(QStringLiteral("127.0.0.1"), 2000), 0);

    // Delays off (a demo): the failure is answered at once, and still counted.
    auto demo = fixture.newSession(3);
    demo->setLoginDelays(false);
    demo->start(3000);
    send(*demo, "USER student");
    QCOMPARE(demo->handleLine("PASS guess\r\n", 3000).delayMs, 0);
}

void TestPop3Session::inUseWaitsThenClosesAsDovecotDoes()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto first = fixture.newSession();
    first->start(1000);
    sendAll(*first, login);
    auto second = fixture.newSession(2);
    second->start(1000);
    send(*second, "USER student");
    const Pop3Session::Reply r = second->handleLine("PASS hessovs!\r\n", 1000);
    QCOMPARE(r.head, QByteArray("-ERR [IN-USE] Mailbox is locked by another POP3 session.\r\n"));
    QCOMPARE(r.delayMs, 10000);
    QVERIFY(r.close);
    QCOMPARE(second->closeReason(), DisconnectReason::MailboxInUse);

    // The plain wording answers at once and keeps the connection (the student may retry).
    SampleStore base(QStringLiteral("base"), false);
    auto holder = base.newSession();
    holder->start(1000);
    sendAll(*holder, login);
    auto other = base.newSession(2);
    other->start(1000);
    send(*other, "USER student");
    const Pop3Session::Reply plain = other->handleLine("PASS hessovs!\r\n", 1000);
    QVERIFY(plain.head.startsWith("-ERR [IN-USE]"));
    QCOMPARE(plain.delayMs, 0);
    QVERIFY(!plain.close);
}

void TestPop3Session::closesAfterQuitOrTooManyBad()
{
    // Once a reply said close, later lines (pipelined behind it) get no answer and change nothing.
    SampleStore fixture;
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, loggedIn({"DELE 1"}));
    Pop3Session::Reply quit = session->handleLine("QUIT\r\n", 1000);
    QVERIFY(quit.close);
    QCOMPARE(session->state(), State::Update);
    QCOMPARE(session->handleLine("STAT\r\n", 1000).drain(), QByteArray());

    auto early = fixture.newSession(2);
    early->start(1000);
    QVERIFY(early->handleLine("QUIT\r\n", 1000).close);
    QCOMPARE(early->handleLine("USER student\r\n", 1000).drain(), QByteArray());
    QCOMPARE(early->handleLine("PASS hessovs!\r\n", 1000).drain(), QByteArray());
    QCOMPARE(early->state(), State::Authorization);
    QCOMPARE(fixture.store.lockHolder(QStringLiteral("student")), 0);
}

void TestPop3Session::labSheetTranscript()
{
    SampleStore fixture(QStringLiteral("dovecot"));
    auto session = fixture.newSession();
    QCOMPARE(session->start(1000), QByteArray("+OK Dovecot ready.\r\n"));
    QCOMPARE(send(*session, "USER: student"), QByteArray("-ERR Unknown command.\r\n"));
    QCOMPARE(send(*session, "user student"), QByteArray("+OK\r\n"));
    QCOMPARE(send(*session, "pass hessovs!"), QByteArray("+OK Logged in.\r\n"));
    QCOMPARE(send(*session, "stat"), QByteArray("+OK 35 23183\r\n"));

    const QByteArray list = send(*session, "list");
    QVERIFY(list.startsWith("+OK 35 messages:\r\n"));
    QVERIFY(list.endsWith("\r\n35 2526\r\n.\r\n"));
    const QByteArrayList lines = list.split('\n');
    QCOMPARE(lines.size(), 1 + 35 + 1 + 1); // status, 35 sizes, ".", after the last LF
    QHash<int, int> sizes;
    for (qsizetype i = 1; i <= 35; ++i) {
        const QByteArrayList fields = lines.at(i).chopped(1).split(' ');
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(0).toInt(), int(i));
        sizes.insert(int(i), fields.at(1).toInt());
    }
    for (const auto &[n, size] : sheetSizes)
        QCOMPARE(sizes.value(n), size);
    QCOMPARE(sizes.value(5) + sizes.value(34), 665);
    QCOMPARE(send(*session, "list 1"), QByteArray("+OK 1 376\r\n"));
    QCOMPARE(send(*session, "dele 1"), QByteArray("+OK Marked to be deleted.\r\n"));
    QCOMPARE(send(*session, "quit"), QByteArray("+OK Logging out, messages deleted.\r\n"));
}

void TestPop3Session::tutorial2000Transcript()
{
    SampleStore fixture(QStringLiteral("uw-ipop3d"));
    auto session = fixture.newSession();
    QCOMPARE(session->start(1000), QByteArray("+OK POP3 [127.0.0.1] v7.60 server ready\r\n"));
    QCOMPARE(send(*session, "CAPA"), QByteArray("-ERR Unknown AUTHORIZATION state command\r\n"));
    QCOMPARE(
        send(*session, "user barakirs"), QByteArray("+OK User name accepted, password please\r\n"));
    QCOMPARE(send(*session, "pass your-password"), QByteArray("-ERR Bad login\r\n"));
    QCOMPARE(
        send(*session, "user barakirs"), QByteArray("+OK User name accepted, password please\r\n"));
    QCOMPARE(send(*session, "pass blacksun"), QByteArray("+OK Mailbox open, 206 messages\r\n"));
    QCOMPARE(send(*session, "CAPA"), QByteArray("-ERR Unknown TRANSACTION state command\r\n"));

    const QByteArray list = send(*session, "list");
    QVERIFY(list.startsWith("+OK Mailbox scan listing follows\r\n1 "));
    QVERIFY(list.endsWith(".\r\n"));
    QCOMPARE(list.count("\r\n"), 1 + 206 + 1);
    const MailStore::Account *account = fixture.store.account(QStringLiteral("barakirs"));
    const QList<MessageInfo> &messages = account->maildrop->messages();
    QCOMPARE(messages.size(), 206);
    QVERIFY(list.contains(
        QByteArray("\r\n206 " + QByteArray::number(messages.last().wireSize) + "\r\n.\r\n")));
    // The bomb: 200 identical junk messages, each the same size, each its own unique-id.
    QSet<QByteArray> uids;
    for (const MessageInfo &m : messages)
        uids.insert(m.uid);
    QCOMPARE(uids.size(), 206);

    const QByteArray retr = send(*session, "retr 1");
    QVERIFY(retr.startsWith(
        QByteArray("+OK " + QByteArray::number(messages.first().wireSize) + " octets\r\n")));
    QVERIFY(retr.endsWith("\r\n.\r\n"));
    QVERIFY(retr.contains("\r\nFrom: "));
    QCOMPARE(send(*session, "dele 7"), QByteArray("+OK Message deleted\r\n"));
    QCOMPARE(send(*session, "dele 7"), QByteArray("-ERR No such message\r\n"));
    QCOMPARE(send(*session, "retr 207"), QByteArray("-ERR No such message\r\n"));
    QCOMPARE(send(*session, "noop"), QByteArray("+OK No-op to you too!\r\n"));
    QCOMPARE(send(*session, "quit"), QByteArray("+OK Sayonara\r\n"));
    QCOMPARE(account->maildrop->messages().size(), 205);
}

void TestPop3Session::rfc1939Transcript()
{
    SampleStore fixture(QStringLiteral("rfc1939"));
    auto session = fixture.newSession();
    const QByteArray greeting = session->start(1000);
    QVERIFY(greeting.startsWith("+OK POP3 server ready <"));
    QVERIFY(greeting.endsWith(">\r\n"));
    QCOMPARE(greeting, "+OK POP3 server ready " + session->apopTimestamp() + "\r\n");
    QCOMPARE(
        send(*session, "USER nobody"), QByteArray("-ERR sorry, no mailbox for nobody here\r\n"));
    QCOMPARE(send(*session, "USER student"), QByteArray("+OK student is a real hoopy frood\r\n"));
    QCOMPARE(send(*session, "PASS hessovs!"),
        QByteArray("+OK student's maildrop has 35 messages (23183 octets)\r\n"));
    QCOMPARE(send(*session, "STAT"), QByteArray("+OK 35 23183\r\n"));
    QVERIFY(send(*session, "LIST").startsWith("+OK 35 messages (23183 octets)\r\n1 376\r\n"));
    QCOMPARE(send(*session, "LIST 99"),
        QByteArray("-ERR no such message, only 35 messages in maildrop\r\n"));
    QCOMPARE(send(*session, "DELE 1"), QByteArray("+OK message 1 deleted\r\n"));
    QCOMPARE(send(*session, "DELE 1"), QByteArray("-ERR message 1 already deleted\r\n"));
    QCOMPARE(send(*session, "RSET"), QByteArray("+OK maildrop has 35 messages (23183 octets)\r\n"));
    QCOMPARE(send(*session, "DELE 2"), QByteArray("+OK message 2 deleted\r\n"));
    QVERIFY(
        send(*session, "UIDL").startsWith("+OK\r\n1 000000016553f100\r\n3 000000036553f100\r\n"));
    QCOMPARE(send(*session, "CAPA"),
        QByteArray(
            "+OK Capability list follows\r\nTOP\r\nUIDL\r\nUSER\r\nRESP-CODES\r\nPIPELINING\r\n"
            "AUTH-RESP-CODE\r\nIMPLEMENTATION pop3lab\r\n.\r\n"));
    QCOMPARE(
        send(*session, "QUIT"), QByteArray("+OK POP3 server signing off (34 messages left)\r\n"));
}

void TestPop3Session::apopDigest()
{
    SampleStore fixture(QStringLiteral("rfc1939"));
    auto session = fixture.newSession();
    session->start(1000);
    const QByteArray stamp = session->apopTimestamp();
    QVERIFY(stamp.startsWith('<') && stamp.endsWith('>') && stamp.contains('@'));
    const QByteArray good =
        QCryptographicHash::hash(QByteArray(stamp + "hessovs!"), QCryptographicHash::Md5).toHex();
    const QByteArray bad =
        QCryptographicHash::hash(QByteArray(stamp + "wrong"), QCryptographicHash::Md5).toHex();
    QCOMPARE(send(*session, "APOP student " + bad), QByteArray("-ERR [AUTH] invalid password\r\n"));
    QCOMPARE(send(*session, "APOP nobody " + good), QByteArray("-ERR [AUTH] invalid password\r\n"));
    const QByteArray syntax(
        "-ERR APOP needs a name and a 32-digit MD5 digest: APOP name digest\r\n");
    QCOMPARE(send(*session, "APOP student"), syntax);
    QCOMPARE(send(*session, "APOP student " + good.left(31)), syntax);
    QCOMPARE(send(*session, "APOP student " + good.left(31) + "g"), syntax);
    QCOMPARE(send(*session, "APOP student " + good + " x"), syntax);
    QCOMPARE(send(*session, "apop student " + good.toUpper()),
        QByteArray("+OK student's maildrop has 35 messages (23183 octets)\r\n"));
    QCOMPARE(session->state(), State::Transaction);

    // Another session has another timestamp: a replayed digest does not log in.
    SampleStore other(QStringLiteral("rfc1939"));
    auto replay = other.newSession(2);
    replay->start(2000);
    QVERIFY(replay->apopTimestamp() != stamp);
    QCOMPARE(send(*replay, "APOP student " + good), QByteArray("-ERR [AUTH] invalid password\r\n"));
}

void TestPop3Session::multiLineRepliesAreStuffedAndTerminated_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("RETR 3 stuffs its dot lines")
        << QByteArray("RETR 3") << QByteArray("+OK 393 octets\r\n");
    QTest::newRow("RETR 12 (multipart) ends in CRLF.CRLF")
        << QByteArray("RETR 12") << QByteArray("+OK 2370 octets\r\n");
    QTest::newRow("TOP 3 100 gives the whole message")
        << QByteArray("TOP 3 100") << QByteArray("+OK\r\n");
    QTest::newRow("LIST ends in CRLF.CRLF")
        << QByteArray("LIST") << QByteArray("+OK 35 messages:\r\n");
    QTest::newRow("UIDL ends in CRLF.CRLF") << QByteArray("UIDL") << QByteArray("+OK\r\n");
}

void TestPop3Session::multiLineRepliesAreStuffedAndTerminated()
{
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, status);
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, login);
    Pop3Session::Reply reply = session->handleLine(wire(command), 1000);
    QCOMPARE(reply.head, status);
    QVERIFY(reply.body);
    const QByteArray body = reply.body->readAll();
    QVERIFY(body.endsWith("\r\n.\r\n"));
    // Every line ends in CRLF: no bare LF, no bare CR.
    QCOMPARE(body.count('\n'), body.count("\r\n"));
    QCOMPARE(body.count('\r'), body.count("\r\n"));
    // Only the terminator is a lone dot.
    QCOMPARE(body.count("\r\n.\r\n"), 1);
    QVERIFY(!body.startsWith(".\r\n"));
    if (command.startsWith("RETR") || command.startsWith("TOP")) {
        // Unstuffed, it is the message with CRLF line endings, as many octets as announced.
        const MessageInfo m = session->messages().at(command.split(' ').at(1).toInt() - 1);
        QByteArray original = Maildrop::content(m);
        original.replace("\n", "\r\n");
        const QByteArray unstuffed = unstuff(body);
        QCOMPARE(unstuffed, original);
        QCOMPARE(qint64(unstuffed.size()), m.wireSize);
        QCOMPARE(reply.body->contentOctets(), qint64(body.size() - 3)); // stuffed, no terminator
    }
    if (command == "RETR 3") {
        QVERIFY(body.contains("\r\n..\r\n...and this one\r\n"));
        QVERIFY(!body.contains("\r\n.\r\n..and"));
    }
}

void TestPop3Session::deletedMessagesKeepTheirNumber()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, loggedIn({"DELE 2", "DELE 34"}));
    QVERIFY(session->isMarked(2));
    QVERIFY(session->isMarked(34));
    QVERIFY(!session->isMarked(1));

    const QByteArray list = send(*session, "LIST");
    QVERIFY(list.startsWith("+OK 33 messages:\r\n1 376\r\n3 393\r\n"));
    QVERIFY(!list.contains("\r\n2 "));
    QVERIFY(!list.contains("\r\n34 "));
    QVERIFY(list.contains("\r\n33 340\r\n35 2526\r\n.\r\n"));
    const QByteArray uidl = send(*session, "UIDL");
    QVERIFY(uidl.startsWith("+OK\r\n1 000000016553f100\r\n3 000000036553f100\r\n"));
    QVERIFY(!uidl.contains("000000026553f100"));
    QCOMPARE(uidl.count("\r\n"), 1 + 33 + 1);
    QCOMPARE(send(*session, "STAT"), QByteArray("+OK 33 22476\r\n"));
    QCOMPARE(send(*session, "LIST 35"), QByteArray("+OK 35 2526\r\n"));
    QCOMPARE(send(*session, "RSET"), QByteArray("+OK\r\n"));
    QVERIFY(!session->isMarked(2));
    QVERIFY(send(*session, "LIST").startsWith("+OK 35 messages:\r\n1 376\r\n2 360\r\n"));
    QVERIFY(send(*session, "RETR 2").startsWith("+OK 360 octets\r\n"));
}

void TestPop3Session::quitInTransactionCommits()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    const MailStore::Account *account = fixture.store.account(QStringLiteral("student"));
    const QString folder = account->maildropPath;
    QVERIFY(folder.startsWith(fixture.dir.path()));
    QCOMPARE(countFiles(folder), 35);
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, loggedIn({"DELE 1", "DELE 3", "DELE 35"}));
    QVERIFY(QFile::exists(fixture.store.lockPath(QStringLiteral("student"))));
    const Pop3Session::Reply quit = session->handleLine("QUIT\r\n", 1000);
    QCOMPARE(quit.head, QByteArray("+OK Logging out, messages deleted.\r\n"));
    QVERIFY(quit.close);
    QCOMPARE(session->state(), State::Update);
    session->end(DisconnectReason::Quit, 1000);
    QCOMPARE(session->state(), State::Closed);

    QCOMPARE(countFiles(folder), 32);
    QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("000000016553f100.eml"))));
    QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("000000036553f100.eml"))));
    QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("000000236553f100.eml"))));
    QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("000000026553f100.eml"))));
    QVERIFY(!QFile::exists(fixture.store.lockPath(QStringLiteral("student"))));
    QVERIFY(!QFile::exists(QDir(folder).filePath(Maildrop::journalName())));
    // The original (the built-in resource) still has them all.
    QCOMPARE(QDir(QStringLiteral(":/mailbox/student")).entryList(QDir::Files).size(), 35);

    // The next session sees the new maildrop, numbered afresh.
    auto next = fixture.newSession(2);
    next->start(2000);
    sendAll(*next, login);
    QCOMPARE(send(*next, "STAT"),
        QByteArray("+OK 32 " + QByteArray::number(23183 - 376 - 393 - 2526) + "\r\n"));
    QCOMPARE(send(*next, "UIDL 1"), QByteArray("+OK 1 000000026553f100\r\n"));
    QCOMPARE(send(*next, "LIST 1"), QByteArray("+OK 1 360\r\n"));
}

void TestPop3Session::quitInAuthorizationChangesNothing()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    const QString folder = fixture.store.account(QStringLiteral("student"))->maildropPath;
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, {"USER student", "PASS wrong"});
    const Pop3Session::Reply quit = session->handleLine("QUIT\r\n", 1000);
    QCOMPARE(quit.head, QByteArray("+OK Logging out\r\n"));
    QVERIFY(quit.close);
    QCOMPARE(session->state(), State::Authorization);
    session->end(DisconnectReason::Quit, 1000);
    QCOMPARE(countFiles(folder), 35);
    QVERIFY(!QFile::exists(fixture.store.lockPath(QStringLiteral("student"))));
    for (const Event &e : fixture.log.events()) {
        QVERIFY(e.kind != EventKind::Expunged);
        QVERIFY(e.kind != EventKind::LockCreated);
        QVERIFY(!(e.kind == EventKind::StateChanged && e.to == State::Update));
    }
}

void TestPop3Session::droppedConnectionNeverCommitsAndReleasesTheLock()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    const QString folder = fixture.store.account(QStringLiteral("student"))->maildropPath;
    const QString lock = fixture.store.lockPath(QStringLiteral("student"));
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, loggedIn({"DELE 1", "DELE 2"}));
    QVERIFY(QFile::exists(lock));
    const quint64 before = fixture.log.lastSeq();
    session->end(DisconnectReason::PeerClosed, 5000, QStringLiteral("the client went away"));
    QCOMPARE(session->state(), State::Closed);
    QVERIFY(!QFile::exists(lock));
    QCOMPARE(countFiles(folder), 35);
    QCOMPARE(fixture.store.lockHolder(QStringLiteral("student")), 0);

    const QList<Event> tail = fixture.log.eventsSince(before);
    QCOMPARE(kinds(tail),
        (QList<EventKind>{
            EventKind::LockRemoved, EventKind::StateChanged, EventKind::Disconnected}));
    QCOMPARE(tail.at(0).text, lock);
    QCOMPARE(tail.at(1).from, State::Transaction);
    QCOMPARE(tail.at(1).to, State::Closed);
    QCOMPARE(tail.at(2).text, QStringLiteral("peer-closed"));
    QCOMPARE(tail.at(2).detail, QStringLiteral("the client went away"));
    QCOMPARE(tail.at(2).timeMs, 5000);

    // end() twice is harmless; lines after end() are ignored.
    session->end(DisconnectReason::PeerClosed, 6000);
    QCOMPARE(fixture.log.lastSeq(), tail.last().seq);
    QCOMPARE(session->handleLine("STAT\r\n", 6000).drain(), QByteArray());

    // The maildrop can be opened again, whole.
    auto next = fixture.newSession(2);
    next->start(7000);
    QCOMPARE(sendAll(*next, loggedIn({"STAT"})), QByteArray("+OK 35 23183\r\n"));
}

void TestPop3Session::secondLoginIsRefusedWhileTheFirstHoldsTheLock()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto first = fixture.newSession(1);
    auto second = fixture.newSession(2);
    first->start(1000);
    second->start(1000);
    QCOMPARE(sendAll(*first, login), QByteArray("+OK Logged in.\r\n"));
    const quint64 before = fixture.log.lastSeq();
    QCOMPARE(sendAll(*second, login),
        QByteArray("-ERR [IN-USE] Mailbox is locked by another POP3 session.\r\n"));
    QCOMPARE(second->state(), State::Authorization);
    const Event *refused = nullptr;
    for (const Event &e : fixture.log.eventsSince(before)) {
        if (e.kind == EventKind::LockRefused)
            refused = fixture.log.find(e.seq);
    }
    QVERIFY(refused);
    QCOMPARE(refused->session, 2);
    QCOMPARE(refused->text, fixture.store.lockPath(QStringLiteral("student")));
    QVERIFY2(refused->detail.startsWith(QStringLiteral("session 1 (127.0.0.1:40000), pid ")),
        qPrintable(refused->detail));
    // The first session is untouched by the refusal.
    QCOMPARE(send(*first, "STAT"), QByteArray("+OK 35 23183\r\n"));
    QVERIFY(QFile::exists(fixture.store.lockPath(QStringLiteral("student"))));

    // Dovecot closes the refused connection (after its wait: Reply::delayMs).
    QVERIFY(second->isClosing());
    QCOMPARE(second->closeReason(), DisconnectReason::MailboxInUse);
    second->end(DisconnectReason::MailboxInUse, 1500);

    // AUTH PLAIN is refused the same way.
    auto third = fixture.newSession(3);
    third->start(1500);
    QCOMPARE(send(*third, "AUTH PLAIN " + b64(QByteArray("\0student\0hessovs!", 17))),
        QByteArray("-ERR [IN-USE] Mailbox is locked by another POP3 session.\r\n"));

    // Once the first has gone, the next login gets in.
    first->end(DisconnectReason::PeerClosed, 2000);
    auto fourth = fixture.newSession(4);
    fourth->start(2000);
    QCOMPARE(sendAll(*fourth, login), QByteArray("+OK Logged in.\r\n"));
    QCOMPARE(fixture.store.lockHolder(QStringLiteral("student")), 4);
}

void TestPop3Session::staleLockIsClearedAndReported()
{
    SampleStore fixture(QStringLiteral("uw-ipop3d"), false);
    const QString lock = fixture.store.lockPath(QStringLiteral("student"));
    QVERIFY(MaildropLock::plantStale(lock, QStringLiteral("student")));
    auto session = fixture.newSession(7);
    session->start(1000);
    const quint64 before = fixture.log.lastSeq();
    QCOMPARE(sendAll(*session, login), QByteArray("+OK Mailbox open, 35 messages\r\n"));
    QStringList seen = kindNames(fixture.log.eventsSince(before));
    QCOMPARE(seen,
        (QStringList{QStringLiteral("client-line"),
            QStringLiteral("server-reply"),
            QStringLiteral("client-line"),
            QStringLiteral("stale-lock-cleared"),
            QStringLiteral("lock-created"),
            QStringLiteral("server-reply"),
            QStringLiteral("state-changed")}));
    const Event stale = fixture.log.eventsSince(before).at(3);
    QCOMPARE(stale.text, lock);
    QVERIFY2(stale.detail.contains(QStringLiteral("pid 4194305")), qPrintable(stale.detail));
    const std::optional<MaildropLock::Holder> holder = MaildropLock::read(lock);
    QVERIFY(holder);
    QCOMPARE(holder->session, 7);
}

void TestPop3Session::pipelinedLinesAreAnsweredInOrder()
{
    // PIPELINING: the server reads several commands at once; the session answers each in order.
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto session = fixture.newSession();
    session->start(1000);
    const QByteArray burst(
        "USER student\r\nPASS hessovs!\r\nSTAT\r\nLIST 1\r\nDELE 1\r\nSTAT\r\nRSET\r\nQUIT\r\n");
    QByteArray answers;
    qsizetype pos = 0;
    while (pos < burst.size()) {
        const qsizetype nl = burst.indexOf('\n', pos);
        answers += session->handleLine(burst.mid(pos, nl - pos + 1), 1000).drain();
        pos = nl + 1;
    }
    QCOMPARE(answers,
        QByteArray(
            "+OK\r\n+OK Logged in.\r\n+OK 35 23183\r\n+OK 1 376\r\n+OK Marked to be deleted.\r\n"
            "+OK 34 22807\r\n+OK\r\n+OK Logging out.\r\n"));
    // The client lines are in the log in the order received, each followed by its reply.
    QList<QByteArray> order;
    for (const Event &e : fixture.log.events()) {
        if (e.kind == EventKind::ClientLine)
            order.append("C:" + e.bytes);
        else if (e.kind == EventKind::ServerReply)
            order.append("S:" + e.bytes);
    }
    QCOMPARE(order.size(), 1 + 2 * 8);
    for (qsizetype i = 1; i < order.size(); i += 2) {
        QVERIFY(order.at(i).startsWith("C:"));
        QVERIFY(order.at(i + 1).startsWith("S:"));
    }
}

void TestPop3Session::eventStream()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    QSignalSpy spy(&fixture.log, &EventLog::eventAppended);
    auto session = fixture.newSession(3);
    session->start(1000);
    sendAll(*session, loggedIn({"DELE 1", "DELE 2", "RSET", "DELE 3", "LIST", "QUIT"}));
    session->end(DisconnectReason::Quit, 9000);

    const QList<Event> events = fixture.log.events();
    QCOMPARE(spy.count(), events.size());
    QCOMPARE(kindNames(events),
        (QStringList{
            QStringLiteral("connected"),
            QStringLiteral("server-reply"),
            QStringLiteral("state-changed"), // AUTHORIZATION
            QStringLiteral("client-line"),
            QStringLiteral("server-reply"), // USER
            QStringLiteral("client-line"),
            QStringLiteral("lock-created"),
            QStringLiteral("server-reply"),
            QStringLiteral("state-changed"), // PASS
            QStringLiteral("client-line"),
            QStringLiteral("marked-deleted"),
            QStringLiteral("server-reply"), // DELE 1
            QStringLiteral("client-line"),
            QStringLiteral("marked-deleted"),
            QStringLiteral("server-reply"), // DELE 2
            QStringLiteral("client-line"),
            QStringLiteral("marks-reset"),
            QStringLiteral("server-reply"), // RSET
            QStringLiteral("client-line"),
            QStringLiteral("marked-deleted"),
            QStringLiteral("server-reply"), // DELE 3
            QStringLiteral("client-line"),
            QStringLiteral("server-reply"), // LIST
            QStringLiteral("client-line"),
            QStringLiteral("state-changed"),
            QStringLiteral("expunged"),
            QStringLiteral("lock-removed"),
            QStringLiteral("server-reply"), // QUIT
            QStringLiteral("state-changed"),
            QStringLiteral("disconnected"),
        }));
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).seq, quint64(i + 1));
        QCOMPARE(events.at(i).session, 3);
        QCOMPARE(qvariant_cast<Event>(spy.at(i).at(0)).seq, events.at(i).seq);
    }
    QCOMPARE(events.at(0).text, QStringLiteral("127.0.0.1:40000"));
    QCOMPARE(events.at(0).detail, QStringLiteral("127.0.0.1:1110"));
    QCOMPARE(events.at(0).timeMs, 1000);
    QCOMPARE(events.at(1).bytes, QByteArray("+OK Dovecot ready.\r\n"));
    QVERIFY(events.at(1).ok);
    QCOMPARE(events.at(2).from, State::Connecting);
    QCOMPARE(events.at(2).to, State::Authorization);
    QCOMPARE(events.at(3).bytes, QByteArray("USER student\r\n"));
    QCOMPARE(events.at(3).octets, 14);
    QCOMPARE(events.at(3).state, State::Authorization);
    QCOMPARE(events.at(6).text, fixture.store.lockPath(QStringLiteral("student")));
    QVERIFY(events.at(6).detail.startsWith(QStringLiteral("session 3 (127.0.0.1:40000)")));
    QCOMPARE(events.at(8).from, State::Authorization);
    QCOMPARE(events.at(8).to, State::Transaction);
    QCOMPARE(events.at(10).number, 1);
    QCOMPARE(events.at(13).number, 2);
    QCOMPARE(events.at(16).numbers, (QList<int>{1, 2}));
    QCOMPARE(events.at(19).number, 3);
    QCOMPARE(events.at(22).bytes, QByteArray("+OK 34 messages:\r\n")); // 3 is marked
    QCOMPARE(events.at(22).lines, 34);
    QCOMPARE(events.at(24).to, State::Update);
    QCOMPARE(events.at(25).numbers, (QList<int>{3}));
    QVERIFY(events.at(25).detail.endsWith(QStringLiteral("000000036553f100.eml")));
    QCOMPARE(events.at(26).text, fixture.store.lockPath(QStringLiteral("student")));
    QCOMPARE(events.at(27).bytes, QByteArray("+OK Logging out, messages deleted.\r\n"));
    QCOMPARE(events.at(28).from, State::Update);
    QCOMPARE(events.at(28).to, State::Closed);
    QCOMPARE(events.at(29).text, QStringLiteral("quit"));
    QCOMPARE(events.at(29).timeMs, 9000);

    // A failed login says so and changes nothing else.
    SampleStore other(QStringLiteral("dovecot"), false);
    auto failed = other.newSession(4);
    failed->start(1000);
    sendAll(*failed, {"USER student", "PASS wrong"});
    const Event last = other.log.at(other.log.size() - 1);
    QCOMPARE(last.kind, EventKind::ServerReply);
    QVERIFY(!last.ok);
    QCOMPARE(last.bytes, QByteArray("-ERR [AUTH] Authentication failed.\r\n"));
}

void TestPop3Session::serverReplyEventsDescribeBodies()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, login);

    const quint64 before = fixture.log.lastSeq();
    Pop3Session::Reply retr = session->handleLine("RETR 3\r\n", 1000);
    // The reply event waits until the body has been sent, so it can say what was sent.
    QCOMPARE(fixture.log.lastSeq(), before + 1); // only the client line so far
    const QByteArray body = retr.body->readAll();
    QCOMPARE(fixture.log.lastSeq(), before + 2);
    const Event e = fixture.log.at(fixture.log.size() - 1);
    QCOMPARE(e.kind, EventKind::ServerReply);
    QVERIFY(e.ok);
    QVERIFY(e.multiLine);
    QVERIFY(!e.truncated);
    QCOMPARE(e.bytes, QByteArray("+OK 393 octets\r\n"));
    QCOMPARE(e.lines, 13);
    QCOMPARE(e.octets, qint64(body.size() - 3)); // stuffed body, terminator excluded
    QCOMPARE(e.octets, 393 + 2); // two dot lines stuffed
    QCOMPARE(e.body, body.left(body.size() - 3));

    // A body dropped half way (the connection went away) is reported as truncated.
    Pop3Session::Reply big = session->handleLine("UIDL\r\n", 1000);
    const QByteArray part = big.body->read(40);
    QVERIFY(!big.body->atEnd());
    big.body.reset();
    const Event cut = fixture.log.at(fixture.log.size() - 1);
    QCOMPARE(cut.bytes, QByteArray("+OK\r\n"));
    QVERIFY(cut.multiLine);
    QVERIFY(cut.truncated);
    QCOMPARE(cut.octets, qint64(part.size()));
    QCOMPARE(cut.lines, part.count('\n'));
    QCOMPARE(cut.body, part);

    // LIST's event counts its lines.
    send(*session, "LIST");
    const Event list = fixture.log.at(fixture.log.size() - 1);
    QCOMPARE(list.lines, 35);
    QVERIFY(list.body.startsWith("1 376\r\n2 360\r\n"));
}

void TestPop3Session::overlongLineFromTheSplitter()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, login);
    const Pop3Session::Reply r = session->handleOverlongLine(QByteArray(64, 'A'), 100000, 1000);
    QCOMPARE(
        r.head, QByteArray("-ERR Command line too long (100000 octets; RFC 2449 allows 255).\r\n"));
    QVERIFY(!r.close);
    const Event line = fixture.log.at(fixture.log.size() - 2);
    QCOMPARE(line.kind, EventKind::ClientLine);
    QVERIFY(line.truncated);
    QCOMPARE(line.octets, 100000);
    QCOMPARE(send(*session, "STAT"), QByteArray("+OK 35 23183\r\n"));
}

void TestPop3Session::idleTimeoutAndShutdown()
{
    SampleStore fixture(QStringLiteral("dovecot"), false);
    const QString folder = fixture.store.account(QStringLiteral("student"))->maildropPath;
    auto session = fixture.newSession();
    session->start(1000);
    sendAll(*session, loggedIn({"DELE 1"}));
    const Pop3Session::Reply idle = session->idleTimeout(601000);
    QCOMPARE(idle.head, QByteArray("-ERR Disconnected for inactivity.\r\n"));
    QVERIFY(idle.close);
    QCOMPARE(session->closeReason(), DisconnectReason::IdleTimeout);
    session->end(DisconnectReason::IdleTimeout, 601000);
    QCOMPARE(countFiles(folder), 35); // RFC 1939 §3: the autologout timer does not enter UPDATE

    auto other = fixture.newSession(2);
    other->start(1000);
    sendAll(*other, loggedIn({"DELE 1"}));
    const Pop3Session::Reply bye = other->shutdown(2000);
    QCOMPARE(bye.head, QByteArray("-ERR [SYS/TEMP] Server shutting down.\r\n"));
    QVERIFY(bye.close);
    other->end(DisconnectReason::ServerShutdown, 2000);
    QCOMPARE(countFiles(folder), 35);
    QVERIFY(!QFile::exists(fixture.store.lockPath(QStringLiteral("student"))));
}

void TestPop3Session::noReplyIsLongerThan512Octets_data()
{
    QTest::addColumn<QString>("personality");
    QTest::addColumn<QByteArrayList>("lines");
    const QByteArray long250(250, 'x');
    for (const QString &p : Personality::builtinIds()) {
        const QByteArray id = p.toUtf8();
        QTest::addRow("%s: a long unknown command", id.constData()) << p << QByteArrayList{long250};
        QTest::addRow("%s: a long USER name", id.constData())
            << p << QByteArrayList{"USER " + long250};
        QTest::addRow("%s: a long PASS", id.constData())
            << p << QByteArrayList{"USER student", "PASS " + long250};
        QTest::addRow("%s: a long AUTH mechanism", id.constData())
            << p << QByteArrayList{"AUTH " + QByteArray(240, 'M')};
        QTest::addRow("%s: a long bad number", id.constData())
            << p << loggedIn({"RETR " + QByteArray(240, '9')});
        QTest::addRow("%s: long noise", id.constData())
            << p << loggedIn({"LIST 1 " + QByteArray(240, 'n')});
        QTest::addRow("%s: a long bad line count", id.constData())
            << p << loggedIn({"TOP 1 " + QByteArray(240, 'z')});
        QTest::addRow("%s: many short noise words", id.constData())
            << p << loggedIn({"LIST 1" + QByteArray(" \xff\xfe").repeated(80)});
        QTest::addRow("%s: a long binary command", id.constData())
            << p << loggedIn({QByteArray("\xff").repeated(250)});
        QTest::addRow("%s: a long SASL response", id.constData())
            << p << QByteArrayList{"AUTH PLAIN", QByteArray(5000, '!')};
    }
}

void TestPop3Session::noReplyIsLongerThan512Octets()
{
    QFETCH(QString, personality);
    QFETCH(QByteArrayList, lines);
    SampleStore fixture(personality, false);
    auto session = fixture.newSession();
    QVERIFY(session->start(1000).size() <= 512);
    for (const QByteArray &line : lines) {
        const Pop3Session::Reply r = session->handleLine(wire(line), 1000);
        QVERIFY2(r.head.size() <= 512, r.head.constData());
        QVERIFY(r.head.endsWith("\r\n"));
        QCOMPARE(r.head.count('\n'), 1);
    }
}

void TestPop3Session::randomGarbageNeverBreaksTheSession()
{
    // A few thousand lines of seeded noise and shuffled keywords per personality: no crash, and
    // every reply is a well-formed single status line within RFC 1939's 512 octets.
    const QByteArrayList words{"USER",
        "PASS",
        "APOP",
        "AUTH",
        "QUIT",
        "STAT",
        "LIST",
        "RETR",
        "DELE",
        "NOOP",
        "RSET",
        "TOP",
        "UIDL",
        "CAPA",
        "STLS",
        "user",
        "list",
        "*",
        "1",
        "0",
        "-1",
        "35",
        "4294967297",
        "student",
        "hessovs!",
        "PLAIN",
        "LOGIN",
        "AHN0dWRlbnQAaGVzc292cyE="};
    for (const QString &p : Personality::builtinIds()) {
        SampleStore fixture(p, false);
        QRandomGenerator random(20260902u + quint32(p.size()));
        int replies = 0;
        int sessions = 0;
        std::unique_ptr<Pop3Session> session;
        for (int i = 0; i < 2000; ++i) {
            if (!session || session->isClosing()) {
                if (session)
                    session->end(DisconnectReason::PeerClosed, 1000 + i);
                session = fixture.newSession(++sessions);
                session->start(1000 + i);
                if (random.bounded(2))
                    sendAll(*session, login);
            }
            QByteArray line;
            if (random.bounded(4) == 0) { // pure noise
                line.resize(random.bounded(300));
                for (char &c : line)
                    c = char(random.bounded(256));
            } else { // keywords, arguments and stray bytes
                const int n = random.bounded(1, 5);
                for (int w = 0; w < n; ++w) {
                    if (w)
                        line += ' ';
                    if (random.bounded(5) == 0)
                        line += char(random.bounded(256));
                    else
                        line += words.at(random.bounded(words.size()));
                }
            }
            line += random.bounded(3) ? "\r\n" : "\n";
            Pop3Session::Reply r = session->handleLine(line, 1000 + i);
            if (r.head.isEmpty())
                continue;
            ++replies;
            QVERIFY2(
                r.head.startsWith("+OK") || r.head.startsWith("-ERR") || r.head.startsWith("+ "),
                r.head.toHex().constData());
            QVERIFY2(r.head.size() <= 512, r.head.constData());
            QVERIFY(r.head.endsWith("\r\n"));
            QCOMPARE(r.head.count('\n'), 1);
            if (r.body)
                QVERIFY(r.body->readAll().endsWith(".\r\n"));
        }
        session->end(DisconnectReason::PeerClosed, 999999);
        QVERIFY(!QFile::exists(fixture.store.lockPath(QStringLiteral("student"))));
        QVERIFY2(replies > 1600, qPrintable(QString::number(replies)));
        QVERIFY(sessions > 1);
    }
}

QTEST_GUILESS_MAIN(TestPop3Session)
#include "tst_pop3session.moc"
