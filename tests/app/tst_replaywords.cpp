// The replay's words (issue 13): the lock files a crashed server left are named by their path,
// never by an internal id; and in a French window the lock holders and the stale-lock warning
// are French, in the replay's transcript and in the diagram alike.

#include "app/diagram/diagrampane.h"
#include "app/mainwindow.h"
#include "app/replay/replaypane.h"
#include "app/translations.h"
#include "diagram/lockwords.h"
#include "events/tracereplayer.h"
#include "support/labfixture.h"

class TestReplayWords : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void crashLineNamesTheLockFile();
    void lockHoldersReadInFrench();
    void staleLockWarningReadsInFrench();
    void disconnectionsAreToldInWords();
    void everyStepsExplanationReadsInFrench();

private:
    // Plays scenario name to its end in window; its transcript then.
    static QString playToEnd(MainWindow &window, const QString &name);
    std::unique_ptr<LabFixture> m_lab;
};

void TestReplayWords::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
}

void TestReplayWords::cleanup()
{
    m_lab.reset();
}

QString TestReplayWords::playToEnd(MainWindow &window, const QString &name)
{
    ReplayPane *replay = window.replayPane();
    QString error;
    if (!replay->loadScenario(name, &error))
        return QStringLiteral("cannot load %1: %2").arg(name, error);
    pop3::TraceReplayer *replayer = replay->replayer();
    while (replayer->position() < replayer->count())
        replayer->stepForward();
    return replay->transcript();
}

void TestReplayWords::crashLineNamesTheLockFile()
{
    MainWindow window(m_lab->services.get());
    window.show();
    const QString transcript = playToEnd(window, QStringLiteral("stale-lock"));
    const QString crash = transcript.section(QStringLiteral("the server crashed"), 1, 1)
                              .section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(!crash.isEmpty(), qPrintable(transcript));
    QVERIFY2(crash.contains(QStringLiteral("~/pop3lab/mail/student.lock")), qPrintable(crash));
    QVERIFY2(!transcript.contains(QStringLiteral("fault-server-crashed")), qPrintable(crash));
}

void TestReplayWords::lockHoldersReadInFrench()
{
    Translations french;
    french.install(QLocale(QLocale::French, QLocale::France));
    QVERIFY(french.hasOwnWords());
    for (const QString &name : {QStringLiteral("stale-lock"), QStringLiteral("lock-conflict")}) {
        MainWindow window(m_lab->services.get());
        window.show();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        const QString transcript = playToEnd(window, name);
        const QString diagram = window.diagramPane()->model().toText();
        for (const QString &text : {transcript, diagram}) {
            for (const char *english : {" on lab-pc",
                     "since 20",
                     "a process that is gone",
                     "this program's server",
                     "clears it",
                     "left by"}) {
                QVERIFY2(!text.contains(QLatin1String(english)),
                    qPrintable(name + QStringLiteral(": \"") + QLatin1String(english)
                        + QStringLiteral("\" in\n") + text));
            }
        }
        QVERIFY2(
            transcript.contains(QStringLiteral("sur lab-pc, depuis 20")), qPrintable(transcript));
    }
    french.remove();
}

// The warning a start gives for a lock whose process crashed (a live lab, not a scenario).
void TestReplayWords::staleLockWarningReadsInFrench()
{
    const QString english = QStringLiteral(
        "/tmp/x/student.lock: a stale lock, left by session 7 (127.0.0.1:33188), pid 21717 on vm, "
        "since 2026-12-03T08:13:35Z, a process that is gone (it crashed without releasing it); "
        "the next login of student clears it");
    QCOMPARE(pop3::maildropWarningWords(english), english); // no translator: as it was
    Translations french;
    french.install(QLocale(QLocale::French, QLocale::France));
    const QString words = pop3::maildropWarningWords(english);
    french.remove();
    QVERIFY2(words.startsWith(QStringLiteral("/tmp/x/student.lock")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("session 7 (127.0.0.1:33188), pid 21717 sur vm, depuis "
                                           "2026-12-03T08:13:35Z")),
        qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("student")), qPrintable(words));
    for (const char *e : {" on vm", "since", "a process that is gone", "clears it"})
        QVERIFY2(!words.contains(QLatin1String(e)), qPrintable(words));
}

// Replaying lock-conflict showed "── disconnected: mailbox-in-use ──" and, in French,
// "── déconnecté : quit ──": the trace's reason ids. The transcript now tells a disconnection
// with the diagram's words for it, translated.
void TestReplayWords::disconnectionsAreToldInWords()
{
    {
        MainWindow window(m_lab->services.get());
        window.show();
        const QString conflict = playToEnd(window, QStringLiteral("lock-conflict"));
        for (const char *id : {"mailbox-in-use", ": quit ──", "disconnected:"})
            QVERIFY2(!conflict.contains(QString::fromUtf8(id)), qPrintable(conflict));
        for (const char *words : {"── connection closed by the server after [IN-USE] ──",
                 "── connection closed after QUIT ──"})
            QVERIFY2(conflict.contains(QString::fromUtf8(words)), qPrintable(conflict));
        // The crash of the stale-lock scenario is the teacher's Kill the Server, in words (not
        // the core's English detail, which no translation reaches).
        const QString stale = playToEnd(window, QStringLiteral("stale-lock"));
        QVERIFY2(stale.contains(QLatin1String("server killed by the teacher")), qPrintable(stale));
        QVERIFY2(!stale.contains(QLatin1String("fault injected")), qPrintable(stale));
    }
    Translations french;
    french.install(QLocale(QLocale::French, QLocale::France));
    QVERIFY(french.hasOwnWords());
    {
        MainWindow window(m_lab->services.get());
        window.show();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        const QString conflict = playToEnd(window, QStringLiteral("lock-conflict"));
        french.remove();
        for (const char *id : {"mailbox-in-use", ": quit ──", "closed"})
            QVERIFY2(!conflict.contains(QString::fromUtf8(id)), qPrintable(conflict));
        QVERIFY2(conflict.contains(QStringLiteral("── connexion fermée après QUIT ──")),
            qPrintable(conflict));
    }
}

// A tester's French class: selecting the drop or the kill showed the explanation ending with the
// core's English detail, "(connection dropped by the server (fault injected))", and a lock's with
// "pid 20670 on lab-pc, since ...". Every step's explanation of every scenario is French now.
void TestReplayWords::everyStepsExplanationReadsInFrench()
{
    MainWindow window(m_lab->services.get());
    window.show();
    DiagramPane *diagram = window.diagramPane();
    // The kill of the stale-lock scenario, selected in English, then the window turns French:
    // the explanation shown is said again (it stayed English until another step was selected).
    playToEnd(window, QStringLiteral("stale-lock"));
    const pop3::SequenceModel &model = diagram->model();
    qsizetype kill = -1;
    for (qsizetype row = 0; row < model.rowCount() && kill < 0; ++row) {
        if (model.row(row).kind == pop3::SequenceModel::RowKind::Disconnect)
            kill = row;
    }
    QVERIFY(kill >= 0);
    diagram->highlightEvent(model.row(kill).seq);
    QVERIFY2(diagram->detailsText().contains(QLatin1String("the server process died")),
        qPrintable(diagram->detailsText()));
    Translations french;
    french.install(QLocale(QLocale::French, QLocale::France));
    QVERIFY(french.hasOwnWords());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QVERIFY2(diagram->detailsText().contains(QStringLiteral("le processus du serveur est mort")),
        qPrintable(diagram->detailsText()));

    const QStringList scenarios = {QStringLiteral("stale-lock"),
        QStringLiteral("dropped-connection"),
        QStringLiteral("lock-conflict"),
        QStringLiteral("lab-sheet"),
        QStringLiteral("mail-bomb")};
    int explained = 0;
    QString all;
    for (const QString &name : scenarios) {
        playToEnd(window, name);
        for (qsizetype row = 0; row < model.rowCount(); ++row) {
            diagram->highlightEvent(model.row(row).seq);
            const QString details = diagram->detailsText();
            if (details.isEmpty())
                continue;
            ++explained;
            all += details;
            for (const char *english : {"fault injected",
                     "connection dropped",
                     "server process died",
                     "without QUIT",
                     "stopped reading",
                     " on lab-pc",
                     "since 20",
                     "held by someone else",
                     "inferred from",
                     "destroyed",
                     "TLS handshake"}) {
                QVERIFY2(!details.contains(QLatin1String(english)),
                    qPrintable(QStringLiteral("%1, row %2: \"%3\" in\n%4")
                                   .arg(name)
                                   .arg(row)
                                   .arg(QLatin1String(english), details)));
            }
        }
    }
    french.remove();
    QVERIFY2(explained > 100, qPrintable(QString::number(explained)));
    // And the details were said in French, not left out.
    for (const char *french : {"le processus du serveur est mort",
             "le client a fermé la connexion sans QUIT",
             "sur lab-pc, depuis"})
        QVERIFY2(all.contains(QString::fromUtf8(french)), french);
}

QTEST_MAIN(TestReplayWords)
#include "tst_replaywords.moc"
