#include "lessons/lessontracker.h"

#include "diagram/sequencemodel.h"
#include "mail/mailstore.h"
#include "protocol/commands.h"

#include <QCoreApplication>

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
    m_fold.clear();
    m_subjects.clear();
    m_lastUser.clear();
    m_lastGreeting.clear();
}

int LessonTracker::openSessions() const
{
    return int(m_fold.openSessions().size());
}

bool LessonTracker::anyOpenIn(State state) const
{
    for (int id : m_fold.openSessions()) {
        if (m_fold.session(id)->state == state)
            return true;
    }
    return false;
}

QMap<int, QByteArray> LessonTracker::marksOf(const QString &user) const
{
    QMap<int, QByteArray> marks;
    for (int id : m_fold.openSessions()) {
        if (m_fold.session(id)->user == user)
            marks.insert(m_subjects.value(id));
    }
    return marks;
}

QByteArray LessonTracker::markedSubject(int session, int number) const
{
    return m_subjects.value(session).value(number);
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

void LessonTracker::forgetSession(int session)
{
    m_fold.forget(session);
    m_subjects.remove(session);
}

LessonTracker::Observation LessonTracker::observe(const Event &e)
{
    Observation ob;
    ob.event = e;
    // State, user, marks, the command a reply answers: the one session fold (protocol/).
    const FoldStep step = m_fold.apply(e);
    const SessionFacts &s = *step.session;
    QMap<int, QByteArray> &subjects = m_subjects[e.session];
    switch (e.kind) {
    case EventKind::Connected:
        subjects.clear();
        ob.openSessions = openSessions();
        break;
    case EventKind::ClientLine:
        ob.command = step.command.keyword;
        ob.args = step.command.args;
        ob.credential = step.command.continuation;
        ob.mistakes = lineMistakes(e, step.command, s);
        break;
    case EventKind::ServerReply:
        if (e.state == State::Connecting)
            m_lastGreeting = e.bytes;
        if (step.answersCommand) {
            const FoldedCommand &c = step.command;
            ob.command = c.keyword;
            ob.args = c.args;
            ob.answersCommand = true;
            const bool login = c.command == Command::Pass || c.command == Command::Apop;
            if (login && !e.ok && !s.lockRefused && !s.namedUser.isEmpty()) {
                LessonMistake m = mistake(QStringLiteral("wrong-password"), e, c.keyword);
                m.bytes = c.raw;
                ob.mistakes.append(m);
            }
            // [IN-USE]: the password was right, another session holds the lock (often one
            // left logged in by the previous lesson); the student needs to know which one.
            if (login && !e.ok && s.lockRefused) {
                LessonMistake m = mistake(QStringLiteral("mailbox-in-use"), e, c.keyword);
                m.bytes = c.raw;
                m.holder = m_fold.lockHolder(s.namedUser);
                ob.mistakes.append(m);
            }
        }
        break;
    case EventKind::LockCreated:
        m_lastUser = s.user;
        break;
    case EventKind::MarkedDeleted:
        subjects.insert(e.number, subjectOf(s.user, e.number));
        ob.subjects = subjects.values();
        break;
    case EventKind::MarksReset:
        subjects.clear();
        break;
    case EventKind::Expunged:
        for (int n : e.numbers)
            ob.subjects.append(subjects.value(n));
        subjects.clear();
        break;
    case EventKind::Disconnected:
        ob.lostMarks = int(step.lostMarks.size());
        if (ob.lostMarks > 0 && e.text != disconnectReasonName(DisconnectReason::Quit)) {
            LessonMistake m = mistake(QStringLiteral("forgot-quit"), e, s.lastCommand.keyword);
            m.bytes = s.lastCommand.raw;
            m.count = ob.lostMarks;
            ob.mistakes.append(m);
        }
        // Dovecot (and UW ipop3d) hang up after a run of bad commands: trying the classic
        // mistakes one after another ends the session, which needs its own words.
        if (e.text == disconnectReasonName(DisconnectReason::TooManyErrors)) {
            LessonMistake m = mistake(QStringLiteral("too-many-errors"), e, s.lastCommand.keyword);
            m.bytes = s.lastCommand.raw;
            ob.mistakes.append(m);
        }
        subjects.clear();
        break;
    default:
        break;
    }
    return ob;
}

QList<LessonMistake> LessonTracker::lineMistakes(
    const Event &e, const FoldedCommand &c, const SessionFacts &s) const
{
    const QByteArray &bytes = e.bytes;
    const QByteArray &cmd = c.keyword;
    auto one = [&](const QString &code) {
        return QList<LessonMistake>{mistake(code, e, cmd)};
    };
    if (bytes.contains('\x08') || bytes.contains('\x7f'))
        return one(QStringLiteral("backspace"));
    if (cmd.size() > 1 && cmd.endsWith(':'))
        return one(QStringLiteral("user-colon"));
    if (c.command == Command::User && c.args.size() > 1)
        return one(QStringLiteral("password-on-user-line"));
    // Which state allows what: the command table (protocol/commands.cpp).
    const CommandSpec *spec = findCommand(cmd);
    const bool live = e.state == State::Authorization || e.state == State::Transaction;
    if (spec && !spec->historic && live && !spec->allowedIn(e.state))
        return one(QStringLiteral("wrong-state"));
    if (e.state == State::Transaction && spec && spec->messageNumber && !c.args.isEmpty()) {
        bool ok = false;
        const int n = c.args.first().toInt(&ok);
        if (ok && s.marks.contains(n)) {
            QList<LessonMistake> found = one(QStringLiteral("deleted-message"));
            found.first().message = n;
            return found;
        }
    }
    if (e.state == State::Transaction && spec && spec->messageNumber && spec->minArgs > 0
        && c.args.isEmpty())
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

QByteArray LessonTracker::hideSecret(const QByteArray &line)
{
    const CommandLine parsed = parseCommandLine(line);
    const CommandSpec *spec = parsed.spec;
    qsizetype keep = -1; // octets kept before the stars
    // APOP's user name is no secret, only its digest: "APOP student ********" (commands.cpp).
    if (spec && spec->secret)
        return maskSecret(line);
    if (spec && spec->command == Command::User) // "user student hessovs!": a mistake
        keep = line.indexOf(' ', line.indexOf(' ') + 1);
    if (keep <= 0)
        return line;
    const QByteArray end = line.endsWith("\r\n") ? "\r\n" : line.endsWith('\n') ? "\n" : "";
    return line.left(keep + 1) + "********" + end;
}

// The wire as it was (passwords hidden); every other event in the diagram's own words, in the
// language of the moment: no internal id (a reason code, a note kind) reaches a hand-in.
QString LessonTracker::transcriptLine(const Event &e)
{
    const QString who = QStringLiteral("#%1 ").arg(e.session);
    switch (e.kind) {
    case EventKind::ClientLine:
        return who + QStringLiteral("C: ") + escape(hideSecret(e.bytes));
    case EventKind::ServerReply: {
        QString line = who + QStringLiteral("S: ") + escape(e.bytes);
        if (e.multiLine)
            line += QCoreApplication::translate("LessonTracker", "  [+ %1 lines, %2 octets]")
                        .arg(e.lines)
                        .arg(e.octets);
        return line;
    }
    case EventKind::StateChanged:
        return who
            + QCoreApplication::translate("LessonTracker", "-- state %1 → %2")
                  .arg(stateName(e.from), stateName(e.to));
    case EventKind::Note: {
        if (e.note == NoteKind::SessionLabel)
            return {}; // a view's name for a session, not something that happened
        const QString prefix = e.session > 0 ? who : QString();
        if (e.note == NoteKind::RemoteServer)
            return prefix
                + QCoreApplication::translate("LessonTracker", "-- talks to another server: %1")
                      .arg(e.detail);
        const QString words = SequenceModel::eventWords(e);
        return words.isEmpty() ? QString() : prefix + QStringLiteral("-- ") + words;
    }
    default: {
        const QString words = SequenceModel::eventWords(e);
        return words.isEmpty() ? QString() : who + QStringLiteral("-- ") + words;
    }
    }
}

} // namespace pop3
