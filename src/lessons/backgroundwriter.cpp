#include "lessons/backgroundwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace pop3 {

BackgroundWriter::BackgroundWriter()
    : m_thread([this] {
        run();
    })
{ }

BackgroundWriter::~BackgroundWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void BackgroundWriter::write(const QString &path, const QByteArray &content)
{
    {
        const std::lock_guard lock(m_mutex);
        m_queue[path] = content;
    }
    m_wake.notify_one();
}

std::optional<QByteArray> BackgroundWriter::pending(const QString &path) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_queue.find(path);
    if (it != m_queue.end())
        return it->second;
    if (m_busy && m_writing == path)
        return m_writingContent;
    return std::nullopt;
}

void BackgroundWriter::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] {
        return m_queue.empty() && !m_busy;
    });
}

int BackgroundWriter::written() const
{
    const std::lock_guard lock(m_mutex);
    return m_written;
}

int BackgroundWriter::failed() const
{
    const std::lock_guard lock(m_mutex);
    return m_failed;
}

void BackgroundWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] {
            return m_stop || !m_queue.empty();
        });
        if (m_queue.empty()) { // stopping, and nothing left to write
            m_idle.notify_all();
            return;
        }
        const auto first = m_queue.begin();
        m_writing = first->first;
        m_writingContent = first->second;
        m_queue.erase(first);
        m_busy = true;
        const QString path = m_writing;
        const QByteArray content = m_writingContent;
        lock.unlock();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        const bool ok = file.open(QIODevice::WriteOnly) && file.write(content) == content.size()
            && file.commit();
        lock.lock();
        ++(ok ? m_written : m_failed);
        m_busy = false;
        m_writing.clear();
        m_writingContent.clear();
        if (m_queue.empty())
            m_idle.notify_all();
    }
}

} // namespace pop3
