#pragma once

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace pop3 {

class ReplyBody;

// Writes large reply bodies (a RETR of megabytes) from one worker thread, so the event loop that
// answers every other session never spends its turns reading, converting and copying a big
// message: another client's NOOP is answered at once while 50 MB stream out. The worker runs
// at a lower scheduling priority than the event loop (nice 19 on Linux) and takes the bodies in
// turns, 256 KiB each.
//
// A job owns a duplicate of the socket's descriptor, so the connection's QTcpSocket can close
// its own at any time without the worker ever writing to a reused descriptor number. The body's
// event is appended to the log in the owner's thread, when the job ends.
class BodyStreamer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyStreamer)

public:
    using Done = std::function<void(bool complete)>;

    explicit BodyStreamer(QObject *parent = nullptr);
    ~BodyStreamer() override;

    // False where the worker can't run (not Linux, or no epoll/eventfd): bodies then stream from
    // the event loop.
    bool isRunning() const { return m_running; }

    // Bodies at least this large (in octets of the message) are worth the hand-over.
    static constexpr qint64 threshold = 256 * 1024;

    // Writes prefix, then the body, to the socket; done(complete) is called in this object's
    // thread once every octet was written (true) or the socket failed (false). Returns the job's
    // id, or 0 (the body is left in place) when the descriptor can't be duplicated.
    quint64 start(
        qintptr socket, const QByteArray &prefix, std::unique_ptr<ReplyBody> &body, Done done);

    // Stops a job at once: when this returns the worker no longer touches it, its descriptor is
    // closed and the body destroyed (reported as cut short). done is not called.
    void cancel(quint64 id);

    // Milliseconds since the epoch when the job last wrote something (0 for an unknown job).
    qint64 lastProgressMs(quint64 id) const;

    int jobCount() const;

private:
    struct Job;

    void run();
    static void lowerPriority(); // of the calling (worker) thread
    // Writes up to one turn's worth; true when the job is over (complete set).
    bool work(Job &job);
    void finishJob(quint64 id); // in the owner's thread
    void wake();

    mutable std::mutex m_mutex;
    std::condition_variable m_idle; // a job stopped being busy
    std::unordered_map<quint64, std::unique_ptr<Job>> m_jobs;
    quint64 m_nextId = 1;
    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_stop{false};
    bool m_running = false;
    std::thread m_thread;
};

} // namespace pop3
