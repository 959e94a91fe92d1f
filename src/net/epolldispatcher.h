#pragma once

#include <QAbstractEventDispatcher>
#include <QAtomicInt>

#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pop3 {

// The event loop of pop3lab-server on Linux: socket notifiers in an epoll set, timers in a queue
// ordered by deadline, and an eventfd for wake-ups from other threads.
//
// Why: Qt's own dispatchers (glib's and the UNIX one) hand every registered descriptor to poll()
// on every turn of the loop, so a turn costs O(connections). A class of 60 students that keeps
// 1,000 idle connections open spent 38 % of the server's time in poll() (docs/performance.md,
// *Classroom*); with epoll a turn costs what became ready, and registering a notifier is one
// epoll_ctl() instead of a linear search of a list.
//
// What it keeps of Qt's contract (the QAbstractEventDispatcher interface, public API only):
// - posted events are sent first, at each processEvents(); a postEvent() from any thread calls
//   wakeUp(), which makes the eventfd readable, so the loop never sleeps on a posted event;
// - awake() is emitted as each call starts and aboutToBlock() before each wait that may block
//   (the observer stream sends what a turn wrote on either, see ObserverServer);
// - X11ExcludeTimers and ExcludeSocketNotifiers are honoured; the return value counts wake-ups;
// - a notifier is activated for readable, writable or urgent data, and each of them when the
//   descriptor is hung up or in error, as the UNIX dispatcher does; one unregistered while others
//   are being activated is skipped, and none is activated twice from nested loops;
// - a regular file (epoll refuses it) is always ready, as poll() says; a descriptor epoll
//   refuses for another reason (closed, no room) is warned about and not activated;
// - a timer fires once per turn at most, never while its own timer event is still running (a
//   nested loop in its handler does not re-enter it), repeats from its previous deadline and
//   drops the ticks it missed; a zero-interval timer fires on every turn. Coarse and very coarse
//   timers are kept to the millisecond as precise ones (never earlier than asked).
// - interrupt() makes the current or next wait return at once.
// Timer ids are allocated and released by Qt (QObject, QBasicTimer); this class only schedules.
//
// Not for a thread that runs widgets: a GUI platform plugin brings its own dispatcher, which
// also delivers the window system's events.
class EpollDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpollDispatcher)

public:
    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    // False when the kernel refused an epoll set or an eventfd: install Qt's dispatcher instead.
    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    using QAbstractEventDispatcher::registerTimer;
    void registerTimer(
        int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    // For tests and benchmarks: the descriptors in the epoll set, and the timers scheduled.
    int watchedDescriptors() const { return int(m_watches.size()); }

    int timerCount() const { return int(m_timers.size()); }

private:
    struct Watch
    {
        QSocketNotifier *notifiers[3] = {}; // by QSocketNotifier::Type: Read, Write, Exception
        bool inEpoll = false;
        bool refused = false; // epoll refused it (a regular file): taken as always ready
    };

    struct Timer
    {
        QObject *object = nullptr;
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        qint64 deadlineNs = 0; // on the steady clock
        quint64 serial = 0; // tells this registration from a later one that reuses its id
        bool firing = false;
    };

    void updateWatch(int fd);
    int waitTimeoutMs() const; // -1: no timer
    void setRefused(int fd, bool refused);
    int activateNotifiers(std::vector<QSocketNotifier *> pending); // blanked as they go
    int activateTimers();
    void unscheduleTimer(int timerId, const Timer &timer);
    void drainWakeUps();

    int m_epoll = -1;
    int m_wakeFd = -1;
    QAtomicInt m_wakeUpSent; // 1 between a wakeUp()'s write and the loop's read of the eventfd
    QAtomicInt m_interrupted;

    std::unordered_map<int, Watch> m_watches; // by descriptor
    std::vector<int> m_refused; // descriptors epoll refused (regular files): always ready
    // The notifier lists being activated (several when a handler runs a nested loop): an
    // unregistered notifier is blanked in each, so none is activated after it is gone.
    std::vector<std::vector<QSocketNotifier *> *> m_activating;

    std::unordered_map<int, Timer> m_timers; // by id
    std::set<std::pair<qint64, int>> m_queue; // (deadline, id) of every timer
    quint64 m_nextSerial = 1;
};

} // namespace pop3
