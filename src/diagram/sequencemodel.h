#pragma once

#include "diagram/chunkedvector.h"
#include "events/event.h"
#include "protocol/commands.h"
#include "protocol/sessionfold.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace pop3 {

// The sequence diagram as plain data (Wireshark builds its flow-graph data outside the view the
// same way). Events go in one at a time; out come rows, each on one of three kinds of lanes:
//
//   client lanes (one per live session, each with ITS session's state band)
//     ── other servers (one lifeline per host:port a terminal reached, if any)
//     ── the built-in server ── maildrop (lock band)
//
// The state is per session, as SessionFold (protocol/) folds it: two interleaved sessions are in
// two states at once, and each band changes on the reply that changed its own session.
//
//   append(event) ─► at most one Row (a state change annotates the row before it instead)
//                 ─► pushed on the visible list if the filter keeps it, laid out in "units"
//
// Appending is O(1) amortized; a filter change or an expanded body re-lays out in O(rows).
// Nothing here knows about pixels, colours or fonts: SequenceView maps units and lanes to the
// screen. toText() dumps the visible rows for tests and for the plain-text export.
class SequenceModel final
{
    Q_DECLARE_TR_FUNCTIONS(SequenceModel)

public:
    enum class RowKind : quint8 {
        Connect, // client → server: the TCP connection opens
        Command, // client → server: a line the client sent
        Reply, // server → client (dashed): a status line, maybe a multi-line body
        MaildropNote, // on the maildrop lane: lock created/refused/removed, marks, expunge
        ServerNote, // on the server lane: a note event (fault injected, mailbox reset, ...)
        Disconnect, // the connection ends (QUIT, or dropped)
        LoginSummary, // stands for a collapsed AUTHORIZATION exchange
    };

    // What a client line asked for: the one command table (protocol/commands.h).
    using Command = pop3::Command;

    enum RowFlag : quint16 {
        Err = 0x0001, // a -ERR reply (or a refused lock)
        MultiLine = 0x0002, // a reply with a body (lines/octets set)
        Unanswered = 0x0004, // a command that never got its reply
        Dropped = 0x0008, // a disconnect without QUIT, or a lock removed without UPDATE
        AuthArrow = 0x0010, // an arrow exchanged in AUTHORIZATION (collapsible)
        Noop = 0x0020, // a NOOP or its reply (hideable)
        Truncated = 0x0040, // a body cut short, or an overlong line
        Greeting = 0x0080, // the server's first words
        MarksLost = 0x0100, // the connection ended with messages marked but not removed
        Continuation = 0x0200, // a SASL "+ " challenge or the client's answer to one
        Encrypted = 0x0400, // an arrow after the session's TLS handshake (drawn with a lock)
        Pipelined = 0x0800, // a command that arrived before the reply to the one before it
        FarReply = 0x1000, // a reply with other arrows of its session above it, since its command
    };

    struct Row
    {
        quint64 seq = 0;
        qint64 timeMs = 0;
        int session = 0;
        int pair = -1; // command ↔ reply row, or -1
        int number = 0; // Command: message number argument; MaildropNote: message/count
        int lines = 0; // Reply: body lines
        qint64 octets = 0; // Reply: body octets
        RowKind kind = RowKind::ServerNote;
        EventKind event = EventKind::Note;
        Command command = Command::None; // Command rows and the reply to them
        State stateBefore = State::Connecting; // the session's state at the top of the row
        State stateAfter = State::Connecting; // ... and at its bottom (band changes here)
        // Command: the state the server read it in (a Pipelined row's differs from its band's)
        State readIn = State::Connecting;
        quint16 flags = 0;
        quint16 locksAfter = 0; // lock files held (all maildrops) after this row
        // ServerNote: what kind of note; Disconnect: the teacher's fault that cut it
        // (FaultDropped, FaultServerCrashed), Other for any other end.
        NoteKind note = NoteKind::Other;
        QString text; // the wire line (no CRLF), the lock path, the peer, the reason
        QString detail; // lock holder, files removed, human words of a disconnect
        QString extra; // message numbers: marked, reset, removed, or lost with the marks

        bool has(RowFlag f) const { return flags & f; }
    };

    struct Filter
    {
        int session = 0; // 0: every session
        bool collapseAuthorization = false;
        bool hideNoop = false;

        bool operator==(const Filter &) const = default;
    };

    // Layout units: a row is rowUnits tall; an expanded body adds one unit per line shown.
    static constexpr int rowUnits = 2;
    static constexpr int maxBodyLinesShown = 40;

    SequenceModel();

    // Adds one event of the stream; returns true if a row became visible (the view repaints).
    bool append(const Event &event);
    void clear();

    // Passwords and credentials (the command table's `secret` column) shown as ******** in labels,
    // captions and the text dump, as the terminal's transcript hides them (hand-ins, exports).
    void setHideSecrets(bool hide) { m_hideSecrets = hide; }

    bool hidesSecrets() const { return m_hideSecrets; }

    // Names the client of a session ("Terminal 1"); by peer: names the session whose Connected
    // event carried that "address:port" (now or when it comes).
    void setSessionLabel(int session, const QString &label);
    void setPeerLabel(const QString &peer, const QString &label);
    QString sessionName(int session) const;
    QList<int> sessions() const; // in order of appearance

    void setFilter(const Filter &filter);

    const Filter &filter() const { return m_filter; }

    // All rows, in event order.
    qsizetype rowCount() const { return qsizetype(m_rows.size()); }

    const Row &row(qsizetype index) const { return m_rows[size_t(index)]; }

    // The row drawn for event seq, or the nearest row before it (-1 if none).
    qsizetype rowForSeq(quint64 seq) const;

    // The rows the filter keeps, and their layout in units from the top.
    qsizetype visibleCount() const { return qsizetype(m_visible.size()); }

    qsizetype visibleRow(qsizetype v) const { return m_visible[size_t(v)].row; }

    int visibleTop(qsizetype v) const { return m_visible[size_t(v)].top; }

    int visibleHeight(qsizetype v) const;
    // Units added above a row's arrow for a label that needs two lines: a connection dropped
    // ("connection dropped (client left without QUIT): no UPDATE, message 1 kept") is wrapped,
    // never cut, and its arrow moves down by as much.
    int unitsAbove(qsizetype v) const;
    int totalUnits() const;
    // The visible index covering unit y (clamped), and the visible index of a row (the nearest
    // visible one at or after it if it is hidden; -1 if none).
    qsizetype visibleAtUnit(int y) const;
    qsizetype visibleIndexOf(qsizetype row) const;
    bool isVisible(qsizetype row) const;

    // Client lanes: sessions reuse the lane of one that has gone, so the width is the number of
    // sessions alive at once. With a session filter there is one client lane.
    int clientLaneCount() const;
    int laneOf(int session) const;
    // The session occupying lane at row (0 if none); its first and last rows (last: -1 if alive).
    int sessionInLaneAt(int lane, qsizetype row) const;
    qsizetype sessionFirstRow(int session) const;
    qsizetype sessionLastRow(int session) const;

    // A session's state (its band) at the bottom of a row, whichever session the row belongs to.
    State stateAt(int session, qsizetype row) const;

    // Server lifelines: 0 is the built-in server; 1.. are other servers a terminal connected to
    // (named "host:port"), in order of appearance.
    int serverCount() const { return 1 + int(m_servers.size()); }

    int serverOf(int session) const;
    QString serverName(int server) const;

    // What lifeline 0 is: empty (the default) for the server built into pop3lab; else its name
    // and the words under it, e.g. the classroom server a teacher watches ("classroom server",
    // "10.0.0.5:1110").
    void setMainServer(const QString &name, const QString &words)
    {
        m_mainServerName = name;
        m_mainServerWords = words;
    }

    QString mainServerName() const { return m_mainServerName; }

    QString mainServerWords() const { return m_mainServerWords; }

    // A multi-line reply shows its body under the arrow (the caller passes the body preview).
    void setExpanded(qsizetype row, bool expanded, const QByteArray &body = {});

    bool isExpanded(qsizetype row) const { return m_bodies.contains(int(row)); }

    QStringList expandedBody(qsizetype row) const { return m_bodies.value(int(row)); }

    // Words for a row: the label drawn on it, a plain-language caption, the RFC section.
    QString label(qsizetype row) const;
    QString caption(qsizetype row) const;
    QString rfcSection(qsizetype row) const;
    QString timeText(qsizetype row) const; // hh:mm:ss.zzz, UTC
    // The part of label(row) that may be shortened when space is short (a lock path, the echo of
    // a status line), so that the numbers and the conclusion stay; empty: nothing. pathLike: elide
    // its middle rather than its end.
    QString labelElidable(qsizetype row, bool *pathLike = nullptr) const;
    // A shorter label with the same facts, for where even the shortened one would lose them (the
    // stale-lock warning: its file's name and who clears it); empty: none. caption() keeps all.
    QString shortLabel(qsizetype row) const;
    // What someone on the path (an eavesdropper) could read of this arrow: the password in clear
    // for PASS, a digest for APOP or CRAM-MD5, nothing once TLS is on. Empty: not an arrow.
    QString eavesdropperWords(qsizetype row) const;

    // The words the diagram draws for one event on its own (a lock, a mark, a note, a
    // disconnect: never an id), in the current language; empty for an event drawn as no row.
    // The hand-in's transcript uses them, so the two never tell it differently.
    static QString eventWords(const Event &event);
    // A connection's end in the diagram's words, from its Disconnected event's reason id and the
    // teacher's fault that cut it, if one did (SessionFacts::cutByTeacher): "connection closed
    // after QUIT", "connection dropped (cut by the teacher): no UPDATE", ...
    static QString disconnectWords(const QString &reason, NoteKind cutBy = NoteKind::Other);

    // The visible rows as text, one per line (tests, plain-text export).
    QString toText() const;

private:
    struct Visible
    {
        int row;
        int top;
    };

    struct Session
    {
        int id = 0;
        int lane = 0;
        qsizetype firstRow = -1;
        qsizetype lastRow = -1;
        qsizetype lastArrow = -1; // its last command or reply row
        State state = State::Connecting;
        QString peer;
        QString label;
        std::vector<int> pending; // command rows waiting for their reply
        std::vector<int> queued; // Pipelined rows the server has not read yet
        bool readQueued = false; // its last event read a queued line (no row of its own)
        std::optional<State> deferredFrom; // a state change the next row of the session shows
        qsizetype authRows = 0; // arrows exchanged in AUTHORIZATION
        int authErrors = 0;
        bool alive = true;
        bool closing = false; // CLOSED came: the disconnect row draws it
        bool encrypted = false; // its TLS handshake is done: later arrows are encrypted
        QString saslMechanism; // the AUTH in progress (its answers are told apart by it)
        std::vector<std::pair<qsizetype, State>> bands; // (row, state from its bottom on)
    };

    struct LaneUse
    {
        qsizetype firstRow;
        int session;
    };

    Session &sessionFor(int id, qsizetype rowIndex);
    void addRow(Row row);
    // A command row's words from the ClientLine that the server read.
    void fillCommand(Row &r, Session &s, const Event &e, const FoldStep &step);
    bool passes(const Row &row, qsizetype index) const;
    void relayout(qsizetype fromVisible);
    void releaseLane(Session &s);
    void setBand(Session &s, qsizetype row, State state);
    QString rowText(qsizetype index) const;
    QString plainLabel(qsizetype index) const; // label() without the lock
    QString inUseWords(qsizetype index) const; // the caption of a refused [IN-USE] login
    QString plainCaption(qsizetype index) const; // caption() without what an eavesdropper reads
    QString pipelinedReplyWords(qsizetype index) const; // names the command a far reply answers
    QString shownLine(const Row &row) const; // a command with its secret hidden if asked

    ChunkedVector<Row> m_rows; // shared between copies (a replay's checkpoints)
    ChunkedVector<Visible> m_visible;
    QHash<int, Session> m_sessions;
    SessionFold m_fold;
    QList<int> m_sessionOrder;
    std::vector<std::vector<LaneUse>> m_lanes; // per lane, sessions by first row
    std::vector<int> m_freeLanes; // kept sorted descending: back() is the lowest
    QHash<QString, QString> m_peerLabels;
    QHash<int, QStringList> m_bodies; // expanded rows
    Filter m_filter;
    // The lock files there are, by path (the user when a trace has none), with the session that
    // created each: the band is hatched while one exists. Not a count: a killed server's lock is
    // never removed by its holder, the next login clears it (StaleLockCleared).
    QHash<QString, int> m_locks;
    bool m_hideSecrets = false;
    QStringList m_servers; // other servers, "host:port"
    QString m_mainServerName; // lifeline 0's; empty: the server built into pop3lab
    QString m_mainServerWords;
    QHash<int, int> m_sessionServer; // session -> index in m_servers + 1
};

} // namespace pop3
