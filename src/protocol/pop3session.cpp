#include "protocol/pop3session.h"

#include "events/eventlog.h"
#include "protocol/authdigests.h"
#include "protocol/commands.h"
#include "protocol/loginthrottle.h"
#include "protocol/replybody.h"
#include "protocol/scramserver.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>

namespace pop3 {

namespace {

const QByteArray crlf("\r\n");

QString controlName(uchar c)
{
    switch (c) {
    case 0x08:
        return QStringLiteral("0x08 (Backspace)");
    case 0x7f:
        return QStringLiteral("0x7F (Delete)");
    case 0x0d:
        return QStringLiteral("0x0D (a carriage return inside the line)");
    case 0x1b:
        return QStringLiteral("0x1B (Escape)");
    case 0x03:
        return QStringLiteral("0x03 (Ctrl+C)");
    default:
        return QStringLiteral("0x%1")
            .arg(uint(c), 2, 16, QLatin1Char('0'))
            .toUpper()
            .replace(QLatin1String("0X"), QLatin1String("0x"));
    }
}

QString str(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

QString num(qint64 n)
{
    return QString::number(n);
}

} // namespace

QByteArray echoable(const QByteArray &bytes, qsizetype maxChars)
{
    QByteArray out;
    for (char c : bytes) {
        if (out.size() >= maxChars) {
            out += "...";
            break;
        }
        if (uchar(c) >= 0x20 && uchar(c) < 0x7f)
            out += c;
        else
            out += "\\x" + QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
    }
    return out;
}

void Pop3Session::Reply::report(qint64 nowMs)
{
    if (!held)
        return;
    Event e = std::move(*held);
    held.reset();
    e.timeMs = nowMs;
    if (heldLog)
        heldLog->append(std::move(e));
}

QByteArray Pop3Session::Reply::drain()
{
    if (held)
        report(held->timeMs + delayMs);
    QByteArray all = head;
    if (body)
        all += body->readAll();
    return all;
}

Pop3Session::Pop3Session(
    EventLog *log, MailboxAccess *store, const Personality *personality, int id, Peer peer)
    : m_log(log)
    , m_store(store)
    , m_personality(personality)
    , m_id(id)
    , m_peer(std::move(peer))
    , m_tls(m_peer.tls)
{ }

Pop3Session::Pop3Session(EventLog *log,
    MailboxAccess *store,
    std::shared_ptr<const Personality> personality,
    int id,
    Peer peer)
    : Pop3Session(log, store, personality.get(), id, std::move(peer))
{
    m_ownPersonality = std::move(personality);
}

Pop3Session::~Pop3Session()
{
    if (m_state != State::Closed)
        end(DisconnectReason::Error, m_now, QStringLiteral("session destroyed"));
}

QString Pop3Session::t(const QString &key, const Personality::Args &args) const
{
    return m_personality->text(key, args);
}

void Pop3Session::emitEvent(Event e)
{
    if (!m_log)
        return;
    e.session = m_id;
    e.timeMs = m_now;
    e.state = m_state;
    m_log->append(std::move(e));
}

void Pop3Session::changeState(State to)
{
    if (to == m_state)
        return;
    Event e;
    e.kind = EventKind::StateChanged;
    e.from = m_state;
    e.to = to;
    m_state = to;
    emitEvent(e);
}

QByteArray Pop3Session::start(qint64 nowMs)
{
    m_now = nowMs;
    Event connected;
    connected.kind = EventKind::Connected;
    connected.text = m_peer.remote;
    connected.detail = m_peer.local;
    emitEvent(connected);
    QString greeting = t(QStringLiteral("greeting"), {{QStringLiteral("host"), m_peer.serverHost}});
    if (m_personality->apop) {
        m_apopTimestamp = challengeStamp();
        greeting += QLatin1Char(' ') + QString::fromUtf8(m_apopTimestamp);
    }
    Reply reply = ok(greeting);
    Event e;
    e.kind = EventKind::ServerReply;
    e.ok = true;
    e.bytes = reply.head;
    emitEvent(e);
    changeState(State::Authorization);
    return reply.head;
}

// "<pid.session.time@host>": unique to this connection (RFC 1939 §7 for APOP, RFC 2195 for
// CRAM-MD5).
QByteArray Pop3Session::challengeStamp() const
{
    return QStringLiteral("<%1.%2.%3@%4>")
        .arg(QCoreApplication::applicationPid())
        .arg(m_id)
        .arg(m_now / 1000)
        .arg(QSysInfo::machineHostName())
        .toUtf8();
}

bool Pop3Session::plaintextAuthAllowed() const
{
    return !m_plaintextDisabled || m_tls || (m_peer.onThisMachine && m_localIsSecure);
}

void Pop3Session::tlsStarted(qint64 nowMs, const QString &detail)
{
    m_now = nowMs;
    m_tls = true;
    // RFC 2595 §4: knowledge obtained before TLS (a USER name, a SASL exchange) is discarded.
    m_pendingUser.clear();
    m_sasl = Sasl::None;
    m_saslUser.clear();
    m_scram.reset();
    emitEvent(Event::makeNote(NoteKind::TlsStarted, detail));
}

void Pop3Session::discardedAfterStls(qint64 octets, qint64 nowMs)
{
    m_now = nowMs;
    Event e = Event::makeNote(NoteKind::StlsInputDiscarded,
        QStringLiteral("%1 octets sent after STLS, before the TLS handshake, were discarded unread")
            .arg(octets));
    e.number = int(qMin<qint64>(octets, 0x7fffffff));
    emitEvent(e);
}

Pop3Session::Reply Pop3Session::plaintextRefused()
{
    return err(t(QStringLiteral("auth.plaintextDisabled")));
}

// "+OK text" or "-ERR text" with CRLF, cut so that it never exceeds RFC 1939's 512 octets.
Pop3Session::Reply Pop3Session::statusReply(const char *status, const QString &text)
{
    Reply r;
    QByteArray &line = r.head; // built in place: one allocation per reply
    const QByteArray words = text.toUtf8();
    line.reserve(qMin<qsizetype>(words.size() + 8, maxReply));
    line.append(status);
    if (!words.isEmpty())
        line.append(' ').append(words);
    if (line.size() > maxReply - 2) {
        line.truncate(maxReply - 5);
        line.append("...");
    }
    line.append(crlf);
    return r;
}

Pop3Session::Reply Pop3Session::ok(const QString &text)
{
    m_lastWasBad = false;
    return statusReply("+OK", text);
}

Pop3Session::Reply Pop3Session::err(const QString &text, bool bad)
{
    m_lastWasBad = bad;
    return statusReply("-ERR", text);
}

Pop3Session::Reply Pop3Session::withBody(Reply reply, std::unique_ptr<ReplyBody> body)
{
    reply.body = std::move(body);
    return reply;
}

Pop3Session::Reply Pop3Session::finishReply(Reply reply)
{
    if (m_lastWasBad) {
        ++m_badInARow;
    } else if (reply.head.startsWith("+OK")) {
        m_badInARow = 0;
    }
    m_lastWasBad = false;
    if (reply.close)
        m_closing = true;
    if (!reply.head.isEmpty())
        reply.delayMs += m_extraDelayMs;
    Event e;
    e.kind = EventKind::ServerReply;
    e.ok = reply.head.startsWith('+');
    e.bytes = reply.head;
    if (reply.body) {
        e.session = m_id;
        e.timeMs = m_now;
        e.state = m_state;
        reply.body->setPendingEvent(m_log, e);
    } else if (reply.delayMs > 0 && m_log) {
        // Held until the connection writes it (a failed login, Dovecot's [IN-USE] wait).
        e.session = m_id;
        e.timeMs = m_now;
        e.state = m_state;
        reply.heldLog = m_log;
        reply.held = std::move(e);
    } else {
        emitEvent(e);
    }
    return reply;
}

bool Pop3Session::badLimitReached() const
{
    const int limit = m_state == State::Transaction ? m_personality->badCommandLimitTransaction
                                                    : m_personality->badCommandLimitAuth;
    return limit > 0 && m_badInARow >= limit;
}

Pop3Session::Reply Pop3Session::unknownCommand(const QString &key, const Personality::Args &args)
{
    return err(t(key, args), true);
}

QString Pop3Session::remoteAddress() const
{
    QString address = m_peer.remote;
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && address.indexOf(QLatin1Char(':')) == colon) // "1.2.3.4:port"
        address.truncate(colon);
    else if (address.startsWith(QLatin1Char('[')) && address.contains(QLatin1String("]:")))
        address = address.mid(1, address.lastIndexOf(QLatin1Char(']')) - 1); // "[::1]:port"
    return address;
}

// Each failed login waits (and the connection reads nothing more meanwhile), longer after each
// failure of this connection and of its source; after a few, the connection closes.
Pop3Session::Reply Pop3Session::failedLogin(Reply reply)
{
    ++m_failedLogins;
    const int base = m_personality->loginFailureDelayMs;
    if (m_loginDelays) {
        reply.delayMs = m_throttle
            ? m_throttle->failed(remoteAddress(), m_failedLogins, base, m_now)
            : loginFailureDelay(base, m_failedLogins);
    }
    const int limit = m_personality->loginFailureLimit;
    if (limit > 0 && m_failedLogins >= limit) {
        reply.close = true;
        m_closeReason = DisconnectReason::TooManyLoginFailures;
    }
    return reply;
}

Pop3Session::Reply Pop3Session::inUse(Reply reply)
{
    if (m_loginDelays)
        reply.delayMs = m_personality->inUseDelayMs;
    if (m_personality->inUseCloses) {
        reply.close = true;
        m_closeReason = DisconnectReason::MailboxInUse;
    }
    return reply;
}

Pop3Session::Reply Pop3Session::tooManyBad()
{
    Reply r = err(t(m_state == State::Transaction ? QStringLiteral("tooManyBad.transaction")
                                                  : QStringLiteral("tooManyBad.auth")),
        false);
    r.close = true;
    m_closeReason = DisconnectReason::TooManyErrors;
    return r;
}

Pop3Session::Reply Pop3Session::handleOverlongLine(
    const QByteArray &start, qint64 length, qint64 nowMs)
{
    m_now = nowMs;
    Event e;
    e.kind = EventKind::ClientLine;
    e.bytes = start;
    e.octets = length;
    e.truncated = true;
    e.secretFrom = secretOffset(start, m_sasl != Sasl::None);
    e.queued = m_lineWasQueued;
    emitEvent(e);
    probeQueue(e.bytes);
    if (badLimitReached())
        return finishReply(tooManyBad());
    // An over-long SASL response ends the exchange (RFC 5034 §4: the server answers -ERR); left
    // open, the next line (a NOOP, a second LOGIN line) would be read as the response.
    m_sasl = Sasl::None;
    m_saslUser.clear();
    return finishReply(
        err(t(QStringLiteral("line.tooLong"), {{QStringLiteral("length"), num(length)}})));
}

bool Pop3Session::lineQueued(const QByteArray &bytes, qint64 length, qint64 nowMs)
{
    if (m_closing || (m_state != State::Authorization && m_state != State::Transaction))
        return false;
    m_now = std::max(m_now, nowMs);
    Event e;
    e.kind = EventKind::LineQueued;
    e.bytes = bytes;
    e.octets = length;
    e.truncated = length > bytes.size();
    e.secretFrom = secretOffset(bytes, m_sasl != Sasl::None || m_queueAfterAuth);
    if (parseCommandLine(bytes).keyword == "AUTH")
        m_queueAfterAuth = true;
    emitEvent(e);
    return true;
}

void Pop3Session::probeQueue(const QByteArray &line)
{
    if (!m_queueProbe)
        return;
    // What follows an AUTH may be its SASL answer: hidden whole until the exchange is known.
    if (parseCommandLine(line).keyword == "AUTH")
        m_queueAfterAuth = true;
    m_queueProbe();
}

void Pop3Session::setLineWasQueued(bool queued)
{
    m_lineWasQueued = queued;
    if (!queued)
        m_queueAfterAuth = false;
}

Pop3Session::Reply Pop3Session::handleBareCrLine(const QByteArray &rawLine, qint64 nowMs)
{
    m_now = nowMs;
    if (m_closing || (m_state != State::Authorization && m_state != State::Transaction))
        return {};
    Event e;
    e.kind = EventKind::ClientLine;
    e.bytes = rawLine;
    e.octets = rawLine.size();
    e.queued = m_lineWasQueued;
    emitEvent(e);
    probeQueue(e.bytes);
    if (badLimitReached())
        return finishReply(tooManyBad());
    return finishReply(err(t(QStringLiteral("line.bareCr")), false));
}

Pop3Session::Reply Pop3Session::handleLine(const QByteArray &rawLine, qint64 nowMs)
{
    m_now = nowMs;
    // After a reply that closes (QUIT, too many bad commands), pipelined lines get no answer.
    if (m_closing || (m_state != State::Authorization && m_state != State::Transaction))
        return {};
    Event e;
    e.kind = EventKind::ClientLine;
    e.bytes = rawLine;
    e.octets = rawLine.size();
    e.secretFrom = secretOffset(rawLine, m_sasl != Sasl::None);
    e.queued = m_lineWasQueued;
    emitEvent(e);
    probeQueue(e.bytes);
    // Once the limit of unknown commands is reached, the next line, whatever it is, closes
    // (Dovecot: the 4th line after 3 unknown commands before login, the 22nd after 21).
    if (badLimitReached())
        return finishReply(tooManyBad());

    QByteArray line = rawLine;
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);

    if (m_sasl != Sasl::None) {
        m_pendingStateChange = false;
        Reply reply = finishReply(saslStep(line));
        if (m_pendingStateChange) {
            m_pendingStateChange = false;
            changeState(m_pendingState);
        }
        return reply;
    }

    if (rawLine.size() > maxCommandLine)
        return finishReply(err(
            t(QStringLiteral("line.tooLong"), {{QStringLiteral("length"), num(rawLine.size())}})));
    for (qsizetype i = 0; i < line.size(); ++i) {
        const uchar c = uchar(line.at(i));
        if (c == 0)
            return finishReply(
                err(t(QStringLiteral("line.nul"), {{QStringLiteral("pos"), num(i + 1)}})));
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return finishReply(err(t(QStringLiteral("line.control"),
                {{QStringLiteral("byte"), controlName(c)}, {QStringLiteral("pos"), num(i + 1)}})));
    }
    if (line.trimmed().isEmpty())
        return finishReply(err(t(QStringLiteral("empty")), true));

    const CommandLine parsed = parseCommandLine(line);
    m_pendingStateChange = false;
    Reply reply = finishReply(dispatch(parsed.keyword, parsed.args, parsed.rest));
    if (m_pendingStateChange) {
        m_pendingStateChange = false;
        changeState(m_pendingState);
    }
    return reply;
}

Pop3Session::Reply Pop3Session::dispatch(
    const QByteArray &cmd, const QList<QByteArray> &args, const QByteArray &rest)
{
    // The arguments of a reply's words are built only for the reply that uses them: a QHash per
    // command that most commands never read was most of the cost of a line.
    const auto cmdArg = [&cmd] {
        return Personality::Args{{QStringLiteral("cmd"), str(echoable(cmd, 10))}};
    };
    bool plainKeyword = !cmd.isEmpty() && cmd.size() <= 4;
    for (char c : cmd)
        plainKeyword = plainKeyword && c >= 'A' && c <= 'Z';
    if (!plainKeyword)
        return unknownCommand(m_state == State::Authorization
                ? QStringLiteral("unknown.auth")
                : QStringLiteral("unknown.transaction"),
            cmdArg());
    // PASS and AUTH carry free text; a user name is as long as the accounts allow (AUTH PLAIN and
    // the accounts file accept long ones too), up to the line's own limit.
    if (cmd != "PASS" && cmd != "AUTH" && cmd != "USER" && cmd != "APOP") {
        for (const QByteArray &a : args) {
            if (a.size() > 40)
                return err(
                    t(QStringLiteral("arg.tooLong"), {{QStringLiteral("length"), num(a.size())}}));
        }
    }
    // Which commands exist and which state allows them: the command table (commands.cpp).
    const CommandSpec *spec = findCommand(cmd);
    const bool auth = m_state == State::Authorization;
    if (!spec || spec->historic || !m_personality->offers(spec->command))
        return unknownCommand(
            auth ? QStringLiteral("unknown.auth") : QStringLiteral("unknown.transaction"),
            cmdArg());
    if (!spec->allowedIn(m_state))
        return unknownCommand(
            auth ? QStringLiteral("wrongState.auth") : QStringLiteral("wrongState.transaction"),
            {{QStringLiteral("cmd"), str(cmd)}});
    if (cmd == "CAPA") {
        if (!args.isEmpty())
            return err(t(QStringLiteral("noArgs"), cmdArg()));
        QList<QByteArray> lines;
        const bool canStartTls = m_peer.tlsAvailable && m_personality->stls && !m_tls;
        for (const QString &line : m_personality->capaLines(canStartTls, plaintextAuthAllowed()))
            lines.append(line.toUtf8());
        return withBody(ok(t(QStringLiteral("capa.ok"))), std::make_unique<LinesBody>(lines));
    }
    if (auth)
        return authorization(cmd, args, rest);
    if (m_personality->singleSpaceArguments && spec->messageNumber && !rest.isEmpty()) {
        // Dovecot splits on each space: `retr 1 ` has an empty word (noise) after the number.
        return transaction(cmd, rest.split(' '));
    }
    return transaction(cmd, args);
}

Pop3Session::Reply Pop3Session::authorization(
    const QByteArray &cmd, const QList<QByteArray> &args, const QByteArray &rest)
{
    const auto cmdArg = [&cmd] {
        return Personality::Args{{QStringLiteral("cmd"), str(cmd)}};
    };
    if (cmd == "USER") {
        if (args.isEmpty())
            return err(t(QStringLiteral("user.missing"), cmdArg()));
        // Dovecot takes the rest of the line as the name (`user  student`, `user student ` and
        // `USER student hessovs!` all get +OK; the PASS after them fails).
        const bool literal = m_personality->singleSpaceArguments;
        if (args.size() > 1 && !literal)
            return err(t(QStringLiteral("args.extra"),
                {{QStringLiteral("cmd"), str(cmd)}, {QStringLiteral("count"), num(args.size())}}));
        if (!plaintextAuthAllowed())
            return plaintextRefused();
        const QByteArray given = literal ? rest : args.first();
        const QString name = QString::fromUtf8(given);
        const Personality::Args userArg{{QStringLiteral("user"), str(echoable(given))}};
        if (m_personality->revealUnknownUsers && !m_store->secret(name)) {
            m_pendingUser.clear();
            return err(t(QStringLiteral("user.unknown"), userArg), false);
        }
        m_pendingUser = name;
        return ok(t(QStringLiteral("user.ok"), userArg));
    }
    if (cmd == "PASS") {
        if (!plaintextAuthAllowed())
            return plaintextRefused();
        if (m_pendingUser.isEmpty())
            return err(t(QStringLiteral("pass.noUser")));
        if (rest.isEmpty())
            return err(t(QStringLiteral("pass.missing")));
        const QString user = m_pendingUser;
        m_pendingUser.clear();
        return login(user, QString::fromUtf8(rest), false);
    }
    if (cmd == "APOP") {
        if (!m_personality->apop)
            return err(t(QStringLiteral("apop.disabled")));
        if (args.size() != 2 || args.at(1).size() != 32
            || QByteArray::fromHex(args.at(1)).toHex() != args.at(1).toLower())
            return err(t(QStringLiteral("apop.syntax")));
        const QString user = QString::fromUtf8(args.at(0));
        const std::optional<QString> secret = m_store->secret(user);
        const QByteArray expected =
            secret ? apopDigest(m_apopTimestamp, secret->toUtf8()) : QByteArray();
        if (!secret || expected != args.at(1).toLower())
            return failedLogin(err(t(QStringLiteral("auth.failed"))));
        return login(user, QString(), true);
    }
    if (cmd == "AUTH") {
        if (m_personality->saslMechanisms.isEmpty())
            return unknownCommand(QStringLiteral("unknown.auth"), cmdArg());
        if (args.isEmpty()) {
            // Bare AUTH lists the mechanisms (as Dovecot does, and as CAPA's SASL line says).
            QList<QByteArray> lines;
            for (const QString &m : m_personality->advertisedMechanisms(plaintextAuthAllowed()))
                lines.append(m.toLatin1());
            return withBody(ok(t(QStringLiteral("sasl.list"))), std::make_unique<LinesBody>(lines));
        }
        const QString mech = QString::fromLatin1(args.at(0)).toUpper();
        if (!m_personality->saslMechanisms.contains(mech))
            return err(t(QStringLiteral("sasl.unknown"),
                {{QStringLiteral("arg"), str(echoable(args.at(0)))}}));
        if (Personality::isPlaintextMechanism(mech) && !plaintextAuthAllowed())
            return plaintextRefused();
        return startSasl(mech, args);
    }
    if (cmd == "STLS") {
        if (m_tls)
            return err(t(QStringLiteral("stls.active")));
        if (!m_peer.tlsAvailable || !m_personality->stls)
            return err(t(QStringLiteral("stls.unavailable")), false);
        // RFC 2595 §4: what the client said before TLS is forgotten; the lines it pipelined
        // behind STLS are discarded by the connection, never answered.
        m_pendingUser.clear();
        Reply r = ok(t(QStringLiteral("stls.ok")));
        r.startTls = true;
        return r;
    }
    if (cmd == "QUIT") {
        if (!args.isEmpty())
            return err(t(QStringLiteral("noArgs"), cmdArg()));
        Reply r = ok(t(QStringLiteral("quit.auth")));
        r.close = true;
        return r;
    }
    return unknownCommand(
        QStringLiteral("unknown.auth"), cmdArg()); // a table row without a handler
}

Pop3Session::Reply Pop3Session::continuation(const QByteArray &challenge)
{
    Reply r;
    r.head = "+ " + challenge.toBase64() + crlf;
    return r;
}

// AUTH mech [initial-response] (RFC 5034 §4): the first challenge, or the first step at once.
Pop3Session::Reply Pop3Session::startSasl(const QString &mech, const QList<QByteArray> &args)
{
    m_saslUser.clear();
    const bool initial = args.size() > 1;
    if (mech == QLatin1String("PLAIN")) {
        m_sasl = Sasl::PlainResponse;
        return initial ? saslStep(args.at(1)) : continuation({});
    }
    if (mech == QLatin1String("LOGIN")) {
        m_sasl = Sasl::LoginUser;
        return initial ? saslStep(args.at(1)) : continuation("Username:");
    }
    if (mech == QLatin1String("CRAM-MD5")) {
        // The server speaks first (RFC 2195): an initial response cannot be an answer.
        if (initial)
            return err(
                t(QStringLiteral("sasl.noInitialResponse"), {{QStringLiteral("mech"), mech}}));
        // Never the same twice, even for two AUTHs in one second of one connection.
        m_cramChallenge = QStringLiteral("<%1.%2@%3>")
                              .arg(QRandomGenerator::system()->generate64())
                              .arg(m_now)
                              .arg(QSysInfo::machineHostName())
                              .toUtf8();
        m_sasl = Sasl::CramResponse;
        return continuation(m_cramChallenge);
    }
    if (mech == QLatin1String("SCRAM-SHA-256")) {
        m_scram = std::make_unique<ScramServer>();
        m_sasl = Sasl::ScramFirst;
        return initial ? saslStep(args.at(1)) : continuation({});
    }
    return err(t(QStringLiteral("sasl.unknown"), {{QStringLiteral("arg"), mech}}));
}

Pop3Session::Reply Pop3Session::saslStep(const QByteArray &line)
{
    const Sasl step = m_sasl;
    m_sasl = Sasl::None;
    if (line == "*") {
        m_scram.reset();
        return err(t(QStringLiteral("sasl.cancelled")), false);
    }
    if (line.size() > maxSaslLine)
        return err(
            t(QStringLiteral("line.tooLong"), {{QStringLiteral("length"), num(line.size())}}));
    const auto decoded = QByteArray::fromBase64Encoding(
        line == "=" ? QByteArray() : line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return err(t(QStringLiteral("sasl.badBase64")));
    const QByteArray data = *decoded;
    switch (step) {
    case Sasl::PlainResponse: {
        // authzid \0 authcid \0 password (RFC 4616)
        const QList<QByteArray> parts = data.split('\0');
        if (parts.size() != 3)
            return err(t(QStringLiteral("sasl.badBase64")));
        if (!parts.at(0).isEmpty() && parts.at(0) != parts.at(1))
            return failedLogin(err(t(QStringLiteral("auth.failed"))));
        return login(QString::fromUtf8(parts.at(1)), QString::fromUtf8(parts.at(2)), false);
    }
    case Sasl::LoginUser:
        m_saslUser = QString::fromUtf8(data);
        m_sasl = Sasl::LoginPassword;
        return continuation("Password:");
    case Sasl::LoginPassword:
        return login(m_saslUser, QString::fromUtf8(data), false);
    case Sasl::CramResponse: {
        // "user digest" (RFC 2195): the user name may hold spaces, the digest is last.
        const qsizetype space = data.lastIndexOf(' ');
        if (space <= 0)
            return err(t(QStringLiteral("sasl.badBase64")));
        const QString user = QString::fromUtf8(data.left(space));
        const std::optional<QString> secret = m_store->secret(user);
        if (!secret
            || cramMd5Digest(m_cramChallenge, secret->toUtf8()) != data.mid(space + 1).toLower())
            return failedLogin(err(t(QStringLiteral("auth.failed"))));
        return login(user, QString(), true);
    }
    case Sasl::ScramFirst:
    case Sasl::ScramFinal:
    case Sasl::ScramDone:
        return scramStep(step, data);
    case Sasl::None:
        break;
    }
    return err(t(QStringLiteral("sasl.badBase64")));
}

Pop3Session::Reply Pop3Session::scramStep(Sasl step, const QByteArray &data)
{
    if (!m_scram)
        return err(t(QStringLiteral("sasl.badBase64")));
    if (step == Sasl::ScramFirst) {
        if (m_scram->clientFirst(data) != ScramServer::Outcome::Continue) {
            m_scram.reset();
            return err(t(QStringLiteral("sasl.badBase64")));
        }
        m_saslUser = m_scram->user();
        if (const std::optional<QString> secret = m_store->secret(m_saslUser))
            m_scram->setPassword(secret->toUtf8());
        m_sasl = Sasl::ScramFinal;
        return continuation(m_scram->challenge());
    }
    if (step == Sasl::ScramFinal) {
        const ScramServer::Outcome outcome = m_scram->clientFinal(data);
        const bool authzOk = m_scram->authzid().isEmpty() || m_scram->authzid() == m_saslUser;
        if (outcome == ScramServer::Outcome::Malformed) {
            m_scram.reset();
            return err(t(QStringLiteral("sasl.badBase64")));
        }
        if (outcome == ScramServer::Outcome::BadProof || !authzOk) {
            m_scram.reset();
            return failedLogin(err(t(QStringLiteral("auth.failed"))));
        }
        // The server proves it knows the password too; the client answers with an empty line.
        m_sasl = Sasl::ScramDone;
        return continuation(m_scram->challenge());
    }
    m_scram.reset();
    if (!data.isEmpty())
        return err(t(QStringLiteral("sasl.badBase64")));
    return login(m_saslUser, QString(), true);
}

Pop3Session::Reply Pop3Session::login(
    const QString &user, const QString &password, bool passwordChecked)
{
    const std::optional<QString> secret = m_store->secret(user);
    if (!secret || (!passwordChecked && *secret != password))
        return failedLogin(err(t(QStringLiteral("auth.failed"))));
    if (m_throttle)
        m_throttle->succeeded(remoteAddress());

    const MailboxAccess::LockOutcome lock = m_store->lock({user, m_id, m_peer.remote, m_now});
    if (!lock.staleCleared.isEmpty()) {
        Event e;
        e.kind = EventKind::StaleLockCleared;
        e.text = lock.path;
        e.user = user;
        e.detail = lock.staleCleared;
        e.number = int(lock.staleReason); // why it was found stale, for the views to explain
        emitEvent(e);
    }
    if (lock.kind == MailboxAccess::LockOutcome::InUse) {
        Event e;
        e.kind = EventKind::LockRefused;
        e.text = lock.path;
        e.user = user;
        e.detail = lock.holder;
        emitEvent(e);
        return inUse(err(t(QStringLiteral("auth.inUse"))));
    }
    if (lock.kind == MailboxAccess::LockOutcome::Error)
        return err(
            t(QStringLiteral("auth.sysTemp"), {{QStringLiteral("reason"), lock.error}}), false);

    m_holdsLock = true;
    m_user = user;
    Event locked;
    locked.kind = EventKind::LockCreated;
    locked.text = lock.path;
    locked.user = user;
    locked.detail = lock.holder;
    emitEvent(locked);

    m_messages = m_store->snapshot(user);
    m_marks = QBitArray(m_messages.size());
    recountVisible();
    m_pendingState = State::Transaction;
    m_pendingStateChange = true;
    return ok(t(QStringLiteral("pass.ok"),
        {{QStringLiteral("user"), user},
            {QStringLiteral("count"), num(visibleCount())},
            {QStringLiteral("octets"), num(visibleOctets())}}));
}

// Every TRANSACTION command words its reply with the totals, so they are kept up to date at
// login, DELE and RSET instead of being summed over the whole maildrop for each command.
void Pop3Session::recountVisible()
{
    m_visibleCount = int(m_messages.size() - m_marks.count(true));
    m_visibleOctets = 0;
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (!m_marks.testBit(i))
            m_visibleOctets += m_messages.at(i).wireSize;
    }
}

int Pop3Session::messageNumber(const QByteArray &cmd,
    const QList<QByteArray> &args,
    qsizetype index,
    bool mustBeLast,
    Reply &error)
{
    if (args.size() <= index) {
        error = err(t(QStringLiteral("num.missing"), {{QStringLiteral("cmd"), str(cmd)}}));
        return 0;
    }
    const QByteArray &a = args.at(index);
    qsizetype digits = 0;
    while (digits < a.size() && a.at(digits) >= '0' && a.at(digits) <= '9')
        ++digits;
    if (digits == 0) {
        error = err(t(QStringLiteral("num.invalid"), {{QStringLiteral("arg"), str(echoable(a))}}));
        return 0;
    }
    if (digits < a.size()) {
        error = err(t(
            QStringLiteral("num.noise"), {{QStringLiteral("arg"), str(echoable(a.mid(digits)))}}));
        return 0;
    }
    if (mustBeLast && args.size() > index + 1) {
        error = err(t(QStringLiteral("num.noise"),
            {{QStringLiteral("arg"), str(echoable(args.mid(index + 1).join(' ')))}}));
        return 0;
    }
    // Leading zeros do not make a number large: `RETR 00000000001` is message 1, as `RETR 01`.
    qsizetype significant = 0;
    while (significant < a.size() - 1 && a.at(significant) == '0')
        ++significant;
    bool ok = false;
    const qulonglong value = a.size() - significant > 10 ? 0 : a.mid(significant).toULongLong(&ok);
    if (!ok || value > 4294967295ULL) {
        error = err(t(QStringLiteral("num.tooLarge"), {{QStringLiteral("arg"), str(echoable(a))}}));
        return 0;
    }
    const Personality::Args nArgs{{QStringLiteral("n"), num(qint64(value))},
        {QStringLiteral("count"), num(m_messages.size())}};
    if (value == 0 || value > qulonglong(m_messages.size())) {
        error = err(t(QStringLiteral("msg.none"), nArgs), false);
        return 0;
    }
    if (m_marks.testBit(int(value) - 1)) {
        error = err(t(QStringLiteral("msg.deleted"), nArgs), false);
        return 0;
    }
    return int(value);
}

Pop3Session::Reply Pop3Session::transaction(const QByteArray &cmd, const QList<QByteArray> &args)
{
    const auto cmdArg = [&cmd] {
        return Personality::Args{{QStringLiteral("cmd"), str(cmd)}};
    };
    const auto totals = [this] {
        return Personality::Args{{QStringLiteral("count"), num(visibleCount())},
            {QStringLiteral("octets"), num(visibleOctets())}};
    };
    Reply error;
    if (cmd == "STAT" || cmd == "NOOP" || cmd == "RSET" || cmd == "QUIT") {
        if (!args.isEmpty())
            return err(t(QStringLiteral("noArgs"), cmdArg()));
    }
    if (cmd == "STAT")
        return ok(t(QStringLiteral("stat.ok"), totals()));
    if (cmd == "NOOP")
        return ok(t(QStringLiteral("noop.ok")));
    if (cmd == "LIST" || cmd == "UIDL") {
        const bool list = cmd == "LIST";
        auto lineFor = [&](int n) {
            const MessageInfo &m = m_messages.at(n - 1);
            return list ? t(QStringLiteral("list.one"),
                       {{QStringLiteral("n"), num(n)}, {QStringLiteral("size"), num(m.wireSize)}})
                        : t(QStringLiteral("uidl.one"),
                            {{QStringLiteral("n"), num(n)}, {QStringLiteral("uid"), str(m.uid)}});
        };
        if (!args.isEmpty()) {
            const int n = messageNumber(cmd, args, 0, true, error);
            if (!n)
                return error;
            return ok(lineFor(n));
        }
        QList<QByteArray> lines;
        lines.reserve(m_messages.size());
        for (int n = 1; n <= m_messages.size(); ++n) {
            if (m_marks.testBit(n - 1))
                continue;
            const MessageInfo &m = m_messages.at(n - 1);
            lines.append(
                QByteArray::number(n) + ' ' + (list ? QByteArray::number(m.wireSize) : m.uid));
        }
        return withBody(
            ok(t(list ? QStringLiteral("list.ok") : QStringLiteral("uidl.ok"), totals())),
            std::make_unique<LinesBody>(lines));
    }
    if (cmd == "RETR") {
        const int n = messageNumber(cmd, args, 0, true, error);
        if (!n)
            return error;
        const MessageInfo &m = m_messages.at(n - 1);
        std::unique_ptr<ReplyBody> body = m_store->body(m);
        if (!body) // its file vanished or cannot be read: no "+OK" without the message after it
            return err(t(QStringLiteral("msg.unreadable"), {{QStringLiteral("n"), num(n)}}), false);
        return withBody(
            ok(t(QStringLiteral("retr.ok"),
                {{QStringLiteral("n"), num(n)}, {QStringLiteral("size"), num(m.wireSize)}})),
            std::move(body));
    }
    if (cmd == "TOP") {
        if (args.size() == 1) {
            const int n = messageNumber(cmd, args, 0, true, error);
            if (!n)
                return error;
            return err(t(QStringLiteral("size.missing")));
        }
        const int n = messageNumber(cmd, args, 0, false, error);
        if (!n)
            return error;
        if (args.size() > 2)
            return err(t(QStringLiteral("size.noise"),
                {{QStringLiteral("arg"), str(echoable(args.mid(2).join(' ')))}}));
        const QByteArray &k = args.at(1);
        bool digitsOnly = !k.isEmpty();
        for (char c : k)
            digitsOnly = digitsOnly && c >= '0' && c <= '9';
        if (!digitsOnly)
            return err(
                t(QStringLiteral("size.invalid"), {{QStringLiteral("arg"), str(echoable(k))}}));
        bool fits = false;
        const qulonglong lines = k.toULongLong(&fits);
        const int bodyLines = fits && lines < 0x7fffffffULL ? int(lines) : 0x7fffffff;
        std::unique_ptr<ReplyBody> body = m_store->body(m_messages.at(n - 1), bodyLines);
        if (!body)
            return err(t(QStringLiteral("msg.unreadable"), {{QStringLiteral("n"), num(n)}}), false);
        return withBody(
            ok(t(QStringLiteral("top.ok"), {{QStringLiteral("n"), num(n)}})), std::move(body));
    }
    if (cmd == "DELE") {
        const int n = messageNumber(cmd, args, 0, true, error);
        if (!n)
            return error;
        m_marks.setBit(n - 1);
        --m_visibleCount;
        m_visibleOctets -= m_messages.at(n - 1).wireSize;
        Event e;
        e.kind = EventKind::MarkedDeleted;
        e.number = n;
        emitEvent(e);
        return ok(t(QStringLiteral("dele.ok"), {{QStringLiteral("n"), num(n)}}));
    }
    if (cmd == "RSET") {
        Event e;
        e.kind = EventKind::MarksReset;
        for (int i = 0; i < m_marks.size(); ++i) {
            if (m_marks.testBit(i))
                e.numbers.append(i + 1);
        }
        m_marks.fill(false);
        recountVisible();
        if (!e.numbers.isEmpty())
            emitEvent(e);
        return ok(t(QStringLiteral("rset.ok"),
            {{QStringLiteral("count"), num(visibleCount())},
                {QStringLiteral("octets"), num(visibleOctets())}}));
    }
    if (cmd == "QUIT")
        return quit();
    return unknownCommand(
        QStringLiteral("unknown.transaction"), cmdArg()); // a table row without a handler
}

Pop3Session::Reply Pop3Session::quit()
{
    changeState(State::Update);
    QList<MessageInfo> victims;
    QList<int> numbers;
    for (int i = 0; i < m_marks.size(); ++i) {
        if (m_marks.testBit(i)) {
            victims.append(m_messages.at(i));
            numbers.append(i + 1);
        }
    }
    const int left = int(m_messages.size() - victims.size());
    Reply reply;
    if (!victims.isEmpty()) {
        QStringList removed;
        const Result r = m_store->expunge(m_user, victims, &removed);
        if (r) {
            Event e;
            e.kind = EventKind::Expunged;
            e.numbers = numbers;
            e.detail = removed.join(QLatin1Char('\n'));
            emitEvent(e);
            reply = ok(t(QStringLiteral("quit.expunged"),
                {{QStringLiteral("deleted"), num(victims.size())},
                    {QStringLiteral("left"), num(left)}}));
        } else if (!removed.isEmpty()) {
            // Some files could not be removed, the others were: said as it is, never "the
            // mailbox is unchanged".
            Event e;
            e.kind = EventKind::Expunged;
            for (qsizetype i = 0; i < victims.size(); ++i) {
                if (removed.contains(victims.at(i).file))
                    e.numbers.append(numbers.at(i));
            }
            e.detail = removed.join(QLatin1Char('\n'));
            emitEvent(e);
            emitEvent(Event::makeNote(NoteKind::ExpungeFailed, r.error));
            reply = err(t(QStringLiteral("quit.partial"),
                            {{QStringLiteral("removed"), num(removed.size())},
                                {QStringLiteral("deleted"), num(victims.size())},
                                {QStringLiteral("reason"), r.error}}),
                false);
        } else {
            emitEvent(Event::makeNote(NoteKind::ExpungeFailed, r.error));
            reply =
                err(t(QStringLiteral("quit.failed"), {{QStringLiteral("reason"), r.error}}), false);
        }
    } else {
        reply = ok(t(QStringLiteral("quit.ok"), {{QStringLiteral("left"), num(left)}}));
    }
    releaseLock();
    reply.close = true;
    return reply;
}

void Pop3Session::releaseLock()
{
    if (!m_holdsLock)
        return;
    m_holdsLock = false;
    const MailboxAccess::UnlockOutcome unlocked = m_store->unlock(m_user, m_id);
    Event e;
    e.kind = EventKind::LockRemoved;
    e.text = unlocked.path;
    e.user = m_user;
    if (!unlocked.removed)
        e.detail = QStringLiteral("the lock file was already gone or held by someone else");
    emitEvent(e);
}

Pop3Session::Reply Pop3Session::idleTimeout(qint64 nowMs)
{
    m_now = nowMs;
    Reply r = err(t(QStringLiteral("idle")), false);
    r.close = true;
    m_closeReason = DisconnectReason::IdleTimeout;
    return finishReply(std::move(r));
}

Pop3Session::Reply Pop3Session::shutdown(qint64 nowMs)
{
    m_now = nowMs;
    Reply r = err(t(QStringLiteral("shutdown")), false);
    r.close = true;
    m_closeReason = DisconnectReason::ServerShutdown;
    return finishReply(std::move(r));
}

void Pop3Session::end(DisconnectReason reason, qint64 nowMs, const QString &detail)
{
    if (m_state == State::Closed)
        return;
    m_now = nowMs;
    m_sasl = Sasl::None;
    releaseLock(); // no commit: only QUIT in TRANSACTION commits
    changeState(State::Closed);
    Event e;
    e.kind = EventKind::Disconnected;
    e.text = disconnectReasonName(reason);
    e.detail = detail;
    emitEvent(e);
}

} // namespace pop3
