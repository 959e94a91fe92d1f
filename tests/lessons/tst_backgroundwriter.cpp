// BackgroundWriter, what a classroom server saves its students' progress and answers through so
// that its event loop never waits for the disk: writes land, coalesce, are seen before they land,
// and nothing queued is lost when it ends; LessonProgressStore writing through it.

#include "lessons/backgroundwriter.h"
#include "lessons/lessonprogress.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;

class TestBackgroundWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesLand();
    void nothingQueuedIsLostAtTheEnd();
    void aStoreReadsWhatIsQueued();
};

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestBackgroundWriter::writesLand()
{
    QTemporaryDir dir;
    BackgroundWriter writer;
    const QString path = dir.filePath(QStringLiteral("sub/folder/a.json"));
    for (int i = 0; i < 200; ++i)
        writer.write(path, QByteArray::number(i));
    writer.flush();
    QCOMPARE(contents(path), QByteArray("199")); // the latest wins, the folder made
    QVERIFY(writer.written() >= 1);
    QVERIFY(writer.written() <= 200); // coalesced when the thread was behind
    QCOMPARE(writer.pending(path), std::nullopt);
    QCOMPARE(writer.failed(), 0);
}

void TestBackgroundWriter::nothingQueuedIsLostAtTheEnd()
{
    QTemporaryDir dir;
    {
        BackgroundWriter writer;
        for (int i = 0; i < 50; ++i)
            writer.write(dir.filePath(QStringLiteral("%1.json").arg(i)), QByteArray::number(i));
    }
    for (int i = 0; i < 50; ++i)
        QCOMPARE(contents(dir.filePath(QStringLiteral("%1.json").arg(i))), QByteArray::number(i));
}

void TestBackgroundWriter::aStoreReadsWhatIsQueued()
{
    QTemporaryDir dir;
    BackgroundWriter writer;
    LessonProgressStore store(dir.path(), QStringLiteral("student07"));
    store.setWriter(&writer);
    LessonProgress a;
    a.lessonId = QStringLiteral("02-count-and-size");
    a.startedAtMs = 3;
    QVERIFY(store.save(a));
    LessonProgress b;
    b.lessonId = QStringLiteral("07-unique-ids");
    b.startedAtMs = 1;
    QVERIFY(store.save(b)); // read back what is queued, even before it is on disk
    std::optional<LessonProgress> loaded = store.load(a.lessonId);
    QVERIFY(loaded);
    QCOMPARE(loaded->startedAtMs, qint64(3));
    writer.flush();
    LessonProgressStore direct(dir.path(), QStringLiteral("student07")); // from the disk
    QCOMPARE(direct.load(a.lessonId)->startedAtMs, qint64(3));
    QCOMPARE(direct.load(b.lessonId)->startedAtMs, qint64(1));
}

QTEST_GUILESS_MAIN(TestBackgroundWriter)
#include "tst_backgroundwriter.moc"
