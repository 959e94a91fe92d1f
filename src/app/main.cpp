#include "app/datamigration.h"
#include "app/frameprobe.h"
#include "app/laboptions.h"
#include "app/labscript.h"
#include "app/labsettings.h"
#include "app/languagemenu.h"
#include "app/lessons/lessonpane.h"
#include "app/mainwindow.h"
#include "app/presentation/presentationmode.h"
#include "app/quitsignals.h"
#include "app/replay/replaypane.h"
#include "app/terminal/terminalpane.h"
#include "app/translations.h"
#include "events/datafolder.h"
#include "events/eventlog.h"
#include "events/tracereplayer.h"
#include "lab/lab.h"
#include "net/pop3server.h"
#include "protocol/personality.h"

#include <QApplication>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>

#include <cstdio>

namespace {

void nameTheApplication()
{
    // The organisation names the settings file (~/.config/pop3lab/pop3lab.conf); the data folder
    // is shared with pop3lab-server whatever it is (see dataFolder()).
    QCoreApplication::setOrganizationName(QStringLiteral("pop3lab"));
    QCoreApplication::setApplicationName(QStringLiteral("pop3lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POP3LAB_VERSION));
}

// --help, --version or a mistake on the command line: answered in text, with no window (so with
// no display at all, as on a classroom server over ssh).
int answerWithoutWindow(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Translations translations;
    translations.install(QLocale());
    QString error;
    QString output;
    LabOptions::parse(LabOptions::withoutQtOptions(QCoreApplication::arguments()), &error, &output);
    if (!output.isEmpty()) {
        std::fputs(qPrintable(output), stdout);
        return 0;
    }
    std::fprintf(stderr, "pop3lab: %s\n", qPrintable(error));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    nameTheApplication();
    if (LabOptions::answersWithoutWindow(argc, argv))
        return answerWithoutWindow(argc, argv);
    // The window and its built-in server share this thread: it should run the moment a command
    // or an input event arrives, even while a large body streams (see tuneThreadScheduling).
    pop3::tuneThreadScheduling(100);
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pop3lab.svg")));
    // The menu entry's icon name: a desktop shows the installed icon set for the window.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.pop3lab.pop3lab"));
    Translations translations;

    QString error;
    QString output;
    const std::optional<LabOptions> options =
        LabOptions::parse(QApplication::arguments(), &error, &output);
    if (!options) { // answersWithoutWindow() said otherwise: cannot happen
        std::fprintf(stderr, "pop3lab: %s\n", qPrintable(error));
        return 2;
    }

    // Before the lab opens the workspace: what an older window left in its own folder moves to
    // the one it now shares with pop3lab-server.
    const QStringList dataNotes =
        DataMigration::run(DataMigration::oldWindowFolder(), pop3::dataFolder());
    for (const QString &note : dataNotes)
        std::fprintf(stderr, "pop3lab: %s\n", qPrintable(note));

    const LabSettings settings;
    // --language for this run, else the one chosen in View > Language, else the system's.
    LanguageMenu languageMenu(&translations);
    languageMenu.apply(options->language.isEmpty() ? settings.language() : options->language);
    pop3::Lab::Config config = options->labConfig();
    config.listen.idleTimeoutSecs = settings.idleTimeoutSecs();
    // A personality named on the command line must exist (Lab::start refuses it otherwise, as
    // pop3lab-server does); the one saved in the preferences may have gone away since: the
    // window then starts with the default and says so, rather than refusing to open at all.
    QString personalityNote;
    if (config.personality.isEmpty()) {
        config.personality = settings.personality();
        QString why;
        if (!pop3::Personality::load(config.personality, &why)) {
            personalityNote = QApplication::translate("main",
                "The personality saved in the preferences could not be loaded: %1. The server "
                "uses %2.")
                                  .arg(why, pop3::Personality::defaultId());
            std::fprintf(stderr, "pop3lab: %s\n", qPrintable(personalityNote));
            config.personality = pop3::Personality::defaultId();
        }
    }
    pop3::Lab lab;
    if (const pop3::Result r = lab.start(config); !r) {
        std::fprintf(stderr, "pop3lab: %s\n", qPrintable(r.error));
        if (!options->smokeTest)
            QMessageBox::critical(nullptr,
                QApplication::translate("main", "pop3lab"),
                QApplication::translate("main", "The built-in server could not start: %1")
                    .arg(r.error));
        return 1;
    }

    MainWindow window(&lab);
    window.viewMenu()->addSeparator();
    window.viewMenu()->addMenu(&languageMenu);
    QObject::connect(&languageMenu,
        &LanguageMenu::languageChanged,
        window.lessonPane(),
        &LessonPane::setLanguage);
    window.terminalPane()->setShowControlCharacters(options->showControl);
    window.showAtStart();
    if (options->presentation)
        window.presentation()->setActive(true);
    if (!personalityNote.isEmpty())
        window.statusBar()->showMessage(personalityNote, 15000);
    else if (!dataNotes.isEmpty())
        window.statusBar()->showMessage(dataNotes.join(QLatin1Char(' ')), 30000);

    // kill PID, Ctrl+C or a closed terminal: quit as the Quit action does, every session ending
    // as a dropped connection (nothing committed) and its maildrop lock released.
    QuitSignals quitSignals;
    QObject::connect(&quitSignals, &QuitSignals::received, &app, [&lab, &window] {
        lab.shutdown();
        window.close(); // saves the layout, as a normal quit does
        QCoreApplication::exit(0);
    });

    LabScript script(&window, &lab);
    FrameProbe probe;
    if (options->frameStats > 0) {
        QObject::connect(&probe, &FrameProbe::finished, &app, [&probe, &lab] {
            std::printf("frame-stats: %s, events %llu\n",
                qPrintable(probe.summary()),
                static_cast<unsigned long long>(lab.log()->lastSeq()));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
        window.terminalPane()->openSession(window.terminalPane()->lastSettings());
        probe.start(options->frameStats);
    } else if (options->smokeTest) {
        QObject::connect(&script, &LabScript::finished, &app, [](bool ok, const QString &report) {
            std::fprintf(ok ? stdout : stderr,
                "smoke-test: %s: %s\n",
                ok ? "passed" : "FAILED",
                qPrintable(report));
            std::fflush(stdout);
            QCoreApplication::exit(ok ? 0 : 1);
        });
        script.start(QStringLiteral("lab-sheet"), 0);
    } else if (!options->demo.isEmpty()) {
        // A replay on the same engine as the Replay pane: the live mailbox is left alone unless
        // --demo-reset asks for a fresh one.
        if (options->demoReset)
            window.resetMailbox(QStringLiteral("student"), false);
        ReplayPane *replay = window.replayPane();
        QString why;
        if (!replay->loadScenario(options->demo, &why)) {
            std::fprintf(stderr, "pop3lab: %s\n", qPrintable(why));
            return 1;
        }
        QObject::connect(replay->replayer(), &pop3::TraceReplayer::finished, &app, [replay] {
            std::fprintf(stdout,
                "demo: done: %lld events of %s replayed\n",
                static_cast<long long>(replay->replayer()->count()),
                qPrintable(replay->what()));
            std::fflush(stdout);
        });
        replay->setClassPaceMs(options->demoPaceMs);
        replay->setPace(ReplayPane::Pace::Class);
        replay->replayer()->play();
        window.terminalPane()->openSession(window.terminalPane()->lastSettings());
    } else {
        // The lab sheet starts with a Raw connection to the server: it is already open.
        window.terminalPane()->openSession(window.terminalPane()->lastSettings());
        if (!options->lesson.isEmpty())
            window.startLesson(options->lesson);
    }
    std::printf("pop3lab: built-in server listening on %s\n", qPrintable(lab.server()->endpoint()));
    std::fflush(stdout);
    return app.exec();
}
