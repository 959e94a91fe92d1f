#include "diagram/sequencemodel.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace pop3 {

namespace {

// The wire line as readable text: line ending dropped, control bytes escaped as everywhere
// (protocol/commands.h), at most 200 characters.
QString cleanLine(const QByteArray &bytes)
{
    EscapeOptions options;
    options.dropLineEnding = true;
    options.maxChars = 200;
    return escapeControls(bytes, options);
}

QString numberList(const QList<int> &numbers)
{
    QStringList parts;
    parts.reserve(numbers.size());
    for (int n : numbers)
        parts.append(QString::number(n));
    return parts.join(QStringLiteral(", "));
}

// Which lock file a lock event is about: its path, or the maildrop's user in a trace without it.
QString lockKey(const Event &e)
{
    return e.text.isEmpty() ? e.user : e.text;
}

} // namespace

SequenceModel::SequenceModel() = default;

void SequenceModel::clear()
{
    m_rows.clear();
    m_visible.clear();
    m_sessions.clear();
    m_sessionOrder.clear();
    m_lanes.clear();
    m_freeLanes.clear();
    m_bodies.clear();
    m_fold.clear();
    m_locks.clear();
    m_servers.clear();
    m_sessionServer.clear();
}

SequenceModel::Session &SequenceModel::sessionFor(int id, qsizetype rowIndex)
{
    auto it = m_sessions.find(id);
    if (it != m_sessions.end())
        return *it;
    Session s;
    s.id = id;
    s.firstRow = rowIndex;
    if (id != 0) {
        if (!m_freeLanes.empty()) {
            s.lane = m_freeLanes.back();
            m_freeLanes.pop_back();
        } else {
            s.lane = int(m_lanes.size());
            m_lanes.emplace_back();
        }
        m_lanes[size_t(s.lane)].push_back({rowIndex, id});
        m_sessionOrder.append(id);
    }
    return *m_sessions.insert(id, std::move(s));
}

void SequenceModel::releaseLane(Session &s)
{
    if (s.id == 0 || !s.alive)
        return;
    s.alive = false;
    // Keep the free list sorted descending so back() is the lowest free lane.
    auto pos =
        std::lower_bound(m_freeLanes.begin(), m_freeLanes.end(), s.lane, std::greater<int>());
    m_freeLanes.insert(pos, s.lane);
}

void SequenceModel::setBand(Session &s, qsizetype row, State state)
{
    if (!s.bands.empty() && s.bands.back().second == state)
        return;
    if (!s.bands.empty() && s.bands.back().first == row)
        s.bands.back().second = state;
    else
        s.bands.emplace_back(row, state);
}

State SequenceModel::stateAt(int session, qsizetype row) const
{
    const auto it = m_sessions.constFind(session);
    if (it == m_sessions.cend() || it->bands.empty() || row < it->bands.front().first)
        return State::Connecting;
    auto band = std::upper_bound(it->bands.begin(),
        it->bands.end(),
        row,
        [](qsizetype r, const std::pair<qsizetype, State> &b) {
            return r < b.first;
        });
    return std::prev(band)->second;
}

int SequenceModel::serverOf(int session) const
{
    return m_sessionServer.value(session, 0);
}

QString SequenceModel::serverName(int server) const
{
    if (server <= 0 || server > m_servers.size())
        return tr("server");
    return m_servers.at(server - 1);
}

bool SequenceModel::append(const Event &e)
{
    if (e.kind == EventKind::Note && e.note == NoteKind::RemoteServer) {
        // Another server: its own lifeline, named as the user typed it. No row of its own.
        m_fold.apply(e);
        qsizetype server = m_servers.indexOf(e.detail);
        if (server < 0) {
            m_servers.append(e.detail);
            server = m_servers.size() - 1;
        }
        m_sessionServer.insert(e.session, int(server) + 1);
        return false;
    }
    const qsizetype index = rowCount();
    const bool isNew = !m_sessions.contains(e.session);
    if (e.kind == EventKind::Connected && !isNew && e.session != 0) {
        // A session id seen again (a reloaded trace): start afresh.
        Session &old = m_sessions[e.session];
        releaseLane(old);
        m_sessions.remove(e.session);
        m_sessionOrder.removeAll(e.session);
    }
    Session &s = sessionFor(e.session, index);
    // Commands, the user, marks and what a drop loses: the one session fold (protocol/).
    const FoldStep step = m_fold.apply(e);

    Row r;
    r.seq = e.seq;
    r.timeMs = e.timeMs;
    r.session = e.session;
    r.event = e.kind;
    // The band is the fold's state, except that CLOSED is drawn on the disconnect row (one
    // event later than the fold says it): s.state is the band's state.
    if (e.session != 0 && step.stateBefore != State::Closed)
        s.state = step.stateBefore;
    r.stateBefore = s.state;
    if (e.kind == EventKind::ClientLine && e.queued && !s.queued.empty()) {
        // A pipelined line the server reads now: its arrow was drawn when it arrived.
        Row &command = m_rows.mut(size_t(s.queued.front()));
        s.queued.erase(s.queued.begin());
        fillCommand(command, s, e, step);
        s.readQueued = true;
        return false;
    }
    if (s.deferredFrom && e.kind != EventKind::StateChanged) {
        // The state changed while the server read a pipelined line: shown on the next row.
        r.stateBefore = *s.deferredFrom;
        s.deferredFrom.reset();
    }

    switch (e.kind) {
    case EventKind::Connected:
        r.kind = RowKind::Connect;
        r.text = e.text;
        r.detail = e.detail;
        s.peer = e.text;
        s.label = m_peerLabels.value(e.text);
        break;
    case EventKind::ClientLine:
        r.kind = RowKind::Command;
        if (e.state == State::Authorization) {
            r.flags |= AuthArrow;
            ++s.authRows;
        }
        if (s.encrypted)
            r.flags |= Encrypted;
        fillCommand(r, s, e, step);
        s.pending.push_back(int(index));
        break;
    case EventKind::LineQueued: {
        // Drawn as it arrives; what it asks for is known once the server reads it (fillCommand
        // then), in the state of that moment. Until then a credential in it stays hidden.
        r.kind = RowKind::Command;
        r.flags |= Pipelined;
        r.readIn = s.state; // until it is read
        r.text = cleanLine(e.withoutSecret().bytes);
        const CommandLine parsed = parseCommandLine(e.bytes);
        r.command = parsed.spec ? parsed.spec->command : Command::Unknown;
        if (e.truncated) {
            r.flags |= Truncated;
            r.octets = e.octets;
        }
        if (s.state == State::Authorization) {
            r.flags |= AuthArrow;
            ++s.authRows;
        }
        if (r.command == Command::Noop)
            r.flags |= Noop;
        if (s.encrypted)
            r.flags |= Encrypted;
        s.pending.push_back(int(index));
        s.queued.push_back(int(index));
        break;
    }
    case EventKind::ServerReply: {
        r.kind = RowKind::Reply;
        r.text = cleanLine(e.bytes);
        if (!e.ok)
            r.flags |= Err;
        if (e.multiLine) {
            r.flags |= MultiLine;
            r.lines = e.lines;
            r.octets = e.octets;
        }
        if (e.truncated)
            r.flags |= Truncated;
        if (s.encrypted)
            r.flags |= Encrypted;
        if (!s.pending.empty()) {
            r.pair = s.pending.front();
            s.pending.erase(s.pending.begin());
            Row &command = m_rows.mut(size_t(r.pair));
            command.pair = int(index);
            r.command = command.command;
            r.number = command.number;
            r.flags |= command.flags & (Noop | Continuation);
        } else if (e.state == State::Connecting) {
            r.flags |= Greeting;
        }
        if (e.state == State::Authorization) {
            r.flags |= AuthArrow;
            ++s.authRows;
            if (!e.ok)
                ++s.authErrors;
        }
        break;
    }
    case EventKind::StateChanged: {
        // No row of its own: the band changes on the row that caused it (the one just before);
        // closing is drawn on the disconnect that follows.
        const State to = step.session->state;
        if (to == State::Closed) {
            s.closing = true;
            return false;
        }
        if (s.readQueued || (!s.queued.empty() && s.lastRow == s.queued.back())) {
            // Caused by a line read while pipelined lines wait (their arrows below its own), or
            // by a pipelined line read just now (its arrow far above): the band changes,
            // labelled, on the session's next row, not on an arrow drawn before the change.
            if (!s.deferredFrom)
                s.deferredFrom = s.state;
            s.state = to;
            return false;
        }
        s.state = to;
        for (qsizetype i = index - 1; i >= 0 && i >= s.firstRow; --i) {
            if (m_rows[size_t(i)].session == e.session
                && m_rows[size_t(i)].kind != RowKind::LoginSummary) {
                m_rows.mut(size_t(i)).stateAfter = to;
                setBand(s, i, to);
                break;
            }
        }
        if (e.from == State::Authorization && e.to == State::Transaction) {
            r.kind = RowKind::LoginSummary;
            r.stateBefore = State::Authorization;
            r.stateAfter = State::Transaction;
            r.text = step.session->user;
            r.number = int(s.authRows);
            r.lines = s.authErrors;
            r.locksAfter = quint16(m_locks.size());
            addRow(std::move(r));
            return isVisible(index);
        }
        return false;
    }
    case EventKind::LockCreated:
        r.kind = RowKind::MaildropNote;
        r.text = e.text;
        r.detail = e.detail;
        m_locks.insert(lockKey(e), e.session);
        break;
    case EventKind::LockRemoved:
        r.kind = RowKind::MaildropNote;
        r.text = e.text;
        r.detail = e.detail;
        // Only its holder's: a session that finds the file gone or taken by another does not
        // remove someone else's lock from the band.
        if (m_locks.value(lockKey(e), -1) == e.session)
            m_locks.remove(lockKey(e));
        if (e.state != State::Update) {
            r.flags |= Dropped;
            if (!step.lostMarks.isEmpty()) {
                r.flags |= MarksLost;
                r.extra = numberList(step.lostMarks);
                r.number = int(step.lostMarks.size());
            }
        }
        break;
    case EventKind::LockRefused:
        r.kind = RowKind::MaildropNote;
        r.flags |= Err;
        r.text = e.text;
        r.detail = e.detail;
        break;
    case EventKind::StaleLockCleared:
        r.kind = RowKind::MaildropNote;
        r.text = e.text;
        r.detail = e.detail;
        r.number = e.number; // why it is stale: MailboxAccess::StaleReason
        m_locks.remove(lockKey(e)); // the dead holder's file is gone
        break;
    case EventKind::MarkedDeleted:
        r.kind = RowKind::MaildropNote;
        r.number = e.number;
        break;
    case EventKind::MarksReset:
        r.kind = RowKind::MaildropNote;
        r.extra = numberList(e.numbers);
        r.number = int(e.numbers.size());
        break;
    case EventKind::Expunged:
        r.kind = RowKind::MaildropNote;
        r.extra = numberList(e.numbers);
        r.number = int(e.numbers.size());
        r.detail = e.detail;
        break;
    case EventKind::Disconnected:
        r.kind = RowKind::Disconnect;
        s.state = State::Closed;
        r.text = e.text;
        r.detail = e.detail;
        if (e.text != disconnectReasonName(DisconnectReason::Quit)) {
            r.flags |= Dropped;
            r.note = step.session->cutByTeacher; // "error" to the server, the teacher's doing
        }
        if (!step.lostMarks.isEmpty()) {
            r.flags |= MarksLost;
            r.extra = numberList(step.lostMarks);
            r.number = int(step.lostMarks.size());
        }
        for (int pending : s.pending)
            m_rows.mut(size_t(pending)).flags |= Unanswered;
        s.pending.clear();
        s.queued.clear();
        break;
    case EventKind::Note:
        r.kind = RowKind::ServerNote;
        r.text = e.text;
        r.detail = e.detail;
        r.note = e.note;
        if (e.note == NoteKind::MailboxReset) {
            r.text = e.user; // words in sequencewords.cpp; the detail keeps the source
            r.number = e.number;
        }
        if (e.note == NoteKind::FaultSlowReplies || e.note == NoteKind::FaultCommitFailed
            || e.note == NoteKind::FaultServerCrashed)
            r.number = e.number; // the delay, the messages kept, the locks left
        if (e.note == NoteKind::MessageDelivered || e.note == NoteKind::FaultLoginRefused)
            r.text = e.user;
        if (e.note == NoteKind::ExpungeFailed || e.note == NoteKind::FaultDropped
            || e.note == NoteKind::MaildropUnreadable || e.note == NoteKind::DescriptorsExhausted
            || e.note == NoteKind::FaultLoginRefused || e.note == NoteKind::FaultCommitFailed
            || e.note == NoteKind::FaultServerCrashed)
            r.flags |= Err;
        if (e.note == NoteKind::StlsInputDiscarded && e.session != 0) {
            // What was pipelined behind STLS is thrown away, never answered (RFC 2595 §4).
            for (int queued : s.queued) {
                m_rows.mut(size_t(queued)).flags |= Unanswered;
                s.pending.erase(
                    std::remove(s.pending.begin(), s.pending.end(), queued), s.pending.end());
            }
            s.queued.clear();
        }
        if (e.note == NoteKind::StaleLockFound) {
            // A lock nobody holds, on disk: drawn in the lock band until the login that clears
            // it (StaleLockCleared, keyed by the same path).
            r.text = e.user;
            r.number = e.number; // the pid written in it
            m_locks.insert(e.detail, 0);
            // Left by the server killed from the Faults menu (its crash note named the file):
            // Dropped marks it, for the words; otherwise a process that is gone left it.
            for (qsizetype i = index - 1; i >= 0; --i) {
                const Row &before = m_rows[size_t(i)];
                if (before.kind == RowKind::ServerNote
                    && before.note == NoteKind::FaultServerCrashed
                    && before.detail.split(QLatin1Char('\n')).contains(e.detail)) {
                    r.flags |= Dropped;
                    break;
                }
            }
        }
        if (e.note == NoteKind::SessionLabel && e.session != 0) {
            s.label = e.detail;
            return false;
        }
        break;
    }
    r.stateAfter = s.state;
    r.locksAfter = quint16(m_locks.size());
    s.readQueued = false;
    if (e.kind == EventKind::Note && e.note == NoteKind::TlsStarted && e.session != 0)
        s.encrypted = true; // every later arrow of the session is encrypted
    const bool disconnect = e.kind == EventKind::Disconnected;
    if (e.session != 0) {
        if (s.bands.empty())
            setBand(s, index, r.stateBefore);
        setBand(s, index, r.stateAfter);
    }
    // A reply that is not right under its command's arrow (pipelining): its words name the
    // command. Decided here, once, not by a walk over the rows each time its words are asked.
    if (r.kind == RowKind::Reply && r.pair >= 0 && s.lastArrow != r.pair)
        r.flags |= FarReply;
    if (r.kind == RowKind::Command || r.kind == RowKind::Reply)
        s.lastArrow = index;
    addRow(std::move(r));
    if (e.session != 0) {
        s.lastRow = index;
        if (disconnect)
            releaseLane(s);
    }
    return isVisible(index);
}

void SequenceModel::fillCommand(Row &r, Session &s, const Event &e, const FoldStep &step)
{
    r.text = cleanLine(e.bytes);
    r.readIn = s.state;
    r.command = step.command.command;
    if (step.command.continuation) {
        r.flags |= Continuation;
        r.detail = s.saslMechanism; // what an eavesdropper reads of it depends on the mechanism
    } else {
        r.number = step.command.number();
        if (r.command == Command::Auth)
            s.saslMechanism = r.text.section(QLatin1Char(' '), 1, 1).toUpper();
    }
    if (e.truncated) {
        r.flags |= Truncated;
        r.octets = e.octets;
    }
    if (r.command == Command::Noop)
        r.flags |= Noop;
}

void SequenceModel::addRow(Row row)
{
    const bool keep = passes(row, rowCount());
    m_rows.push_back(std::move(row));
    if (keep) {
        const int top =
            m_visible.empty() ? 0 : m_visible.back().top + visibleHeight(visibleCount() - 1);
        m_visible.push_back({int(m_rows.size() - 1), top});
    }
}

bool SequenceModel::passes(const Row &row, qsizetype index) const
{
    if (m_filter.session != 0 && row.session != 0 && row.session != m_filter.session)
        return false;
    if (m_filter.session != 0 && row.session == 0) {
        // A server-wide note belongs to the filtered session's story only while it lives.
        const auto it = m_sessions.constFind(m_filter.session);
        if (it == m_sessions.cend() || index < it->firstRow || (!it->alive && index > it->lastRow))
            return false;
    }
    if (m_filter.hideNoop && row.has(Noop))
        return false;
    if (row.kind == RowKind::LoginSummary)
        return m_filter.collapseAuthorization;
    if (m_filter.collapseAuthorization && row.has(AuthArrow))
        return false;
    return true;
}

void SequenceModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_visible.clear();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (passes(m_rows[i], qsizetype(i)))
            m_visible.push_back({int(i), 0});
    }
    relayout(0);
}

void SequenceModel::relayout(qsizetype fromVisible)
{
    int top = fromVisible > 0
        ? m_visible[size_t(fromVisible - 1)].top + visibleHeight(fromVisible - 1)
        : 0;
    for (size_t v = size_t(std::max<qsizetype>(0, fromVisible)); v < m_visible.size(); ++v) {
        m_visible.mut(v).top = top;
        top += visibleHeight(qsizetype(v));
    }
}

int SequenceModel::unitsAbove(qsizetype v) const
{
    const Row &r = m_rows[size_t(m_visible[size_t(v)].row)];
    return r.kind == RowKind::Disconnect && r.has(Dropped) ? 1 : 0;
}

int SequenceModel::visibleHeight(qsizetype v) const
{
    const int row = m_visible[size_t(v)].row;
    const int units = rowUnits + unitsAbove(v);
    if (m_bodies.isEmpty())
        return units;
    const auto it = m_bodies.constFind(row);
    return it == m_bodies.cend() ? units : units + int(it->size()) + 1;
}

int SequenceModel::totalUnits() const
{
    return m_visible.empty() ? 0 : m_visible.back().top + visibleHeight(visibleCount() - 1);
}

qsizetype SequenceModel::visibleAtUnit(int y) const
{
    if (m_visible.empty())
        return -1;
    auto it =
        std::upper_bound(m_visible.begin(), m_visible.end(), y, [](int value, const Visible &v) {
            return value < v.top;
        });
    if (it == m_visible.begin())
        return 0;
    return qsizetype(it - m_visible.begin()) - 1;
}

qsizetype SequenceModel::visibleIndexOf(qsizetype row) const
{
    auto it = std::lower_bound(
        m_visible.begin(), m_visible.end(), row, [](const Visible &v, qsizetype r) {
            return v.row < r;
        });
    return it == m_visible.end() ? -1 : qsizetype(it - m_visible.begin());
}

bool SequenceModel::isVisible(qsizetype row) const
{
    const qsizetype v = visibleIndexOf(row);
    return v >= 0 && m_visible[size_t(v)].row == row;
}

qsizetype SequenceModel::rowForSeq(quint64 seq) const
{
    auto it = std::upper_bound(m_rows.begin(), m_rows.end(), seq, [](quint64 value, const Row &r) {
        return value < r.seq;
    });
    return qsizetype(it - m_rows.begin()) - 1;
}

void SequenceModel::setSessionLabel(int session, const QString &label)
{
    auto it = m_sessions.find(session);
    if (it != m_sessions.end())
        it->label = label;
}

void SequenceModel::setPeerLabel(const QString &peer, const QString &label)
{
    m_peerLabels.insert(peer, label);
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        if (it->peer == peer && it->alive)
            it->label = label;
    }
}

QString SequenceModel::sessionName(int session) const
{
    if (session == 0)
        return tr("server");
    const auto it = m_sessions.constFind(session);
    if (it == m_sessions.cend())
        return tr("session %1").arg(session);
    if (!it->label.isEmpty())
        return it->label;
    if (!it->peer.isEmpty())
        return it->peer;
    return tr("session %1").arg(session);
}

QList<int> SequenceModel::sessions() const
{
    return m_sessionOrder;
}

int SequenceModel::clientLaneCount() const
{
    if (m_filter.session != 0)
        return 1;
    return std::max(1, int(m_lanes.size()));
}

int SequenceModel::laneOf(int session) const
{
    if (m_filter.session != 0)
        return 0;
    return m_sessions.value(session).lane;
}

int SequenceModel::sessionInLaneAt(int lane, qsizetype row) const
{
    if (m_filter.session != 0) {
        const auto it = m_sessions.constFind(m_filter.session);
        if (it == m_sessions.cend() || row < it->firstRow
            || (it->lastRow >= 0 && !it->alive && row > it->lastRow))
            return 0;
        return m_filter.session;
    }
    if (lane < 0 || size_t(lane) >= m_lanes.size())
        return 0;
    const std::vector<LaneUse> &uses = m_lanes[size_t(lane)];
    auto it = std::upper_bound(uses.begin(), uses.end(), row, [](qsizetype r, const LaneUse &u) {
        return r < u.firstRow;
    });
    if (it == uses.begin())
        return 0;
    --it;
    const auto s = m_sessions.constFind(it->session);
    if (s == m_sessions.cend() || (!s->alive && row > s->lastRow))
        return 0;
    return it->session;
}

qsizetype SequenceModel::sessionFirstRow(int session) const
{
    return m_sessions.value(session).firstRow;
}

qsizetype SequenceModel::sessionLastRow(int session) const
{
    const auto it = m_sessions.constFind(session);
    if (it == m_sessions.cend() || it->alive)
        return -1;
    return it->lastRow;
}

void SequenceModel::setExpanded(qsizetype row, bool expanded, const QByteArray &body)
{
    if (row < 0 || row >= rowCount() || !m_rows[size_t(row)].has(MultiLine))
        return;
    if (expanded == isExpanded(row))
        return;
    if (expanded) {
        // The preview is the wire form: CRLF lines, byte-stuffed.
        QStringList lines;
        qsizetype start = 0;
        while (start < body.size() && lines.size() < maxBodyLinesShown) {
            qsizetype end = body.indexOf('\n', start);
            if (end < 0)
                end = body.size();
            QByteArray line = body.mid(start, end - start);
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.startsWith(".."))
                line.remove(0, 1);
            lines.append(QString::fromUtf8(line));
            start = end + 1;
        }
        const int total = m_rows[size_t(row)].lines;
        if (total > lines.size())
            lines.append(tr("… %1 more").arg(total - lines.size()));
        if (lines.isEmpty())
            lines.append(tr("(empty body)"));
        m_bodies.insert(int(row), lines);
    } else {
        m_bodies.remove(int(row));
    }
    const qsizetype v = visibleIndexOf(row);
    if (v >= 0)
        relayout(v);
}

QString SequenceModel::timeText(qsizetype row) const
{
    return QDateTime::fromMSecsSinceEpoch(m_rows[size_t(row)].timeMs, Qt::UTC)
        .toString(QStringLiteral("hh:mm:ss.zzz"));
}

} // namespace pop3
