// libFuzzer target: a saved trace (JSON Lines), the file a teacher or a student opens in the
// replay dock, from any source. It is read by EventLog::parseTrace (what EventLog::load runs on
// the file's content), numbered by an EventLog, and every event goes into the sequence diagram's
// model (and through it the per-session fold), as a replay does. In memory: no file is written.
//
// Checked: a line that was read is written and read back the same; the model's rows are in the
// order of their events, each command's reply pairs back to it, each row's lane and session are
// ones the model knows, the visible rows lie in the model; the text dump can be made; a second
// model fed the same events gives the same dump.

#include "diagram/sequencemodel.h"
#include "events/eventlog.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_trace: broken rule: %s\n", what);
        std::abort();
    }
}

void checkModel(const pop3::SequenceModel &model)
{
    quint64 previousSeq = 0;
    const QList<int> sessions = model.sessions();
    for (qsizetype i = 0; i < model.rowCount(); ++i) {
        const pop3::SequenceModel::Row &row = model.row(i);
        check(row.seq >= previousSeq, "rows follow their events' order");
        previousSeq = row.seq;
        if (row.pair >= 0) {
            check(row.pair < model.rowCount(), "a row's pair is a row");
            check(model.row(row.pair).pair == int(i), "a command and its reply pair both ways");
        }
        if (row.session > 0)
            check(sessions.contains(row.session), "a row's session is one the model lists");
    }
    for (int session : sessions)
        check(model.laneOf(session) >= -1 && model.laneOf(session) < model.clientLaneCount(),
            "a session's lane is one of the client lanes");
    for (qsizetype v = 0; v < model.visibleCount(); ++v) {
        const qsizetype row = model.visibleRow(v);
        check(row >= 0 && row < model.rowCount(), "a visible row is a row");
        check(model.visibleHeight(v) > 0, "a visible row has a height");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // The replay dock's way in: the whole trace read as EventLog::load reads it (one bad line
    // refuses the file), then appended to a log, which numbers the events.
    const std::optional<QList<pop3::Event>> events = pop3::EventLog::parseTrace(input);
    if (!events)
        return 0;
    pop3::EventLog log;
    for (const pop3::Event &event : *events) {
        const QByteArray written = pop3::EventLog::toJsonLine(event);
        const std::optional<pop3::Event> again = pop3::EventLog::fromJsonLine(written);
        check(again.has_value(), "a trace line written is read back");
        check(pop3::EventLog::toJsonLine(*again) == written, "a trace line reads back the same");
        log.append(event);
    }

    pop3::SequenceModel model;
    model.setHideSecrets(true);
    for (const pop3::Event &event : log.events())
        model.append(event);
    checkModel(model);
    const QString text = model.toText();

    pop3::SequenceModel again;
    again.setHideSecrets(true);
    for (const pop3::Event &event : log.events())
        again.append(event);
    check(again.toText() == text, "the same events give the same diagram");
    return 0;
}
