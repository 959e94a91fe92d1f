// TraceWriter: the live trace, as JSON Lines, appended to, owner-only, flushed soon and on close.

#include "events/eventlog.h"
#include "events/tracewriter.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace pop3;

namespace {

Event make(EventKind kind, const QByteArray &bytes = {})
{
    Event e;
    e.kind = kind;
    e.session = 1;
    e.bytes = bytes;
    e.timeMs = 1756825500123;
    return e;
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestTraceWriter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writesWhatTheLogAppendsFromOpenOn();
    void createsTheFileOwnerOnly();
    void appendsToAnExistingTrace();
    void flushesSoonWithoutClose();
    void flushesWhenDestroyed();
    void closedWriterIgnoresTheLog();
    void openErrorIsAResult();
    void writeErrorClosesAndSaysSo();
    void hidesCredentialsUnlessAskedToKeepThem();
    void savedCopyHidesCredentialsAndIsOwnerOnly();

private:
    QTemporaryDir m_dir;
};

void TestTraceWriter::init()
{
    // Qt's own warnings ("QFileDevice::flush: No file engine", "Cannot call seek on a sequential
    // device") are defects here too.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
}

void TestTraceWriter::writesWhatTheLogAppendsFromOpenOn()
{
    EventLog log;
    log.append(make(EventKind::Note)); // before open: not in the trace
    TraceWriter writer(&log);
    const QString path = m_dir.filePath(QStringLiteral("live.jsonl"));
    const Result r = writer.open(path);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(writer.isOpen());
    QCOMPARE(writer.path(), path);
    log.append(make(EventKind::Connected));
    log.append(make(EventKind::ClientLine, "USER student\r\n"));
    log.append(make(EventKind::ServerReply, "+OK\r\n"));
    QCOMPARE(writer.eventsWritten(), 3);
    writer.close();
    QVERIFY(!writer.isOpen());

    QByteArray expected;
    for (qsizetype i = 1; i < log.size(); ++i)
        expected += EventLog::toJsonLine(log.at(i)) + '\n';
    QCOMPARE(contentOf(path), expected);
    EventLog loaded;
    QVERIFY(loaded.load(path));
    QCOMPARE(loaded.size(), 3);
    QCOMPARE(loaded.at(1).bytes, QByteArray("USER student\r\n"));
}

void TestTraceWriter::createsTheFileOwnerOnly()
{
    // No umask to hide behind: the writer itself asks for 0600.
    const mode_t previous = ::umask(0);
    EventLog log;
    TraceWriter writer(&log);
    const QString path = m_dir.filePath(QStringLiteral("secret.jsonl"));
    const Result r = writer.open(path);
    ::umask(previous);
    QVERIFY2(r.ok, qPrintable(r.error));
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
}

void TestTraceWriter::appendsToAnExistingTrace()
{
    const QString path = m_dir.filePath(QStringLiteral("earlier.jsonl"));
    EventLog earlier;
    earlier.append(make(EventKind::Connected));
    QVERIFY(earlier.save(path));
    const QByteArray before = contentOf(path);

    EventLog log;
    TraceWriter writer(&log);
    QVERIFY(writer.open(path).ok);
    log.append(make(EventKind::Disconnected));
    writer.close();
    QCOMPARE(contentOf(path), before + EventLog::toJsonLine(log.at(0)) + '\n');
}

void TestTraceWriter::flushesSoonWithoutClose()
{
    EventLog log;
    TraceWriter writer(&log);
    writer.setFlushInterval(20);
    const QString path = m_dir.filePath(QStringLiteral("soon.jsonl"));
    QVERIFY(writer.open(path).ok);
    log.append(make(EventKind::Connected));
    const QByteArray line = EventLog::toJsonLine(log.at(0)) + '\n';
    QTRY_COMPARE(contentOf(path), line); // read by another handle while the writer stays open
    QVERIFY(writer.isOpen());
}

void TestTraceWriter::flushesWhenDestroyed()
{
    EventLog log;
    const QString path = m_dir.filePath(QStringLiteral("destroyed.jsonl"));
    {
        TraceWriter writer(&log);
        writer.setFlushInterval(3600 * 1000);
        QVERIFY(writer.open(path).ok);
        log.append(make(EventKind::Connected));
        QCOMPARE(contentOf(path), QByteArray()); // still in the buffer
    }
    QCOMPARE(contentOf(path), EventLog::toJsonLine(log.at(0)) + '\n');
}

void TestTraceWriter::closedWriterIgnoresTheLog()
{
    EventLog log;
    TraceWriter writer(&log);
    const QString path = m_dir.filePath(QStringLiteral("closed.jsonl"));
    QVERIFY(writer.open(path).ok);
    log.append(make(EventKind::Connected));
    writer.close();
    const QByteArray closed = contentOf(path);
    log.append(make(EventKind::Disconnected));
    QVERIFY(writer.flush());
    QCOMPARE(contentOf(path), closed);
    QCOMPARE(writer.eventsWritten(), 1);
}

void TestTraceWriter::openErrorIsAResult()
{
    EventLog log;
    TraceWriter writer(&log);
    const QString path = m_dir.filePath(QStringLiteral("no/such/folder/trace.jsonl"));
    const Result r = writer.open(path);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(path), qPrintable(r.error));
    QVERIFY(!writer.isOpen());
    log.append(make(EventKind::Connected)); // nothing to write to: nothing happens
}

void TestTraceWriter::writeErrorClosesAndSaysSo()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    EventLog log;
    TraceWriter writer(&log);
    QSignalSpy failed(&writer, &TraceWriter::failed);
    QVERIFY(writer.open(QStringLiteral("/dev/full")).ok);
    log.append(make(EventKind::Connected));
    QVERIFY(!writer.flush()); // the device is always full
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("/dev/full")),
        qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(!writer.isOpen());
    log.append(make(EventKind::Disconnected));
    QCOMPARE(failed.count(), 1);
}

void TestTraceWriter::hidesCredentialsUnlessAskedToKeepThem()
{
    EventLog log;
    TraceWriter hiding(&log);
    TraceWriter keeping(&log);
    QVERIFY(!hiding.keepsSecrets());
    keeping.setKeepSecrets(true);
    const QString hidden = m_dir.filePath(QStringLiteral("hidden.jsonl"));
    const QString kept = m_dir.filePath(QStringLiteral("kept.jsonl"));
    QVERIFY(hiding.open(hidden).ok);
    QVERIFY(keeping.open(kept).ok);
    Event pass = make(EventKind::ClientLine, "PASS hessovs!\r\n");
    pass.secretFrom = 5;
    log.append(pass);
    Event sasl = make(EventKind::ClientLine, "AHN0dWRlbnQAaGVzc292cyE=\r\n");
    sasl.secretFrom = 0;
    log.append(sasl);
    hiding.close();
    keeping.close();

    const QByteArray written = contentOf(hidden);
    QVERIFY(!written.contains("hessovs"));
    QVERIFY(!written.contains("AHN0dWRlbnQ"));
    EventLog loaded;
    QVERIFY(loaded.load(hidden));
    QCOMPARE(loaded.at(0).bytes, QByteArray("PASS ********\r\n"));
    QVERIFY(loaded.at(0).secretHidden);
    QCOMPARE(loaded.at(1).bytes, QByteArray("********\r\n"));

    EventLog full;
    QVERIFY(full.load(kept));
    QCOMPARE(full.at(0).bytes, QByteArray("PASS hessovs!\r\n"));
    QCOMPARE(full.at(0).secretFrom, qsizetype(5));
    QVERIFY(!full.at(0).secretHidden);
}

void TestTraceWriter::savedCopyHidesCredentialsAndIsOwnerOnly()
{
    EventLog log;
    Event apop = make(EventKind::ClientLine, "APOP student 0123456789abcdef0123456789abcdef\r\n");
    apop.secretFrom = 13;
    log.append(apop);
    const mode_t previous = ::umask(0);
    const QString path = m_dir.filePath(QStringLiteral("saved.jsonl"));
    const bool saved = log.save(path);
    ::umask(previous);
    QVERIFY(saved);
    QVERIFY(!contentOf(path).contains("0123456789abcdef"));
    QVERIFY(contentOf(path).contains("APOP student ********"));
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));

    const QString keptPath = m_dir.filePath(QStringLiteral("kept-saved.jsonl"));
    QVERIFY(log.save(keptPath, nullptr, EventLog::SecretPolicy::Keep));
    QVERIFY(contentOf(keptPath).contains("0123456789abcdef"));
}

QTEST_GUILESS_MAIN(TestTraceWriter)
#include "tst_tracewriter.moc"
