// Every bundled lesson is replayed: its solution is typed into real Pop3Sessions on a temporary
// workspace, and every step must be ticked by the events alone. The classic mistakes are
// injected and must be recognized; both languages must describe the same lesson.

#include "events/eventlog.h"
#include "lessons/lesson.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonprogress.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>

using namespace pop3;

namespace {

// A server without sockets: named sessions typed into one line at a time.
class Lab
{
public:
    explicit Lab(const QString &personality = Personality::defaultId())
    {
        m_store.setWorkspace(m_dir.path() + QStringLiteral("/workspace"));
        const Result r = m_store.addSampleAccounts(true);
        Q_ASSERT(r.ok);
        setPersonality(personality);
    }

    ~Lab()
    {
        for (auto &[name, session] : m_sessions)
            session->end(DisconnectReason::ServerShutdown, ++m_now);
    }

    void setPersonality(const QString &id) { m_personality = *Personality::load(id); }

    void open(const QString &name)
    {
        const int id = m_log.newSessionId();
        Pop3Session::Peer peer{QStringLiteral("127.0.0.1:%1").arg(40000 + id),
            QStringLiteral("127.0.0.1:1110"),
            QStringLiteral("127.0.0.1")};
        peer.tlsAvailable = true; // STLS gets +OK, as with the window's server
        m_sessions[name] =
            std::make_unique<Pop3Session>(&m_log, &m_store, &m_personality, id, peer);
        m_sessions[name]->start(++m_now);
        m_current = name;
    }

    QByteArray type(const QByteArray &rawLine)
    {
        Pop3Session &s = *m_sessions.at(m_current);
        Pop3Session::Reply reply = s.handleLine(rawLine, ++m_now);
        const QByteArray out = reply.drain();
        if (reply.close)
            s.end(s.closeReason(), ++m_now);
        return out;
    }

    void drop() { m_sessions.at(m_current)->end(DisconnectReason::PeerClosed, ++m_now); }

    // STLS and the end of its handshake, as Pop3Connection reports it (the handshake itself is
    // walked over real TCP by tests/app/tst_lessonwalk.cpp).
    bool startTls()
    {
        Pop3Session &s = *m_sessions.at(m_current);
        Pop3Session::Reply reply = s.handleLine("stls\r\n", ++m_now);
        if (!reply.startTls)
            return false;
        s.tlsStarted(++m_now, QStringLiteral("TLSv1.3, TLS_AES_256_GCM_SHA384"));
        return true;
    }

    void to(const QString &name) { m_current = name; }

    EventLog m_log;
    MailStore m_store{&m_log};
    QString m_current;

private:
    QTemporaryDir m_dir;
    Personality m_personality;
    std::map<QString, std::unique_ptr<Pop3Session>> m_sessions;
    qint64 m_now = 1'700'000'000'000;
};

LessonLibrary bundled()
{
    LessonLibrary library;
    library.load({QStringLiteral(":/lessons")});
    return library;
}

// Runs a solution script: "open A", "to A", "C: line", "drop", "tls" (STLS and its handshake),
// "answer: text", "answer-lines", "plant", "apop", "personality id", "skip".
QString play(Lab &lab, LessonRunner &runner, const QStringList &script)
{
    for (const QString &step : script) {
        if (step.startsWith(QLatin1String("open "))) {
            lab.open(step.mid(5));
        } else if (step.startsWith(QLatin1String("to "))) {
            lab.to(step.mid(3));
        } else if (step.startsWith(QLatin1String("C: "))) {
            lab.type(step.mid(3).toUtf8() + "\r\n");
        } else if (step == QLatin1String("drop")) {
            lab.drop();
        } else if (step == QLatin1String("tls")) {
            if (!lab.startTls())
                return QStringLiteral("STLS was refused");
        } else if (step.startsWith(QLatin1String("answer: "))) {
            const int at = runner.currentStep();
            if (!runner.answer(step.mid(8)).correct)
                return QStringLiteral("answer \"%1\" refused at step %2 (expected %3)")
                    .arg(
                        step.mid(8), runner.lesson().steps.value(at).id, runner.expectedAnswer(at));
        } else if (step == QLatin1String("answer-lines")) {
            // the line count of the last RETR reply, as the diagram shows it
            int lines = -1;
            for (const Event &e : lab.m_log.events()) {
                if (e.kind == EventKind::ServerReply && e.multiLine)
                    lines = e.lines;
            }
            if (!runner.answer(QString::number(lines)).correct)
                return QStringLiteral("%1 lines refused (expected %2)")
                    .arg(lines)
                    .arg(runner.expectedAnswer(runner.currentStep()));
        } else if (step == QLatin1String("plant")) {
            if (const Result r = runner.plantStaleLock(); !r)
                return QStringLiteral("plant: ") + r.error;
        } else if (step == QLatin1String("apop")) {
            const QByteArray line =
                runner.apopCommand(QStringLiteral("student"), QStringLiteral("hessovs!"));
            if (line.isEmpty())
                return QStringLiteral("no APOP timestamp in the greeting");
            lab.type(line + "\r\n");
        } else if (step.startsWith(QLatin1String("personality "))) {
            lab.setPersonality(step.mid(12));
        } else if (step == QLatin1String("skip")) {
            if (!runner.skip())
                return QStringLiteral("cannot skip step %1").arg(runner.currentStep());
        }
    }
    return {};
}

QStringList login(const QString &user = QStringLiteral("student"),
    const QString &pass = QStringLiteral("hessovs!"))
{
    return {QStringLiteral("C: user ") + user, QStringLiteral("C: pass ") + pass};
}

} // namespace

class TestLessons final : public QObject
{
    Q_OBJECT

private slots:
    void bundledLessonsLoad();
    void mistakeWordsNeverHedgeAPlural();
    void languagesDescribeTheSameLesson();
    void solutionTicksEveryStep_data();
    void solutionTicksEveryStep();
    void mistakeIsExplained_data();
    void mistakeIsExplained();
    void stepIsNotTickedWithoutTheEvent();
    void encryptedStepsFollowTheSession();
    void lockLeftByAnEarlierLessonIsExplained();
    void handInHidesOnlyTheSecret();
    void wrongAnswerRevealsHint();
    void answersFollowTheLiveMailbox();
    void progressIsSavedAndResumed();
    void malformedLessonNamesFileAndField_data();
    void malformedLessonNamesFileAndField();
    void teacherFolderOverridesBundledLesson();
    void lessonOverTcp();
    void choicesAreShuffled();
};

void TestLessons::bundledLessonsLoad()
{
    const LessonLibrary library = bundled();
    QVERIFY2(library.errors().isEmpty(), qPrintable(library.errors().join(QLatin1Char('\n'))));
    QVERIFY(library.ids().size() >= 8);
    QCOMPARE(library.ids().first(), QStringLiteral("01-connect-and-login"));
    for (const QString &id : library.ids()) {
        const Lesson lesson = *library.lesson(id, QStringLiteral("en"));
        QVERIFY2(!lesson.goals.isEmpty(), qPrintable(id));
        bool hasQuiz = false;
        for (const LessonStep &s : lesson.steps)
            hasQuiz = hasQuiz || s.quiz;
        QVERIFY2(hasQuiz, qPrintable(id + QStringLiteral(" has no quiz")));
    }
}

void TestLessons::languagesDescribeTheSameLesson()
{
    const LessonLibrary library = bundled();
    for (const QString &id : library.ids()) {
        QCOMPARE(library.languages(id), (QStringList{QStringLiteral("en"), QStringLiteral("fr")}));
        const Lesson en = *library.lesson(id, QStringLiteral("en"));
        const Lesson fr = *library.lesson(id, QStringLiteral("fr"));
        QCOMPARE(fr.language, QStringLiteral("fr"));
        const QStringList diffs = Lesson::compareStructure(en, fr);
        QVERIFY2(diffs.isEmpty(),
            qPrintable(id + QStringLiteral(": ") + diffs.join(QStringLiteral("; "))));
    }
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr")}) {
        QStringList codes = library.mistakeCodes(language);
        QStringList expected = lessonMistakeCodes();
        codes.sort();
        expected.sort();
        QCOMPARE(codes, expected);
    }
}

void TestLessons::solutionTicksEveryStep_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("script");
    const QStringList l1 = QStringList{QStringLiteral("open A"),
        QStringLiteral("C: USER: student"),
        QStringLiteral("C: user student"),
        QStringLiteral("C: pass hessovs!"),
        QStringLiteral("C: quit"),
        QStringLiteral("answer: 1"),
        QStringLiteral("answer: 1"),
        QStringLiteral("answer: pass"),
        QStringLiteral("answer: 2")};
    QTest::newRow("lesson 1: the lab sheet's login, mistake included")
        << QStringLiteral("01-connect-and-login") << QStringLiteral("en") << l1;
    QTest::newRow("lesson 1 in French")
        << QStringLiteral("01-connect-and-login") << QStringLiteral("fr") << l1;
    QTest::newRow("lesson 2: STAT, LIST and LIST n with the lab sheet's numbers")
        << QStringLiteral("02-count-and-size") << QStringLiteral("en")
        << QStringList{QStringLiteral("open A")} + login()
            + QStringList{QStringLiteral("C: stat"),
                QStringLiteral("answer: 35"),
                QStringLiteral("answer: 23183 octets"),
                QStringLiteral("C: list"),
                QStringLiteral("answer: 376"),
                QStringLiteral("C: list 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 3"),
                QStringLiteral("answer: STAT")};
    QTest::newRow("lesson 3: RETR, the dots and TOP")
        << QStringLiteral("03-read-a-mail") << QStringLiteral("en")
        << QStringList{QStringLiteral("open A")} + login()
            + QStringList{QStringLiteral("C: retr 1"),
                QStringLiteral("answer: Subject: Welcome to NET 210 - Computer Networks Lab"),
                QStringLiteral("answer-lines"),
                QStringLiteral("C: retr 3"),
                QStringLiteral("answer: 1"),
                QStringLiteral("C: top 1 0"),
                QStringLiteral("C: top 1 2"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: top 5 0")};
    QTest::newRow("lesson 4: DELE, RSET, a dropped connection, then QUIT")
        << QStringLiteral("04-delete-and-undo") << QStringLiteral("en")
        << QStringList{QStringLiteral("open A")} + login()
            + QStringList{QStringLiteral("C: dele 1"),
                QStringLiteral("C: stat"),
                QStringLiteral("C: retr 1"),
                QStringLiteral("C: rset"),
                QStringLiteral("C: dele 1"),
                QStringLiteral("drop"),
                QStringLiteral("open B")}
            + login()
            + QStringList{QStringLiteral("answer: 35"),
                QStringLiteral("C: dele 1"),
                QStringLiteral("C: quit"),
                QStringLiteral("answer: 34"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: rset"),
                QStringLiteral("answer: 3")};
    QTest::newRow("lesson 5: [IN-USE], release, and a stale lock")
        << QStringLiteral("05-the-lock-file") << QStringLiteral("en")
        << QStringList{QStringLiteral("open A")} + login() + QStringList{QStringLiteral("open B")}
            + login()
            // Dovecot closed B after [IN-USE]: the student opens it again.
            + QStringList{QStringLiteral("to A"),
                QStringLiteral("C: quit"),
                QStringLiteral("open D")}
            + login()
            + QStringList{QStringLiteral("C: quit"),
                QStringLiteral("plant"),
                QStringLiteral("open C")}
            + login()
            + QStringList{QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1")};
    QStringList l6 = QStringList{QStringLiteral("personality uw-ipop3d"), QStringLiteral("open A")}
        + login(QStringLiteral("barakirs"), QStringLiteral("blacksun"))
        + QStringList{
            QStringLiteral("C: list"), QStringLiteral("answer: 206"), QStringLiteral("C: top 3 0")};
    for (int n = 3; n <= 12; ++n)
        l6.append(QStringLiteral("C: dele %1").arg(n));
    l6 += QStringList{QStringLiteral("C: quit"), QStringLiteral("answer: 196")};
    QTest::newRow("lesson 6: ten junk messages deleted, the challenge skipped")
        << QStringLiteral("06-mail-bomb-cleanup") << QStringLiteral("en")
        << l6
            + QStringList{QStringLiteral("skip"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1")};
    QStringList all = QStringList{QStringLiteral("open B")}
        + login(QStringLiteral("barakirs"), QStringLiteral("blacksun"));
    for (int n = 1; n <= 196; ++n) { // what is left: 1, 2 real, then 3..39 junk, ...
        if (n != 1 && n != 2 && n != 40 && n != 110 && n != 170 && n != 196)
            all.append(QStringLiteral("C: dele %1").arg(n));
    }
    QTest::newRow("lesson 6 in French: every junk message deleted, with Dovecot")
        << QStringLiteral("06-mail-bomb-cleanup") << QStringLiteral("fr")
        << l6.mid(1) + all
            + QStringList{QStringLiteral("C: quit"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1")};
    QTest::newRow("lesson 7: CAPA, UIDL, and a unique-id that survives renumbering")
        << QStringLiteral("07-unique-ids") << QStringLiteral("en")
        << QStringList{QStringLiteral("open A")} + login()
            + QStringList{QStringLiteral("C: capa"),
                QStringLiteral("C: uidl"),
                QStringLiteral("C: uidl 2"),
                QStringLiteral("answer: 000000026553f100"),
                QStringLiteral("C: dele 1"),
                QStringLiteral("C: quit"),
                QStringLiteral("open B")}
            + login()
            + QStringList{QStringLiteral("answer: +OK 1 000000026553f100"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: UIDL 7")};
    QTest::newRow("lesson 8: PASS in clear, then APOP with the rfc1939 personality")
        << QStringLiteral("08-plain-passwords") << QStringLiteral("en")
        << QStringList{QStringLiteral("personality dovecot"), QStringLiteral("open A")} + login()
            + QStringList{QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("C: quit"),
                QStringLiteral("personality rfc1939"),
                QStringLiteral("open B"),
                QStringLiteral("C: stls"),
                QStringLiteral("apop"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1")};
    QTest::newRow("lesson 9: PASS in clear, then STLS and PASS inside TLS")
        << QStringLiteral("09-stls") << QStringLiteral("en")
        << QStringList{QStringLiteral("open A")} + login()
            + QStringList{QStringLiteral("answer: 1"),
                QStringLiteral("C: quit"),
                QStringLiteral("open B"),
                QStringLiteral("tls")}
            + login()
            + QStringList{QStringLiteral("C: retr 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1"),
                QStringLiteral("answer: 1")};
}

void TestLessons::solutionTicksEveryStep()
{
    QFETCH(QString, id);
    QFETCH(QString, language);
    QFETCH(QStringList, script);
    const LessonLibrary library = bundled();
    const std::optional<Lesson> lesson = library.lesson(id, language);
    QVERIFY(lesson);
    QCOMPARE(lesson->language, language);
    Lab lab(lesson->personality.isEmpty() ? Personality::defaultId() : lesson->personality);
    if (id.startsWith(QLatin1String("06")) && language == QLatin1String("fr"))
        lab.setPersonality(QStringLiteral("dovecot"));
    LessonRunner runner(&lab.m_log, &lab.m_store);
    QSignalSpy ticked(&runner, &LessonRunner::stepTicked);
    QSignalSpy finished(&runner, &LessonRunner::finished);
    runner.start(*lesson);
    QCOMPARE(runner.currentStep(), 0);

    const QString problem = play(lab, runner, script);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    for (int i = 0; i < lesson->steps.size(); ++i)
        QVERIFY2(runner.isDone(i),
            qPrintable(
                QStringLiteral("step %1 (%2) not ticked").arg(i).arg(lesson->steps.at(i).id)));
    QCOMPARE(runner.currentStep(), -1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(ticked.count(), lesson->steps.size());
    QVERIFY(runner.isFinished());
    QVERIFY(!runner.progress().transcript.isEmpty());
    for (const QString &line : runner.progress().transcript)
        QVERIFY2(!line.contains(QLatin1String("hessovs!")), "the transcript hides the password");
    if (!lesson->timerFrom.isEmpty())
        QVERIFY(runner.timerMs() > 0);
}

void TestLessons::mistakeIsExplained_data()
{
    QTest::addColumn<QList<QByteArray>>("lines"); // "DROP" drops the connection
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("bytes"); // as the pane shows them
    QTest::newRow("USER: student, as in the lab sheet")
        << QList<QByteArray>{"USER: student\r\n"} << QStringLiteral("user-colon")
        << QStringLiteral("USER: student\\r\\n");
    QTest::newRow("the password on the USER line")
        << QList<QByteArray>{"user student hessovs!\r\n"} << QStringLiteral("password-on-user-line")
        << QStringLiteral("user student hessovs!\\r\\n");
    QTest::newRow("STAT before PASS")
        << QList<QByteArray>{"user student\r\n", "stat\r\n"} << QStringLiteral("wrong-state")
        << QStringLiteral("stat\\r\\n");
    QTest::newRow("RETR of a message marked deleted")
        << QList<QByteArray>{"user student\r\n", "pass hessovs!\r\n", "dele 1\r\n", "retr 1\r\n"}
        << QStringLiteral("deleted-message") << QStringLiteral("retr 1\\r\\n");
    QTest::newRow("a bare LF, as netcat sends")
        << QList<QByteArray>{"user student\n"} << QStringLiteral("bare-lf")
        << QStringLiteral("user student\\n");
    QTest::newRow("Backspace sent as 0x08 by a Windows-telnet style terminal")
        << QList<QByteArray>{"user stx\x08udent\r\n"} << QStringLiteral("backspace")
        << QStringLiteral("user stx\\x08udent\\r\\n");
    QTest::newRow("Delete sent as 0x7F")
        << QList<QByteArray>{"usr\x7f\x7fser student\r\n"} << QStringLiteral("backspace")
        << QStringLiteral("usr\\x7F\\x7Fser student\\r\\n");
    QTest::newRow("a connection dropped with messages marked")
        << QList<QByteArray>{"user student\r\n", "pass hessovs!\r\n", "dele 2\r\n", "DROP"}
        << QStringLiteral("forgot-quit") << QStringLiteral("dele 2\\r\\n");
    QTest::newRow("a wrong password")
        << QList<QByteArray>{"user student\r\n", "pass Hessovs!\r\n"}
        << QStringLiteral("wrong-password") << QStringLiteral("pass Hessovs!\\r\\n");
    QTest::newRow("RETR without a number")
        << QList<QByteArray>{"user student\r\n", "pass hessovs!\r\n", "retr\r\n"}
        << QStringLiteral("missing-number") << QStringLiteral("retr\\r\\n");
}

void TestLessons::mistakeIsExplained()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QString, code);
    QFETCH(QString, bytes);
    const LessonLibrary library = bundled();
    Lab lab;
    LessonRunner runner(&lab.m_log, &lab.m_store);
    QSignalSpy spy(&runner, &LessonRunner::mistakeDetected);
    // Lesson 2 asks for none of these errors (lesson 1 asks for "USER: student", which there
    // ticks its step and is no mistake).
    runner.start(*library.lesson(QStringLiteral("02-count-and-size"), QStringLiteral("en")));
    lab.open(QStringLiteral("A"));
    for (const QByteArray &line : lines) {
        if (line == "DROP")
            lab.drop();
        else
            lab.type(line);
    }
    QCOMPARE(spy.count(), 1);
    const LessonMistake m = spy.at(0).at(0).value<LessonMistake>();
    QCOMPARE(m.code, code);
    QCOMPARE(LessonTracker::escape(m.bytes), bytes);
    QCOMPARE(runner.progress().mistakes.size(), 1);
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr")}) {
        const LessonLibrary::MistakeText words = library.mistake(code, language);
        QVERIFY(words.explanation.size() > 40);
        QVERIFY(words.explanation != code);
    }
}

// Lesson 9's checks: a PASS inside TLS does not tick the login in clear, a PASS in clear does not
// tick the login inside TLS, and the "tls" step wants the handshake, not just the word STLS.
void TestLessons::encryptedStepsFollowTheSession()
{
    Lab lab(QStringLiteral("dovecot"));
    LessonRunner runner(&lab.m_log, &lab.m_store);
    runner.start(*bundled().lesson(QStringLiteral("09-stls"), QStringLiteral("en")));
    const auto login = [&lab] {
        lab.type("user student\r\n");
        return lab.type("pass hessovs!\r\n");
    };
    lab.open(QStringLiteral("A"));
    QVERIFY(lab.startTls());
    QVERIFY(login().startsWith("+OK"));
    QCOMPARE(runner.currentStep(), 0); // logged in, but not in clear
    lab.type("quit\r\n");
    lab.open(QStringLiteral("B"));
    QVERIFY(login().startsWith("+OK"));
    QCOMPARE(runner.currentStep(), 1);
    QVERIFY(runner.answer(QStringLiteral("1")).correct);
    lab.type("quit\r\n");
    QCOMPARE(runner.currentStep(), 3); // STLS
    lab.open(QStringLiteral("C"));
    QVERIFY(login().startsWith("+OK"));
    QCOMPARE(runner.currentStep(), 3); // a login in clear is not TLS
    lab.type("stls\r\n"); // refused in TRANSACTION: no handshake
    QCOMPARE(runner.currentStep(), 3);
    lab.type("quit\r\n");
    lab.open(QStringLiteral("D"));
    QVERIFY(lab.startTls());
    QCOMPARE(runner.currentStep(), 4);
    QVERIFY(login().startsWith("+OK"));
    QCOMPARE(runner.currentStep(), 5);
}

// Lesson 7 left session A logged in; lesson 9 starts and B's login meets [IN-USE]. The coach
// names A and says how to free the lock; it is no wrong try, and lesson 9's hint (about TLS) is
// not shown for it.
void TestLessons::lockLeftByAnEarlierLessonIsExplained()
{
    Lab lab(QStringLiteral("dovecot"));
    LessonRunner runner(&lab.m_log, &lab.m_store);
    QSignalSpy mistakes(&runner, &LessonRunner::mistakeDetected);
    QSignalSpy hints(&runner, &LessonRunner::hintRevealed);
    lab.open(QStringLiteral("A"));
    play(lab, runner, login());
    const int holder = lab.m_log.events().last().session;
    runner.start(*bundled().lesson(QStringLiteral("09-stls"), QStringLiteral("fr")));
    QCOMPARE(runner.currentStep(), 0);
    lab.open(QStringLiteral("B"));
    lab.type("user student\r\n");
    QVERIFY(lab.type("pass hessovs!\r\n").startsWith("-ERR [IN-USE]"));
    QCOMPARE(mistakes.count(), 1);
    const LessonMistake m = mistakes.at(0).at(0).value<LessonMistake>();
    QCOMPARE(m.code, QStringLiteral("mailbox-in-use"));
    QCOMPARE(m.holder, holder);
    QCOMPARE(runner.tries(0), 0);
    QCOMPARE(hints.count(), 0);
    QVERIFY(runner.progress().mistakes.isEmpty()); // not the student's mistake
    const LessonLibrary library = bundled();
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr")}) {
        const QString words = library.mistake(m.code, language).explanation;
        QVERIFY2(words.contains(QLatin1String("{holder}")) && words.contains(QLatin1String("QUIT")),
            qPrintable(words));
    }
    // Lesson 5 asks for the refusal: no warning there.
    Lab five(QStringLiteral("dovecot"));
    LessonRunner fifth(&five.m_log, &five.m_store);
    QSignalSpy warned(&fifth, &LessonRunner::mistakeDetected);
    fifth.start(*bundled().lesson(QStringLiteral("05-the-lock-file"), QStringLiteral("en")));
    five.open(QStringLiteral("C"));
    play(five, fifth, login());
    five.open(QStringLiteral("D"));
    play(five, fifth, login());
    QCOMPARE(fifth.lesson().steps.at(fifth.currentStep()).id, QStringLiteral("release"));
    QCOMPARE(warned.count(), 0);
}

// The hand-in shows who logged in: only APOP's digest is hidden, not the user it names.
void TestLessons::handInHidesOnlyTheSecret()
{
    QCOMPARE(LessonTracker::hideSecret("APOP student c4c9334bac560ecc979e58001b3e22fb\r\n"),
        QByteArray("APOP student ********\r\n"));
    QCOMPARE(LessonTracker::hideSecret("pass hessovs!\r\n"), QByteArray("pass ********\r\n"));
    QCOMPARE(LessonTracker::hideSecret("user student hessovs!\r\n"),
        QByteArray("user student ********\r\n"));
    QCOMPARE(LessonTracker::hideSecret("stat\r\n"), QByteArray("stat\r\n"));
}

void TestLessons::stepIsNotTickedWithoutTheEvent()
{
    Lab lab;
    LessonRunner runner(&lab.m_log, &lab.m_store);
    runner.start(*bundled().lesson(QStringLiteral("02-count-and-size"), QStringLiteral("en")));
    lab.open(QStringLiteral("A"));
    lab.type("stat\r\n"); // before login: -ERR, does not count
    QCOMPARE(runner.currentStep(), 0);
    lab.type("user student\r\n");
    lab.type("pass hessovs!\r\n");
    QCOMPARE(runner.currentStep(), 1); // logged in
    lab.type("list\r\n"); // not the step's command
    QCOMPARE(runner.currentStep(), 1);
    lab.type("STAT\r\n");
    QCOMPARE(runner.currentStep(), 2); // a question: only an answer ticks it
    lab.type("stat\r\n");
    QCOMPARE(runner.currentStep(), 2);
}

void TestLessons::wrongAnswerRevealsHint()
{
    Lab lab;
    LessonRunner runner(&lab.m_log, &lab.m_store);
    QSignalSpy hints(&runner, &LessonRunner::hintRevealed);
    const Lesson lesson =
        *bundled().lesson(QStringLiteral("02-count-and-size"), QStringLiteral("en"));
    runner.start(lesson);
    lab.open(QStringLiteral("A"));
    play(lab, runner, login() + QStringList{QStringLiteral("C: stat")});
    QCOMPARE(runner.currentStep(), lesson.indexOf(QStringLiteral("count")));
    QVERIFY(!runner.answer(QStringLiteral("23183")).correct);
    QCOMPARE(hints.count(), 1);
    QCOMPARE(hints.at(0).at(1).toString(), lesson.steps.at(runner.currentStep()).hints.first());
    QCOMPARE(runner.tries(runner.currentStep()), 1);
    QVERIFY(!runner.answer(QStringLiteral("many")).correct);
    QVERIFY(runner.answer(QStringLiteral("35 messages")).correct);
}

void TestLessons::answersFollowTheLiveMailbox()
{
    Lab lab;
    // The teacher's own mailbox: another account, other numbers.
    QTemporaryDir mail;
    QFile eml(mail.filePath(QStringLiteral("only.eml")));
    QVERIFY(eml.open(QIODevice::WriteOnly));
    eml.write("Subject: hi\r\n\r\nhello\r\n");
    eml.close();
    QVERIFY(lab.m_store.addAccount(QStringLiteral("teacher"), QStringLiteral("secret"), mail.path())
                .ok);
    LessonRunner runner(&lab.m_log, &lab.m_store);
    const Lesson lesson =
        *bundled().lesson(QStringLiteral("02-count-and-size"), QStringLiteral("en"));
    runner.start(lesson);
    lab.open(QStringLiteral("A"));
    play(lab,
        runner,
        login(QStringLiteral("teacher"), QStringLiteral("secret"))
            + QStringList{QStringLiteral("C: stat")});
    QCOMPARE(runner.contextUser(), QStringLiteral("teacher"));
    QVERIFY(!runner.answer(QStringLiteral("35")).correct);
    QVERIFY(runner.answer(QStringLiteral("1")).correct);
    QVERIFY(runner.answer(QStringLiteral("22")).correct); // its size, CR LF included
}

void TestLessons::progressIsSavedAndResumed()
{
    QTemporaryDir dir;
    LessonProgressStore store(dir.path(), QStringLiteral("ada lovelace"));
    const Lesson lesson =
        *bundled().lesson(QStringLiteral("02-count-and-size"), QStringLiteral("en"));
    Lab lab;
    {
        LessonRunner runner(&lab.m_log, &lab.m_store);
        runner.setProgressStore(&store);
        runner.start(lesson);
        lab.open(QStringLiteral("A"));
        play(lab,
            runner,
            login() + QStringList{QStringLiteral("C: stat"), QStringLiteral("answer: 35")});
        QCOMPARE(runner.currentStep(), 3);
    }
    QVERIFY(QFile::exists(store.filePath()));
    QVERIFY(store.filePath().endsWith(QLatin1String("ada_lovelace.json")));
    QCOMPARE(
        store.load(lesson.id)->steps.value(QStringLiteral("count")).answer, QStringLiteral("35"));
    {
        LessonRunner runner(&lab.m_log, &lab.m_store);
        runner.setProgressStore(&store);
        runner.start(lesson);
        QCOMPARE(runner.currentStep(), 3);
        QVERIFY(runner.isDone(2));
        runner.start(lesson, true); // restart
        QVERIFY(!runner.isDone(2));
        QCOMPARE(runner.currentStep(), 1); // the session is still logged in
    }
    QVERIFY(!store.load(lesson.id)->steps.value(QStringLiteral("count")).done);
}

void TestLessons::malformedLessonNamesFileAndField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray head =
        R"({"format": 1, "id": "x", "language": "en", "title": "T", "goals": ["g"], )";
    QTest::newRow("not JSON") << QByteArray("{\n\"format\": 1,\n oops }")
                              << QStringLiteral("x.en.json: line 3: not valid JSON");
    QTest::newRow("a misspelt check type")
        << head
            + R"("steps": [{"id": "a", "title": "A", "text": "t", "check": {"type": "comand"}}]})"
        << QStringLiteral("x.en.json: steps[0].check.type: unknown check type \"comand\"");
    QTest::newRow("a choice answer out of range")
        << head
            + R"("steps": [{"id": "a", "title": "A", "text": "t", "check": {"type": "connected"}}], "quiz": [{"id": "q", "title": "Q", "question": {"prompt": "p", "choices": ["a", "b"], "answer": {"type": "choice", "correct": 3}}}]})"
        << QStringLiteral("x.en.json: quiz[0].question.answer.correct: must be the number of the "
                          "right choice, 1 to 2");
    QTest::newRow("a step with both a check and a question")
        << head
            + R"("steps": [{"id": "a", "title": "A", "text": "t", "check": {"type": "connected"}, "question": {"prompt": "p", "answer": {"type": "message-count"}}}]})"
        << QStringLiteral("x.en.json: steps[0].: a step has either");
    QTest::newRow("an unknown field")
        << head + R"("steps": [{"id": "a", "title": "A", "text": "t", "chek": {}}]})"
        << QStringLiteral("x.en.json: steps[0].chek: unknown field");
    QTest::newRow("a missing title")
        << QByteArray(R"({"format": 1, "id": "x", "language": "en", "goals": ["g"], "steps": []})")
        << QStringLiteral("x.en.json: title: missing");
    QTest::newRow("a question about no message")
        << head
            + R"("steps": [{"id": "a", "title": "A", "question": {"prompt": "p", "answer": {"type": "message-size"}}}]})"
        << QStringLiteral("x.en.json: steps[0].question.answer.message: missing");
}

void TestLessons::malformedLessonNamesFileAndField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!Lesson::fromJson(json, QStringLiteral("/some/where/x.en.json"), &why));
    QVERIFY2(why.startsWith(error), qPrintable(why));
}

void TestLessons::teacherFolderOverridesBundledLesson()
{
    QTemporaryDir dir;
    QFile bundledFile(QStringLiteral(":/lessons/01-connect-and-login.fr.json"));
    QVERIFY(bundledFile.open(QIODevice::ReadOnly));
    QByteArray json = bundledFile.readAll();
    json.replace("Se connecter et s'identifier", "Ma leçon à moi");
    QFile mine(dir.filePath(QStringLiteral("01-connect-and-login.fr.json")));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write(json);
    mine.close();
    QFile broken(dir.filePath(QStringLiteral("99-broken.en.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{");
    broken.close();
    LessonLibrary library;
    library.load({QStringLiteral(":/lessons"), dir.path()});
    QCOMPARE(library.lesson(QStringLiteral("01-connect-and-login"), QStringLiteral("fr"))->title,
        QStringLiteral("Ma leçon à moi"));
    QCOMPARE(library.lesson(QStringLiteral("01-connect-and-login"), QStringLiteral("de"))->language,
        QStringLiteral("en"));
    QCOMPARE(library.errors().size(), 1);
    QVERIFY(library.errors().first().startsWith(QLatin1String("99-broken.en.json: ")));
}

void TestLessons::lessonOverTcp()
{
    QTemporaryDir dir;
    EventLog log;
    MailStore store(&log);
    store.setWorkspace(dir.path());
    QVERIFY(store.addSampleAccounts(true).ok);
    Pop3Server server(&log, &store, *Personality::load(Personality::defaultId()));
    Pop3Server::Options options;
    options.port = 0;
    options.tryNextPorts = false;
    QVERIFY2(server.listen(options), qPrintable(server.errorString()));
    LessonRunner runner(&log, &store);
    QSignalSpy finished(&runner, &LessonRunner::finished);
    runner.start(*bundled().lesson(QStringLiteral("01-connect-and-login"), QStringLiteral("en")));

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
    QTRY_COMPARE(runner.currentStep(), 2); // connected, greeted
    for (const QByteArray &line : {QByteArray("USER: student\r\n"),
             QByteArray("user student\r\n"),
             QByteArray("pass hessovs!\r\n"),
             QByteArray("quit\r\n")}) {
        const int before = runner.currentStep();
        socket.write(line);
        QTRY_VERIFY(runner.currentStep() > before);
    }
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    for (const QString &answer :
        {QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("PASS"), QStringLiteral("2")})
        QVERIFY(runner.answer(answer).correct);
    QCOMPARE(finished.count(), 1);
}

// The shipped quizzes put the right answer first in 21 of 24 questions: shown in the file's
// order, Check without reading passed. Shown shuffled, the first is right about as often as chance.
void TestLessons::choicesAreShuffled()
{
    const LessonLibrary library = bundled();
    int questions = 0;
    int rightFirst = 0;
    int moved = 0; // questions whose order changes with the attempt
    for (const QString &id : library.ids()) {
        const Lesson lesson = *library.lesson(id, QStringLiteral("en"));
        for (const LessonStep &step : lesson.steps) {
            if (!step.question || step.question->answer != LessonQuestion::Answer::Choice)
                continue;
            ++questions;
            const int n = int(step.question->choices.size());
            const QString seed = QStringLiteral("ada|%1|%2|").arg(id, step.id);
            const QList<int> order = LessonRunner::shuffled(n, seed + QStringLiteral("1"));
            QList<int> sorted = order;
            std::sort(sorted.begin(), sorted.end());
            QList<int> all(n);
            std::iota(all.begin(), all.end(), 0);
            QCOMPARE(sorted, all);
            QCOMPARE(LessonRunner::shuffled(n, seed + QStringLiteral("1")), order); // stable
            rightFirst += order.first() == step.question->correct ? 1 : 0;
            moved += LessonRunner::shuffled(n, seed + QStringLiteral("2")) != order ? 1 : 0;
        }
    }
    QVERIFY(questions >= 20);
    QVERIFY2(rightFirst * 2 < questions,
        qPrintable(
            QStringLiteral("right answer first in %1 of %2").arg(rightFirst).arg(questions)));
    QVERIFY(moved * 2 > questions);
}

// A mistake's words are read with its count filled in: "le(s) 1 message(s) marqué(s)" was shown
// after lesson 4's dropped connection. No explanation hedges a plural with "(s)".
void TestLessons::mistakeWordsNeverHedgeAPlural()
{
    LessonLibrary library;
    library.load(LessonLibrary::defaultFolders());
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr")}) {
        for (const QString &code : lessonMistakeCodes()) {
            const LessonLibrary::MistakeText words = library.mistake(code, language);
            QVERIFY2(!words.explanation.contains(QLatin1String("(s)")),
                qPrintable(QStringLiteral("%1 (%2): %3").arg(code, language, words.explanation)));
        }
    }
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
