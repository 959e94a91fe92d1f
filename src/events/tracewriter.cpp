#include "events/tracewriter.h"

#include "events/eventlog.h"

#include <QFile>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pop3 {

TraceWriter::TraceWriter(EventLog *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_flushTimer(new QTimer(this))
{
    // Started by the first line after a flush, so an idle server is not woken up for nothing.
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(defaultFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &TraceWriter::flush);
}

TraceWriter::~TraceWriter()
{
    close();
}

Result TraceWriter::open(const QString &path)
{
    close();
    // open(2) itself, for what QFile cannot say at once: O_APPEND (every line lands at the end,
    // even with another writer) without a seek (a FIFO or /dev/stdout refuses one), and 0600
    // from the moment the file exists. The mode applies to a new file (the umask on top); an
    // existing one keeps the permissions its owner gave it.
    const int fd = ::open(QFile::encodeName(path).constData(),
        O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
        S_IRUSR | S_IWUSR);
    if (fd < 0)
        return Result::failure(
            QStringLiteral("cannot write the trace %1: %2").arg(path, qt_error_string(errno)));
    auto file = std::make_unique<QFile>(path);
    if (!file->open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Result::failure(
            QStringLiteral("cannot write the trace %1: %2").arg(path, file->errorString()));
    }
    m_file = std::move(file);
    m_path = path;
    m_written = 0;
    connect(m_log, &EventLog::eventAppended, this, &TraceWriter::write, Qt::UniqueConnection);
    return Result::success();
}

void TraceWriter::close()
{
    if (!m_file)
        return;
    disconnect(m_log, &EventLog::eventAppended, this, &TraceWriter::write);
    m_flushTimer->stop();
    m_file->flush();
    m_file->close();
    m_file.reset();
}

bool TraceWriter::flush()
{
    m_flushTimer->stop();
    if (!m_file)
        return true;
    if (!m_file->flush()) {
        fail();
        return false;
    }
    return true;
}

bool TraceWriter::isOpen() const
{
    return m_file != nullptr;
}

void TraceWriter::setFlushInterval(int ms)
{
    m_flushTimer->setInterval(ms);
}

void TraceWriter::write(const Event &event)
{
    if (!m_file)
        return;
    QByteArray line = EventLog::toJsonLine(m_keepSecrets ? event : event.withoutSecret());
    line.append('\n');
    if (m_file->write(line) != line.size()) {
        fail();
        return;
    }
    ++m_written;
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void TraceWriter::fail()
{
    const QString error =
        QStringLiteral("cannot write the trace %1: %2").arg(m_path, m_file->errorString());
    disconnect(m_log, &EventLog::eventAppended, this, &TraceWriter::write);
    m_flushTimer->stop();
    m_file.reset();
    emit failed(error);
}

} // namespace pop3
