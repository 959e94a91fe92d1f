#pragma once

// Shared by the core unit tests: a mail store on a temporary workspace with the sample accounts,
// and a driver that talks to a Pop3Session as a client would, line by line.

#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"

#include <QByteArrayList>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace pop3test {

// Writes a file, creating its folder; true when every byte was written.
inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(content) == content.size();
}

// The whole file, or nothing when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A workspace in a temporary folder holding the two sample accounts.
struct SampleStore
{
    QTemporaryDir dir;
    pop3::EventLog log;
    pop3::MailStore store{&log};
    pop3::Personality personality;

    explicit SampleStore(
        const QString &personalityId = QStringLiteral("dovecot"), bool withBarakirs = true)
    {
        store.setWorkspace(dir.filePath(QStringLiteral("workspace")));
        pop3::Result r = store.addAccount(QStringLiteral("student"),
            QStringLiteral("hessovs!"),
            QStringLiteral(":/mailbox/student"));
        if (r && withBarakirs)
            r = store.addAccount(QStringLiteral("barakirs"),
                QStringLiteral("blacksun"),
                QStringLiteral(":/mailbox/barakirs.mbox"));
        setupError = r.error;
        QString error;
        if (auto p = pop3::Personality::load(personalityId, &error))
            personality = *p;
        else
            setupError = error;
    }

    std::unique_ptr<pop3::Pop3Session> newSession(int id = 1)
    {
        return std::make_unique<pop3::Pop3Session>(&log,
            &store,
            &personality,
            id,
            pop3::Pop3Session::Peer{QStringLiteral("127.0.0.1:40000"),
                QStringLiteral("127.0.0.1:1110"),
                QStringLiteral("127.0.0.1")});
    }

    QString setupError;
};

// A line as a client sends it: CRLF appended unless the line already ends in LF.
inline QByteArray wire(const QByteArray &line)
{
    return line.endsWith('\n') ? line : line + "\r\n";
}

// Sends one line and returns everything the server answers (status line and whole body).
inline QByteArray send(pop3::Pop3Session &session, const QByteArray &line, qint64 now = 1000)
{
    return session.handleLine(wire(line), now).drain();
}

// Sends each line in order; returns the answer to the last one.
inline QByteArray sendAll(pop3::Pop3Session &session, const QByteArrayList &lines)
{
    QByteArray last;
    for (const QByteArray &line : lines)
        last = send(session, line);
    return last;
}

// Removes byte-stuffing and the terminator from a multi-line body (status line excluded).
inline QByteArray unstuff(const QByteArray &body)
{
    QByteArray out;
    const QByteArrayList lines = body.split('\n');
    for (QByteArray line : lines) {
        if (line.isEmpty())
            continue;
        if (line == ".\r")
            break;
        if (line.startsWith('.'))
            line.remove(0, 1);
        out += line + '\n';
    }
    return out;
}

} // namespace pop3test
