#pragma once

// Shared by the pop3lab widget tests: a fresh pop3::Lab in a temporary workspace on a free port,
// and helpers that type into a terminal tab as a student would.

#include "app/terminal/terminalpane.h"
#include "app/terminal/terminalsession.h"
#include "app/terminal/terminalview.h"
#include "events/eventlog.h"
#include "lab/lab.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct LabFixture
{
    QTemporaryDir dir;
    std::unique_ptr<pop3::Lab> services; // the window's services: one lab

    bool start()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings away from the real home
        services = std::make_unique<pop3::Lab>();
        pop3::Lab::Config config;
        config.workspace = dir.path();
        config.listen.port = 0;
        config.tls = true; // as the window's (LabOptions::labConfig): STLS offered
        config.progressFolder = dir.filePath(QStringLiteral("progress"));
        return dir.isValid() && services->start(config).ok;
    }
};

// Types text and Enter into view; waits for the reply and returns its status line.
inline QByteArray typeLine(TerminalView *view, const QString &text, int timeoutMs = 5000)
{
    QSignalSpy replies(view->session(), &TerminalSession::replyReceived);
    QTest::keyClicks(view, text);
    QTest::keyClick(view, Qt::Key_Return);
    if (!replies.wait(timeoutMs))
        return {};
    return replies.first().first().toByteArray().trimmed();
}

// Waits for the greeting of a freshly opened tab.
inline bool waitGreeting(TerminalView *view)
{
    QSignalSpy replies(view->session(), &TerminalSession::replyReceived);
    return replies.wait(5000);
}

// The bytes of the last client-line event of session.
inline QByteArray lastClientLine(const pop3::EventLog *log, int session)
{
    const QList<pop3::Event> events = log->events();
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->session == session && it->kind == pop3::EventKind::ClientLine)
            return it->bytes;
    }
    return {};
}
