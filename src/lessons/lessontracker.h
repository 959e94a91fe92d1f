#pragma once

#include "events/event.h"
#include "protocol/sessionfold.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace pop3 {

class MailStore;

// A classic mistake seen on the wire, with the bytes that show it.
struct LessonMistake
{
    QString code; // see lessonMistakeCodes()
    int session = 0;
    QByteArray bytes; // the line as sent (or the last line before a dropped connection)
    QString command; // the keyword involved
    int count = 0; // forgot-quit: how many marks were lost
    int message = 0; // deleted-message: the message number
    int holder = 0; // mailbox-in-use: the session holding the lock (0: none of this lab's)
    quint64 seq = 0;
    qint64 timeMs = 0;
};

// Follows every session in the event stream — its state, user, deletion marks and the command
// waiting for a reply — and turns each event into an Observation a lesson check can match
// without looking back. It also recognizes the classic mistakes. It knows nothing of lessons.
class LessonTracker final
{
public:
    // Drops what it knows of a closed session: for a long-running server, whose student
    // runners would otherwise keep every session ever seen.
    void forgetSession(int session);

    struct Observation
    {
        Event event;
        QByteArray command; // ClientLine, and the ServerReply that answers it
        QList<QByteArray> args;
        bool answersCommand = false;
        bool credential = false; // ClientLine: the answer to a SASL challenge (a secret)
        int openSessions = 0; // Connected
        QList<QByteArray> subjects; // MarkedDeleted: every marked one; Expunged: the removed ones
        int lostMarks = 0; // Disconnected: marks that were never committed
        QList<LessonMistake> mistakes;
    };

    explicit LessonTracker(const MailStore *store)
        : m_store(store)
    { }

    Observation observe(const Event &event);
    void clear();

    // Every session's state, user and marks: the one fold (protocol/sessionfold.h).
    const SessionFold &fold() const { return m_fold; }

    // The subject of a message session marked deleted (empty if not marked).
    QByteArray markedSubject(int session, int number) const;

    int openSessions() const;
    bool anyOpenIn(State state) const;

    // The user of the last successful login (empty if none yet).
    QString lastUser() const { return m_lastUser; }

    QByteArray lastGreeting() const { return m_lastGreeting; }

    // Marks held right now by open sessions of user.
    QMap<int, QByteArray> marksOf(const QString &user) const;

    // "USER: student\r\n": control bytes spelled as everywhere (pop3::escapeControls), and "\" as
    // "\\" so that a hand-in can be read back exactly.
    static QString escape(const QByteArray &bytes);
    // A client line with its secret (PASS's password, APOP's digest, a password typed on the USER
    // line) replaced by stars: "PASS ********\r\n". Other lines are returned as they are.
    static QByteArray hideSecret(const QByteArray &line);
    // One line of the hand-in transcript for an event (empty: not shown).
    static QString transcriptLine(const Event &event);
    // Keyword (upper case) and arguments of a client line.
    static void parseLine(const QByteArray &raw, QByteArray *keyword, QList<QByteArray> *args);

private:
    QList<LessonMistake> lineMistakes(
        const Event &event, const FoldedCommand &command, const SessionFacts &session) const;
    QByteArray subjectOf(const QString &user, int number) const;

    const MailStore *m_store;
    SessionFold m_fold;
    QHash<int, QMap<int, QByteArray>> m_subjects; // session -> marked number -> subject
    QString m_lastUser;
    QByteArray m_lastGreeting;
};

} // namespace pop3

Q_DECLARE_METATYPE(pop3::LessonMistake)
