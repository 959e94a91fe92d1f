// EpollDispatcher, the event loop of pop3lab-server (net/epolldispatcher.h), installed on this
// test's main thread: timers (order, repeats, never early, stopped by another handler, not
// re-entered from a nested loop), socket notifiers over real TCP and socket pairs (many
// connections, a notifier deleted by an earlier handler, a regular file), posted events and
// wake-ups from other threads, interrupt(), and objects moved between threads.

#include "net/epolldispatcher.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace pop3;

namespace {

EpollDispatcher *dispatcher()
{
    return qobject_cast<EpollDispatcher *>(QAbstractEventDispatcher::instance());
}

// Both ends of a connected AF_UNIX stream pair, closed on destruction.
struct SocketPair
{
    int fds[2] = {-1, -1};

    SocketPair() { QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0); }

    ~SocketPair()
    {
        for (const int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }

    void send(int end) { QCOMPARE(::write(fds[end], "x", 1), ssize_t(1)); }
};

// Counts its timer events and how deep they nest.
class TimerCounter : public QObject
{
public:
    std::atomic<int> events{0};
    int depth = 0;
    int deepest = 0;
    std::function<void()> onTimer;

protected:
    void timerEvent(QTimerEvent *) override
    {
        ++events;
        ++depth;
        deepest = std::max(deepest, depth);
        if (onTimer)
            onTimer();
        --depth;
    }
};

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void isInstalled();
    void timersFireInDeadlineOrder();
    void repeatingTimerIsNeverEarly();
    void zeroTimerFiresOnEveryTurnWithoutStarvingSockets();
    void timerStoppedByAnEarlierHandlerDoesNotFire();
    void nestedLoopDoesNotReenterTheTimerThatRunsIt();
    void remainingTimeAndRegisteredTimers();
    void tcpEchoAndManyIdleConnections();
    void notifierDeletedByAnEarlierHandlerIsNotActivated();
    void hangUpWakesTheReader();
    void regularFileIsAlwaysReady();
    void postedEventsFromAnotherThreadWakeTheLoop();
    void crossThreadPingPongNeverStalls();
    void deleteLaterRunsInTheLoop();
    void aboutToBlockComesBeforeEachWait();
    void interruptEndsAWaitWithNothingToDo();
    void objectMovedToAnotherThreadTakesItsTimer();
    void workerThreadOnEpoll();
};

void TestEpollDispatcher::isInstalled()
{
    QVERIFY(dispatcher());
    QVERIFY(dispatcher()->isValid());
}

void TestEpollDispatcher::timersFireInDeadlineOrder()
{
    QStringList order;
    QTimer::singleShot(40, this, [&] {
        order << QStringLiteral("40");
    });
    QTimer::singleShot(5, this, [&] {
        order << QStringLiteral("5");
    });
    QTimer::singleShot(20, Qt::PreciseTimer, this, [&] {
        order << QStringLiteral("20");
    });
    QTRY_COMPARE(order.size(), 3);
    QCOMPARE(order, (QStringList{"5", "20", "40"}));
}

void TestEpollDispatcher::repeatingTimerIsNeverEarly()
{
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(10);
    QElapsedTimer clock;
    std::vector<qint64> ticks;
    connect(&timer, &QTimer::timeout, this, [&] {
        ticks.push_back(clock.nsecsElapsed());
    });
    clock.start();
    timer.start();
    QTRY_VERIFY(ticks.size() >= 5);
    timer.stop();
    // Never early: tick k comes k intervals after the start at least (deadlines only move later:
    // a late tick's successor is an interval after the turn that fired it).
    for (size_t k = 0; k < ticks.size(); ++k) {
        QVERIFY2(ticks[k] >= qint64(k + 1) * 10'000'000,
            qPrintable(QStringLiteral("tick %1 at %2 ns").arg(k + 1).arg(ticks[k])));
    }
    const int count = int(ticks.size());
    QTest::qWait(0); // one more turn: a stopped timer fires no more
    QCOMPARE(int(ticks.size()), count);
}

void TestEpollDispatcher::zeroTimerFiresOnEveryTurnWithoutStarvingSockets()
{
    int zeroTicks = 0;
    QTimer zero;
    zero.setInterval(0);
    connect(&zero, &QTimer::timeout, this, [&] {
        ++zeroTicks;
    });
    zero.start();
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    pair.send(0);
    QTRY_VERIFY(activated.count() >= 1);
    QVERIFY(zeroTicks > 0);
    const int before = zeroTicks;
    QCoreApplication::processEvents();
    QCOMPARE(zeroTicks, before + 1);
}

void TestEpollDispatcher::timerStoppedByAnEarlierHandlerDoesNotFire()
{
    // Two zero-interval timers are both due on the next turn: the first to fire stops the other.
    TimerCounter a;
    TimerCounter b;
    int idA = 0;
    int idB = 0;
    a.onTimer = [&] {
        b.killTimer(idB);
        a.killTimer(idA);
    };
    b.onTimer = [&] {
        a.killTimer(idA);
        b.killTimer(idB);
    };
    idA = a.startTimer(0);
    idB = b.startTimer(0);
    QCoreApplication::processEvents();
    QCOMPARE(a.events + b.events, 1);
    QCoreApplication::processEvents();
    QCOMPARE(a.events + b.events, 1);
    QCOMPARE(
        dispatcher()->registeredTimers(&a).size() + dispatcher()->registeredTimers(&b).size(), 0);
}

void TestEpollDispatcher::nestedLoopDoesNotReenterTheTimerThatRunsIt()
{
    TimerCounter outer;
    int otherTicks = 0;
    QTimer other;
    other.setInterval(1);
    connect(&other, &QTimer::timeout, this, [&] {
        ++otherTicks;
    });
    outer.onTimer = [&] {
        if (outer.events > 1)
            return;
        // A nested loop in the handler, left when five ticks of the other timer were seen.
        QEventLoop loop;
        QTimer watcher;
        connect(&watcher, &QTimer::timeout, &loop, [&] {
            if (otherTicks >= 5)
                loop.quit();
        });
        watcher.start(1);
        other.start();
        loop.exec();
    };
    const int id = outer.startTimer(1, Qt::PreciseTimer);
    QTRY_VERIFY(outer.events >= 2);
    outer.killTimer(id);
    QCOMPARE(outer.deepest, 1);
    QVERIFY(otherTicks >= 5);
}

void TestEpollDispatcher::remainingTimeAndRegisteredTimers()
{
    QObject owner;
    const int slow = owner.startTimer(60'000, Qt::VeryCoarseTimer);
    const int fast = owner.startTimer(50, Qt::PreciseTimer);
    const QList<QAbstractEventDispatcher::TimerInfo> timers =
        dispatcher()->registeredTimers(&owner);
    QCOMPARE(timers.size(), 2);
    for (const auto &t : timers) {
        QVERIFY(t.timerId == slow || t.timerId == fast);
        QCOMPARE(t.interval, t.timerId == slow ? 60'000 : 50);
        QCOMPARE(t.timerType, t.timerId == slow ? Qt::VeryCoarseTimer : Qt::PreciseTimer);
    }
    const int left = dispatcher()->remainingTime(slow);
    QVERIFY2(left > 59'000 && left <= 60'000, qPrintable(QString::number(left)));
    QVERIFY(dispatcher()->remainingTime(fast) <= 50);
    const int timersBefore = dispatcher()->timerCount();
    owner.killTimer(fast);
    QCOMPARE(dispatcher()->remainingTime(fast), -1);
    QCOMPARE(dispatcher()->timerCount(), timersBefore - 1);
    // An object destroyed with a timer running leaves none behind.
    {
        QObject gone;
        gone.startTimer(1000);
        QCOMPARE(dispatcher()->timerCount(), timersBefore);
    }
    QCOMPARE(dispatcher()->timerCount(), timersBefore - 1);
}

void TestEpollDispatcher::tcpEchoAndManyIdleConnections()
{
    const int watchedBefore = dispatcher()->watchedDescriptors();
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    std::vector<QTcpSocket *> accepted;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            accepted.push_back(s);
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->write(s->readAll());
            });
        }
    });
    // 300 idle connections (in batches the listen backlog holds), then 200 round trips on one more.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 300; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, server.serverPort());
        if (idle.size() % 25 == 0)
            QTRY_COMPARE(int(accepted.size()), int(idle.size()));
    }
    QVERIFY(dispatcher()->watchedDescriptors() >= watchedBefore + 300);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    for (int i = 0; i < 200; ++i) {
        const QByteArray line = "line " + QByteArray::number(i) + "\r\n";
        client.write(line);
        QByteArray echoed;
        QTRY_VERIFY((echoed += client.readAll()).size() >= line.size());
        QCOMPARE(echoed, line);
    }
    // Every connection closed: nothing left in the epoll set but what was there before.
    client.close();
    idle.clear();
    server.close();
    qDeleteAll(accepted);
    QTRY_COMPARE(dispatcher()->watchedDescriptors(), watchedBefore);
}

void TestEpollDispatcher::notifierDeletedByAnEarlierHandlerIsNotActivated()
{
    // Two descriptors ready in the same wait; whichever is activated first deletes the other's
    // notifier (ASan would see a use after free).
    SocketPair a;
    SocketPair b;
    auto *na = new QSocketNotifier(a.fds[1], QSocketNotifier::Read);
    auto *nb = new QSocketNotifier(b.fds[1], QSocketNotifier::Read);
    QPointer<QSocketNotifier> pa = na;
    QPointer<QSocketNotifier> pb = nb;
    int activations = 0;
    char c;
    connect(na, &QSocketNotifier::activated, this, [&] {
        ++activations;
        QCOMPARE(::read(a.fds[1], &c, 1), ssize_t(1));
        delete pb.data();
    });
    connect(nb, &QSocketNotifier::activated, this, [&] {
        ++activations;
        QCOMPARE(::read(b.fds[1], &c, 1), ssize_t(1));
        delete pa.data();
    });
    a.send(0);
    b.send(0);
    // Both readable before the loop turns: one wait sees both.
    QCoreApplication::processEvents();
    QTRY_COMPARE(activations, 1);
    QCoreApplication::processEvents();
    QCOMPARE(activations, 1);
    QVERIFY(pa.isNull() != pb.isNull());
    delete pa.data();
    delete pb.data();
}

void TestEpollDispatcher::hangUpWakesTheReader()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    ::close(pair.fds[0]);
    pair.fds[0] = -1;
    QVERIFY(activated.wait(5000));
    char c;
    QCOMPARE(::read(pair.fds[1], &c, 1), ssize_t(0)); // end of file: the peer is gone
}

void TestEpollDispatcher::regularFileIsAlwaysReady()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    QSocketNotifier notifier(file.handle(), QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    QVERIFY(activated.wait(5000));
    notifier.setEnabled(false);
    const int count = int(activated.count());
    QCoreApplication::processEvents();
    QCOMPARE(int(activated.count()), count);
}

void TestEpollDispatcher::postedEventsFromAnotherThreadWakeTheLoop()
{
    // No timer, no socket: only the posted call can end the wait. The other thread posts once
    // the loop is about to block, so the post has to wake it (posted earlier, the first
    // sendPostedEvents() would take it without any wake-up).
    QEventLoop loop;
    std::atomic<bool> called{false};
    std::atomic<bool> blocking{false};
    const QMetaObject::Connection c =
        connect(dispatcher(), &QAbstractEventDispatcher::aboutToBlock, this, [&] {
            blocking = true;
        });
    std::thread poster([&] {
        while (!blocking)
            std::this_thread::yield();
        QMetaObject::invokeMethod(
            &loop,
            [&] {
                called = true;
                loop.quit();
            },
            Qt::QueuedConnection);
    });
    QTimer guard; // a failing test ends instead of hanging
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, [&] {
        loop.exit(1);
    });
    guard.start(10'000);
    const int code = loop.exec();
    poster.join();
    disconnect(c);
    QCOMPARE(code, 0);
    QVERIFY(called);
}

// Found in review: the wake-up flag was cleared before the eventfd was read, so a wakeUp() that
// came in between was swallowed by the read with its flag left set, and no wakeUp() ever wrote
// again: the loop slept on posted events. Another thread floods this loop with queued calls,
// which only their wake-ups can deliver (the guard, 20 s, is the only timer), then the two hand
// a count back and forth.
void TestEpollDispatcher::crossThreadPingPongNeverStalls()
{
#if defined(__SANITIZE_THREAD__)
    // 200,000 functors handed over through Qt's queue, whose lock TSan cannot see: it reports
    // each hand-over and, past its history, cannot even name the other thread's frame for the
    // suppression (tests/sanitizers/tsan.supp). What this test catches is a logic race (a lost
    // wake-up), which the plain and ASan builds run.
    QSKIP("a flood of cross-thread functors: TSan's reports would be Qt's queue, not ours");
#endif
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, [&] {
        loop.exit(1);
    });
    guard.start(20'000);

    constexpr int flood = 200'000;
    int got = 0;
    std::thread producer([&] {
        for (int i = 0; i < flood; ++i) {
            QMetaObject::invokeMethod(
                this,
                [&] {
                    if (++got == flood)
                        loop.quit();
                },
                Qt::QueuedConnection);
            if (i % 64 == 0)
                std::this_thread::yield(); // let the loop wait now and then
        }
    });
    QElapsedTimer clock;
    clock.start();
    const int flooded = loop.exec();
    producer.join();
    qInfo("%d calls posted from another thread, all run in %lld ms", got, clock.elapsed());
    QCOMPARE(flooded, 0);
    QCOMPARE(got, flood);

    QThread thread; // Qt's own loop there
    QObject peer;
    peer.moveToThread(&thread);
    thread.start();
    constexpr int rounds = 20'000;
    int back = 0;
    std::function<void()> ping = [&] {
        QMetaObject::invokeMethod(
            &peer,
            [&] {
                QMetaObject::invokeMethod(
                    this,
                    [&] {
                        if (++back == rounds)
                            loop.quit();
                        else
                            ping();
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    };
    clock.restart();
    ping();
    const int code = loop.exec();
    qInfo("%d round trips in %lld ms", back, clock.elapsed());
    thread.quit();
    QVERIFY(thread.wait(10'000));
    QCOMPARE(code, 0);
    QCOMPARE(back, rounds);
}

void TestEpollDispatcher::deleteLaterRunsInTheLoop()
{
    // Inside a running loop (QTest::qWait would send the deferred deletes itself), and from a
    // nested loop too: each object goes when its own loop turns.
    QEventLoop loop;
    QPointer<QObject> outer = new QObject;
    QPointer<QObject> inner;
    QMetaObject::invokeMethod(
        this,
        [&] {
            outer->deleteLater();
            QEventLoop nested;
            inner = new QObject;
            inner->deleteLater();
            QMetaObject::invokeMethod(
                this,
                [&] {
                    QVERIFY(!outer.isNull()); // deferred to the outer loop's level
                    nested.quit();
                },
                Qt::QueuedConnection);
            nested.exec();
            QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    loop.exec();
    QTRY_VERIFY(outer.isNull());
    QTRY_VERIFY(inner.isNull());
}

void TestEpollDispatcher::aboutToBlockComesBeforeEachWait()
{
    // ObserverServer sends what a turn wrote on awake() or aboutToBlock(); a timer started from
    // aboutToBlock() shortens the wait it comes before.
    QSignalSpy awake(dispatcher(), &QAbstractEventDispatcher::awake);
    QSignalSpy blocking(dispatcher(), &QAbstractEventDispatcher::aboutToBlock);
    bool fired = false;
    bool started = false;
    const QMetaObject::Connection c =
        connect(dispatcher(), &QAbstractEventDispatcher::aboutToBlock, this, [&] {
            if (!started) {
                started = true;
                QTimer::singleShot(1, this, [&] {
                    fired = true;
                });
            }
        });
    QEventLoop loop;
    QTimer::singleShot(0, this, [] {}); // something to start the loop
    QTimer stop;
    connect(&stop, &QTimer::timeout, &loop, [&] {
        if (fired)
            loop.quit();
    });
    stop.start(5);
    QElapsedTimer clock;
    clock.start();
    loop.exec();
    disconnect(c);
    QVERIFY(fired);
    QVERIFY(clock.elapsed() < 5'000);
    QVERIFY(awake.count() >= 1);
    QVERIFY(blocking.count() >= 1);
}

void TestEpollDispatcher::interruptEndsAWaitWithNothingToDo()
{
    EpollDispatcher *d = dispatcher();
    std::thread other([d] {
        d->interrupt();
    });
    // Blocks until the interrupt (before or after it starts waiting: the eventfd stays readable).
    d->processEvents(QEventLoop::WaitForMoreEvents);
    other.join();
    // And a wake-up from another thread ends a wait too.
    std::thread waker([d] {
        d->wakeUp();
    });
    d->processEvents(QEventLoop::WaitForMoreEvents);
    waker.join();
}

void TestEpollDispatcher::objectMovedToAnotherThreadTakesItsTimer()
{
    QThread thread; // Qt's own dispatcher there
    // Made before the thread starts: its fields' first writes then happen before the thread's
    // (pthread_create orders them). Made after, only Qt's own queue orders them, which TSan,
    // blind to Qt's uninstrumented locks, reported as a race in one run of two.
    TimerCounter *counter = new TimerCounter;
    thread.start();
    counter->startTimer(1);
    QCOMPARE(dispatcher()->registeredTimers(counter).size(), 1);
    counter->moveToThread(&thread);
    QCOMPARE(dispatcher()->registeredTimers(counter).size(), 0);
    QTRY_VERIFY(counter->events > 2); // fired in the other thread
    QMetaObject::invokeMethod(counter, &QObject::deleteLater);
    thread.quit();
    QVERIFY(thread.wait(10'000));
}

void TestEpollDispatcher::workerThreadOnEpoll()
{
    // A thread that runs its own EpollDispatcher: a TCP echo in it, quit() from this thread.
    QThread thread;
    thread.setEventDispatcher(new EpollDispatcher);
    auto *server = new QTcpServer;
    QVERIFY(server->listen(QHostAddress::LocalHost, 0));
    const quint16 port = server->serverPort();
    connect(server, &QTcpServer::newConnection, server, [server] {
        while (QTcpSocket *s = server->nextPendingConnection())
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->write(s->readAll().toUpper());
            });
    });
    server->moveToThread(&thread);
    connect(&thread, &QThread::finished, server, &QObject::deleteLater);
    thread.start();
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    client.write("hello\r\n");
    QByteArray echoed;
    QTRY_COMPARE(echoed += client.readAll(), QByteArray("HELLO\r\n"));
    thread.quit();
    QVERIFY(thread.wait(10'000));
}

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
