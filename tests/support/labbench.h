#pragma once

// A lab bench for the diagram tests: a workspace with the sample accounts, a log, and Pop3Sessions
// typed into by hand with a fixed clock, so that every run draws the same diagram (the golden
// dumps in tests/data/golden depend on the clock's steps). Shared by tst_sequencemodel (core) and
// tst_diagram (app).

#include "diagram/sequencemodel.h"
#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace pop3test {

class LabBench
{
public:
    // Sessions log to the bench's own log, or to log when one is given (a pane's).
    explicit LabBench(
        const QString &personality = QStringLiteral("dovecot"), pop3::EventLog *external = nullptr)
        : log(external ? *external : m_ownLog)
        , m_personality(*pop3::Personality::load(personality))
    {
        m_store.setWorkspace(m_dir.path());
        const pop3::Result r = m_store.addSampleAccounts(true);
        Q_ASSERT(r.ok);
    }

    explicit LabBench(pop3::EventLog *external)
        : LabBench(QStringLiteral("dovecot"), external)
    { }

    ~LabBench()
    {
        // Close what is still open while the log's observers are alive.
        for (auto &s : m_sessions)
            s->end(pop3::DisconnectReason::ServerShutdown, m_now);
    }

    LabBench(const LabBench &) = delete;
    LabBench &operator=(const LabBench &) = delete;

    pop3::Pop3Session &open(int port)
    {
        pop3::Pop3Session::Peer peer{QStringLiteral("127.0.0.1:%1").arg(port),
            QStringLiteral("127.0.0.1:1110"),
            QStringLiteral("pop3lab.example")};
        const int id = log.newSessionId();
        m_sessions.push_back(
            std::make_unique<pop3::Pop3Session>(&log, &m_store, &m_personality, id, peer));
        m_now += 250;
        m_sessions.back()->start(m_now);
        return *m_sessions.back();
    }

    // Types a line and Enter (CR LF), reads the whole reply; closes when the server does.
    void type(pop3::Pop3Session &session, const QByteArray &line)
    {
        m_now += 1500;
        pop3::Pop3Session::Reply reply = session.handleLine(line + "\r\n", m_now);
        reply.drain();
        const bool close = reply.close;
        reply = {};
        if (close) {
            m_now += 5;
            session.end(session.closeReason(), m_now);
        }
    }

    // The terminal window is closed: no QUIT.
    void drop(pop3::Pop3Session &session)
    {
        m_now += 3000;
        session.end(pop3::DisconnectReason::PeerClosed,
            m_now,
            QStringLiteral("the terminal window was closed"));
    }

    // The lab sheet from its USER: mistake to QUIT, on a new session from port.
    void labSheet(int port)
    {
        pop3::Pop3Session &s = open(port);
        for (const char *line : {"USER: student",
                 "user student",
                 "pass hessovs!",
                 "stat",
                 "list",
                 "retr 1",
                 "dele 1",
                 "quit"})
            type(s, line);
    }

    pop3::SequenceModel model(const pop3::SequenceModel::Filter &filter = {}) const
    {
        pop3::SequenceModel m;
        m.setFilter(filter);
        for (qsizetype i = 0; i < log.size(); ++i)
            m.append(log.at(i));
        return m;
    }

    // The dump with the temporary workspace replaced by a fixed name.
    QString text(const pop3::SequenceModel &m) const
    {
        return m.toText().replace(m_dir.path(), QStringLiteral("<workspace>"));
    }

    QString lockPath(const QString &user) const { return m_store.lockPath(user); }

private:
    pop3::EventLog m_ownLog; // declared before log, which may refer to it

public:
    pop3::EventLog &log;

private:
    QTemporaryDir m_dir;
    pop3::MailStore m_store;
    pop3::Personality m_personality;
    std::vector<std::unique_ptr<pop3::Pop3Session>> m_sessions;
    qint64 m_now = QDateTime(QDate(2024, 3, 18), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
};

} // namespace pop3test
