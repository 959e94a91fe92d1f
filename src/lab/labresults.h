#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>

namespace pop3 {

// Where one student is in the class's lesson, as the server's runner for that student sees it.
struct StudentProgress
{
    QString user;
    QString lessonId;
    int step = -1; // index of the current step, -1 when every step is done
    QString stepId;
    int done = 0; // steps ticked (or skipped)
    int of = 0; // steps in the lesson
    bool finished = false;

    QJsonObject toJson() const;
    static StudentProgress fromJson(const QJsonObject &o);
    bool operator==(const StudentProgress &other) const;
};

// One student's latest answer to one question of the lab, checked by the server against that
// student's own mailbox at the time it was given.
struct LabAnswer
{
    QString user;
    QString question; // the step id of the question
    QString given;
    QString expected; // what the server accepted for this student ("35", or "35 | 34" with marks)
    bool correct = false;
    int tries = 0; // answers given to this question so far, this one included
    qint64 timeMs = 0;

    QJsonObject toJson() const;
    static LabAnswer fromJson(const QJsonObject &o);
};

// A question of the lab: a question step of the class's lesson.
struct LabQuestion
{
    QString id;
    QString title;
    QString prompt; // Markdown, as the lesson has it
    QStringList choices; // a choice question's, in the lesson's order (answered by number)

    QJsonObject toJson() const;
    static LabQuestion fromJson(const QJsonObject &o);
};

// The lab results: one row per student, one column per question, each cell the student's latest
// answer. Codes and text only; the teacher's window words it and draws it. CSV here (no GUI
// needed); the PDF is drawn by the window.
class LabResults final
{
public:
    void setQuestions(const QList<LabQuestion> &questions) { m_questions = questions; }

    void setStudents(const QStringList &users);

    const QList<LabQuestion> &questions() const { return m_questions; }

    const QStringList &students() const { return m_students; }

    // Keeps answer as its student's latest for its question; returns the student's row (a student
    // not listed yet is added at the end).
    int apply(const LabAnswer &answer);

    // Null if the student has not answered that question.
    const LabAnswer *answer(const QString &user, const QString &question) const;
    int rightCount(const QString &user) const;
    int answeredCount(const QString &user) const;

    // RFC 4180: a header line, then one line per student: student, then for each question its
    // answer, what was expected, "yes"/"no" (empty when unanswered) and the tries, then how many
    // are right and how many questions there are (two numbers: "2/3" would become a date). Lines
    // end with CRLF. A cell a student typed that starts with = + - @ or a tab is prefixed with ' so
    // that a spreadsheet never runs it as a formula. name maps an account to the name written
    // (anonymised names); null: the account.
    QByteArray toCsv(const std::function<QString(int row)> &name = {}) const;

    static QString csvField(const QString &text, bool typed = false);

private:
    QList<LabQuestion> m_questions;
    QStringList m_students;
    QHash<QString, QMap<QString, LabAnswer>> m_answers; // user -> question -> latest
};

} // namespace pop3

Q_DECLARE_METATYPE(pop3::StudentProgress)
Q_DECLARE_METATYPE(pop3::LabAnswer)
Q_DECLARE_METATYPE(pop3::LabQuestion)
