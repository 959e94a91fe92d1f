#include "lessons/lessonrunner.h"

#include "events/eventlog.h"
#include "lessons/lessonprogress.h"
#include "mail/maildroplock.h"
#include "mail/mailstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cstring>
#include <numeric>

namespace pop3 {

namespace {

using Type = LessonCheck::Type;
using Answer = LessonQuestion::Answer;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString simplified(const QString &text)
{
    return text.simplified().toCaseFolded();
}

bool containsText(const QByteArray &haystack, const QString &needle)
{
    return needle.isEmpty() || QString::fromUtf8(haystack).contains(needle, Qt::CaseInsensitive);
}

int countMatching(const QList<QByteArray> &subjects, const QString &needle)
{
    int n = 0;
    for (const QByteArray &subject : subjects)
        n += containsText(subject, needle) ? 1 : 0;
    return n;
}

std::optional<qint64> firstNumber(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    const QRegularExpressionMatch m = digits.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured().toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

} // namespace

LessonRunner::LessonRunner(EventLog *log, MailStore *store, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_mailStore(store)
    , m_tracker(store)
{
    connect(m_log, &EventLog::eventAppended, this, &LessonRunner::appendEvent);
    connect(m_log, &EventLog::cleared, this, [this] {
        m_tracker.clear();
        m_seenSeq = 0;
        m_exchange.clear();
        m_tickingSeqs.clear();
    });
    catchUp();
}

void LessonRunner::catchUp()
{
    const QList<Event> missed = m_log->eventsSince(m_seenSeq);
    for (const Event &e : missed) {
        m_seenSeq = e.seq;
        const LessonTracker::Observation ob = m_tracker.observe(e);
        if (m_running)
            handle(ob);
        forgetIfClosed(e);
    }
}

void LessonRunner::forgetIfClosed(const Event &event)
{
    if (!m_keepHandIn && event.kind == EventKind::Disconnected) {
        m_tracker.forgetSession(event.session);
        m_tlsSessions.remove(event.session);
    }
}

void LessonRunner::appendEvent(const Event &event)
{
    if (event.seq <= m_seenSeq)
        return;
    if (event.seq != m_seenSeq + 1) { // we missed some (signals blocked, or a late start)
        catchUp();
        return;
    }
    m_seenSeq = event.seq;
    const LessonTracker::Observation ob = m_tracker.observe(event);
    if (m_running)
        handle(ob);
    forgetIfClosed(event);
}

void LessonRunner::start(const Lesson &lesson, bool fresh, const QSet<int> &setAside)
{
    catchUp(); // the sessions already open count (a terminal connected before the lesson)
    m_lesson = lesson;
    std::optional<LessonProgress> saved;
    if (m_store && !fresh)
        saved = m_store->load(lesson.id);
    if (m_store && fresh)
        m_store->remove(lesson.id);
    if (fresh || !saved)
        m_footprints.remove(lesson.id);
    if (saved) {
        m_progress = *saved;
    } else {
        m_progress = LessonProgress();
        m_progress.lessonId = lesson.id;
        m_progress.startedAtMs = now();
    }
    m_progress.language = lesson.language;
    m_running = true;
    m_current = -1;
    m_exchange.clear();
    m_tickingSeqs.clear();
    m_mistakes.clear();
    m_loginUser.clear();
    m_setAside = setAside;
    // A finished lesson picked again (to look at it, to hand it in): its record is closed, nothing
    // that happens now is added to it. Only a fresh start (Restart) opens it again.
    m_closed = m_progress.isFinished();
    if (!m_closed)
        addPrelude();
    emit started();
    activate();
    save();
    emit progressChanged();
}

void LessonRunner::stop()
{
    if (!m_running)
        return;
    save();
    m_running = false;
    m_current = -1;
}

LessonProgress::Step &LessonRunner::record(int index)
{
    return m_progress.steps[m_lesson.steps.at(index).id];
}

bool LessonRunner::isDone(int index) const
{
    if (index < 0 || index >= m_lesson.steps.size())
        return false;
    return m_progress.steps.value(m_lesson.steps.at(index).id).done;
}

int LessonRunner::tries(int index) const
{
    if (index < 0 || index >= m_lesson.steps.size())
        return 0;
    return m_progress.steps.value(m_lesson.steps.at(index).id).tries;
}

QStringList LessonRunner::revealedHints(int index) const
{
    if (index < 0 || index >= m_lesson.steps.size())
        return {};
    const QStringList &hints = m_lesson.steps.at(index).hints;
    const int shown = m_progress.steps.value(m_lesson.steps.at(index).id).hintsShown;
    return hints.mid(0, qMin(shown, int(hints.size())));
}

void LessonRunner::handle(const LessonTracker::Observation &ob)
{
    if (m_closed)
        return;
    const Event &e = ob.event;
    if (m_keepHandIn) {
        m_footprints[m_lesson.id].seqs.append(e.seq);
        QString line = LessonTracker::transcriptLine(e);
        if (ob.credential) // AUTH PLAIN's answer is the password in base64
            line = QStringLiteral("#%1 C: ********").arg(e.session);
        if (!line.isEmpty()) {
            m_progress.transcript.append(line);
            while (m_progress.transcript.size() > LessonProgress::transcriptLimit) {
                m_progress.transcript.removeFirst();
                ++m_progress.transcriptOmitted; // the hand-in says that lines are missing
            }
        }
    }
    if (m_setAside.contains(e.session)) // in the transcript (it happened), counted for nothing
        return;
    if (e.kind == EventKind::ClientLine) {
        m_exchange.clear();
        m_tickingSeqs.clear();
    }
    if (e.kind == EventKind::Note && e.note == NoteKind::TlsStarted)
        m_tlsSessions.insert(e.session);
    if (e.kind == EventKind::LockCreated)
        m_loginUser = m_tracker.fold().session(e.session)->user;
    m_exchange.append(ob);

    bool changed = false;
    const LessonStep *step = m_current >= 0 ? &m_lesson.steps.at(m_current) : nullptr;
    const bool asked = step && step->check && asksFor(*step->check, ob);
    const LessonCheck *expected = step && step->check ? &*step->check : nullptr;
    // A refusal because another session holds the lock is the situation, not the student's try:
    // it is explained (who holds the lock, how to free it), never counted as a wrong try nor
    // answered with the step's hint, which is about something else (lesson 9's "without TLS").
    const SessionFacts *facts = m_tracker.fold().session(e.session);
    const bool lockRefusal = e.kind == EventKind::ServerReply && !e.ok && ob.answersCommand && facts
        && facts->lockRefused;
    for (const LessonMistake &m : ob.mistakes) {
        if (asked || !m_lesson.watchesMistake(m.code))
            continue;
        const bool inUse = m.code == QLatin1String("mailbox-in-use");
        if (inUse && expected && expected->type == Type::LockRefused)
            continue; // the step asks for it (lesson 5)
        if (inUse) { // not the student's mistake: not in the hand-in
            emit mistakeDetected(m);
            continue;
        }
        m_mistakes.append(m);
        const QString stepId = m_current >= 0 ? m_lesson.steps.at(m_current).id : QString();
        // The hand-in shows the line, never the password on it.
        m_progress.mistakes.append(
            {m.code, LessonTracker::escape(LessonTracker::hideSecret(m.bytes)), stepId, m.timeMs});
        emit mistakeDetected(m);
        changed = true;
    }

    if (m_current >= 0 && m_lesson.steps.at(m_current).check) {
        const LessonCheck &check = *m_lesson.steps.at(m_current).check;
        const bool mailboxMayChange = e.kind == EventKind::Expunged || e.kind == EventKind::Note
            || e.kind == EventKind::Disconnected;
        if (matches(check, ob)
            || (check.type == Type::Mailbox && mailboxMayChange && holdsNow(check))) {
            tick(m_current, e.timeMs, e.seq);
            activate();
            changed = true;
        } else if (e.kind == EventKind::ServerReply && !e.ok && ob.answersCommand
            && m_tickingSeqs.isEmpty() && !lockRefusal) {
            wrongTry();
            changed = true;
        }
    }
    if (changed) {
        save();
        emit progressChanged();
    }
}

bool LessonRunner::asksFor(const LessonCheck &check, const LessonTracker::Observation &ob) const
{
    if (matches(check, ob))
        return true;
    // A step that wants a command's -ERR: its line is what the step asks to type.
    if (check.type != Type::Command || !check.replyOk || *check.replyOk
        || ob.event.kind != EventKind::ClientLine)
        return false;
    LessonCheck line = check;
    line.replyOk.reset();
    line.replyText.clear();
    return matches(line, ob);
}

bool LessonRunner::matches(const LessonCheck &c, const LessonTracker::Observation &ob) const
{
    const Event &e = ob.event;
    auto replyAgrees = [&] {
        return (!c.replyOk || *c.replyOk == e.ok) && containsText(e.bytes, c.replyText);
    };
    switch (c.type) {
    case Type::Connected:
        return e.kind == EventKind::Connected && ob.openSessions >= qMax(1, c.count);
    case Type::Command: {
        const bool needsReply = c.replyOk.has_value() || !c.replyText.isEmpty();
        if (needsReply ? !(e.kind == EventKind::ServerReply && ob.answersCommand)
                       : e.kind != EventKind::ClientLine)
            return false;
        if (QString::fromLatin1(ob.command) != c.command)
            return false;
        if (c.encrypted && *c.encrypted != m_tlsSessions.contains(e.session))
            return false;
        if (c.args) {
            if (c.args->size() != ob.args.size())
                return false;
            for (qsizetype i = 0; i < ob.args.size(); ++i) {
                const QString want = c.args->at(i);
                if (want != QLatin1String("*")
                    && QString::fromUtf8(ob.args.at(i)).compare(want, Qt::CaseInsensitive) != 0)
                    return false;
            }
        }
        return !needsReply || replyAgrees();
    }
    case Type::Reply:
        return e.kind == EventKind::ServerReply && (!c.greeting || e.state == State::Connecting)
            && (!c.multiLine || *c.multiLine == e.multiLine) && replyAgrees();
    case Type::State:
        return e.kind == EventKind::StateChanged && e.to == c.state;
    case Type::LockCreated:
        return e.kind == EventKind::LockCreated;
    case Type::LockRemoved:
        return e.kind == EventKind::LockRemoved;
    case Type::LockRefused: {
        // Ticked by the -ERR that tells the client, when it is really sent (Dovecot waits
        // seconds before it), not by the refusal the client cannot see yet.
        const SessionFacts *s = m_tracker.fold().session(e.session);
        return e.kind == EventKind::ServerReply && !e.ok && ob.answersCommand && s
            && s->lockRefused;
    }
    case Type::StaleLockCleared:
        return e.kind == EventKind::StaleLockCleared;
    case Type::MarkedDeleted:
        if (e.kind != EventKind::MarkedDeleted || (c.message && e.number != c.message))
            return false;
        if (c.count)
            return countMatching(ob.subjects, c.subjectContains) >= c.count;
        return containsText(
            ob.subjects.isEmpty() ? QByteArray() : m_tracker.markedSubject(e.session, e.number),
            c.subjectContains);
    case Type::MarksReset:
        return e.kind == EventKind::MarksReset;
    case Type::Expunged:
        if (e.kind != EventKind::Expunged || (c.message && !e.numbers.contains(c.message)))
            return false;
        return countMatching(ob.subjects, c.subjectContains) >= qMax(1, c.count);
    case Type::Disconnected:
        return e.kind == EventKind::Disconnected && (c.reason.isEmpty() || e.text == c.reason)
            && (!c.withMarks || ob.lostMarks > 0);
    case Type::Mailbox:
        return false; // evaluated against the live mailbox by holdsNow()
    case Type::Tls:
        return e.kind == EventKind::Note && e.note == NoteKind::TlsStarted;
    }
    return false;
}

QList<int> LessonRunner::countedSessions() const
{
    QList<int> counted = m_tracker.fold().openSessions();
    counted.removeIf([this](int id) {
        return m_setAside.contains(id);
    });
    return counted;
}

bool LessonRunner::holdsNow(const LessonCheck &c) const
{
    const QList<int> open = countedSessions();
    const auto anyIn = [&](State state) {
        return std::any_of(open.begin(), open.end(), [&](int id) {
            return m_tracker.fold().session(id)->state == state;
        });
    };
    switch (c.type) {
    case Type::Connected:
        return open.size() >= qMax(1, c.count);
    case Type::State:
        return (c.state == State::Authorization || c.state == State::Transaction) && anyIn(c.state);
    case Type::LockCreated: // a session in TRANSACTION holds its lock
        return anyIn(State::Transaction);
    case Type::Reply:
        if (!c.greeting)
            return false;
        for (int id : open) {
            const QByteArray &greeting = m_tracker.fold().session(id)->greeting;
            if (!greeting.isEmpty() && containsText(greeting, c.replyText)
                && (!c.replyOk || *c.replyOk == greeting.startsWith('+')))
                return true;
        }
        return false;
    case Type::Mailbox: {
        const MailStore::Account *account = m_mailStore
            ? m_mailStore->account(c.user.isEmpty() ? m_lesson.account : c.user)
            : nullptr;
        if (!account || !account->maildrop)
            return false;
        const QList<MessageInfo> &messages = account->maildrop->messages();
        if (c.minMessages >= 0 && messages.size() < c.minMessages)
            return false;
        if (c.maxMessages >= 0 && messages.size() > c.maxMessages)
            return false;
        if (!c.noSubjectContaining.isEmpty()) {
            for (const MessageInfo &m : messages) {
                if (containsText(m.subject, c.noSubjectContaining))
                    return false;
            }
        }
        return true;
    }
    default:
        return false;
    }
}

void LessonRunner::tick(int index, qint64 timeMs, quint64 seq)
{
    LessonProgress::Step &r = record(index);
    r.done = true;
    r.doneAtMs = timeMs > 0 ? timeMs : now();
    if (seq)
        m_tickingSeqs.append(seq);
    emit stepTicked(index);
}

void LessonRunner::activate()
{
    for (;;) {
        int next = -1;
        for (int i = 0; i < m_lesson.steps.size() && next < 0; ++i) {
            if (!isDone(i))
                next = i;
        }
        m_current = next;
        emit currentStepChanged(m_current);
        if (m_current < 0)
            break;
        const LessonStep &step = m_lesson.steps.at(m_current);
        if (!step.check)
            break;
        bool ticked = false;
        if (holdsNow(*step.check)) {
            tick(m_current, 0, 0);
            ticked = true;
        } else {
            for (const LessonTracker::Observation &ob : std::as_const(m_exchange)) {
                if (!m_tickingSeqs.contains(ob.event.seq) && matches(*step.check, ob)) {
                    tick(m_current, ob.event.timeMs, ob.event.seq);
                    ticked = true;
                    break;
                }
            }
        }
        if (!ticked)
            break;
    }
    if (m_current < 0 && !m_progress.isFinished()) {
        m_progress.finishedAtMs = now();
        save();
        emit finished();
    }
}

void LessonRunner::wrongTry()
{
    LessonProgress::Step &r = record(m_current);
    ++r.tries;
    revealHint();
}

bool LessonRunner::revealHint()
{
    if (m_current < 0)
        return false;
    LessonProgress::Step &r = record(m_current);
    const QStringList &hints = m_lesson.steps.at(m_current).hints;
    if (r.hintsShown >= hints.size())
        return false;
    ++r.hintsShown;
    emit hintRevealed(m_current, hints.at(r.hintsShown - 1));
    save();
    return true;
}

bool LessonRunner::skip()
{
    if (m_current < 0 || !m_lesson.steps.at(m_current).optional)
        return false;
    LessonProgress::Step &r = record(m_current);
    r.skipped = true;
    r.done = true;
    r.doneAtMs = now();
    emit stepTicked(m_current);
    activate();
    save();
    emit progressChanged();
    return true;
}

QString LessonRunner::contextUser() const
{
    if (!m_loginUser.isEmpty() && m_mailStore && m_mailStore->account(m_loginUser))
        return m_loginUser;
    return m_lesson.account;
}

QStringList LessonRunner::expectedValues(int index, QString *problem) const
{
    if (index < 0 || index >= m_lesson.steps.size() || !m_lesson.steps.at(index).question)
        return {};
    const LessonQuestion &q = *m_lesson.steps.at(index).question;
    if (q.answer == Answer::Choice)
        return {QString::number(q.correct + 1), q.choices.at(q.correct)};
    if (q.answer == Answer::Text)
        return q.accept;
    const QString user = contextUser();
    const MailStore::Account *account = m_mailStore ? m_mailStore->account(user) : nullptr;
    if (!account || !account->maildrop) {
        if (problem)
            *problem = QStringLiteral("no-account");
        return {};
    }
    const QList<MessageInfo> &messages = account->maildrop->messages();
    const QMap<int, QByteArray> marks = m_tracker.marksOf(user);
    qint64 markedOctets = 0;
    for (auto it = marks.begin(); it != marks.end(); ++it) {
        if (it.key() >= 1 && it.key() <= messages.size())
            markedOctets += messages.at(it.key() - 1).wireSize;
    }
    auto both = [&](qint64 all, qint64 visible) {
        QStringList values{QString::number(all)};
        if (visible != all)
            values.append(QString::number(visible)); // what STAT shows with marks pending
        return values;
    };
    switch (q.answer) {
    case Answer::MessageCount:
        return both(messages.size(), messages.size() - marks.size());
    case Answer::TotalOctets: {
        qint64 total = 0;
        for (const MessageInfo &m : messages)
            total += m.wireSize;
        return both(total, total - markedOctets);
    }
    default:
        break;
    }
    if (q.message < 1 || q.message > messages.size()) {
        if (problem)
            *problem = QStringLiteral("no-message");
        return {};
    }
    const MessageInfo &m = messages.at(q.message - 1);
    switch (q.answer) {
    case Answer::MessageSize:
        return {QString::number(m.wireSize)};
    case Answer::MessageLines:
        return {QString::number(m.headerLines + m.bodyLines)};
    case Answer::MessageUid:
        return {QString::fromLatin1(m.uid)};
    case Answer::MessageHeader:
        return {QString::fromUtf8(q.header == QLatin1String("from") ? m.from
                : q.header == QLatin1String("subject")              ? m.subject
                                                                    : m.date)};
    default:
        return {};
    }
}

QString LessonRunner::expectedAnswer(int index) const
{
    return expectedValues(index, nullptr).join(QStringLiteral(" | "));
}

LessonRunner::AnswerResult LessonRunner::check(int index, const QString &text) const
{
    AnswerResult result;
    if (index < 0 || index >= m_lesson.steps.size() || !m_lesson.steps.at(index).question)
        return result;
    result.asked = true;
    const LessonQuestion &q = *m_lesson.steps.at(index).question;
    const QStringList expected = expectedValues(index, &result.problem);
    if (!result.problem.isEmpty())
        return result;
    const QString given = text.trimmed();
    switch (q.answer) {
    case Answer::MessageCount:
    case Answer::TotalOctets:
    case Answer::MessageSize:
    case Answer::MessageLines:
        if (const auto n = firstNumber(given))
            result.correct = expected.contains(QString::number(*n));
        break;
    case Answer::MessageUid: {
        const QStringList tokens = given.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        result.correct = !tokens.isEmpty() && expected.contains(tokens.last());
        break;
    }
    case Answer::MessageHeader: {
        QString value = given;
        const QString prefix = q.header + QLatin1Char(':');
        if (value.startsWith(prefix, Qt::CaseInsensitive))
            value = value.mid(prefix.size());
        result.correct = !expected.isEmpty() && simplified(value) == simplified(expected.first());
        break;
    }
    case Answer::Choice:
    case Answer::Text:
        for (const QString &e : expected)
            result.correct = result.correct || simplified(e) == simplified(given);
        break;
    }
    return result;
}

LessonRunner::AnswerResult LessonRunner::answer(const QString &text)
{
    if (m_current < 0 || !m_lesson.steps.at(m_current).question)
        return {};
    const int index = m_current;
    const AnswerResult result = check(index, text);
    if (!result.problem.isEmpty())
        return result;
    if (result.correct) {
        record(index).answer = text.trimmed();
        tick(index, now(), 0);
        activate();
    } else {
        wrongTry();
    }
    emit answerChecked(index, result.correct);
    save();
    emit progressChanged();
    return result;
}

Result LessonRunner::plantStaleLock()
{
    const QString user = m_lesson.account;
    if (!m_mailStore || !m_mailStore->account(user))
        return Result::failure(QStringLiteral("no account %1").arg(user));
    if (m_mailStore->lockHolder(user) != 0)
        return Result::failure(QStringLiteral("a session of %1 holds the lock").arg(user));
    const QString path = m_mailStore->lockPath(user);
    if (!MaildropLock::plantStale(path, user))
        return Result::failure(QStringLiteral("cannot write %1").arg(path));
    m_log->append(Event::makeNote(NoteKind::StaleLockPlanted, path));
    return Result::success();
}

QByteArray LessonRunner::apopCommand(const QString &user, const QString &password) const
{
    static const QRegularExpression stamp(QStringLiteral("<[^<>]+>"));
    const QRegularExpressionMatch m = stamp.match(QString::fromLatin1(m_tracker.lastGreeting()));
    if (!m.hasMatch())
        return {};
    const QByteArray digest = QCryptographicHash::hash(
        QByteArray(m.captured().toLatin1() + password.toUtf8()), QCryptographicHash::Md5)
                                  .toHex();
    return "APOP " + user.toUtf8() + ' ' + digest;
}

// A session connected before the lesson started: how it began and how it came to be in the state
// it is in go in the transcript and the footprint, so the hand-in shows it as it really is (a
// logged-in session drawn in AUTHORIZATION would teach something false). Kept: its connection and
// greeting, the login exchange that brought it into TRANSACTION (the lock with it), its TLS
// handshake, and the marks still standing; the exchanges of earlier lessons in between are not.
void LessonRunner::addPrelude()
{
    const QList<int> open = m_tracker.fold().openSessions();
    if (open.isEmpty() || !m_keepHandIn)
        return;
    Footprint &footprint = m_footprints[m_lesson.id];
    const QSet<quint64> known(footprint.seqs.cbegin(), footprint.seqs.cend());

    struct Carried
    {
        QList<quint64> kept; // connection, greeting, the login that succeeded, TLS
        QList<quint64> login; // the login exchange in progress (from its USER/APOP/AUTH)
        QHash<int, quint64> marks; // message number -> its MarkedDeleted event
    };

    QHash<int, Carried> carried;
    for (int id : open)
        carried.insert(id, {});
    const QList<Event> events = m_log->events();
    for (const Event &e : events) {
        const auto it = carried.find(e.session);
        if (it == carried.end())
            continue;
        Carried &c = *it;
        switch (e.kind) {
        case EventKind::Connected:
            c = Carried(); // a session id seen again: afresh
            c.kept.append(e.seq);
            break;
        case EventKind::ClientLine:
            if (e.state == State::Authorization) {
                const Command command = parseCommandLine(e.bytes.trimmed()).command();
                if (command == Command::User || command == Command::Apop
                    || command == Command::Auth)
                    c.login = {e.seq};
                else if (!c.login.isEmpty())
                    c.login.append(e.seq);
            }
            break;
        case EventKind::StateChanged:
            if (e.from == State::Connecting) {
                c.kept.append(e.seq);
            } else if (e.from == State::Authorization && e.to == State::Transaction) {
                c.kept += c.login;
                c.kept.append(e.seq);
                c.login.clear();
            }
            break;
        case EventKind::MarkedDeleted:
            c.marks.insert(e.number, e.seq);
            break;
        case EventKind::MarksReset:
        case EventKind::Expunged:
            c.marks.clear();
            break;
        case EventKind::Note:
            if (e.note == NoteKind::TlsStarted || e.note == NoteKind::RemoteServer)
                c.kept.append(e.seq);
            break;
        default:
            if (e.kind == EventKind::ServerReply && e.state == State::Connecting)
                c.kept.append(e.seq); // the greeting
            else if (e.state == State::Authorization && !c.login.isEmpty())
                c.login.append(e.seq); // replies, the lock, a refusal
            break;
        }
    }
    QList<quint64> found;
    for (const Carried &c : std::as_const(carried)) {
        found += c.kept;
        for (quint64 seq : c.marks)
            found.append(seq);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::remove_if(found.begin(),
                    found.end(),
                    [&known](quint64 seq) {
                        return known.contains(seq);
                    }),
        found.end());
    QSet<int> answering; // sessions whose next line answers a SASL challenge (a credential)
    for (quint64 seq : std::as_const(found)) {
        const Event *e = m_log->find(seq);
        if (!e)
            continue;
        QString line = LessonTracker::transcriptLine(*e);
        if (e->kind == EventKind::ClientLine && answering.contains(e->session))
            line = QStringLiteral("#%1 C: ********").arg(e->session);
        if (e->kind == EventKind::ClientLine)
            answering.remove(e->session);
        else if (e->kind == EventKind::ServerReply && e->bytes.startsWith("+ "))
            answering.insert(e->session);
        if (!line.isEmpty())
            m_progress.transcript.append(line);
    }
    footprint.prelude.unite(QSet<quint64>(found.cbegin(), found.cend()));
    footprint.seqs = found + footprint.seqs;
    std::sort(footprint.seqs.begin(), footprint.seqs.end());
}

QList<Event> LessonRunner::lessonEvents() const
{
    const Footprint footprint = m_footprints.value(m_lesson.id);
    QSet<int> taking; // sessions that did something while the lesson ran
    for (quint64 seq : footprint.seqs) {
        const Event *e = m_log->find(seq);
        if (e && e->session > 0 && !footprint.prelude.contains(seq))
            taking.insert(e->session);
    }
    QList<Event> events;
    for (quint64 seq : footprint.seqs) {
        const Event *e = m_log->find(seq);
        if (e && (e->session == 0 ? e->kind == EventKind::Note : taking.contains(e->session)))
            events.append(*e);
    }
    return events;
}

QList<int> LessonRunner::shuffled(int count, const QString &seed)
{
    QList<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    const QByteArray digest = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256);
    std::array<quint32, 8> words{};
    std::memcpy(words.data(), digest.constData(), sizeof(words));
    QRandomGenerator random(words.data(), qsizetype(words.size()));
    for (int i = count - 1; i > 0; --i) // Fisher-Yates
        std::swap(order[i], order[int(random.bounded(i + 1))]);
    return order;
}

QList<int> LessonRunner::choiceOrder(int index) const
{
    if (index < 0 || index >= m_lesson.steps.size() || !m_lesson.steps.at(index).question)
        return {};
    const LessonQuestion &q = *m_lesson.steps.at(index).question;
    const QString seed =
        QStringLiteral("%1|%2|%3|%4")
            .arg(m_store ? m_store->learner() : QString(), m_lesson.id, m_lesson.steps.at(index).id)
            .arg(m_progress.startedAtMs);
    return shuffled(int(q.choices.size()), seed);
}

qint64 LessonRunner::timerMs() const
{
    if (m_lesson.timerFrom.isEmpty())
        return -1;
    const LessonProgress::Step from = m_progress.steps.value(m_lesson.timerFrom);
    const LessonProgress::Step to = m_progress.steps.value(m_lesson.timerTo);
    if (!from.done || !to.done)
        return -1;
    return qMax<qint64>(0, to.doneAtMs - from.doneAtMs);
}

bool LessonRunner::timerRunning() const
{
    if (m_lesson.timerFrom.isEmpty())
        return false;
    return m_progress.steps.value(m_lesson.timerFrom).done
        && !m_progress.steps.value(m_lesson.timerTo).done;
}

qint64 LessonRunner::timerNowMs() const
{
    if (!timerRunning())
        return timerMs();
    return qMax<qint64>(0, now() - m_progress.steps.value(m_lesson.timerFrom).doneAtMs);
}

void LessonRunner::save()
{
    if (m_store && m_running && !m_lesson.id.isEmpty())
        m_store->save(m_progress);
}

} // namespace pop3
