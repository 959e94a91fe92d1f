#include "net/epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <utility>

namespace pop3 {

namespace {

// The eventfd's key in the epoll set; a socket's key is its descriptor, never negative.
constexpr quint64 wakeKey = ~quint64(0);
constexpr int maxEventsPerWait = 256;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// What each type of notifier waits for, and what wakes it (as Qt's UNIX dispatcher: a hang-up or
// an error wakes the reader and the writer, who find out by reading or writing).
constexpr uint32_t wanted[3] = {EPOLLIN, EPOLLOUT, EPOLLPRI};
constexpr uint32_t wakes[3] = {
    EPOLLIN | EPOLLHUP | EPOLLERR, EPOLLOUT | EPOLLHUP | EPOLLERR, EPOLLPRI | EPOLLHUP | EPOLLERR};

} // namespace

EpollDispatcher::EpollDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll < 0 || m_wakeFd < 0)
        return;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = wakeKey;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev) != 0) {
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

EpollDispatcher::~EpollDispatcher()
{
    if (m_epoll >= 0)
        ::close(m_epoll);
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || type < 0 || type > 2)
        return;
    Watch &watch = m_watches[fd];
    if (watch.notifiers[type] && watch.notifiers[type] != notifier)
        qWarning("EpollDispatcher: a second socket notifier of the same type for descriptor %d "
                 "replaces the first",
            fd);
    watch.notifiers[type] = notifier;
    updateWatch(fd);
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(QThread::currentThread() == thread());
    for (std::vector<QSocketNotifier *> *pending : m_activating) {
        for (QSocketNotifier *&n : *pending) {
            if (n == notifier)
                n = nullptr;
        }
    }
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end() || type < 0 || type > 2 || it->second.notifiers[type] != notifier)
        return;
    it->second.notifiers[type] = nullptr;
    updateWatch(fd);
}

// Puts the descriptor's epoll registration in line with its notifiers, at once: a descriptor
// leaves the set before Qt closes it (Qt disables a socket's notifiers first), so a number reused
// by the next socket never inherits a stale registration (which a duplicate of the descriptor,
// as BodyStreamer keeps, would otherwise keep alive in the set).
void EpollDispatcher::updateWatch(int fd)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    Watch &watch = it->second;
    uint32_t events = 0;
    for (int type = 0; type < 3; ++type) {
        if (watch.notifiers[type])
            events |= wanted[type];
    }
    if (events == 0) {
        if (watch.inEpoll)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        if (watch.refused)
            setRefused(fd, false);
        m_watches.erase(it);
        return;
    }
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = quint64(fd);
    int r = -1;
    if (watch.inEpoll) {
        r = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
        if (r != 0 && errno == ENOENT) // closed and reopened under the same number
            r = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
    } else {
        r = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
        if (r != 0 && errno == EEXIST)
            r = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
    }
    if (r == 0) {
        if (watch.refused) {
            watch.refused = false;
            setRefused(fd, false);
        }
        watch.inEpoll = true;
        return;
    }
    const int error = errno;
    watch.inEpoll = false;
    if (error == EPERM) {
        // epoll refuses regular files: poll() calls them always ready, and so do we.
        if (!watch.refused) {
            watch.refused = true;
            setRefused(fd, true);
        }
        return;
    }
    // A bad descriptor (closed before its notifier was disabled), or no room for another watch
    // (max_user_watches): Qt's poll() says POLLNVAL and warns; the notifier is not activated.
    qWarning("EpollDispatcher: descriptor %d can't be watched (%s): its notifiers are not "
             "activated",
        fd,
        strerror(error));
}

void EpollDispatcher::setRefused(int fd, bool refused)
{
    const auto at = std::find(m_refused.begin(), m_refused.end(), fd);
    if (refused && at == m_refused.end())
        m_refused.push_back(fd);
    else if (!refused && at != m_refused.end())
        m_refused.erase(at);
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_interrupted.storeRelaxed(0);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool timers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool sockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool mayWait =
        flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.loadRelaxed();
    if (mayWait)
        emit aboutToBlock(); // before the timeout: a timer started there shortens the wait
    // An exit() or quit() from a posted event: no handler runs inside the loop being left.
    if (m_interrupted.loadRelaxed())
        return false;
    int timeout = 0;
    if (mayWait && !(sockets && !m_refused.empty()))
        timeout = timers ? waitTimeoutMs() : -1;

    std::vector<QSocketNotifier *> pending;
    bool woken = false;
    if (sockets) {
        epoll_event events[maxEventsPerWait];
        int n = epoll_wait(m_epoll, events, maxEventsPerWait, timeout);
        if (n < 0)
            n = 0; // EINTR: a signal; the loop comes back
        for (int i = 0; i < n; ++i) {
            if (events[i].data.u64 == wakeKey) {
                drainWakeUps();
                woken = true;
                continue;
            }
            const auto it = m_watches.find(int(events[i].data.u64));
            if (it == m_watches.end())
                continue;
            for (int type = 0; type < 3; ++type) {
                if (it->second.notifiers[type] && (events[i].events & wakes[type]))
                    pending.push_back(it->second.notifiers[type]);
            }
        }
        for (const int fd : m_refused) {
            if (const auto it = m_watches.find(fd); it != m_watches.end()) {
                for (QSocketNotifier *notifier : it->second.notifiers) {
                    if (notifier)
                        pending.push_back(notifier);
                }
            }
        }
    } else {
        // Only a wake-up (a posted event, interrupt()) or a timer may end this wait.
        pollfd wake{m_wakeFd, POLLIN, 0};
        if (::poll(&wake, 1, timeout) > 0) {
            drainWakeUps();
            woken = true;
        }
    }

    int activated = pending.empty() ? 0 : activateNotifiers(std::move(pending));
    if (timers)
        activated += activateTimers();
    return activated > 0 || woken;
}

int EpollDispatcher::activateNotifiers(std::vector<QSocketNotifier *> pending)
{
    m_activating.push_back(&pending);
    int activated = 0;
    for (QSocketNotifier *&notifier : pending) {
        if (!notifier)
            continue; // unregistered by an earlier handler
        QSocketNotifier *const now = notifier;
        // Not again from an outer turn's list, if this runs in a nested loop.
        for (std::vector<QSocketNotifier *> *list : m_activating) {
            for (QSocketNotifier *&n : *list) {
                if (n == now)
                    n = nullptr;
            }
        }
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(now, &event);
        ++activated;
    }
    m_activating.pop_back();
    return activated;
}

int EpollDispatcher::waitTimeoutMs() const
{
    for (const auto &[deadline, id] : m_queue) {
        const auto it = m_timers.find(id);
        if (it == m_timers.end() || it->second.firing)
            continue; // a timer whose handler is still running (a nested loop) waits for it
        const qint64 left = deadline - nowNs();
        if (left <= 0)
            return 0;
        // Never wake before the deadline: round up to the next millisecond.
        return int(std::min<qint64>((left + 999'999) / 1'000'000, 24 * 3600 * 1000));
    }
    return -1;
}

int EpollDispatcher::activateTimers()
{
    if (m_queue.empty())
        return 0;
    const qint64 now = nowNs();
    std::vector<std::pair<int, quint64>> due; // (id, serial): fired in deadline order
    for (const auto &[deadline, id] : m_queue) {
        if (deadline > now)
            break;
        due.emplace_back(id, m_timers.at(id).serial);
    }
    int fired = 0;
    for (const auto &[id, serial] : due) {
        auto it = m_timers.find(id);
        // Gone or registered again by an earlier handler, or its event is running further up.
        if (it == m_timers.end() || it->second.serial != serial || it->second.firing)
            continue;
        Timer &timer = it->second;
        // Next deadline first (the handler may stop or restart it): one tick from the last,
        // or from now when ticks were missed.
        m_queue.erase({timer.deadlineNs, id});
        const qint64 interval = timer.intervalMs * 1'000'000;
        timer.deadlineNs += interval;
        if (timer.deadlineNs <= now && interval > 0)
            timer.deadlineNs = now + interval;
        else if (interval == 0)
            timer.deadlineNs = now;
        m_queue.emplace(timer.deadlineNs, id);
        timer.firing = true;
        QObject *const object = timer.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        it = m_timers.find(id);
        if (it != m_timers.end() && it->second.serial == serial)
            it->second.firing = false;
    }
    return fired;
}

void EpollDispatcher::registerTimer(
    int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (timerId <= 0 || interval < 0 || !object)
        return;
    if (const auto old = m_timers.find(timerId); old != m_timers.end()) {
        unscheduleTimer(timerId, old->second);
        m_timers.erase(old);
    }
    Timer timer;
    timer.object = object;
    timer.intervalMs = interval;
    timer.type = timerType;
    timer.deadlineNs = nowNs() + interval * 1'000'000;
    timer.serial = m_nextSerial++;
    m_queue.emplace(timer.deadlineNs, timerId);
    m_timers.emplace(timerId, timer);
}

void EpollDispatcher::unscheduleTimer(int timerId, const Timer &timer)
{
    m_queue.erase({timer.deadlineNs, timerId});
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    unscheduleTimer(timerId, it->second);
    m_timers.erase(it);
    return true;
}

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            unscheduleTimer(it->first, it->second);
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (const auto &[id, timer] : m_timers) {
        if (timer.object == object)
            timers.append(TimerInfo(id, int(timer.intervalMs), timer.type));
    }
    return timers;
}

int EpollDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const qint64 left = it->second.deadlineNs - nowNs();
    return left <= 0 ? 0 : int((left + 999'999) / 1'000'000);
}

// From any thread. One write per wait: the flag stays set until the loop reads the eventfd.
void EpollDispatcher::wakeUp()
{
    if (m_wakeFd < 0 || !m_wakeUpSent.testAndSetAcquire(0, 1))
        return;
    const quint64 one = 1;
    ssize_t r;
    do {
        r = ::write(m_wakeFd, &one, sizeof one);
    } while (r < 0 && errno == EINTR);
}

void EpollDispatcher::interrupt()
{
    m_interrupted.storeRelaxed(1);
    wakeUp();
}

// The read first, then the flag: a wakeUp() in between, which finds the flag still set and
// writes nothing, posted its event before the flag was cleared, and the next processEvents()
// sends posted events before it waits. Cleared first, the read could swallow a write made after
// it, leaving the flag set and the eventfd empty: no later wakeUp() would ever write again
// (found in review; tst_epolldispatcher crossThreadPingPongNeverStalls).
void EpollDispatcher::drainWakeUps()
{
    quint64 count = 0;
    ssize_t r;
    do {
        r = ::read(m_wakeFd, &count, sizeof count);
    } while (r < 0 && errno == EINTR);
    m_wakeUpSent.storeRelease(0);
}

} // namespace pop3
