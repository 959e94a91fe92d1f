#include "lab/labresults.h"

#include <QDateTime>
#include <QJsonArray>

namespace pop3 {

QJsonObject StudentProgress::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("user"), user);
    o.insert(QStringLiteral("lesson"), lessonId);
    o.insert(QStringLiteral("step"), step);
    o.insert(QStringLiteral("stepId"), stepId);
    o.insert(QStringLiteral("done"), done);
    o.insert(QStringLiteral("of"), of);
    o.insert(QStringLiteral("finished"), finished);
    return o;
}

StudentProgress StudentProgress::fromJson(const QJsonObject &o)
{
    StudentProgress p;
    p.user = o.value(QStringLiteral("user")).toString();
    p.lessonId = o.value(QStringLiteral("lesson")).toString();
    p.step = o.value(QStringLiteral("step")).toInt(-1);
    p.stepId = o.value(QStringLiteral("stepId")).toString();
    p.done = o.value(QStringLiteral("done")).toInt();
    p.of = o.value(QStringLiteral("of")).toInt();
    p.finished = o.value(QStringLiteral("finished")).toBool();
    return p;
}

bool StudentProgress::operator==(const StudentProgress &other) const
{
    return user == other.user && lessonId == other.lessonId && step == other.step
        && stepId == other.stepId && done == other.done && of == other.of
        && finished == other.finished;
}

QJsonObject LabAnswer::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("user"), user);
    o.insert(QStringLiteral("question"), question);
    o.insert(QStringLiteral("given"), given);
    o.insert(QStringLiteral("expected"), expected);
    o.insert(QStringLiteral("correct"), correct);
    o.insert(QStringLiteral("tries"), tries);
    o.insert(QStringLiteral("time"),
        QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
    return o;
}

LabAnswer LabAnswer::fromJson(const QJsonObject &o)
{
    LabAnswer a;
    a.user = o.value(QStringLiteral("user")).toString();
    a.question = o.value(QStringLiteral("question")).toString();
    a.given = o.value(QStringLiteral("given")).toString();
    a.expected = o.value(QStringLiteral("expected")).toString();
    a.correct = o.value(QStringLiteral("correct")).toBool();
    a.tries = o.value(QStringLiteral("tries")).toInt();
    a.timeMs = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                   .toMSecsSinceEpoch();
    return a;
}

QJsonObject LabQuestion::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("prompt"), prompt);
    if (!choices.isEmpty())
        o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(choices));
    return o;
}

LabQuestion LabQuestion::fromJson(const QJsonObject &o)
{
    LabQuestion q{o.value(QStringLiteral("id")).toString(),
        o.value(QStringLiteral("title")).toString(),
        o.value(QStringLiteral("prompt")).toString(),
        {}};
    for (const QJsonValue &v : o.value(QStringLiteral("choices")).toArray())
        q.choices.append(v.toString());
    return q;
}

void LabResults::setStudents(const QStringList &users)
{
    m_students = users;
    m_answers.clear();
}

int LabResults::apply(const LabAnswer &answer)
{
    qsizetype row = m_students.indexOf(answer.user);
    if (row < 0) {
        m_students.append(answer.user);
        row = m_students.size() - 1;
    }
    m_answers[answer.user].insert(answer.question, answer);
    return int(row);
}

const LabAnswer *LabResults::answer(const QString &user, const QString &question) const
{
    const auto student = m_answers.constFind(user);
    if (student == m_answers.constEnd())
        return nullptr;
    const auto it = student->constFind(question);
    return it == student->constEnd() ? nullptr : &it.value();
}

int LabResults::rightCount(const QString &user) const
{
    int n = 0;
    for (const LabQuestion &q : m_questions) {
        const LabAnswer *a = answer(user, q.id);
        n += a && a->correct ? 1 : 0;
    }
    return n;
}

int LabResults::answeredCount(const QString &user) const
{
    int n = 0;
    for (const LabQuestion &q : m_questions)
        n += answer(user, q.id) ? 1 : 0;
    return n;
}

QString LabResults::csvField(const QString &text, bool typed)
{
    QString t = text;
    // A student's text must never become a formula in the teacher's spreadsheet (CSV injection).
    if (typed && !t.isEmpty()
        && (t.front() == QLatin1Char('=') || t.front() == QLatin1Char('+')
            || t.front() == QLatin1Char('-') || t.front() == QLatin1Char('@')
            || t.front() == QLatin1Char('\t') || t.front() == QLatin1Char('\r')))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"'))
        || t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r'))
        || t.startsWith(QLatin1Char(' ')) || t.endsWith(QLatin1Char(' '))) {
        t.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        t = QLatin1Char('"') + t + QLatin1Char('"');
    }
    return t;
}

QByteArray LabResults::toCsv(const std::function<QString(int row)> &name) const
{
    QStringList header{QStringLiteral("student")};
    for (const LabQuestion &q : m_questions) {
        header << csvField(q.id) << csvField(q.id + QStringLiteral(" expected"))
               << csvField(q.id + QStringLiteral(" right"))
               << csvField(q.id + QStringLiteral(" tries"));
    }
    header << QStringLiteral("right") << QStringLiteral("questions");
    QString out = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int row = 0; row < m_students.size(); ++row) {
        const QString &user = m_students.at(row);
        QStringList cells{csvField(name ? name(row) : user)};
        for (const LabQuestion &q : m_questions) {
            if (const LabAnswer *a = answer(user, q.id)) {
                cells << csvField(a->given, true) << csvField(a->expected)
                      << (a->correct ? QStringLiteral("yes") : QStringLiteral("no"))
                      << QString::number(a->tries);
            } else {
                cells << QString() << QString() << QString() << QString();
            }
        }
        cells << QString::number(rightCount(user)) << QString::number(m_questions.size());
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace pop3
