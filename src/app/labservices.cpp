#include "app/labservices.h"

#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "protocol/personality.h"

#include <QHostAddress>

LabServices::LabServices(QObject *parent)
    : QObject(parent)
    , m_log(std::make_unique<pop3::EventLog>())
    , m_store(std::make_unique<pop3::MailStore>(m_log.get()))
{ }

LabServices::~LabServices()
{
    if (m_server)
        m_server->shutdown(); // sessions end (locks released) while the log still exists
}

pop3::Result LabServices::start(const Config &config)
{
    if (!config.workspace.isEmpty())
        m_store->setWorkspace(config.workspace);
    if (pop3::Result r = m_store->addSampleAccounts(config.reset); !r)
        return r;
    if (!config.accountsFile.isEmpty()) {
        if (pop3::Result r = m_store->addAccountsFile(config.accountsFile, config.reset); !r)
            return r;
    }
    QString error;
    std::optional<pop3::Personality> personality =
        pop3::Personality::load(config.personality, &error);
    if (!personality) {
        personality = pop3::Personality::load(pop3::Personality::defaultId(), &error);
        if (!personality)
            return pop3::Result::failure(error);
    }
    m_server = std::make_unique<pop3::Pop3Server>(m_log.get(), m_store.get(), *personality);
    pop3::Pop3Server::Options options;
    options.port = quint16(config.port);
    options.idleTimeoutSecs = config.idleTimeoutSecs;
    if (!m_server->listen(options))
        return pop3::Result::failure(m_server->errorString());
    return pop3::Result::success();
}

bool LabServices::isBuiltinServer(const QString &host, quint16 port) const
{
    if (!m_server || !m_server->isListening() || port != m_server->port())
        return false;
    const QString h = host.trimmed().toLower();
    if (h == QLatin1String("localhost"))
        return true;
    const QHostAddress address(h);
    return address.isLoopback();
}
