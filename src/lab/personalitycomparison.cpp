#include "lab/personalitycomparison.h"

#include "mail/mailstore.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace pop3 {

namespace {

// An APOP timestamp (RFC 1939 §7: <process-id.clock@hostname>) is unique by design: two runs'
// greetings are compared without it.
QByteArray comparable(const QByteArray &reply)
{
    static const QRegularExpression stamp(QStringLiteral("<[^<>@\\s]+@[^<>\\s]+>"));
    if (!reply.startsWith("+OK") || !reply.contains('<'))
        return reply;
    return QString::fromLatin1(reply).replace(stamp, QStringLiteral("<timestamp>")).toLatin1();
}

} // namespace

QList<QByteArray> PersonalityComparison::labSheetScript()
{
    return {"USER: student",
        "user student",
        "pass hessovs!",
        "stat",
        "list",
        "list 1",
        "retr 1",
        "dele 1",
        "quit"};
}

std::optional<PersonalityComparison::Transcript> PersonalityComparison::run(
    const Personality &personality, const QList<QByteArray> &script, QString *error)
{
    QTemporaryDir workspace;
    if (!workspace.isValid()) {
        if (error)
            *error = workspace.errorString();
        return std::nullopt;
    }
    MailStore store; // no event log: the lab's diagram is not told about these runs
    store.setWorkspace(workspace.path());
    if (const Result r = store.addSampleAccounts(true); !r) {
        if (error)
            *error = r.error;
        return std::nullopt;
    }
    Pop3Session::Peer peer;
    peer.remote = QStringLiteral("127.0.0.1:50000");
    peer.local = QStringLiteral("127.0.0.1:110");
    peer.serverHost = QStringLiteral("127.0.0.1");
    Pop3Session session(nullptr, &store, &personality, 1, peer);
    Transcript t;
    t.personality = personality.id;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    t.greeting = session.start(now);
    for (const QByteArray &line : script) {
        t.lines.append(line);
        if (session.isClosing()) { // closed: the line is shown, as never sent
            t.replies.append(QByteArray());
            continue;
        }
        t.replies.append(session.handleLine(line + "\r\n", now).drain());
        t.sent = t.lines.size();
    }
    session.end(DisconnectReason::Quit, now);
    return t;
}

QList<PersonalityComparison::Row> PersonalityComparison::compare(
    const Transcript &left, const Transcript &right)
{
    QList<Row> rows;
    rows.append({{},
        left.greeting,
        right.greeting,
        comparable(left.greeting) != comparable(right.greeting)});
    const qsizetype n = qMax(left.lines.size(), right.lines.size());
    for (qsizetype i = 0; i < n; ++i) {
        Row r;
        r.client = i < left.lines.size() ? left.lines.at(i) : right.lines.at(i);
        r.left = left.replies.value(i);
        r.right = right.replies.value(i);
        r.leftSent = i < left.sent;
        r.rightSent = i < right.sent;
        r.differs = r.left != r.right;
        rows.append(r);
    }
    return rows;
}

PersonalityComparison::Capabilities PersonalityComparison::capabilitiesOf(const Personality &p)
{
    Capabilities caps;
    // A server without CAPA (UW ipop3d) still has TOP and UIDL: only CAPA's list tells otherwise.
    caps.top = p.top && (!p.capa || p.capabilities.contains(QLatin1String("TOP")));
    caps.uidl = p.uidl && (!p.capa || p.capabilities.contains(QLatin1String("UIDL")));
    caps.apop = p.apop;
    caps.sasl = p.saslMechanisms;
    return caps;
}

Personality PersonalityComparison::withCapabilities(Personality p, const Capabilities &caps)
{
    const auto toggle = [&p](const QString &token, bool on) {
        const bool has = p.capabilities.contains(token);
        if (on && !has)
            p.capabilities.append(token);
        else if (!on && has)
            p.capabilities.removeAll(token);
    };
    // Off: CAPA stops listing it and the server stops having it (TOP answers -ERR), as a server
    // without it would; on: CAPA lists it (if the server has CAPA) and it works.
    toggle(QStringLiteral("TOP"), caps.top && p.capa);
    toggle(QStringLiteral("UIDL"), caps.uidl && p.capa);
    p.top = caps.top;
    p.uidl = caps.uidl;
    p.apop = caps.apop;
    p.saslMechanisms = caps.sasl;
    toggle(QStringLiteral("SASL"), !caps.sasl.isEmpty());
    return p;
}

} // namespace pop3
