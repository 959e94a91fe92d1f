#include "app/replay/replaymaildrop.h"

#include "events/eventlog.h"
#include "mail/mailstore.h"

#include <QSet>

#include <algorithm>
#include <utility>

using pop3::EventKind;

namespace {

QList<QByteArray> uidsOf(const QList<pop3::MessageInfo> &messages)
{
    QList<QByteArray> uids;
    uids.reserve(messages.size());
    for (const pop3::MessageInfo &m : messages)
        uids.append(m.uid);
    return uids;
}

} // namespace

ReplayMaildrop::ReplayMaildrop(pop3::EventLog *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_store(std::make_unique<pop3::MailStore>())
{
    m_store->setWorkspace(m_dir.path());
    if (!m_dir.isValid())
        m_error = m_dir.errorString();
    else if (const pop3::Result r = m_store->addSampleAccounts(true); !r)
        m_error = r.error;
    for (const QString &user : m_store->users())
        m_pristine.insert(user, uidsOf(m_store->snapshot(user)));
    m_state.left = m_pristine;
    m_onDisk.left = m_pristine;
    m_sync.setSingleShot(true);
    m_sync.setInterval(16);
    connect(&m_sync, &QTimer::timeout, this, &ReplayMaildrop::sync);
    connect(log, &pop3::EventLog::eventAppended, this, &ReplayMaildrop::apply);
    connect(log, &pop3::EventLog::cleared, this, &ReplayMaildrop::reset);
    connect(log, &pop3::EventLog::truncated, this, &ReplayMaildrop::rewind);
}

ReplayMaildrop::~ReplayMaildrop()
{
    // No lock file left behind in the scratch folder.
    for (auto it = m_onDisk.locks.cbegin(); it != m_onDisk.locks.cend(); ++it)
        m_store->unlock(it.key(), it->session);
}

void ReplayMaildrop::apply(const pop3::Event &event)
{
    State &s = m_state;
    switch (event.kind) {
    case EventKind::Connected:
        s.peerOf.insert(event.session, event.text);
        break;
    case EventKind::LockCreated:
        if (!m_pristine.contains(event.user))
            break; // an account the samples do not have: nothing to show
        s.userOf.insert(event.session, event.user);
        s.locks.insert(event.user,
            {event.session,
                s.peerOf.take(event.session),
                event.timeMs,
                false,
                event.text,
                event.detail});
        changed();
        break;
    case EventKind::StaleLockCleared:
        // The lock a crashed server left (its session gone, the file still there) is removed by
        // the login that found it.
        if (const auto it = s.locks.constFind(event.user);
            it != s.locks.cend() && it->session != event.session) {
            s.userOf.remove(it->session);
            s.locks.remove(event.user);
            changed();
        }
        break;
    case EventKind::LockRemoved:
        if (const QString user = s.userOf.take(event.session); !user.isEmpty()) {
            if (s.locks.value(user).session == event.session)
                s.locks.remove(user);
            changed();
        }
        break;
    case EventKind::Expunged: {
        const QString user = s.userOf.value(event.session);
        if (user.isEmpty())
            break;
        QList<QByteArray> &left = s.left[user];
        QSet<QByteArray> gone;
        for (int number : event.numbers) {
            if (number >= 1 && number <= left.size())
                gone.insert(left.at(number - 1));
        }
        left.removeIf([&gone](const QByteArray &uid) {
            return gone.contains(uid);
        });
        changed();
        break;
    }
    case EventKind::Disconnected:
        s.peerOf.remove(event.session); // never logged in: nothing more to remember
        // Gone without removing its lock (a crashed server): the file stays, held by nobody.
        if (const QString user = s.userOf.value(event.session); !user.isEmpty()) {
            if (const auto it = s.locks.find(user);
                it != s.locks.end() && it->session == event.session) {
                it->orphaned = true;
                changed();
            }
        }
        break;
    case EventKind::Note:
        if (event.note == pop3::NoteKind::MailboxReset && m_pristine.contains(event.user)) {
            s.left.insert(event.user, m_pristine.value(event.user));
            changed();
        }
        if (event.note == pop3::NoteKind::FaultServerCrashed) {
            // Faults › Kill the Server: the note names the lock files the dead server left.
            const QStringList left = event.detail.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (Lock &lock : s.locks) {
                if (!lock.orphaned && left.contains(lock.path)) {
                    lock.killed = true;
                    changed();
                }
            }
        }
        break;
    default:
        break;
    }
    m_checkpoints.afterAppend(*m_log, ++m_applied, [this] {
        return m_state;
    });
}

std::optional<MaildropPane::RecordedLock> ReplayMaildrop::recordedLock(const QString &user) const
{
    const auto it = m_state.locks.constFind(user);
    if (it == m_state.locks.cend() || it->session == 0)
        return std::nullopt;
    return MaildropPane::RecordedLock{it->holder, it->orphaned, it->killed};
}

void ReplayMaildrop::changed()
{
    if (!m_sync.isActive())
        m_sync.start();
}

void ReplayMaildrop::reset()
{
    m_state = State();
    m_state.left = m_pristine;
    m_checkpoints.clear();
    m_applied = 0;
    changed();
}

void ReplayMaildrop::rewind(qsizetype size)
{
    std::optional<std::pair<qsizetype, State>> saved = m_checkpoints.restore(size);
    if (saved) {
        m_state = std::move(saved->second);
    } else {
        m_state = State();
        m_state.left = m_pristine;
    }
    m_applied = saved ? saved->first : 0;
    for (qsizetype i = m_applied; i < size; ++i)
        apply(m_log->at(i));
    changed();
}

void ReplayMaildrop::sync()
{
    m_sync.stop();
    for (auto it = m_pristine.cbegin(); it != m_pristine.cend(); ++it) {
        const QString &user = it.key();
        const QList<QByteArray> want = m_state.left.value(user);
        const Lock lock = m_state.locks.value(user);
        const Lock held = m_onDisk.locks.value(user);
        if (held.session != 0 && held.session != lock.session) {
            m_store->unlock(user, held.session);
            m_onDisk.locks.remove(user);
        }
        if (want != m_onDisk.left.value(user)) {
            // The files are matched with the fold's messages by their place in the maildrop, not
            // by the unique-ids the store gives them now: those of a fresh copy are not the
            // sample's first ones once an expunge was committed (an mbox remembers the ids it
            // served, RFC 1939 §7, so the copies of one junk message come back as new
            // "hash.N" ids), and taking them for strangers removed them.
            QList<QByteArray> have = m_onDisk.left.value(user); // the fold's ids, in file order
            QList<pop3::MessageInfo> now = m_store->snapshot(user);
            const QSet<QByteArray> had(have.cbegin(), have.cend());
            const bool missing =
                std::any_of(want.cbegin(), want.cend(), [&had](const QByteArray &id) {
                    return !had.contains(id);
                });
            if (missing || now.size() != have.size()) {
                // A message removed on disk is wanted back: from the sample again (not under a
                // lock: the store does not copy over a locked maildrop; the lock file is made
                // again below).
                if (const int session = m_onDisk.locks.value(user).session; session != 0) {
                    m_store->unlock(user, session);
                    m_onDisk.locks.remove(user);
                }
                if (const pop3::Result r = m_store->resetMailbox(user); !r)
                    qWarning("replay maildrop: %s", qPrintable(r.error));
                now = m_store->snapshot(user);
                have = m_pristine.value(user);
            }
            const QSet<QByteArray> keep(want.cbegin(), want.cend());
            QList<pop3::MessageInfo> victims;
            for (qsizetype i = 0; i < std::min(now.size(), have.size()); ++i) {
                if (!keep.contains(have.at(i)))
                    victims.append(now.at(i));
            }
            if (!victims.isEmpty())
                m_store->expunge(user, victims, nullptr);
            m_onDisk.left.insert(user, want);
        }
        if (lock.session != 0 && m_onDisk.locks.value(user).session != lock.session) {
            m_store->lock({user, lock.session, lock.peer, lock.sinceMs});
            Lock held = lock;
            held.orphaned = false; // the store holds it now
            m_onDisk.locks.insert(user, held);
        }
        if (lock.session != 0 && m_onDisk.locks.value(user).orphaned != lock.orphaned) {
            // A stale lock: the file is there, its holder gone (the pane says so).
            if (lock.orphaned)
                m_store->noteLockReleased(user);
            else
                m_store->noteLockHeld(user, lock.session);
            m_onDisk.locks[user].orphaned = lock.orphaned;
        }
    }
}
