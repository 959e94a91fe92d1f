#include "net/bodystreamer.h"

#include "net/pop3server.h"
#include "protocol/replybody.h"

#include <QDateTime>

#include <cerrno>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace pop3 {

namespace {

constexpr qint64 chunkSize = 64 * 1024;
constexpr qint64 turnBudget = 256 * 1024;

} // namespace

struct BodyStreamer::Job
{
    quint64 id = 0;
    int fd = -1;
    std::unique_ptr<ReplyBody> body;
    QByteArray chunk; // what is being written, from pos on
    qsizetype pos = 0;
    Done done;
    std::atomic<qint64> lastProgress{0};
    std::atomic<bool> cancelling{false}; // cancel() waits: the worker stops at the next chunk
    bool busy = false; // the worker is writing it (m_mutex released)
    bool over = false;
    bool complete = false;
};

BodyStreamer::BodyStreamer(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_LINUX
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll < 0 || m_wakeFd < 0)
        return;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = 0;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev) != 0)
        return;
    m_thread = std::thread([this] {
        run();
    });
    m_running = true;
#endif
}

BodyStreamer::~BodyStreamer()
{
    m_stop = true;
    wake();
    if (m_thread.joinable())
        m_thread.join();
    std::unordered_map<quint64, std::unique_ptr<Job>> jobs;
    {
        std::lock_guard lock(m_mutex);
        jobs.swap(m_jobs);
    }
#ifdef Q_OS_LINUX
    for (auto &[id, job] : jobs) {
        if (job->body && !job->complete)
            job->body->reportCutShort(job->chunk.size() - job->pos);
        ::close(job->fd);
    }
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
#endif
}

void BodyStreamer::wake()
{
#ifdef Q_OS_LINUX
    if (m_wakeFd >= 0) {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
    }
#endif
}

quint64 BodyStreamer::start(
    qintptr socket, const QByteArray &prefix, std::unique_ptr<ReplyBody> &body, Done done)
{
#ifdef Q_OS_LINUX
    if (!m_running || socket < 0 || !body)
        return 0;
    const int fd = ::fcntl(int(socket), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    auto job = std::make_unique<Job>();
    job->fd = fd;
    job->chunk.reserve(chunkSize + 1024);
    job->chunk.append(prefix);
    job->body = std::move(body);
    job->body->holdReport(); // the log is appended to in this thread, when the job ends
    job->done = std::move(done);
    job->lastProgress = QDateTime::currentMSecsSinceEpoch();
    Job *raw = job.get();
    {
        std::lock_guard lock(m_mutex);
        job->id = m_nextId++;
        m_jobs.emplace(job->id, std::move(job));
    }
    epoll_event ev{};
    ev.events = EPOLLOUT; // level-triggered: a writable job comes round again every turn
    ev.data.u64 = raw->id;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0) {
        std::unique_ptr<Job> back;
        {
            std::lock_guard lock(m_mutex);
            auto it = m_jobs.find(raw->id);
            back = std::move(it->second);
            m_jobs.erase(it);
        }
        body = std::move(back->body);
        ::close(fd);
        return 0;
    }
    return raw->id;
#else
    Q_UNUSED(socket);
    Q_UNUSED(prefix);
    Q_UNUSED(body);
    Q_UNUSED(done);
    return 0;
#endif
}

void BodyStreamer::cancel(quint64 id)
{
    std::unique_ptr<Job> job;
    {
        std::unique_lock lock(m_mutex);
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            return;
        it->second->cancelling = true;
        m_idle.wait(lock, [&] {
            return !it->second->busy;
        });
        job = std::move(it->second);
        m_jobs.erase(it);
    }
#ifdef Q_OS_LINUX
    if (!job->over)
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, job->fd, nullptr);
    ::close(job->fd);
#endif
    if (job->body && !job->complete)
        job->body->reportCutShort(job->chunk.size() - job->pos);
}

qint64 BodyStreamer::lastProgressMs(quint64 id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? 0 : it->second->lastProgress.load();
}

int BodyStreamer::jobCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_jobs.size());
}

void BodyStreamer::finishJob(quint64 id)
{
    std::unique_ptr<Job> job;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            return; // cancelled meanwhile
        job = std::move(it->second);
        m_jobs.erase(it);
    }
#ifdef Q_OS_LINUX
    ::close(job->fd);
#endif
    if (job->body && !job->complete)
        job->body->reportCutShort(job->chunk.size() - job->pos);
    job->body.reset(); // appends the reply's event, in this thread
    if (job->done)
        job->done(job->complete);
}

// Below the event loop and every other task: nice 19 and a 0.1 ms slice (Linux 6.12 and later),
// so any task that wakes up preempts the worker at once.
void BodyStreamer::lowerPriority()
{
    tuneThreadScheduling(100, 19);
}

void BodyStreamer::run()
{
#ifdef Q_OS_LINUX
    lowerPriority();
    epoll_event events[64];
    while (!m_stop) {
        const int n = epoll_wait(m_epoll, events, 64, -1);
        if (n < 0 && errno != EINTR)
            break;
        for (int i = 0; i < n && !m_stop; ++i) {
            const quint64 id = events[i].data.u64;
            if (id == 0) {
                quint64 count;
                [[maybe_unused]] const ssize_t r = ::read(m_wakeFd, &count, sizeof count);
                continue;
            }
            Job *job = nullptr;
            {
                std::lock_guard lock(m_mutex);
                auto it = m_jobs.find(id);
                if (it == m_jobs.end() || it->second->over)
                    continue;
                job = it->second.get();
                job->busy = true;
            }
            const bool over = work(*job);
            {
                std::lock_guard lock(m_mutex);
                job->busy = false;
                if (over) {
                    job->over = true;
                    epoll_ctl(m_epoll, EPOLL_CTL_DEL, job->fd, nullptr);
                }
            }
            m_idle.notify_all();
            if (over)
                QMetaObject::invokeMethod(
                    this,
                    [this, id] {
                        finishJob(id);
                    },
                    Qt::QueuedConnection);
        }
    }
#endif
}

bool BodyStreamer::work(Job &job)
{
#ifdef Q_OS_LINUX
    qint64 budget = turnBudget;
    while (budget > 0 && !job.cancelling) {
        if (job.pos == job.chunk.size()) {
            if (job.body->atEnd()) {
                job.complete = true;
                return true;
            }
            job.chunk.resize(0);
            job.pos = 0;
            job.body->readInto(job.chunk, chunkSize);
            continue;
        }
        const ssize_t written = ::send(job.fd,
            job.chunk.constData() + job.pos,
            size_t(job.chunk.size() - job.pos),
            MSG_DONTWAIT | MSG_NOSIGNAL);
        if (written > 0) {
            job.pos += written;
            budget -= written;
            job.lastProgress = QDateTime::currentMSecsSinceEpoch();
        } else if (written < 0 && errno == EINTR) {
            continue;
        } else if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return false; // epoll says when there is room again
        } else {
            return true; // the connection is gone: complete stays false
        }
    }
#else
    Q_UNUSED(job);
#endif
    return false;
}

} // namespace pop3
