#include "events/eventlog.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringDecoder>

#include <algorithm>

namespace pop3 {

namespace {

struct KindName
{
    EventKind kind;
    const char *name;
};

constexpr KindName kindNames[] = {
    {EventKind::Connected, "connected"},
    {EventKind::ClientLine, "client-line"},
    {EventKind::ServerReply, "server-reply"},
    {EventKind::StateChanged, "state-changed"},
    {EventKind::LockCreated, "lock-created"},
    {EventKind::LockRemoved, "lock-removed"},
    {EventKind::LockRefused, "lock-refused"},
    {EventKind::StaleLockCleared, "stale-lock-cleared"},
    {EventKind::MarkedDeleted, "marked-deleted"},
    {EventKind::MarksReset, "marks-reset"},
    {EventKind::Expunged, "expunged"},
    {EventKind::Disconnected, "disconnected"},
    {EventKind::Note, "note"},
    {EventKind::LineQueued, "line-queued"},
};

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError() && !text.contains(QChar(0xfffd));
}

void putBytes(QJsonObject &object, const QString &key, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (isUtf8(bytes))
        object.insert(key, QString::fromUtf8(bytes));
    else
        object.insert(key + QLatin1String("64"), QString::fromLatin1(bytes.toBase64()));
}

QByteArray takeBytes(const QJsonObject &object, const QString &key)
{
    if (object.contains(key))
        return object.value(key).toString().toUtf8();
    return QByteArray::fromBase64(object.value(key + QLatin1String("64")).toString().toLatin1());
}

} // namespace

QString stateName(State state)
{
    switch (state) {
    case State::Connecting:
        return QStringLiteral("CONNECTING");
    case State::Authorization:
        return QStringLiteral("AUTHORIZATION");
    case State::Transaction:
        return QStringLiteral("TRANSACTION");
    case State::Update:
        return QStringLiteral("UPDATE");
    case State::Closed:
        return QStringLiteral("CLOSED");
    }
    return {};
}

State stateFromName(const QString &name)
{
    for (State s : {State::Authorization, State::Transaction, State::Update, State::Closed}) {
        if (stateName(s) == name)
            return s;
    }
    return State::Connecting;
}

QString eventKindName(EventKind kind)
{
    for (const KindName &entry : kindNames) {
        if (entry.kind == kind)
            return QLatin1String(entry.name);
    }
    return {};
}

EventKind eventKindFromName(const QString &name, bool *ok)
{
    for (const KindName &entry : kindNames) {
        if (name == QLatin1String(entry.name)) {
            if (ok)
                *ok = true;
            return entry.kind;
        }
    }
    if (ok)
        *ok = false;
    return EventKind::Note;
}

namespace {

const struct
{
    NoteKind kind;
    const char *name;
} noteNames[] = {
    {NoteKind::MailboxReset, "mailbox-reset"},
    {NoteKind::PersonalityChanged, "personality-changed"},
    {NoteKind::FaultDropped, "fault-dropped"},
    {NoteKind::StaleLockPlanted, "stale-lock-planted"},
    {NoteKind::ExpungeFailed, "expunge-failed"},
    {NoteKind::SessionLabel, "session-label"},
    {NoteKind::MaildropUnreadable, "maildrop-unreadable"},
    {NoteKind::MaildropWarning, "maildrop-warning"},
    {NoteKind::DescriptorsExhausted, "descriptors-exhausted"},
    {NoteKind::RemoteServer, "remote-server"},
    {NoteKind::FaultSlowReplies, "fault-slow-replies"},
    {NoteKind::FaultLoginRefused, "fault-login-refused"},
    {NoteKind::FaultCommitFailed, "fault-commit-failed"},
    {NoteKind::FaultServerCrashed, "fault-server-crashed"},
    {NoteKind::MessageDelivered, "message-delivered"},
    {NoteKind::TlsStarted, "tls-started"},
    {NoteKind::StlsInputDiscarded, "stls-input-discarded"},
    {NoteKind::StaleLockFound, "stale-lock-found"},
};

} // namespace

QString noteKindName(NoteKind kind)
{
    for (const auto &entry : noteNames) {
        if (entry.kind == kind)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("note");
}

NoteKind noteKindFromName(const QString &name)
{
    for (const auto &entry : noteNames) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return NoteKind::Other;
}

Event Event::makeNote(NoteKind kind, const QString &detail)
{
    Event e;
    e.kind = EventKind::Note;
    e.note = kind;
    e.text = noteKindName(kind);
    e.detail = detail;
    return e;
}

Event Event::withoutSecret() const
{
    if (!isClientBytes() || secretFrom < 0 || secretHidden)
        return *this;
    Event copy = *this;
    qsizetype end = bytes.size();
    while (end > secretFrom && (bytes.at(end - 1) == '\n' || bytes.at(end - 1) == '\r'))
        --end;
    const qsizetype from = std::min(secretFrom, end);
    copy.bytes = bytes.left(from) + hiddenSecret + bytes.mid(end);
    copy.secretHidden = true;
    return copy;
}

QString disconnectReasonName(DisconnectReason reason)
{
    switch (reason) {
    case DisconnectReason::Quit:
        return QStringLiteral("quit");
    case DisconnectReason::PeerClosed:
        return QStringLiteral("peer-closed");
    case DisconnectReason::IdleTimeout:
        return QStringLiteral("idle-timeout");
    case DisconnectReason::TooManyErrors:
        return QStringLiteral("too-many-errors");
    case DisconnectReason::ServerShutdown:
        return QStringLiteral("server-shutdown");
    case DisconnectReason::Error:
        return QStringLiteral("error");
    case DisconnectReason::TooManyLoginFailures:
        return QStringLiteral("too-many-login-failures");
    case DisconnectReason::MailboxInUse:
        return QStringLiteral("mailbox-in-use");
    case DisconnectReason::Refused:
        return QStringLiteral("refused");
    case DisconnectReason::HostNotFound:
        return QStringLiteral("host-not-found");
    }
    return {};
}

EventLog::EventLog(QObject *parent)
    : QObject(parent)
{ }

quint64 EventLog::append(Event event)
{
    event.seq = m_nextSeq++;
    if (event.timeMs == 0)
        event.timeMs = QDateTime::currentMSecsSinceEpoch();
    if (event.session > m_lastSession)
        m_lastSession = event.session;
    m_events.push_back(std::move(event));
    if (m_capacity > 0 && qsizetype(m_events.size()) > m_capacity)
        m_events.pop_front();
    emit eventAppended(m_events.back());
    return m_events.back().seq;
}

void EventLog::setCapacity(qsizetype capacity)
{
    m_capacity = capacity;
    while (m_capacity > 0 && qsizetype(m_events.size()) > m_capacity)
        m_events.pop_front();
}

const Event *EventLog::find(quint64 seq) const
{
    if (m_events.empty() || seq < m_events.front().seq || seq > m_events.back().seq)
        return nullptr;
    return &m_events[size_t(seq - m_events.front().seq)];
}

QList<Event> EventLog::eventsSince(quint64 seq) const
{
    QList<Event> result;
    if (m_events.empty() || seq >= m_events.back().seq)
        return result;
    const size_t start = seq < m_events.front().seq ? 0 : size_t(seq - m_events.front().seq + 1);
    result.reserve(qsizetype(m_events.size() - start));
    for (size_t i = start; i < m_events.size(); ++i)
        result.append(m_events[i]);
    return result;
}

void EventLog::clear()
{
    m_events.clear();
    emit cleared();
}

void EventLog::restart()
{
    m_events.clear();
    m_nextSeq = 1;
    m_lastSession = 0;
    emit cleared();
}

void EventLog::truncate(qsizetype size)
{
    if (size <= 0) {
        restart();
        return;
    }
    if (size >= this->size())
        return;
    m_events.resize(size_t(size));
    m_nextSeq = m_events.back().seq + 1;
    emit truncated(size);
}

QByteArray EventLog::toJsonLine(const Event &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("seq"), qint64(e.seq));
    o.insert(QStringLiteral("time"),
        QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("session"), e.session);
    o.insert(QStringLiteral("kind"), eventKindName(e.kind));
    o.insert(QStringLiteral("state"), stateName(e.state));
    if (e.kind == EventKind::StateChanged) {
        o.insert(QStringLiteral("from"), stateName(e.from));
        o.insert(QStringLiteral("to"), stateName(e.to));
    }
    if (e.kind == EventKind::ServerReply) {
        o.insert(QStringLiteral("ok"), e.ok);
        if (e.multiLine) {
            o.insert(QStringLiteral("multiLine"), true);
            o.insert(QStringLiteral("lines"), e.lines);
            o.insert(QStringLiteral("octets"), e.octets);
        }
        if (e.truncated)
            o.insert(QStringLiteral("truncated"), true);
    }
    if (e.number)
        o.insert(QStringLiteral("number"), e.number);
    putBytes(o, QStringLiteral("bytes"), e.bytes);
    putBytes(o, QStringLiteral("body"), e.body);
    if (!e.text.isEmpty())
        o.insert(QStringLiteral("text"), e.text);
    if (!e.detail.isEmpty())
        o.insert(QStringLiteral("detail"), e.detail);
    if (!e.user.isEmpty())
        o.insert(QStringLiteral("user"), e.user);
    if (e.kind == EventKind::ClientLine && e.queued)
        o.insert(QStringLiteral("queued"), true);
    if (e.isClientBytes() && e.secretFrom >= 0) {
        o.insert(QStringLiteral("secretFrom"), qint64(e.secretFrom));
        if (e.secretHidden)
            o.insert(QStringLiteral("secretHidden"), true);
    }
    if (!e.numbers.isEmpty()) {
        QJsonArray numbers;
        for (int n : e.numbers)
            numbers.append(n);
        o.insert(QStringLiteral("numbers"), numbers);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Event> EventLog::fromJsonLine(const QByteArray &line, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = parseError.errorString();
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

std::optional<Event> EventLog::fromJson(const QJsonObject &o, QString *error)
{
    bool kindOk = false;
    Event e;
    e.kind = eventKindFromName(o.value(QStringLiteral("kind")).toString(), &kindOk);
    if (!kindOk) {
        if (error)
            *error = QStringLiteral("unknown event kind '%1'")
                         .arg(o.value(QStringLiteral("kind")).toString());
        return std::nullopt;
    }
    e.seq = quint64(o.value(QStringLiteral("seq")).toInteger());
    e.timeMs = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                   .toMSecsSinceEpoch();
    e.session = o.value(QStringLiteral("session")).toInt();
    e.state = stateFromName(o.value(QStringLiteral("state")).toString());
    e.from = stateFromName(o.value(QStringLiteral("from")).toString());
    e.to = stateFromName(o.value(QStringLiteral("to")).toString());
    e.ok = o.value(QStringLiteral("ok")).toBool();
    e.multiLine = o.value(QStringLiteral("multiLine")).toBool();
    e.truncated = o.value(QStringLiteral("truncated")).toBool();
    e.lines = o.value(QStringLiteral("lines")).toInt();
    e.octets = o.value(QStringLiteral("octets")).toInteger();
    e.number = o.value(QStringLiteral("number")).toInt();
    e.bytes = takeBytes(o, QStringLiteral("bytes"));
    e.body = takeBytes(o, QStringLiteral("body"));
    e.text = o.value(QStringLiteral("text")).toString();
    e.detail = o.value(QStringLiteral("detail")).toString();
    e.user = o.value(QStringLiteral("user")).toString();
    if (e.kind == EventKind::ClientLine)
        e.queued = o.value(QStringLiteral("queued")).toBool();
    if (e.isClientBytes() && o.contains(QStringLiteral("secretFrom"))) {
        e.secretFrom = qsizetype(o.value(QStringLiteral("secretFrom")).toInteger(-1));
        e.secretHidden = o.value(QStringLiteral("secretHidden")).toBool();
        if (e.secretFrom < -1 || e.secretFrom > e.bytes.size())
            e.secretFrom = -1;
    }
    if (e.kind == EventKind::Note)
        e.note = noteKindFromName(e.text);
    const QJsonArray numbers = o.value(QStringLiteral("numbers")).toArray();
    for (const QJsonValue &v : numbers)
        e.numbers.append(v.toInt());
    return e;
}

bool EventLog::save(const QString &path, QString *error, SecretPolicy secrets) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    for (const Event &e : m_events) {
        file.write(toJsonLine(secrets == SecretPolicy::Keep ? e : e.withoutSecret()));
        file.write("\n", 1);
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // Owner-only: even hidden, a trace tells who logged in when.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

std::optional<QList<Event>> EventLog::parseTrace(const QByteArray &content, QString *error)
{
    QList<Event> events;
    int lineNumber = 0;
    for (QByteArrayView rest(content); !rest.isEmpty();) {
        const qsizetype end = rest.indexOf('\n');
        const QByteArray line = (end < 0 ? rest : rest.first(end)).trimmed().toByteArray();
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QString why;
        std::optional<Event> e = fromJsonLine(line, &why);
        if (!e) {
            if (error)
                *error = QStringLiteral("line %1: %2").arg(lineNumber).arg(why);
            return std::nullopt;
        }
        // A time of 0 means "now" to append(): a trace keeps its own clock.
        if (e->timeMs == 0)
            e->timeMs = 1;
        events.append(std::move(*e));
    }
    return events;
}

bool EventLog::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    std::optional<QList<Event>> loaded = parseTrace(file.readAll(), error);
    if (!loaded)
        return false;
    m_events.clear();
    emit cleared();
    m_nextSeq = 1;
    for (Event &e : *loaded)
        append(std::move(e));
    return true;
}

} // namespace pop3
