// EventLog: the ordered event stream, its capacity, and its JSON Lines form.

#include "events/eventlog.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;

namespace {

Event make(EventKind kind, int session = 1, const QByteArray &bytes = {})
{
    Event e;
    e.kind = kind;
    e.session = session;
    e.bytes = bytes;
    e.timeMs = 1756825500123; // 2025-09-02T15:05:00.123Z
    return e;
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private slots:
    void appendStampsSeqAndTimeAndSignals();
    void capacityDropsTheOldest();
    void eventsSinceAndFind();
    void clearKeepsCounting();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void saveAndLoad();
    void corruptLineIsNamed_data();
    void corruptLineIsNamed();
    void everyKindHasAName();
    void noteKindsAreTypedAndRoundTrip();
    void lockEventsCarryTheUser();
};

void TestEventLog::appendStampsSeqAndTimeAndSignals()
{
    EventLog log;
    QSignalSpy spy(&log, &EventLog::eventAppended);
    Event untimed = make(EventKind::Connected);
    untimed.timeMs = 0;
    QCOMPARE(log.append(untimed), quint64(1));
    QCOMPARE(log.append(make(EventKind::ClientLine, 4)), quint64(2));
    QCOMPARE(spy.count(), 2);
    const Event first = qvariant_cast<Event>(spy.at(0).at(0));
    QCOMPARE(first.seq, quint64(1));
    QVERIFY(first.timeMs > 0);
    QCOMPARE(log.at(1).timeMs, 1756825500123);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.firstSeq(), quint64(1));
    QCOMPARE(log.lastSeq(), quint64(2));
    QCOMPARE(log.newSessionId(), 5); // above every session seen
}

void TestEventLog::capacityDropsTheOldest()
{
    EventLog log;
    log.setCapacity(3);
    for (int i = 0; i < 5; ++i)
        log.append(make(EventKind::Note));
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.firstSeq(), quint64(3));
    QCOMPARE(log.lastSeq(), quint64(5));
    QVERIFY(!log.find(2));
    QCOMPARE(log.find(3)->seq, quint64(3));
    log.setCapacity(2);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.firstSeq(), quint64(4));
    log.setCapacity(0);
    for (int i = 0; i < 10; ++i)
        log.append(make(EventKind::Note));
    QCOMPARE(log.size(), 12);
}

void TestEventLog::eventsSinceAndFind()
{
    EventLog log;
    QVERIFY(log.eventsSince(0).isEmpty());
    QVERIFY(!log.find(1));
    for (int i = 0; i < 6; ++i)
        log.append(make(EventKind::Note));
    QCOMPARE(log.eventsSince(0).size(), 6);
    QCOMPARE(log.eventsSince(4).size(), 2);
    QCOMPARE(log.eventsSince(4).first().seq, quint64(5));
    QVERIFY(log.eventsSince(6).isEmpty());
    QVERIFY(log.eventsSince(99).isEmpty());
    QVERIFY(!log.find(0));
    QVERIFY(!log.find(7));
    QCOMPARE(log.find(6)->seq, quint64(6));
    log.setCapacity(2);
    QCOMPARE(log.eventsSince(1).size(), 2); // a late observer gets what is left
    QCOMPARE(log.eventsSince(1).first().seq, quint64(5));
}

void TestEventLog::clearKeepsCounting()
{
    EventLog log;
    QSignalSpy cleared(&log, &EventLog::cleared);
    log.append(make(EventKind::Note));
    log.append(make(EventKind::Note));
    log.clear();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(log.size(), 0);
    QCOMPARE(log.append(make(EventKind::Note)), quint64(3)); // seqs stay unique
    QCOMPARE(log.eventsSince(2).size(), 1);
}

void TestEventLog::jsonRoundTrip_data()
{
    QTest::addColumn<Event>("event");
    Event reply = make(EventKind::ServerReply, 2, "+OK 376 octets\r\n");
    reply.ok = true;
    reply.multiLine = true;
    reply.lines = 12;
    reply.octets = 377;
    reply.body = "Date: x\r\n..dot\r\n";
    reply.state = State::Transaction;
    QTest::newRow("a multi-line server reply") << reply;
    Event cut = reply;
    cut.truncated = true;
    QTest::newRow("a server reply cut short") << cut;
    QTest::newRow("a client line with CRLF") << make(EventKind::ClientLine, 1, "USER student\r\n");
    QTest::newRow("a client line of non-UTF-8 bytes")
        << make(EventKind::ClientLine, 1, QByteArray("\xff\xfe\x00junk\x80\r\n", 10));
    QTest::newRow("a client line of valid UTF-8")
        << make(EventKind::ClientLine, 1, "USER \xc3\xa9l\xc3\xa8ve\r\n");
    Event state = make(EventKind::StateChanged);
    state.from = State::Transaction;
    state.to = State::Update;
    state.state = State::Transaction;
    QTest::newRow("a state change") << state;
    Event lock = make(EventKind::LockRefused);
    lock.text = QStringLiteral("/tmp/ws/mail/student.lock");
    lock.detail =
        QStringLiteral("session 1 (127.0.0.1:40000), pid 12 on host, since 2026-09-02T17:05:00Z");
    QTest::newRow("a refused lock") << lock;
    Event marked = make(EventKind::MarkedDeleted);
    marked.number = 3;
    QTest::newRow("a deletion mark") << marked;
    Event expunged = make(EventKind::Expunged);
    expunged.numbers = {1, 3, 35};
    expunged.detail = QStringLiteral("a.eml\nb.eml");
    QTest::newRow("an expunge") << expunged;
    Event bye = make(EventKind::Disconnected);
    bye.text = QStringLiteral("peer-closed");
    bye.state = State::Closed;
    QTest::newRow("a disconnection") << bye;
    Event note = make(EventKind::Note, 0);
    note.text = QStringLiteral("mailbox-reset");
    note.detail = QStringLiteral("r\u00e9initialis\u00e9");
    QTest::newRow("a server note in French") << note;
}

void TestEventLog::jsonRoundTrip()
{
    QFETCH(Event, event);
    event.seq = 42;
    const QByteArray line = EventLog::toJsonLine(event);
    QVERIFY(!line.contains('\n'));
    QString error;
    const std::optional<Event> back = EventLog::fromJsonLine(line, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->seq, event.seq);
    QCOMPARE(back->timeMs, event.timeMs);
    QCOMPARE(back->session, event.session);
    QCOMPARE(back->kind, event.kind);
    QCOMPARE(back->state, event.state);
    if (event.kind == EventKind::StateChanged) {
        QCOMPARE(back->from, event.from);
        QCOMPARE(back->to, event.to);
    }
    QCOMPARE(back->ok, event.ok);
    QCOMPARE(back->multiLine, event.multiLine);
    QCOMPARE(back->truncated, event.truncated);
    QCOMPARE(back->lines, event.lines);
    QCOMPARE(back->octets, event.octets);
    QCOMPARE(back->number, event.number);
    QCOMPARE(back->bytes, event.bytes);
    QCOMPARE(back->body, event.body);
    QCOMPARE(back->text, event.text);
    QCOMPARE(back->detail, event.detail);
    QCOMPARE(back->numbers, event.numbers);
}

void TestEventLog::saveAndLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.jsonl"));
    EventLog log;
    log.append(make(EventKind::Connected));
    log.append(make(EventKind::ClientLine, 1, QByteArray("DELE 1\0junk\r\n", 13)));
    log.append(make(EventKind::ClientLine, 1, "\xff\xff\r\n"));
    Event reply = make(EventKind::ServerReply, 1, "-ERR Unknown command.\r\n");
    log.append(reply);
    QString error;
    QVERIFY2(log.save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 4);

    EventLog loaded;
    QSignalSpy cleared(&loaded, &EventLog::cleared);
    QSignalSpy appended(&loaded, &EventLog::eventAppended);
    loaded.append(make(EventKind::Note)); // replaced by the load
    QVERIFY2(loaded.load(path, &error), qPrintable(error));
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(appended.count(), 1 + 4);
    QCOMPARE(loaded.size(), 4);
    for (qsizetype i = 0; i < 4; ++i) {
        QCOMPARE(loaded.at(i).seq, log.at(i).seq);
        QCOMPARE(loaded.at(i).kind, log.at(i).kind);
        QCOMPARE(loaded.at(i).bytes, log.at(i).bytes);
        QCOMPARE(loaded.at(i).timeMs, log.at(i).timeMs);
    }
    QCOMPARE(loaded.at(1).bytes, QByteArray("DELE 1\0junk\r\n", 13));
    QCOMPARE(loaded.append(make(EventKind::Note)), quint64(5));
    QVERIFY(!loaded.load(dir.filePath(QStringLiteral("missing.jsonl")), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(loaded.size(), 5); // a failed load changes nothing
}

void TestEventLog::corruptLineIsNamed_data()
{
    QTest::addColumn<QByteArray>("badLine");
    QTest::addColumn<QString>("why");
    QTest::newRow("a line that is not JSON") << QByteArray("{\"seq\": 2, \"kind\": ") << QString();
    QTest::newRow("a JSON array") << QByteArray("[1,2]") << QString();
    QTest::newRow("an unknown kind") << QByteArray("{\"seq\":2,\"kind\":\"teleported\"}")
                                     << QStringLiteral("unknown event kind 'teleported'");
}

void TestEventLog::corruptLineIsNamed()
{
    QFETCH(QByteArray, badLine);
    QFETCH(QString, why);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(EventLog::toJsonLine(make(EventKind::Connected)) + "\n\n" + badLine + "\n");
    file.close();
    EventLog log;
    log.append(make(EventKind::Note));
    QString error;
    QVERIFY(!log.load(path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("line 3: ")), qPrintable(error));
    if (!why.isEmpty())
        QVERIFY2(error.contains(why), qPrintable(error));
    QCOMPARE(log.size(), 1);
}

void TestEventLog::everyKindHasAName()
{
    QSet<QString> names;
    for (int k = int(EventKind::Connected); k <= int(EventKind::Note); ++k) {
        const QString name = eventKindName(EventKind(k));
        QVERIFY(!name.isEmpty());
        bool ok = false;
        QCOMPARE(eventKindFromName(name, &ok), EventKind(k));
        QVERIFY(ok);
        names.insert(name);
    }
    QCOMPARE(names.size(), int(EventKind::Note) + 1);
    for (const State s :
        {State::Connecting, State::Authorization, State::Transaction, State::Update, State::Closed})
        QCOMPARE(stateFromName(stateName(s)), s);
    QCOMPARE(disconnectReasonName(DisconnectReason::PeerClosed), QStringLiteral("peer-closed"));
    QCOMPARE(
        disconnectReasonName(DisconnectReason::TooManyErrors), QStringLiteral("too-many-errors"));
}

void TestEventLog::noteKindsAreTypedAndRoundTrip()
{
    for (NoteKind kind : {NoteKind::MailboxReset,
             NoteKind::PersonalityChanged,
             NoteKind::FaultDropped,
             NoteKind::StaleLockPlanted,
             NoteKind::ExpungeFailed,
             NoteKind::SessionLabel,
             NoteKind::FaultSlowReplies,
             NoteKind::FaultLoginRefused,
             NoteKind::FaultCommitFailed,
             NoteKind::FaultServerCrashed,
             NoteKind::MessageDelivered,
             NoteKind::TlsStarted,
             NoteKind::StlsInputDiscarded}) {
        const Event note = Event::makeNote(kind, QStringLiteral("why"));
        QCOMPARE(note.kind, EventKind::Note);
        QCOMPARE(noteKindFromName(note.text), kind);
        QString error;
        const std::optional<Event> back =
            EventLog::fromJsonLine(EventLog::toJsonLine(note), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->note, kind);
        QCOMPARE(back->text, note.text); // traces keep the same words as before
        QCOMPARE(back->detail, QStringLiteral("why"));
    }
    QCOMPARE(noteKindFromName(QStringLiteral("from-a-newer-version")), NoteKind::Other);
}

void TestEventLog::lockEventsCarryTheUser()
{
    Event lock;
    lock.kind = EventKind::LockCreated;
    lock.text = QStringLiteral("/ws/mail/student.lock");
    lock.user = QStringLiteral("student");
    const QByteArray line = EventLog::toJsonLine(lock);
    QVERIFY(line.contains("\"user\":\"student\""));
    QCOMPARE(EventLog::fromJsonLine(line)->user, QStringLiteral("student"));
    lock.user.clear(); // events without a user write no key
    QVERIFY(!EventLog::toJsonLine(lock).contains("\"user\""));
}

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
