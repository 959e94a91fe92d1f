#pragma once

#include "events/result.h"
#include "lessons/lesson.h"
#include "lessons/lessonprogress.h"
#include "lessons/lessontracker.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

namespace pop3 {

class EventLog;
class MailStore;
class LessonProgressStore;

// Runs one lesson against the event stream. The steps are taken in order; the current step is
// ticked only when an event shows it really happened (the tracker turns each event into an
// Observation, and the step's check matches it), or, for a question, when the answer agrees with
// the live mailbox. Events of the exchange that ticked a step also count for the next one (the
// lock is created before the +OK of PASS), but one event never ticks two steps.
//
//   EventLog ──eventAppended──► LessonTracker::observe ──► mistakes ──► mistakeDetected
//                                                      └─► current step's check ──► stepTicked
//   answer(text) ──► live MailStore ──► stepTicked / hintRevealed
class LessonRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonRunner)

public:
    struct AnswerResult
    {
        bool asked = false; // the current step was a question
        bool correct = false;
        QString problem; // the answer could not be checked (no such message, no account)
    };

    LessonRunner(EventLog *log, MailStore *store, QObject *parent = nullptr);

    // Progress is loaded from and saved to store (may be null: nothing is kept).
    void setProgressStore(LessonProgressStore *store) { m_store = store; }

    // Whether the transcript and the lesson's events are kept for a hand-in (the default). A
    // classroom server runs a runner per student and needs neither: off, its memory stays flat.
    void setKeepHandIn(bool on) { m_keepHandIn = on; }

    // Without a hand-in nothing asks about a closed session again: forget it once closed, so a
    // server's runner per student stays the same size however many sessions the class opens.

    // Starts lesson: resumes saved progress unless fresh; only events from now on count.
    // setAside: open sessions being closed for it (the learner sent QUIT in a session an earlier
    // lesson left logged in): they tick nothing, and their login is not this lesson's.
    void start(const Lesson &lesson, bool fresh = false, const QSet<int> &setAside = {});
    void stop();

    bool isRunning() const { return m_running; }

    const Lesson &lesson() const { return m_lesson; }

    int currentStep() const { return m_current; } // -1 when every step is done

    bool isDone(int index) const;

    bool isFinished() const { return m_progress.isFinished(); }

    int tries(int index) const;
    // The hints revealed so far for a step.
    QStringList revealedHints(int index) const;
    // Reveals the current step's next hint; false if there is none left.
    bool revealHint();
    // Answers the current step's question.
    AnswerResult answer(const QString &text);
    // Checks an answer to question index against the mailbox now, whichever step is current,
    // and changes nothing (a class's lab results are checked this way, in any order).
    AnswerResult check(int index, const QString &text) const;
    // Skips the current step if it is optional.
    bool skip();
    // The current step's action: plants a stale lock for the lesson's account.
    Result plantStaleLock();
    // "APOP user <md5 of timestamp+password>" from the last greeting, empty without a timestamp.
    QByteArray apopCommand(const QString &user, const QString &password) const;

    // The account questions are asked about: the last one logged in, else the lesson's.
    QString contextUser() const;
    // What a live question expects right now (for the teacher view and the tests).
    QString expectedAnswer(int index) const;
    // Between the ticks of the lesson's timer steps (-1 if not both ticked).
    qint64 timerMs() const;
    // The timer's reading now: since its first step was ticked while the last is not yet (the
    // lesson is timing the learner), else timerMs().
    qint64 timerNowMs() const;
    bool timerRunning() const;

    const LessonProgress &progress() const { return m_progress; }

    QList<LessonMistake> mistakes() const { return m_mistakes; }

    const LessonTracker &tracker() const { return m_tracker; }

    // The order in which the choices of question index are shown: indices into its choices,
    // shuffled once per learner and attempt (a fresh start shuffles again). The right answer is
    // found by identity, never by position.
    QList<int> choiceOrder(int index) const;
    // A permutation of 0..count-1 that depends only on seed.
    static QList<int> shuffled(int count, const QString &seed);

    // The events of this lesson, in order, as far as the log still holds them: the events seen
    // while it ran (in this run of the program) of the sessions that took part in it, with the
    // greeting of a session that was already open when it started, and the lab's own notes
    // (reset, stale lock) of that time. Another lesson's sessions are not in it.
    QList<Event> lessonEvents() const;

signals:
    void started();
    void stepTicked(int index);
    void currentStepChanged(int index);
    void hintRevealed(int index, const QString &hint);
    void answerChecked(int index, bool correct);
    void mistakeDetected(const pop3::LessonMistake &mistake);
    void finished();
    void progressChanged();

private:
    void appendEvent(const Event &event);
    void catchUp();
    void forgetIfClosed(const Event &event);
    void handle(const LessonTracker::Observation &ob);
    // The current step asks for this: the -ERR or the drop it provokes is what the step wants,
    // not a mistake (the line itself is seen before the reply that ticks the step).
    bool asksFor(const LessonCheck &check, const LessonTracker::Observation &ob) const;
    bool matches(const LessonCheck &check, const LessonTracker::Observation &ob) const;
    bool holdsNow(const LessonCheck &check) const;
    // The open sessions this lesson counts (not the ones set aside).
    QList<int> countedSessions() const;
    void tick(int index, qint64 timeMs, quint64 seq);
    void activate();
    void wrongTry();
    void save();
    LessonProgress::Step &record(int index);
    QStringList expectedValues(int index, QString *problem) const;

    EventLog *m_log;
    MailStore *m_mailStore;
    LessonProgressStore *m_store = nullptr;
    LessonTracker m_tracker;
    Lesson m_lesson;
    LessonProgress m_progress;
    bool m_running = false;
    bool m_closed = false; // started already finished: events are no longer recorded
    bool m_keepHandIn = true;
    int m_current = -1;
    quint64 m_seenSeq = 0;
    QList<LessonTracker::Observation> m_exchange; // since the last client line
    QList<quint64> m_tickingSeqs; // events that ticked a step (in m_exchange)
    QList<LessonMistake> m_mistakes;
    QString m_loginUser; // the last login since the lesson started
    QSet<int> m_tlsSessions; // sessions whose TLS handshake completed
    QSet<int> m_setAside; // see start()

    // What each lesson saw in this run: the events handled while it ran, and the greetings of
    // the sessions already open when it started (shown only if those sessions take part).
    struct Footprint
    {
        QList<quint64> seqs;
        QSet<quint64> prelude;
    };

    void addPrelude();
    QHash<QString, Footprint> m_footprints; // by lesson id
};

} // namespace pop3
