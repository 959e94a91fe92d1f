#include "lab/classlessons.h"

#include "events/eventlog.h"
#include "lab/classroll.h"
#include "lab/lab.h"
#include "lessons/backgroundwriter.h"
#include "lessons/lessonprogress.h"
#include "lessons/lessonrunner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace pop3 {

ClassLessons::ClassLessons(Lab *lab, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
{ }

ClassLessons::~ClassLessons() = default;

void ClassLessons::flush()
{
    if (m_writer)
        m_writer->flush();
}

Result ClassLessons::start(
    const Lesson &lesson, const QStringList &students, const QString &progressFolder, bool fresh)
{
    if (m_started)
        return Result::failure(QStringLiteral("the class's lesson is already started"));
    if (lesson.steps.isEmpty())
        return Result::failure(QStringLiteral("the lesson %1 has no step").arg(lesson.id));
    m_started = true;
    m_lesson = lesson;
    for (const LessonStep &step : lesson.steps) {
        if (step.question)
            m_questions.append({step.id,
                step.title,
                step.question->prompt,
                step.question->answer == LessonQuestion::Answer::Choice ? step.question->choices
                                                                        : QStringList()});
    }
    m_results.setQuestions(m_questions);
    m_results.setStudents(students);
    m_writer = std::make_unique<BackgroundWriter>();
    QDir().mkpath(progressFolder);
    m_resultsPath = QDir(progressFolder).filePath(QStringLiteral("lab-answers.json"));
    if (fresh)
        QFile::remove(m_resultsPath);
    else
        loadAnswers();
    for (const QString &user : students) {
        if (m_students.count(user))
            continue;
        Student &s = m_students[user];
        m_order.append(user);
        s.log = std::make_unique<EventLog>();
        s.log->setCapacity(studentLogCapacity);
        s.store = std::make_unique<LessonProgressStore>(progressFolder, user);
        s.store->setWriter(m_writer.get());
        s.runner = std::make_unique<LessonRunner>(s.log.get(), m_lab->store());
        s.runner->setProgressStore(s.store.get());
        s.runner->setKeepHandIn(false); // no hand-in on the server: its memory stays flat
        Lesson own = lesson;
        own.account = user; // the questions are about this student's mailbox
        s.runner->start(own, fresh);
        s.last = progress(user);
        connect(s.runner.get(), &LessonRunner::progressChanged, this, [this, user] {
            progressMayHaveChanged(user);
        });
    }
    connect(m_lab->log(), &EventLog::eventAppended, this, &ClassLessons::route);
    return Result::success();
}

LessonRunner *ClassLessons::runner(const QString &user) const
{
    const auto it = m_students.find(user);
    return it == m_students.end() ? nullptr : it->second.runner.get();
}

StudentProgress ClassLessons::progress(const QString &user) const
{
    StudentProgress p;
    p.user = user;
    p.lessonId = m_lesson.id;
    p.of = int(m_lesson.steps.size());
    const LessonRunner *r = runner(user);
    if (!r)
        return p;
    p.step = r->currentStep();
    p.stepId = p.step >= 0 ? m_lesson.steps.at(p.step).id : QString();
    for (int i = 0; i < m_lesson.steps.size(); ++i)
        p.done += r->isDone(i) ? 1 : 0;
    p.finished = r->isFinished();
    return p;
}

void ClassLessons::progressMayHaveChanged(const QString &user)
{
    const auto it = m_students.find(user);
    if (it == m_students.end())
        return;
    const StudentProgress now = progress(user);
    if (now == it->second.last) // a transcript line, a wrong try: the step is the same
        return;
    it->second.last = now;
    emit progressChanged(now);
}

void ClassLessons::route(const Event &e)
{
    if (e.session == 0) {
        // The lab's own notes about one maildrop (a reset, a delivery) are that student's.
        if (!e.user.isEmpty() && m_students.count(e.user))
            deliver(e.user, e);
        return;
    }
    QString user = m_sessionUser.value(e.session);
    if (e.kind == EventKind::ClientLine) {
        const QString named = ClassRoll::userNamedBy(e.bytes);
        if (!named.isEmpty() && m_students.count(named) && named != user) {
            user = named;
            m_sessionUser.insert(e.session, user);
        }
    }
    if (e.kind == EventKind::LockCreated && !e.user.isEmpty() && m_students.count(e.user)) {
        user = e.user;
        m_sessionUser.insert(e.session, user);
    }
    if (user.isEmpty()) {
        if (e.kind == EventKind::Disconnected) {
            m_pending.remove(e.session); // never named a student
            return;
        }
        QList<Event> &pending = m_pending[e.session];
        if (pending.size() < pendingLimit)
            pending.append(e);
        return;
    }
    const QList<Event> pending = m_pending.take(e.session);
    for (const Event &p : pending)
        deliver(user, p);
    deliver(user, e);
    if (e.kind == EventKind::Disconnected)
        m_sessionUser.remove(e.session);
}

void ClassLessons::deliver(const QString &user, const Event &event)
{
    const auto it = m_students.find(user);
    if (it == m_students.end())
        return;
    // No lesson check reads a reply's body: without it, 60 students' logs stay small (a RETR's
    // preview is up to 16 KiB).
    Event e = event;
    e.body.clear();
    it->second.log->append(e); // a seq of its own; the runner follows it at once
}

Result ClassLessons::submit(
    const QString &user, const QString &question, const QString &text, LabAnswer *answer)
{
    LessonRunner *r = runner(user);
    if (!r)
        return Result::failure(QStringLiteral("%1 is not a student of this class").arg(user));
    const int index = m_lesson.indexOf(question);
    if (index < 0 || !m_lesson.steps.at(index).question)
        return Result::failure(QStringLiteral("no question %1 in lesson %2; QUESTIONS lists them")
                                   .arg(question, m_lesson.id));
    const QString given = text.trimmed();
    if (given.isEmpty())
        return Result::failure(QStringLiteral("an empty answer"));
    const LessonRunner::AnswerResult checked = r->check(index, given);
    if (!checked.problem.isEmpty())
        return Result::failure(
            QStringLiteral("question %1 cannot be checked now (%2): its message is not in your "
                           "mailbox")
                .arg(question, checked.problem));
    LabAnswer a;
    a.user = user;
    a.question = question;
    a.given = given;
    a.expected = r->expectedAnswer(index);
    a.correct = checked.correct;
    const LabAnswer *before = m_results.answer(user, question);
    a.tries = before ? before->tries + 1 : 1;
    a.timeMs = QDateTime::currentMSecsSinceEpoch();
    if (r->currentStep() == index)
        r->answer(given); // the lesson goes on, as in the pane
    m_results.apply(a);
    saveAnswers();
    if (answer)
        *answer = a;
    emit answered(a);
    return Result::success();
}

// The answers so far, one file for the class: a server restarted (--accounts) keeps them.
void ClassLessons::loadAnswers()
{
    QFile file(m_resultsPath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (o.value(QStringLiteral("lesson")).toString() != m_lesson.id)
        return; // another lesson's answers are not this one's
    for (const QJsonValue &v : o.value(QStringLiteral("answers")).toArray()) {
        const LabAnswer a = LabAnswer::fromJson(v.toObject());
        if (m_results.students().contains(a.user) && m_lesson.indexOf(a.question) >= 0)
            m_results.apply(a);
    }
}

void ClassLessons::saveAnswers()
{
    QJsonArray answers;
    for (const QString &user : m_results.students()) {
        for (const LabQuestion &q : m_questions) {
            if (const LabAnswer *a = m_results.answer(user, q.id))
                answers.append(a->toJson());
        }
    }
    QJsonObject o;
    o.insert(QStringLiteral("lesson"), m_lesson.id);
    o.insert(QStringLiteral("answers"), answers);
    if (m_writer)
        m_writer->write(m_resultsPath, QJsonDocument(o).toJson(QJsonDocument::Indented));
}

} // namespace pop3
