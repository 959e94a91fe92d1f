#pragma once

#include "events/event.h"
#include "lab/labresults.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pop3 {

// The class at a glance, folded from the observer stream: one row per student (state, lock held,
// last command and reply, -ERR count and run, last activity) and the trouble each row is in.
// Codes only: the window words them (and colours them, and says them in text too). The teacher's
// overview is a table model over this.
//
//   ObserverClient::eventReceived ──apply()──► rows ──► trouble(row, now)
class ClassRoll final
{
public:
    enum Trouble : unsigned {
        None = 0,
        RepeatedErrors = 1, // errorRunLimit -ERR replies in a row
        LockHeldIdle = 2, // holds the maildrop lock and typed nothing for idleLimitMs
        DisconnectedForErrors = 4, // the too-many-errors disconnect, until the next login
    };

    static constexpr int errorRunLimit = 3;
    static constexpr qint64 idleLimitMs = 120'000;

    struct Student
    {
        QString user;
        State state = State::Closed; // of the student's latest session
        bool lockHeld = false;
        QByteArray lastCommand; // as the stream shows it (a password hidden)
        QByteArray lastReply; // status line
        int errors = 0; // -ERR replies, all sessions
        int errorRun = 0; // -ERR replies in a row, latest session
        bool disconnectedForErrors = false;
        qint64 lastActivityMs = 0; // 0: never seen
        StudentProgress lesson; // where the server's lesson runner has them (of == 0: none)
    };

    // The class's accounts, in order (the observer's hello); rows for others appear as they come.
    void setStudents(const QStringList &users);
    // Folds one event of the stream; returns the row it changed, or -1.
    int apply(const Event &event);
    // A student's lesson step, from the server; returns the row it changed.
    int applyProgress(const StudentProgress &progress);

    const QList<Student> &students() const { return m_students; }

    // A row as the observer stream's snapshot line carries it (docs/classroom.md), with the ids
    // of the sessions open for that student, so that what they type next lands on their row.
    QJsonObject studentJson(int row) const;
    // A row from a snapshot line: a late observer starts from where each student is; returns
    // the row, or -1 for a line without a user.
    int applySnapshot(const QJsonObject &student);

    unsigned trouble(int row, qint64 nowMs) const;

    // The student session belongs to (named by its USER line or its lock); empty: none yet.
    QString userOfSession(int session) const { return m_sessionUser.value(session); }

    // The student a USER line names, typos of the lab sheet included ("USER: student07"); empty
    // when the line is no USER command.
    static QString userNamedBy(const QByteArray &line);

private:
    int rowOf(const QString &user);

    QList<Student> m_students;
    QHash<QString, int> m_rows;
    QHash<int, QString> m_sessionUser; // session id -> the student it belongs to
};

} // namespace pop3
