#pragma once

#include "events/result.h"
#include "lab/labresults.h"
#include "lessons/lesson.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <map>
#include <memory>

namespace pop3 {

class BackgroundWriter;

class EventLog;
class Lab;
class LessonProgressStore;
class LessonRunner;
struct Event;

// A class's lesson, kept per student on the server: every student has a LessonRunner of their
// own, fed only with their own sessions' events, so each one's steps tick from what that student
// typed, and the questions are checked against that student's own mailbox. The lab results (each
// student's latest answer to each question) are kept here too.
//
//   Lab::log() ──route()──► the student a session names (USER, USER:, the lock) ──► that
//   student's EventLog ──► their LessonRunner ──► progressChanged(StudentProgress)
//   submit(user, question, text) ──► runner->check() (their mailbox) ──► answered(LabAnswer)
//
// A session's events before it names a student (the connection, the greeting) wait, and go to
// the student it turns out to be; a session that never names one is forgotten when it ends.
class ClassLessons final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassLessons)

public:
    // Events kept per student: the runner looks at the latest exchange only (and catches up
    // from here after a gap); 60 students, or the soak's 560 accounts, stay small.
    static constexpr qsizetype studentLogCapacity = 256;
    static constexpr qsizetype pendingLimit = 64; // events of a session before it names a student

    explicit ClassLessons(Lab *lab, QObject *parent = nullptr);
    ~ClassLessons() override;

    // Starts lesson for each of students, their progress kept in progressFolder (one file per
    // student) and the class's answers there too (lab-answers.json); fresh forgets what was saved
    // (a new class). The lesson's account becomes each
    // student's own. Call once.
    Result start(const Lesson &lesson,
        const QStringList &students,
        const QString &progressFolder,
        bool fresh);

    const Lesson &lesson() const { return m_lesson; }

    QStringList students() const { return m_order; }

    // The question steps of the lesson, in order: the lab's questions.
    const QList<LabQuestion> &questions() const { return m_questions; }

    StudentProgress progress(const QString &user) const;

    const LabResults &results() const { return m_results; }

    // Waits until the progress and answers saved so far are on disk (they are written on a
    // thread of their own; the destructor waits too).
    void flush();

    // Null for an account that is not a student of the class.
    LessonRunner *runner(const QString &user) const;

    // Checks user's answer to question (a step id) against user's mailbox now, keeps it as their
    // latest and emits answered(); a question that is the student's current step also ticks it,
    // as the lesson pane would. Fails for an unknown student or question, or a question that
    // cannot be checked now (no such message in their mailbox).
    Result submit(const QString &user,
        const QString &question,
        const QString &text,
        LabAnswer *answer = nullptr);

signals:
    void progressChanged(const pop3::StudentProgress &progress);
    void answered(const pop3::LabAnswer &answer);

private:
    struct Student
    {
        std::unique_ptr<EventLog> log;
        std::unique_ptr<LessonProgressStore> store;
        std::unique_ptr<LessonRunner> runner;
        StudentProgress last;
    };

    void route(const Event &event);
    void deliver(const QString &user, const Event &event);
    void progressMayHaveChanged(const QString &user);
    void loadAnswers();
    void saveAnswers();

    Lab *m_lab;
    Lesson m_lesson;
    QList<LabQuestion> m_questions;
    // Progress and answers go to disk on its thread, never in the event loop; declared before
    // the students so that it outlives their runners (it writes what they saved last).
    std::unique_ptr<BackgroundWriter> m_writer;
    std::map<QString, Student> m_students;
    QStringList m_order;
    QHash<int, QString> m_sessionUser; // session id -> the student it belongs to
    QHash<int, QList<Event>> m_pending; // a session's events before it names a student
    LabResults m_results;
    QString m_resultsPath; // lab-answers.json in the progress folder
    bool m_started = false;
};

} // namespace pop3
