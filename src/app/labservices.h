#pragma once

#include "events/result.h"

#include <QObject>

#include <memory>

namespace pop3 {
class EventLog;
class MailStore;
class Pop3Server;
} // namespace pop3

// The core services of one pop3lab window — the event stream, the accounts and their maildrops,
// and the built-in server — created once in main() and handed to the window and its panes (no
// singletons, so each test builds its own).
class LabServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabServices)

public:
    struct Config
    {
        QString workspace; // empty: MailStore::defaultWorkspace()
        QString personality = QStringLiteral("dovecot");
        int port = 1110; // the next free one when busy; 0: any free port
        int idleTimeoutSecs = 600;
        bool reset = false;
        QString accountsFile; // more accounts besides the samples (a class)
    };

    explicit LabServices(QObject *parent = nullptr);
    ~LabServices() override;

    // Loads the sample accounts and starts the built-in server on 127.0.0.1.
    pop3::Result start(const Config &config);

    pop3::EventLog *log() const { return m_log.get(); }

    pop3::MailStore *store() const { return m_store.get(); }

    pop3::Pop3Server *server() const { return m_server.get(); }

    // Whether host:port is the built-in server (its own events are then authoritative).
    bool isBuiltinServer(const QString &host, quint16 port) const;

private:
    std::unique_ptr<pop3::EventLog> m_log;
    std::unique_ptr<pop3::MailStore> m_store;
    std::unique_ptr<pop3::Pop3Server> m_server;
};
