// The diagram's words: labels, captions, RFC sections and the text dump, in English and (through
// tr()) French. Kept apart from the model (sequencemodel.cpp) so the rules and the words can be
// read, and translated, each on their own.

#include "diagram/lockwords.h"
#include "diagram/sequencemodel.h"
#include "protocol/mailboxaccess.h"
#include "protocol/personality.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace pop3 {

namespace {

// "%n line(s)" through the translator; with no translation loaded, English plurals by hand.
QString plural(const char *text, int n)
{
    QString out = QCoreApplication::translate("SequenceModel", text, nullptr, n);
    return out.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

QString keywordOf(const QString &line)
{
    return line.section(QLatin1Char(' '), 0, 0);
}

QString argumentOf(const QString &line)
{
    return line.section(QLatin1Char(' '), 1);
}

// Why a connection ended, in words (never the trace's reason id). cutBy: the teacher's fault
// that ended it (the Faults menu), which the reason id alone calls a network error.
QString reasonWords(const QString &reason, NoteKind cutBy = NoteKind::Other)
{
    if (reason != disconnectReasonName(DisconnectReason::Quit)) {
        if (cutBy == NoteKind::FaultDropped)
            return QCoreApplication::translate("SequenceModel", "by the teacher");
        if (cutBy == NoteKind::FaultServerCrashed)
            return QCoreApplication::translate("SequenceModel", "server killed by the teacher");
    }
    if (reason == disconnectReasonName(DisconnectReason::PeerClosed))
        return QCoreApplication::translate("SequenceModel", "client left without QUIT");
    if (reason == disconnectReasonName(DisconnectReason::IdleTimeout))
        return QCoreApplication::translate("SequenceModel", "autologout");
    if (reason == disconnectReasonName(DisconnectReason::TooManyErrors))
        return QCoreApplication::translate("SequenceModel", "too many bad commands");
    if (reason == disconnectReasonName(DisconnectReason::ServerShutdown))
        return QCoreApplication::translate("SequenceModel", "server stopped");
    if (reason == disconnectReasonName(DisconnectReason::TooManyLoginFailures))
        return QCoreApplication::translate("SequenceModel", "too many failed logins");
    if (reason == disconnectReasonName(DisconnectReason::MailboxInUse))
        return QCoreApplication::translate("SequenceModel", "mailbox in use");
    if (reason == disconnectReasonName(DisconnectReason::Refused))
        return QCoreApplication::translate("SequenceModel", "connection refused");
    if (reason == disconnectReasonName(DisconnectReason::HostNotFound))
        return QCoreApplication::translate("SequenceModel", "host not found");
    return QCoreApplication::translate("SequenceModel", "network error");
}

bool neverConnected(const SequenceModel::Row &r)
{
    return r.text == disconnectReasonName(DisconnectReason::Refused)
        || r.text == disconnectReasonName(DisconnectReason::HostNotFound);
}

// A personality's name ("UW ipop3d 7.60") for its id, read once.
// Why a lock file was judged stale (the StaleLockCleared event's number).
QString staleReasonWords(int reason)
{
    using Why = MailboxAccess::StaleReason;
    switch (Why(reason)) {
    case Why::ProcessGone:
        return QCoreApplication::translate(
            "SequenceModel", "Why: no process has the pid written in it any more.");
    case Why::Rebooted:
        return QCoreApplication::translate("SequenceModel",
            "Why: it was written before the machine last started (its boot id differs), so "
            "whatever process has that pid now is not its holder.");
    case Why::PidReused:
        return QCoreApplication::translate("SequenceModel",
            "Why: a process has that pid, but it started at another time than the holder "
            "written in the file: the pid was reused by another program.");
    case Why::SessionGone:
        return QCoreApplication::translate(
            "SequenceModel", "Why: this server wrote it for a session that has ended.");
    case Why::EmptyAndOld:
        return QCoreApplication::translate("SequenceModel",
            "Why: it is empty (its writer died before filling it) and older than a minute.");
    case Why::NotStale:
        break;
    }
    return {};
}

QString personalityName(const QString &id)
{
    static QHash<QString, QString> names;
    auto it = names.find(id);
    if (it == names.end()) {
        const std::optional<Personality> p = Personality::load(id);
        it = names.insert(id, p && !p->name.isEmpty() ? p->name : QString());
    }
    // The names that are words, not product names, in the language of the moment: the same
    // translations as the Preferences list (Translations::personalityName), never the JSON's.
    if (id == QLatin1String("rfc1939"))
        return QCoreApplication::translate("Translations", "RFC 1939 examples");
    if (id == QLatin1String("base"))
        return QCoreApplication::translate("Translations", "pop3lab (plain wording)");
    return it->isEmpty() ? QCoreApplication::translate("SequenceModel", "another server") : *it;
}

// A mailbox-reset note: whose mailbox (older traces say it only in the detail).
QString resetUser(const SequenceModel::Row &r)
{
    return r.text.isEmpty() ? r.detail.section(QLatin1Char(':'), 0, 0) : r.text;
}

// The words of a server-wide note, by kind: ids and resource paths never reach the screen.
QString noteLabel(const SequenceModel::Row &r)
{
    switch (r.note) {
    case NoteKind::MailboxReset:
        return r.number > 0
            ? plural(QT_TRANSLATE_N_NOOP(
                         "SequenceModel", "mailbox of %1 reset to a fresh copy (%n message(s))"),
                r.number)
                  .arg(resetUser(r))
            : QCoreApplication::translate("SequenceModel", "mailbox of %1 reset to a fresh copy")
                  .arg(resetUser(r));
    case NoteKind::PersonalityChanged:
        return QCoreApplication::translate("SequenceModel", "the server now answers as %1")
            .arg(personalityName(r.detail));
    case NoteKind::FaultDropped:
        return QCoreApplication::translate(
            "SequenceModel", "the teacher cut this connection (a simulated network fault)");
    case NoteKind::StaleLockPlanted:
        return QCoreApplication::translate(
            "SequenceModel", "a crashed server's lock was left behind: %1")
            .arg(r.detail);
    case NoteKind::ExpungeFailed:
        return QCoreApplication::translate("SequenceModel", "UPDATE failed: %1").arg(r.detail);
    case NoteKind::MaildropUnreadable:
        return QCoreApplication::translate(
            "SequenceModel", "the maildrop could not be read again: %1")
            .arg(r.detail);
    case NoteKind::MaildropWarning:
        return QCoreApplication::translate(
            "SequenceModel", "the maildrop was read with a warning: %1")
            .arg(maildropWarningWords(r.detail));
    case NoteKind::DescriptorsExhausted:
        return QCoreApplication::translate(
            "SequenceModel", "no file descriptor left: new clients are refused until some leave");
    case NoteKind::FaultSlowReplies:
        return r.number > 0 ? QCoreApplication::translate(
                   "SequenceModel", "the teacher slowed the server: %1 ms per reply")
                                  .arg(r.number)
                            : QCoreApplication::translate(
                                "SequenceModel", "the server answers at full speed again");
    case NoteKind::FaultLoginRefused:
        return QCoreApplication::translate(
            "SequenceModel", "the teacher made this login fail (a simulated storage fault)");
    case NoteKind::FaultCommitFailed:
        return QCoreApplication::translate("SequenceModel",
            "the teacher made this commit stop half-way (a simulated write error)");
    case NoteKind::FaultServerCrashed:
        return plural(QT_TRANSLATE_N_NOOP(
                          "SequenceModel", "the server crashed, leaving %n lock file(s) behind"),
            r.number);
    case NoteKind::MessageDelivered:
        return QCoreApplication::translate("SequenceModel", "a new message was delivered to %1")
            .arg(r.text);
    case NoteKind::TlsStarted:
        return QCoreApplication::translate("SequenceModel", "TLS handshake: %1").arg(r.detail);
    case NoteKind::StlsInputDiscarded:
        return QCoreApplication::translate(
            "SequenceModel", "%1 octets sent after STLS were discarded unread")
            .arg(r.number);
    case NoteKind::StaleLockFound:
        return r.has(SequenceModel::Dropped)
            ? QCoreApplication::translate("SequenceModel",
                "stale lock found at restart: %1, left by the killed server's session")
                  .arg(r.detail)
            : QCoreApplication::translate(
                "SequenceModel", "stale lock found at start: %1, left by pid %2 (gone)")
                  .arg(r.detail)
                  .arg(r.number);
    case NoteKind::SessionLabel:
    case NoteKind::RemoteServer:
    case NoteKind::Other:
        break;
    }
    return r.detail.isEmpty()
        ? QCoreApplication::translate("SequenceModel", "server note")
        : QCoreApplication::translate("SequenceModel", "server note: %1").arg(r.detail);
}

} // namespace

QString SequenceModel::shownLine(const Row &r) const
{
    if (!m_hideSecrets || r.kind != RowKind::Command)
        return r.text;
    return QString::fromUtf8(maskSecret(r.text.toUtf8(), r.has(Continuation)));
}

QString SequenceModel::shortLabel(qsizetype index) const
{
    const Row &r = row(index);
    if (r.kind != RowKind::ServerNote)
        return {};
    if (r.note == NoteKind::StaleLockFound) {
        // The file's name and whose it is; the pid, the path and why are the caption's.
        const QString file = r.detail.mid(r.detail.lastIndexOf(QLatin1Char('/')) + 1);
        return QCoreApplication::translate(
            "LockWords", "stale lock %1 left behind: the next login of %2 clears it")
            .arg(file, r.text);
    }
    if (r.note != NoteKind::MaildropWarning)
        return {};
    return maildropWarningShortWords(r.detail);
}

QString SequenceModel::labelElidable(qsizetype index, bool *pathLike) const
{
    const Row &r = row(index);
    if (pathLike)
        *pathLike = false;
    switch (r.kind) {
    case RowKind::Connect: {
        // The address is the fact (the port tells the lanes apart); the words before it go.
        const QString words = label(index);
        const qsizetype at = words.indexOf(r.text);
        return at > 0 ? words.left(at).trimmed() : r.text;
    }
    case RowKind::Command:
        return shownLine(r);
    case RowKind::Reply: {
        // The status and a response code ("-ERR [IN-USE]") are the reply's facts: only the
        // reason's words after them may be shortened.
        static const QRegularExpression head(QStringLiteral("^[+-]\\S*\\s+(\\[[^\\]]*\\]\\s*)?"));
        const QRegularExpressionMatch m = head.match(r.text);
        return m.hasMatch() ? r.text.mid(m.capturedLength()) : r.text;
    }
    case RowKind::MaildropNote:
        switch (r.event) {
        case EventKind::LockCreated:
        case EventKind::LockRefused:
        case EventKind::StaleLockCleared:
            if (pathLike)
                *pathLike = true;
            return r.text;
        case EventKind::LockRemoved:
            if (r.has(MarksLost))
                return {};
            if (pathLike)
                *pathLike = true;
            return r.text;
        default:
            return {};
        }
    case RowKind::ServerNote:
        if ((r.note == NoteKind::StaleLockPlanted || r.note == NoteKind::StaleLockFound)
            && pathLike)
            *pathLike = true;
        if (r.note == NoteKind::MailboxReset || r.note == NoteKind::PersonalityChanged)
            return {};
        if (r.note == NoteKind::MaildropWarning)
            return maildropWarningWords(r.detail);
        return r.detail;
    case RowKind::Disconnect:
        return r.has(Dropped) && !neverConnected(r) ? reasonWords(r.text, r.note) : QString();
    case RowKind::LoginSummary:
        return r.text;
    }
    return {};
}

QString SequenceModel::plainLabel(qsizetype index) const
{
    const Row &r = row(index);
    switch (r.kind) {
    case RowKind::Connect:
        return tr("TCP connection from %1").arg(r.text);
    case RowKind::Command:
        if (r.has(Truncated))
            return tr("%1… (%2 octets: too long)").arg(shownLine(r)).arg(r.octets);
        return shownLine(r);
    case RowKind::Reply:
        if (r.has(MultiLine))
            return tr("%1  [%2, %3 octets]")
                .arg(r.text, plural(QT_TRANSLATE_N_NOOP("SequenceModel", "%n line(s)"), r.lines))
                .arg(r.octets);
        return r.text;
    case RowKind::MaildropNote:
        switch (r.event) {
        case EventKind::LockCreated:
            return tr("lock file created: %1").arg(r.text);
        case EventKind::LockRemoved:
            if (r.has(MarksLost))
                return plural(QT_TRANSLATE_N_NOOP("SequenceModel",
                                  "lock removed, no UPDATE: message(s) %1 NOT deleted"),
                    r.number)
                    .arg(r.extra);
            if (r.has(Dropped))
                return tr("lock file removed (no UPDATE): %1").arg(r.text);
            return tr("lock file removed: %1").arg(r.text);
        case EventKind::LockRefused:
            return tr("lock refused [IN-USE]: %1 exists").arg(r.text);
        case EventKind::StaleLockCleared:
            return tr("stale lock found and cleared: %1").arg(r.text);
        case EventKind::MarkedDeleted:
            return tr("message %1 marked deleted (still there)").arg(r.number);
        case EventKind::MarksReset:
            return tr("marks reset: %1 kept").arg(r.extra);
        case EventKind::Expunged:
            return plural(
                QT_TRANSLATE_N_NOOP("SequenceModel", "UPDATE: message(s) %1 removed for good"),
                r.number)
                .arg(r.extra);
        default:
            return r.text;
        }
    case RowKind::ServerNote:
        return noteLabel(r);
    case RowKind::Disconnect:
        if (neverConnected(r))
            return tr("%1: %2").arg(reasonWords(r.text), serverName(serverOf(r.session)));
        if (r.has(Dropped) && r.has(MarksLost)
            && r.text != disconnectReasonName(DisconnectReason::MailboxInUse))
            return plural(QT_TRANSLATE_N_NOOP("SequenceModel",
                              "connection dropped (%1): no UPDATE, message(s) %2 kept"),
                r.number)
                .arg(reasonWords(r.text, r.note), r.extra);
        return disconnectWords(r.text, r.note);
    case RowKind::LoginSummary:
        return r.lines > 0
            ? tr("login as %1: %2 (%3 -ERR) collapsed")
                  .arg(r.text, plural(QT_TRANSLATE_N_NOOP("SequenceModel", "%n line(s)"), r.number))
                  .arg(r.lines)
            : tr("login as %1: %2 collapsed")
                  .arg(
                      r.text, plural(QT_TRANSLATE_N_NOOP("SequenceModel", "%n line(s)"), r.number));
    }
    return r.text;
}

QString SequenceModel::inUseWords(qsizetype index) const
{
    // What the server does next says what the session does: Dovecot waits about ten seconds for
    // the lock, answers [IN-USE] and closes; a server that keeps the connection lets the client
    // try again in AUTHORIZATION. Until the next row of the session is known, both are told.
    const int session = row(index).session;
    for (qsizetype i = index + 1; i < rowCount(); ++i) {
        const Row &next = row(i);
        if (next.session != session)
            continue;
        if (next.kind == RowKind::Disconnect)
            return tr("The password was right, but another session holds the maildrop lock: the "
                      "login is refused [IN-USE] and the server closes the connection (Dovecot "
                      "first waits about ten seconds for the lock). Open a new session once the "
                      "other one has quit.");
        if (next.kind == RowKind::Command)
            return tr("The password was right, but another session holds the maildrop lock: the "
                      "login is refused [IN-USE]; the session is still in AUTHORIZATION and may "
                      "try again once the other one has quit.");
    }
    return tr("The password was right, but another session holds the maildrop lock: the login "
              "is refused [IN-USE]. Dovecot then closes the connection; a server that keeps it "
              "open lets the client try again.");
}

QString SequenceModel::plainCaption(qsizetype index) const
{
    const Row &r = row(index);
    const QString n = QString::number(r.number);
    switch (r.kind) {
    case RowKind::Connect:
        return tr("The client (%1) opens a TCP connection to the server; the server will greet it.")
            .arg(sessionName(r.session));
    case RowKind::Command: {
        if (r.has(Truncated))
            return tr("The line is longer than POP3 allows (255 octets with CRLF); the server "
                      "refuses it.");
        if (r.has(Continuation))
            return tr("The client answers the server's SASL challenge (base64).");
        QString words;
        switch (r.command) {
        case Command::User:
            words = tr("The client names the mailbox to open (%1); the password comes next.")
                        .arg(argumentOf(r.text));
            break;
        case Command::Pass:
            words = tr("The client sends the password, in clear text on the wire.");
            break;
        case Command::Apop:
            words = tr("The client logs in with APOP: an MD5 digest of the greeting's timestamp "
                       "and the password, so the password never crosses the wire.");
            break;
        case Command::Auth:
            words = tr("The client starts a SASL login.");
            break;
        case Command::Stls:
            words = tr("The client asks to switch the connection to TLS.");
            break;
        case Command::Capa:
            words = tr("The client asks which extensions the server supports.");
            break;
        case Command::Quit:
            words = r.readIn == State::Transaction
                ? tr("The client ends the session: the server enters UPDATE, removes the messages "
                     "marked deleted, then releases the lock.")
                : tr(
                    "The client leaves before logging in: nothing is locked, nothing will change.");
            break;
        case Command::Stat:
            words =
                tr("The client asks how many messages the maildrop holds and their total size.");
            break;
        case Command::List:
            words = r.number ? tr("The client asks for the size of message %1.").arg(n)
                             : tr("The client asks for the list of messages and their sizes.");
            break;
        case Command::Retr:
            words = tr("The client asks for the whole of message %1.").arg(n);
            break;
        case Command::Dele:
            words = tr(
                "The client asks to delete message %1: it is only marked now, and removed at QUIT.")
                        .arg(n);
            break;
        case Command::Noop:
            words = tr("The client checks that the server is still there; nothing changes.");
            break;
        case Command::Rset:
            words = tr("The client asks to unmark every message marked deleted.");
            break;
        case Command::Top:
            words =
                tr("The client asks for the header of message %1 and the first lines of its body.")
                    .arg(n);
            break;
        case Command::Uidl:
            words =
                tr("The client asks for unique-ids, to know which messages it has already seen.");
            break;
        case Command::Last:
            words = tr("The client asks for the highest message number accessed (LAST, obsolete).");
            break;
        case Command::None:
        case Command::Unknown: {
            const QString keyword = keywordOf(r.text);
            words = keyword.endsWith(QLatin1Char(':'))
                ? tr("“%1” is not a POP3 command: a command is a keyword, a space and its "
                     "arguments, with no colon.")
                      .arg(keyword)
                : tr("“%1” is not a command the server knows.").arg(keyword);
            break;
        }
        }
        if (r.has(Pipelined))
            words += QLatin1Char(' ')
                + tr("The client sent this line before the reply to its previous command had "
                     "arrived (pipelining, RFC 2449): the server keeps it and answers each line in "
                     "turn, so the replies come back in the order of the commands.");
        if (r.has(Unanswered))
            words +=
                QLatin1Char(' ') + tr("This line never got a reply: the connection ended first.");
        return words;
    }
    case RowKind::Reply: {
        if (r.has(Greeting))
            return tr("The server greets the client: the session is in AUTHORIZATION, waiting for "
                      "a login.");
        if (r.has(Continuation) && !r.text.startsWith(QLatin1String("+OK")) && !r.has(Err))
            return tr("The server sends a SASL challenge and waits for the client's answer.");
        QString words;
        const bool login =
            r.command == Command::Pass || r.command == Command::Apop || r.command == Command::Auth;
        if (r.has(Err)) {
            if (login && r.text.contains(QLatin1String("IN-USE")))
                words = inUseWords(index);
            else if (login)
                words = tr("The server rejects the login; the session stays in AUTHORIZATION.");
            else if (r.command == Command::Unknown || r.command == Command::None)
                words = tr("The server does not know this command: -ERR, and the session goes on "
                           "in the same state.");
            else if (r.stateBefore == State::Authorization && r.command >= Command::Stat)
                words = tr("%1 is only allowed in TRANSACTION, after logging in: -ERR.")
                            .arg(commandKeyword(r.command));
            else if (r.stateBefore == State::Transaction && r.command <= Command::Apop)
                words = tr("%1 is only allowed in AUTHORIZATION: the session is already logged in.")
                            .arg(commandKeyword(r.command));
            else if (r.command == Command::Quit)
                words = tr("UPDATE failed: the marked messages could not all be removed.");
            else
                words = tr("The server refuses %1: -ERR, nothing changes.")
                            .arg(commandKeyword(r.command));
            return words;
        }
        switch (r.command) {
        case Command::User:
            words = tr("The server accepts the name and waits for the password.");
            break;
        case Command::Pass:
        case Command::Apop:
        case Command::Auth:
            words =
                tr("The server checks the password, locks the maildrop and enters TRANSACTION.");
            break;
        case Command::Stat:
            words = tr("The server answers: the number of messages and their size in octets "
                       "(marked messages are not counted).");
            break;
        case Command::List:
            words = r.has(MultiLine)
                ? plural(
                    QT_TRANSLATE_N_NOOP("SequenceModel",
                        "The server lists %n message(s) not marked deleted: number and size in "
                        "octets, then a line with a single dot."),
                    r.lines)
                : tr("The server gives the number and size in octets of message %1.").arg(n);
            break;
        case Command::Retr:
            words =
                tr("The server sends message %1: %2, %3 octets, ended by a line with a single dot.")
                    .arg(n, plural(QT_TRANSLATE_N_NOOP("SequenceModel", "%n line(s)"), r.lines))
                    .arg(r.octets);
            break;
        case Command::Dele:
            words = tr(
                "The server marks message %1 as deleted. It is still in the maildrop until UPDATE.")
                        .arg(n);
            break;
        case Command::Noop:
            words = tr("The server does nothing and says +OK.");
            break;
        case Command::Rset:
            words = tr("The server unmarks every message: nothing will be deleted at QUIT.");
            break;
        case Command::Top:
            words = tr("The server sends the header and the first lines of message %1.").arg(n);
            break;
        case Command::Uidl:
            words = tr(
                "The server sends unique-ids, which stay the same from one session to the next.");
            break;
        case Command::Capa:
            words = tr("The server lists its capabilities.");
            break;
        case Command::Quit:
            words = r.stateBefore == State::Update
                ? tr("The server has removed the marked messages and released the lock; it says "
                     "goodbye and closes the connection.")
                : tr("The server says goodbye; nothing was locked, nothing changes.");
            break;
        default:
            words = tr("The server accepts: +OK.");
            break;
        }
        if (r.has(Truncated))
            words +=
                QLatin1Char(' ') + tr("The connection dropped before the whole body was sent.");
        return words;
    }
    case RowKind::MaildropNote:
        switch (r.event) {
        case EventKind::LockCreated:
            return tr("The server creates the lock file %1: until it is removed, no other session "
                      "can open this maildrop.")
                .arg(r.text);
        case EventKind::LockRefused:
            return tr(
                "A second login finds the lock file %1 (held by %2): it is refused with [IN-USE].")
                .arg(r.text, lockHolderWords(r.detail));
        case EventKind::LockRemoved:
            if (r.has(MarksLost))
                return (r.number == 1
                        ? tr("The connection ended without QUIT: the lock file is removed, but "
                             "the session never enters UPDATE, so message %1, marked deleted, "
                             "stays in the maildrop.")
                        : tr("The connection ended without QUIT: the lock file is removed, but "
                             "the session never enters UPDATE, so messages %1, marked deleted, "
                             "stay in the maildrop."))
                    .arg(r.extra);
            if (r.has(Dropped))
                return tr("The connection ended without QUIT: the lock file is removed; there is "
                          "no UPDATE.");
            return tr("The lock file is removed: the maildrop is free for the next session.");
        case EventKind::StaleLockCleared: {
            const QString found = tr("A lock file left by a server that no longer runs (%1) is "
                                     "found and removed, so the login can go on.")
                                      .arg(lockHolderWords(r.detail));
            const QString why = staleReasonWords(r.number); // empty in older traces
            return why.isEmpty() ? found : found + QLatin1Char(' ') + why;
        }
        case EventKind::MarkedDeleted:
            return tr("Message %1 is marked deleted: hidden from this session, but still in the "
                      "maildrop until QUIT.")
                .arg(n);
        case EventKind::MarksReset:
            return plural(QT_TRANSLATE_N_NOOP("SequenceModel",
                              "Marks removed from message(s) %1: they will not be deleted."),
                r.number)
                .arg(r.extra);
        case EventKind::Expunged:
            return plural(
                QT_TRANSLATE_N_NOOP("SequenceModel",
                    "UPDATE: the server removes message(s) %1 from the maildrop for good."),
                r.number)
                .arg(r.extra);
        default:
            return r.text;
        }
    case RowKind::ServerNote:
        switch (r.note) {
        case NoteKind::MailboxReset:
            return tr("The teacher reset %1's mailbox: the workspace copy was replaced by a fresh "
                      "copy of the sample, so every message is back.")
                .arg(resetUser(r));
        case NoteKind::PersonalityChanged:
            return tr("From now on the server words its replies as %1 does; the protocol is the "
                      "same.")
                .arg(personalityName(r.detail));
        case NoteKind::StaleLockPlanted:
            return tr("The lesson left the lock file %1 of a server that crashed: its holder's "
                      "process is gone, so the lock is stale.")
                .arg(r.detail);
        case NoteKind::StaleLockFound:
            if (r.has(Dropped))
                return tr("Started again, the server found the lock file %1 of %2's maildrop: "
                          "the server killed from the Faults menu left it (the session that held "
                          "it is gone and nothing removed the file). Nobody holds the maildrop "
                          "now: the lock is stale. The next login of %2 finds it stale, removes "
                          "it and goes on.")
                    .arg(r.detail, r.text);
            return tr("At start the server found the lock file %1 of %2's maildrop, written by "
                      "process %3, which no longer runs: it crashed or was killed without "
                      "removing its lock. Nobody holds the maildrop: the lock is stale. The next "
                      "login of %2 finds it stale, removes it and goes on.")
                .arg(r.detail, r.text)
                .arg(r.number);
        case NoteKind::FaultSlowReplies:
            if (r.number <= 0)
                return tr("The teacher took the delay away: every reply is sent at once again.");
            return tr("The teacher slowed the server down: each reply now waits %1 ms. A client "
                      "that sends several commands at once (pipelining) gets the replies in order, "
                      "one by one; a client with a short timeout may give up.")
                .arg(r.number);
        case NoteKind::FaultLoginRefused:
            return tr("The teacher made the storage fail for this login: the password was right, "
                      "but the maildrop could not be opened, so the server answers -ERR "
                      "[SYS/TEMP] (RFC 3206: a temporary system problem, try again later). "
                      "Nothing is locked.");
        case NoteKind::FaultCommitFailed:
            return plural(QT_TRANSLATE_N_NOOP("SequenceModel",
                              "The teacher made UPDATE stop half-way with a write error: the "
                              "journal naming the %n message(s) marked deleted was written, only "
                              "some were removed, and the server says -ERR [SYS/TEMP]. The mailbox "
                              "stays consistent: the next login finishes the journal, so every "
                              "marked message goes and no other (the commit is all or nothing)."),
                r.number);
        case NoteKind::FaultServerCrashed:
            if (r.number <= 0)
                return tr("The teacher killed the server: every connection was cut at once, with "
                          "no goodbye and no UPDATE. No lock was held.");
            return tr("The teacher killed the server: every connection was cut at once, with no "
                      "goodbye and no UPDATE, and the lock files were not removed (%1). The "
                      "server restarted; the next login of that user finds the lock stale (its "
                      "session is gone), removes it and goes on.")
                .arg(r.detail);
        case NoteKind::MessageDelivered:
            return tr("A new message was delivered to %1's maildrop (%2). A session already "
                      "logged in does not see it: it works on the maildrop as it was at login "
                      "(RFC 1939). It shows at the next login.")
                .arg(r.text, r.detail);
        case NoteKind::TlsStarted:
            return tr("Client and server agreed on keys (the TLS handshake: %1). From here on, "
                      "every line in both directions is encrypted: someone on the path sees "
                      "only opaque records, not the commands, the password or the mail.")
                .arg(r.detail);
        case NoteKind::StlsInputDiscarded:
            return tr("The client sent %1 octets after STLS without waiting for +OK. The server "
                      "throws them away unread (RFC 2595): whatever was written before the "
                      "encryption began could have been injected by someone on the path "
                      "(CVE-2011-0411).")
                .arg(r.number);
        default:
            return label(index);
        }
    case RowKind::Disconnect: {
        QString words;
        if (r.text == disconnectReasonName(DisconnectReason::Refused))
            return tr("Nothing answered on %1: the connection was refused (no server listens on "
                      "that port), so no POP3 session began.")
                .arg(serverName(serverOf(r.session)));
        if (r.text == disconnectReasonName(DisconnectReason::HostNotFound))
            return tr("The name in %1 could not be resolved to an address: no connection, no POP3 "
                      "session.")
                .arg(serverName(serverOf(r.session)));
        if (r.text == disconnectReasonName(DisconnectReason::Quit))
            words = tr("The server closes the connection after QUIT.");
        // The teacher's faults end with a socket "error": who did it is what matters.
        else if (r.note == NoteKind::FaultDropped)
            words = tr("The teacher dropped this connection (Faults › Drop This Connection Now): "
                       "the server closed it on purpose, as a network fault would. The session "
                       "ends without UPDATE.");
        else if (r.note == NoteKind::FaultServerCrashed)
            words = tr("The teacher killed the server (Faults › Kill the Server): the connection "
                       "died with it, and the session ends without UPDATE.");
        else if (r.text == disconnectReasonName(DisconnectReason::PeerClosed))
            words = tr("The client went away without QUIT: the session never enters UPDATE, so "
                       "nothing marked is deleted.");
        else if (r.text == disconnectReasonName(DisconnectReason::IdleTimeout))
            words = tr("The server logs the client out after too long without a command "
                       "(autologout): no UPDATE.");
        else if (r.text == disconnectReasonName(DisconnectReason::TooManyErrors))
            words = tr("The server closes the connection after too many bad commands: no UPDATE.");
        else if (r.text == disconnectReasonName(DisconnectReason::ServerShutdown))
            words = tr("The server shuts down: the session ends without UPDATE.");
        else if (r.text == disconnectReasonName(DisconnectReason::TooManyLoginFailures))
            words = tr("The server closes the connection after three failed logins, each answered "
                       "later than the one before: guessing a password is slow by design.");
        else if (r.text == disconnectReasonName(DisconnectReason::MailboxInUse))
            words = tr("Dovecot waited about ten seconds for the lock, answered [IN-USE] and "
                       "closed the connection: open a new session once the other one has quit.");
        else
            words = tr("The connection failed: the session ends without UPDATE.");
        if (r.has(MarksLost))
            words += QLatin1Char(' ')
                + (r.number == 1 ? tr("Message %1 stays in the maildrop.")
                                 : tr("Messages %1 stay in the maildrop."))
                      .arg(r.extra);
        return words;
    }
    case RowKind::LoginSummary:
        return tr("AUTHORIZATION, collapsed: %1 exchanged to log in as %2; the session is now in "
                  "TRANSACTION.")
            .arg(plural(QT_TRANSLATE_N_NOOP("SequenceModel", "%n line(s)"), r.number), r.text);
    }
    return {};
}

QString SequenceModel::label(qsizetype index) const
{
    // A word, not only a colour or a lock glyph (DejaVu, the default font here, has no lock).
    if (row(index).has(Encrypted))
        return QStringLiteral("[TLS] ") + plainLabel(index);
    return plainLabel(index);
}

QString SequenceModel::caption(qsizetype index) const
{
    QString words = plainCaption(index);
    const QString asked = pipelinedReplyWords(index);
    if (!asked.isEmpty())
        words += QLatin1Char(' ') + asked;
    const QString seen = eavesdropperWords(index);
    return seen.isEmpty() ? words : words + QLatin1Char(' ') + seen;
}

// A reply whose command is not the arrow just above it (FarReply: other commands or replies of
// its session came in between, pipelining) names the command it answers. A password is not
// repeated.
QString SequenceModel::pipelinedReplyWords(qsizetype index) const
{
    const Row &r = row(index);
    if (!r.has(FarReply) || r.pair < 0 || r.pair >= index)
        return {};
    const Row &command = row(r.pair);
    // A credential hidden as the labels hide it (PASS ********).
    const QString asked =
        QString::fromUtf8(maskSecret(command.text.toUtf8(), command.has(Continuation)));
    return tr("It answers “%1”, further up: the client sent several commands without waiting "
              "for their replies (pipelining), and the replies come back in the order of the "
              "commands.")
        .arg(asked);
}

QString SequenceModel::eavesdropperWords(qsizetype index) const
{
    const Row &r = row(index);
    if (r.kind != RowKind::Command && r.kind != RowKind::Reply)
        return {};
    if (r.has(Encrypted))
        return tr("Encrypted (TLS): an eavesdropper sees only an opaque record of some octets, "
                  "not this line.");
    if (r.kind == RowKind::Reply)
        return r.has(MultiLine) ? tr("An eavesdropper reads this reply in clear, body included.")
                                : tr("An eavesdropper reads this reply in clear.");
    const QString argument = argumentOf(shownLine(r));
    if (r.has(Continuation)) {
        if (r.detail == QLatin1String("CRAM-MD5"))
            return tr("An eavesdropper reads the user name and the CRAM-MD5 digest: readable but "
                      "not reusable, since it answers this connection's one-time challenge. It "
                      "is still MD5: with the challenge and the digest, passwords can be tried "
                      "offline, very fast.");
        if (r.detail == QLatin1String("SCRAM-SHA-256"))
            return tr("An eavesdropper reads a SCRAM-SHA-256 message: salted and not reusable; "
                      "the password can only be guessed offline, slowly (many rounds of "
                      "SHA-256).");
        return tr("An eavesdropper decodes this base64 at once: with %1 it holds the user name "
                  "and the password, in clear.")
            .arg(r.detail.isEmpty() ? QStringLiteral("SASL") : r.detail);
    }
    switch (r.command) {
    case Command::Pass:
        return tr("The password leaks: an eavesdropper reads \"%1\" in clear and can log in with "
                  "it.")
            .arg(argument);
    case Command::User:
        return tr("An eavesdropper reads the user name (%1) in clear.").arg(argument);
    case Command::Apop:
        return tr("An eavesdropper reads the user name and the MD5 digest: readable but not "
                  "reusable, since it mixes the password with this greeting's timestamp, which "
                  "changes every connection. MD5 is no longer enough: with the timestamp and the "
                  "digest, passwords can be tried offline by the billion.");
    case Command::Auth:
        if (argument.contains(QLatin1Char(' ')))
            return tr("An eavesdropper decodes the initial response (base64) at once: it holds "
                      "the user name and the password, in clear.");
        return tr("An eavesdropper reads which SASL mechanism is used.");
    case Command::Stls:
        return tr("An eavesdropper reads STLS in clear; after the server's +OK it sees nothing "
                  "but encrypted records.");
    default:
        return tr("An eavesdropper reads this line in clear.");
    }
}

QString SequenceModel::rfcSection(qsizetype index) const
{
    const Row &r = row(index);
    const QString s4 = tr("RFC 1939 §4 (The AUTHORIZATION State)");
    const QString s5 = tr("RFC 1939 §5 (The TRANSACTION State)");
    const QString s6 = tr("RFC 1939 §6 (The UPDATE State)");
    const QString s7 = tr("RFC 1939 §7 (Optional POP3 Commands)");
    switch (r.kind) {
    case RowKind::Connect:
        return s4;
    case RowKind::LoginSummary:
        return s4;
    case RowKind::ServerNote:
        return {};
    case RowKind::Disconnect:
        if (r.text == disconnectReasonName(DisconnectReason::IdleTimeout))
            return tr("RFC 1939 §3 (Basic Operation: the autologout timer)");
        return r.has(Dropped) ? s6 : s6;
    case RowKind::MaildropNote:
        switch (r.event) {
        case EventKind::LockCreated:
        case EventKind::StaleLockCleared:
            return s4;
        case EventKind::LockRefused:
            return tr("RFC 1939 §4; RFC 2449 §8.1.2 ([IN-USE])");
        case EventKind::MarkedDeleted:
        case EventKind::MarksReset:
            return s5;
        default:
            return s6;
        }
    case RowKind::Command:
    case RowKind::Reply:
        break;
    }
    if (r.has(Greeting))
        return s4;
    if (r.has(Err) && r.kind == RowKind::Reply && r.text.contains(QLatin1String("IN-USE")))
        return tr("RFC 1939 §4; RFC 2449 §8.1.2 ([IN-USE])");
    switch (r.command) {
    case Command::User:
    case Command::Pass:
    case Command::Apop:
    case Command::Top:
    case Command::Uidl:
        return s7;
    case Command::Stat:
    case Command::List:
    case Command::Retr:
    case Command::Dele:
    case Command::Noop:
    case Command::Rset:
        return s5;
    case Command::Quit:
        return (r.kind == RowKind::Command ? r.readIn : r.stateBefore) == State::Authorization ? s4
                                                                                               : s6;
    case Command::Capa:
        return tr("RFC 2449 §5 (The CAPA Command)");
    case Command::Auth:
        return tr("RFC 5034 §4 (The AUTH Command)");
    case Command::Stls:
        return tr("RFC 2595 §4 (POP3 STARTTLS extension)");
    case Command::Last:
        return tr("RFC 1460 (LAST, removed from RFC 1725 on)");
    case Command::None:
    case Command::Unknown:
        return tr("RFC 1939 §3 (Basic Operation: commands and replies)");
    }
    return {};
}

QString SequenceModel::rowText(qsizetype index) const
{
    const Row &r = row(index);
    QString arrow;
    switch (r.kind) {
    case RowKind::Connect:
        arrow = QStringLiteral("C ==> S");
        break;
    case RowKind::Command:
        arrow = QStringLiteral("C --> S");
        break;
    case RowKind::Reply:
        arrow = QStringLiteral("C <.. S");
        break;
    case RowKind::MaildropNote:
        arrow = QStringLiteral("    [M]");
        break;
    case RowKind::ServerNote:
        arrow = QStringLiteral("  [S]  ");
        break;
    case RowKind::Disconnect:
        arrow = r.has(Dropped) ? QStringLiteral("C ~X~ S") : QStringLiteral("C -X- S");
        break;
    case RowKind::LoginSummary:
        arrow = QStringLiteral("C <=> S");
        break;
    }
    QStringList tags;
    if (r.has(Err))
        tags << QStringLiteral("ERR");
    if (r.has(Pipelined))
        tags << QStringLiteral("pipelined");
    if (r.has(Unanswered))
        tags << QStringLiteral("no reply");
    if (r.has(Dropped))
        tags << QStringLiteral("dropped");
    if (r.has(MarksLost))
        tags << QStringLiteral("marks lost: %1").arg(r.extra);
    if (r.has(Truncated))
        tags << QStringLiteral("truncated");
    if (r.stateAfter != r.stateBefore)
        tags << QStringLiteral("%1 -> %2").arg(stateName(r.stateBefore), stateName(r.stateAfter));
    if (r.kind == RowKind::MaildropNote
        && (r.event == EventKind::LockCreated || r.event == EventKind::LockRemoved))
        tags << QStringLiteral("locks held: %1").arg(r.locksAfter);
    QString line = QStringLiteral("#%1 %2 s%3 %4  %5")
                       .arg(r.seq, 3)
                       .arg(timeText(index))
                       .arg(r.session)
                       .arg(arrow, label(index));
    if (!tags.isEmpty())
        line += QStringLiteral("  {%1}").arg(tags.join(QStringLiteral("; ")));
    line += QLatin1Char('\n');
    const QStringList body = expandedBody(index);
    for (const QString &bodyLine : body)
        line += QStringLiteral("        | ") + bodyLine + QLatin1Char('\n');
    const QString section = rfcSection(index);
    line += QStringLiteral("        ~ ")
        + (section.isEmpty() ? QString() : section + QStringLiteral(": ")) + caption(index)
        + QLatin1Char('\n');
    return line;
}

QString SequenceModel::disconnectWords(const QString &reason, NoteKind cutBy)
{
    if (reason == disconnectReasonName(DisconnectReason::Quit))
        return tr("connection closed after QUIT");
    if (reason == disconnectReasonName(DisconnectReason::Refused)
        || reason == disconnectReasonName(DisconnectReason::HostNotFound))
        return reasonWords(reason);
    // Closed on purpose after the refused login (as Dovecot does), not dropped.
    if (reason == disconnectReasonName(DisconnectReason::MailboxInUse))
        return tr("connection closed by the server after [IN-USE]");
    return tr("connection dropped (%1): no UPDATE").arg(reasonWords(reason, cutBy));
}

QString SequenceModel::eventWords(const Event &event)
{
    SequenceModel model;
    model.setHideSecrets(true);
    if (!model.append(event) && model.rowCount() == 0)
        return {};
    return model.plainLabel(model.rowCount() - 1);
}

QString SequenceModel::toText() const
{
    QString out;
    QStringList lanes;
    for (int id : m_sessionOrder) {
        if (m_filter.session != 0 && id != m_filter.session)
            continue;
        lanes << QStringLiteral("s%1 %2 (lane %3)").arg(id).arg(sessionName(id)).arg(laneOf(id));
    }
    for (int server = 1; server < serverCount(); ++server)
        lanes << QStringLiteral("other server %1").arg(serverName(server));
    lanes << QStringLiteral("server") << QStringLiteral("maildrop");
    out += QStringLiteral("lanes: ") + lanes.join(QStringLiteral(" | ")) + QLatin1Char('\n');
    for (qsizetype v = 0; v < visibleCount(); ++v)
        out += rowText(visibleRow(v));
    return out;
}

} // namespace pop3
