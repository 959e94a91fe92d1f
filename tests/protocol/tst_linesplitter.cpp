// The connection's framing (protocol/linesplitter.h): the same lines come out however the input
// was chunked, a CR alone ends a line only once something follows it (or its grace is over), and
// an over-long line is counted, not buffered.

#include "protocol/linesplitter.h"

#include <QTest>

using namespace pop3;

namespace {

using Kind = LineSplitter::Piece::Kind;

// Every piece the input gives when it arrives in chunks of chunkSize octets (0: whole), as
// "line:...", "cr:..." or "overlong:<length>".
QByteArrayList split(const QByteArray &input, qsizetype chunkSize)
{
    LineSplitter lines;
    QByteArrayList out;
    const qsizetype step = chunkSize > 0 ? chunkSize : qMax<qsizetype>(1, input.size());
    for (qsizetype pos = 0; pos < input.size(); pos += step) {
        lines.append(input.mid(pos, step));
        for (LineSplitter::Piece p = lines.next(); p.kind != Kind::None; p = lines.next()) {
            if (p.kind == Kind::Overlong)
                out.append("overlong:" + QByteArray::number(p.length));
            else
                out.append((p.kind == Kind::Line ? "line:" : "cr:") + p.bytes);
        }
    }
    return out;
}

} // namespace

class TestLineSplitter : public QObject
{
    Q_OBJECT

private slots:
    void sameLinesWhateverTheChunks_data();
    void sameLinesWhateverTheChunks();
    void crLastWaitsForItsLf();
    void overlongLineIsCountedNotKept();
    void tricklingALongLineIsOneLine();
};

void TestLineSplitter::sameLinesWhateverTheChunks_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("whole"); // the input in one read
    QTest::addColumn<QByteArrayList>("trickled"); // in reads of 1, 2, 3, 5 or 7 octets
    const QByteArrayList lines{"line:USER student\r\n", "line:STAT\n", "line:QUIT\r\n"};
    QTest::newRow("CRLF and bare LF end lines")
        << QByteArray("USER student\r\nSTAT\nQUIT\r\n") << lines << lines;
    // An LF in the same read wins, as it always did: the CR is then inside the line (the session
    // answers "control character 0x0D"); read apart, the CR ended its line alone.
    QTest::newRow("a CR followed by a command")
        << QByteArray("STAT\rNOOP\r\n") << QByteArrayList{"line:STAT\rNOOP\r\n"}
        << QByteArrayList{"cr:STAT\r", "line:NOOP\r\n"};
    QTest::newRow("telnet's CR NUL: the NUL belongs to the ending")
        << QByteArray("STAT\r") + QByteArray(1, '\0') + QByteArray("NOOP\r")
        << QByteArrayList{"cr:STAT\r"} << QByteArrayList{"cr:STAT\r"};
    QTest::newRow("a partial line gives nothing")
        << QByteArray("USER stu") << QByteArrayList{} << QByteArrayList{};
}

void TestLineSplitter::sameLinesWhateverTheChunks()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, whole);
    QFETCH(QByteArrayList, trickled);
    QCOMPARE(split(input, 0), whole);
    for (qsizetype chunk : {1, 2, 3, 5, 7})
        QVERIFY2(
            split(input, chunk) == trickled, qPrintable(QStringLiteral("reads of %1").arg(chunk)));
}

void TestLineSplitter::crLastWaitsForItsLf()
{
    LineSplitter lines;
    lines.append("STAT\r");
    QCOMPARE(lines.next().kind, Kind::None);
    QVERIFY(lines.waitsForLf());
    lines.append("\n");
    const LineSplitter::Piece p = lines.next();
    QCOMPARE(p.kind, Kind::Line);
    QCOMPARE(p.bytes, QByteArray("STAT\r\n"));
    QVERIFY(!lines.waitsForLf());

    lines.append("NOOP\r");
    QCOMPARE(lines.next().kind, Kind::None);
    const LineSplitter::Piece due = lines.next(true); // the grace is over
    QCOMPARE(due.kind, Kind::BareCr);
    QCOMPARE(due.bytes, QByteArray("NOOP\r"));
    QCOMPARE(lines.pending(), 0);
}

void TestLineSplitter::overlongLineIsCountedNotKept()
{
    LineSplitter lines;
    const QByteArray big(LineSplitter::maxBufferedLine + 100, 'a');
    lines.append(big);
    QCOMPARE(lines.next().kind, Kind::None);
    QCOMPARE(lines.pending(), 0); // discarded, not buffered
    lines.append(big + "\r\nSTAT\r\n");
    const LineSplitter::Piece p = lines.next();
    QCOMPARE(p.kind, Kind::Overlong);
    QCOMPARE(p.length, 2 * big.size() + 2);
    QCOMPARE(p.bytes, big.left(64));
    QCOMPARE(lines.next().bytes, QByteArray("STAT\r\n"));
}

// A line trickled one octet at a time (each octet is searched once: see m_clean) is one line.
void TestLineSplitter::tricklingALongLineIsOneLine()
{
    LineSplitter lines;
    for (int i = 0; i < 8000; ++i) {
        lines.append(QByteArray(1, 'a'));
        QCOMPARE(lines.next().kind, Kind::None);
    }
    lines.append("\n");
    const LineSplitter::Piece p = lines.next();
    QCOMPARE(p.kind, Kind::Line);
    QCOMPARE(p.bytes.size(), 8001);
}

QTEST_GUILESS_MAIN(TestLineSplitter)
#include "tst_linesplitter.moc"
