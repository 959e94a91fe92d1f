#include "app/replay/replaymaildrop.h"

#include "events/eventlog.h"
#include "mail/mailstore.h"

#include <utility>

using pop3::EventKind;

ReplayMaildrop::ReplayMaildrop(pop3::EventLog *log, QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<pop3::MailStore>())
{
    m_store->setWorkspace(m_dir.path());
    if (!m_dir.isValid())
        m_error = m_dir.errorString();
    else if (const pop3::Result r = m_store->addSampleAccounts(true); !r)
        m_error = r.error;
    connect(log, &pop3::EventLog::eventAppended, this, &ReplayMaildrop::apply);
    connect(log, &pop3::EventLog::cleared, this, &ReplayMaildrop::reset);
}

ReplayMaildrop::~ReplayMaildrop()
{
    reset(); // no lock file left behind in the scratch folder
}

void ReplayMaildrop::apply(const pop3::Event &event)
{
    switch (event.kind) {
    case EventKind::Connected:
        m_peerOf.insert(event.session, event.text);
        break;
    case EventKind::LockCreated:
        if (!m_store->account(event.user))
            break; // an account the samples do not have: nothing to show
        m_userOf.insert(event.session, event.user);
        m_store->lock({event.user, event.session, m_peerOf.value(event.session), event.timeMs});
        m_changed.insert(event.user);
        break;
    case EventKind::LockRemoved:
        if (const QString user = m_userOf.take(event.session); !user.isEmpty())
            m_store->unlock(user, event.session);
        break;
    case EventKind::Expunged: {
        const QString user = m_userOf.value(event.session);
        if (user.isEmpty())
            break;
        QList<pop3::MessageInfo> victims;
        const QList<pop3::MessageInfo> messages = m_store->snapshot(user);
        for (int number : event.numbers) {
            if (number >= 1 && number <= messages.size())
                victims.append(messages.at(number - 1));
        }
        m_store->expunge(user, victims, nullptr);
        break;
    }
    case EventKind::Note:
        if (event.note == pop3::NoteKind::MailboxReset && m_store->account(event.user))
            m_store->resetMailbox(event.user);
        break;
    default:
        break;
    }
}

void ReplayMaildrop::reset()
{
    for (auto it = m_userOf.cbegin(); it != m_userOf.cend(); ++it)
        m_store->unlock(it.value(), it.key());
    m_userOf.clear();
    m_peerOf.clear();
    for (const QString &user : std::as_const(m_changed))
        m_store->resetMailbox(user);
    m_changed.clear();
}
