#include "lessons/lessontracker.h"

#include "mail/mailstore.h"
#include "protocol/commands.h"

namespace pop3 {

namespace {

LessonMistake mistake(const QString &code, const Event &e, const QByteArray &command)
{
    LessonMistake m;
    m.code = code;
    m.session = e.session;
    m.bytes = e.bytes;
    m.command = QString::fromLatin1(command);
    m.seq = e.seq;
    m.timeMs = e.timeMs;
    return m;
}

} // namespace

void LessonTracker::clear()
{
    m_sessions.clear();
    m_lastUser.clear();
    m_lastGreeting.clear();
}

int LessonTracker::openSessions() const
{
    int n = 0;
    for (const Session &s : m_sessions)
        n += s.open ? 1 : 0;
    return n;
}

bool LessonTracker::anyOpenIn(State state) const
{
    for (const Session &s : m_sessions) {
        if (s.open && s.state == state)
            return true;
    }
    return false;
}

QMap<int, QByteArray> LessonTracker::marksOf(const QString &user) const
{
    QMap<int, QByteArray> marks;
    for (const Session &s : m_sessions) {
        if (s.open && s.user == user)
            marks.insert(s.marks);
    }
    return marks;
}

QByteArray LessonTracker::subjectOf(const QString &user, int number) const
{
    const MailStore::Account *account = m_store ? m_store->account(user) : nullptr;
    if (!account || !account->maildrop || number < 1
        || number > account->maildrop->messages().size())
        return {};
    return account->maildrop->messages().at(number - 1).subject;
}

void LessonTracker::parseLine(const QByteArray &raw, QByteArray *keyword, QList<QByteArray> *args)
{
    const CommandLine parsed = parseCommandLine(raw);
    *keyword = parsed.keyword.trimmed();
    *args = parsed.args;
}

LessonTracker::Observation LessonTracker::observe(const Event &e)
{
    Observation ob;
    ob.event = e;
    Session &s = m_sessions[e.session];
    switch (e.kind) {
    case EventKind::Connected:
        s = Session();
        s.open = true;
        ob.openSessions = openSessions();
        break;
    case EventKind::ClientLine:
        parseLine(e.bytes, &s.command, &s.args);
        s.raw = e.bytes;
        s.awaitingReply = true;
        s.lockRefused = false;
        if ((s.command == "USER" || s.command == "APOP") && !s.args.isEmpty())
            s.pendingUser = QString::fromUtf8(s.args.first());
        ob.command = s.command;
        ob.args = s.args;
        ob.mistakes = lineMistakes(e, s);
        break;
    case EventKind::ServerReply:
        if (e.state == State::Connecting) {
            s.greeting = e.bytes;
            m_lastGreeting = e.bytes;
        }
        if (s.awaitingReply) {
            ob.command = s.command;
            ob.args = s.args;
            ob.answersCommand = true;
            s.awaitingReply = false;
            const bool login = s.command == "PASS" || s.command == "APOP";
            if (login && !e.ok && !s.lockRefused && !s.pendingUser.isEmpty()) {
                LessonMistake m = mistake(QStringLiteral("wrong-password"), e, s.command);
                m.bytes = s.raw;
                ob.mistakes.append(m);
            }
        }
        break;
    case EventKind::StateChanged:
        s.state = e.to;
        if (e.to == State::Closed)
            s.open = false;
        break;
    case EventKind::LockCreated:
        s.user = s.pendingUser;
        m_lastUser = s.user;
        break;
    case EventKind::LockRefused:
        s.lockRefused = true;
        break;
    case EventKind::MarkedDeleted:
        s.marks.insert(e.number, subjectOf(s.user, e.number));
        ob.subjects = s.marks.values();
        break;
    case EventKind::MarksReset:
        s.marks.clear();
        break;
    case EventKind::Expunged:
        for (int n : e.numbers)
            ob.subjects.append(s.marks.value(n));
        s.marks.clear();
        break;
    case EventKind::Disconnected:
        ob.lostMarks = int(s.marks.size());
        if (ob.lostMarks > 0 && e.text != QLatin1String("quit")) {
            LessonMistake m = mistake(QStringLiteral("forgot-quit"), e, s.command);
            m.bytes = s.raw;
            m.count = ob.lostMarks;
            ob.mistakes.append(m);
        }
        s.marks.clear();
        s.open = false;
        s.state = State::Closed;
        break;
    default:
        break;
    }
    return ob;
}

QList<LessonMistake> LessonTracker::lineMistakes(const Event &e, const Session &s) const
{
    const QByteArray &bytes = e.bytes;
    const QByteArray &cmd = s.command;
    auto one = [&](const QString &code) {
        return QList<LessonMistake>{mistake(code, e, cmd)};
    };
    if (bytes.contains('\x08') || bytes.contains('\x7f'))
        return one(QStringLiteral("backspace"));
    if (cmd.size() > 1 && cmd.endsWith(':'))
        return one(QStringLiteral("user-colon"));
    if (cmd == "USER" && s.args.size() > 1)
        return one(QStringLiteral("password-on-user-line"));
    // Which state allows what: the command table (protocol/commands.cpp).
    const CommandSpec *spec = findCommand(cmd);
    const bool live = e.state == State::Authorization || e.state == State::Transaction;
    if (spec && !spec->historic && live && !spec->allowedIn(e.state))
        return one(QStringLiteral("wrong-state"));
    if (e.state == State::Transaction && spec && spec->messageNumber && !s.args.isEmpty()) {
        bool ok = false;
        const int n = s.args.first().toInt(&ok);
        if (ok && s.marks.contains(n)) {
            QList<LessonMistake> found = one(QStringLiteral("deleted-message"));
            found.first().message = n;
            return found;
        }
    }
    if (e.state == State::Transaction && spec && spec->messageNumber && spec->minArgs > 0
        && s.args.isEmpty())
        return one(QStringLiteral("missing-number"));
    if (bytes.endsWith('\n') && !bytes.endsWith("\r\n"))
        return one(QStringLiteral("bare-lf"));
    return {};
}

QString LessonTracker::escape(const QByteArray &bytes)
{
    EscapeOptions options;
    options.escapeBackslash = true; // read back exactly from a hand-in
    return escapeControls(bytes, options);
}

QString LessonTracker::transcriptLine(const Event &e)
{
    const QString who = QStringLiteral("#%1 ").arg(e.session);
    switch (e.kind) {
    case EventKind::Connected:
        return who + QStringLiteral("-- connected from %1").arg(e.text);
    case EventKind::ClientLine: {
        QByteArray bytes = e.bytes;
        const CommandSpec *spec = parseCommandLine(bytes).spec;
        if (spec && spec->secret && bytes.indexOf(' ') > 0) // the hand-in never shows a secret
            bytes = bytes.left(bytes.indexOf(' ') + 1) + "********"
                + (bytes.endsWith("\r\n") ? "\r\n" : "\n");
        return who + QStringLiteral("C: ") + escape(bytes);
    }
    case EventKind::ServerReply: {
        QString line = who + QStringLiteral("S: ") + escape(e.bytes);
        if (e.multiLine)
            line += QStringLiteral("  [+ %1 lines, %2 octets]").arg(e.lines).arg(e.octets);
        return line;
    }
    case EventKind::StateChanged:
        return who + QStringLiteral("-- state %1 -> %2").arg(stateName(e.from), stateName(e.to));
    case EventKind::LockCreated:
        return who + QStringLiteral("-- lock file created: %1").arg(e.text);
    case EventKind::LockRemoved:
        return who + QStringLiteral("-- lock file removed: %1").arg(e.text);
    case EventKind::LockRefused:
        return who + QStringLiteral("-- lock refused, held by %1").arg(e.detail);
    case EventKind::StaleLockCleared:
        return who + QStringLiteral("-- stale lock cleared (%1)").arg(e.detail);
    case EventKind::MarkedDeleted:
        return who + QStringLiteral("-- message %1 marked deleted").arg(e.number);
    case EventKind::MarksReset:
        return who + QStringLiteral("-- marks reset");
    case EventKind::Expunged: {
        QStringList numbers;
        for (int n : e.numbers)
            numbers.append(QString::number(n));
        return who + QStringLiteral("-- expunged: %1").arg(numbers.join(QLatin1Char(' ')));
    }
    case EventKind::Disconnected:
        return who + QStringLiteral("-- disconnected (%1)").arg(e.text);
    case EventKind::Note:
        return QStringLiteral("-- %1 %2").arg(e.text, e.detail);
    }
    return {};
}

} // namespace pop3
