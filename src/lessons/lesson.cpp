#include "lessons/lesson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace pop3 {

namespace {

using CheckType = LessonCheck::Type;
using AnswerType = LessonQuestion::Answer;

const QList<QPair<QString, CheckType>> &checkTypes()
{
    static const QList<QPair<QString, CheckType>> types = {
        {QStringLiteral("connected"), CheckType::Connected},
        {QStringLiteral("command"), CheckType::Command},
        {QStringLiteral("reply"), CheckType::Reply},
        {QStringLiteral("state"), CheckType::State},
        {QStringLiteral("lock-created"), CheckType::LockCreated},
        {QStringLiteral("lock-removed"), CheckType::LockRemoved},
        {QStringLiteral("lock-refused"), CheckType::LockRefused},
        {QStringLiteral("stale-lock-cleared"), CheckType::StaleLockCleared},
        {QStringLiteral("marked-deleted"), CheckType::MarkedDeleted},
        {QStringLiteral("marks-reset"), CheckType::MarksReset},
        {QStringLiteral("expunged"), CheckType::Expunged},
        {QStringLiteral("disconnected"), CheckType::Disconnected},
        {QStringLiteral("mailbox"), CheckType::Mailbox},
        {QStringLiteral("tls"), CheckType::Tls},
    };
    return types;
}

const QList<QPair<QString, AnswerType>> &answerTypes()
{
    static const QList<QPair<QString, AnswerType>> types = {
        {QStringLiteral("message-count"), AnswerType::MessageCount},
        {QStringLiteral("total-octets"), AnswerType::TotalOctets},
        {QStringLiteral("message-size"), AnswerType::MessageSize},
        {QStringLiteral("message-lines"), AnswerType::MessageLines},
        {QStringLiteral("message-uid"), AnswerType::MessageUid},
        {QStringLiteral("message-header"), AnswerType::MessageHeader},
        {QStringLiteral("choice"), AnswerType::Choice},
        {QStringLiteral("text"), AnswerType::Text},
    };
    return types;
}

QStringList names(const auto &table)
{
    QStringList out;
    for (const auto &entry : table)
        out.append(entry.first);
    return out;
}

// Reads one lesson file; the first problem found is kept with the path of the field at fault.
class Parser
{
public:
    explicit Parser(QString fileName)
        : m_file(std::move(fileName))
    { }

    bool failed() const { return !m_error.isEmpty(); }

    QString error() const { return m_error; }

    void fail(const QString &field, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = field.isEmpty() ? QStringLiteral("%1: %2").arg(m_file, what)
                                      : QStringLiteral("%1: %2: %3").arg(m_file, field, what);
    }

    // Markdown may be one string or an array of lines (easier to write in JSON).
    QString text(const QJsonObject &o, const QString &key, const QString &path, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(path + key, QStringLiteral("missing (a string or an array of lines)"));
            return {};
        }
        if (v.isString())
            return v.toString();
        if (v.isArray()) {
            QStringList lines;
            for (const QJsonValue &line : v.toArray()) {
                if (!line.isString()) {
                    fail(path + key, QStringLiteral("every line must be a string"));
                    return {};
                }
                lines.append(line.toString());
            }
            return lines.join(QLatin1Char('\n'));
        }
        fail(path + key, QStringLiteral("must be a string or an array of lines"));
        return {};
    }

    QStringList strings(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(path + key, QStringLiteral("must be an array of strings"));
            return {};
        }
        QStringList out;
        for (const QJsonValue &item : v.toArray()) {
            if (item.isString()) {
                out.append(item.toString());
            } else if (item.isArray()) { // a hint or goal written as lines
                QStringList lines;
                for (const QJsonValue &line : item.toArray())
                    lines.append(line.toString());
                out.append(lines.join(QLatin1Char('\n')));
            } else {
                fail(path + key, QStringLiteral("must be an array of strings"));
                return {};
            }
        }
        return out;
    }

    int integer(
        const QJsonObject &o, const QString &key, const QString &path, int fallback, int min)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < min) {
            fail(path + key, QStringLiteral("must be a whole number ≥ %1").arg(min));
            return fallback;
        }
        return v.toInt();
    }

    void allowOnly(const QJsonObject &o, const QString &path, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!allowed.contains(it.key()))
                fail(path + it.key(),
                    QStringLiteral("unknown field (allowed here: %1)")
                        .arg(allowed.join(QStringLiteral(", "))));
        }
    }

    std::optional<LessonCheck> check(const QJsonObject &o, const QString &path);
    std::optional<LessonQuestion> question(const QJsonObject &o, const QString &path);
    std::optional<LessonStep> step(const QJsonValue &v, const QString &path, bool quiz);

private:
    QString m_file;
    QString m_error;
};

std::optional<LessonCheck> Parser::check(const QJsonObject &o, const QString &path)
{
    LessonCheck c;
    c.source = o;
    const QString type = o.value(QStringLiteral("type")).toString();
    bool known = false;
    for (const auto &[name, value] : checkTypes()) {
        if (name == type) {
            c.type = value;
            known = true;
        }
    }
    if (!known) {
        fail(path + QStringLiteral("type"),
            QStringLiteral("unknown check type \"%1\" (expected one of: %2)")
                .arg(type, names(checkTypes()).join(QStringLiteral(", "))));
        return std::nullopt;
    }
    QStringList allowed{QStringLiteral("type")};
    auto replyStatus = [&] {
        const QJsonValue v = o.value(QStringLiteral("reply"));
        if (v.isUndefined())
            return;
        if (v.toString() == QLatin1String("+OK"))
            c.replyOk = true;
        else if (v.toString() == QLatin1String("-ERR"))
            c.replyOk = false;
        else
            fail(path + QStringLiteral("reply"), QStringLiteral("must be \"+OK\" or \"-ERR\""));
    };
    switch (c.type) {
    case CheckType::Connected:
        allowed << QStringLiteral("open");
        c.count = integer(o, QStringLiteral("open"), path, 0, 1);
        break;
    case CheckType::Command: {
        allowed << QStringLiteral("command") << QStringLiteral("args") << QStringLiteral("reply")
                << QStringLiteral("replyText") << QStringLiteral("encrypted");
        if (o.contains(QStringLiteral("encrypted"))) {
            if (!o.value(QStringLiteral("encrypted")).isBool())
                fail(path + QStringLiteral("encrypted"), QStringLiteral("must be true or false"));
            c.encrypted = o.value(QStringLiteral("encrypted")).toBool();
        }
        c.command = o.value(QStringLiteral("command")).toString().trimmed().toUpper();
        if (c.command.isEmpty() || c.command.contains(QLatin1Char(' ')))
            fail(path + QStringLiteral("command"),
                QStringLiteral("missing (one keyword, e.g. \"STAT\")"));
        if (o.contains(QStringLiteral("args"))) {
            if (!o.value(QStringLiteral("args")).isArray())
                fail(path + QStringLiteral("args"), QStringLiteral("must be an array of strings"));
            c.args = strings(o, QStringLiteral("args"), path);
        }
        replyStatus();
        c.replyText = o.value(QStringLiteral("replyText")).toString();
        break;
    }
    case CheckType::Reply:
        allowed << QStringLiteral("reply") << QStringLiteral("replyText")
                << QStringLiteral("greeting") << QStringLiteral("multiLine");
        replyStatus();
        c.replyText = o.value(QStringLiteral("replyText")).toString();
        c.greeting = o.value(QStringLiteral("greeting")).toBool();
        if (o.contains(QStringLiteral("multiLine")))
            c.multiLine = o.value(QStringLiteral("multiLine")).toBool();
        break;
    case CheckType::State: {
        allowed << QStringLiteral("state");
        const QString name = o.value(QStringLiteral("state")).toString().toUpper();
        static const QStringList states{QStringLiteral("AUTHORIZATION"),
            QStringLiteral("TRANSACTION"),
            QStringLiteral("UPDATE"),
            QStringLiteral("CLOSED")};
        if (!states.contains(name))
            fail(path + QStringLiteral("state"),
                QStringLiteral("must be one of %1").arg(states.join(QStringLiteral(", "))));
        c.state = stateFromName(name);
        break;
    }
    case CheckType::MarkedDeleted:
    case CheckType::Expunged:
        allowed << QStringLiteral("message") << QStringLiteral("count")
                << QStringLiteral("subjectContains");
        c.message = integer(o, QStringLiteral("message"), path, 0, 1);
        c.count = integer(o, QStringLiteral("count"), path, 0, 1);
        c.subjectContains = o.value(QStringLiteral("subjectContains")).toString();
        break;
    case CheckType::Disconnected: {
        allowed << QStringLiteral("reason") << QStringLiteral("withMarks");
        c.reason = o.value(QStringLiteral("reason")).toString();
        static const QStringList reasons{QStringLiteral("quit"),
            QStringLiteral("peer-closed"),
            QStringLiteral("idle-timeout"),
            QStringLiteral("too-many-errors"),
            QStringLiteral("server-shutdown"),
            QStringLiteral("error")};
        if (!c.reason.isEmpty() && !reasons.contains(c.reason))
            fail(path + QStringLiteral("reason"),
                QStringLiteral("must be one of %1").arg(reasons.join(QStringLiteral(", "))));
        c.withMarks = o.value(QStringLiteral("withMarks")).toBool();
        break;
    }
    case CheckType::Mailbox:
        allowed << QStringLiteral("user") << QStringLiteral("noSubjectContaining")
                << QStringLiteral("minMessages") << QStringLiteral("maxMessages");
        c.user = o.value(QStringLiteral("user")).toString();
        c.noSubjectContaining = o.value(QStringLiteral("noSubjectContaining")).toString();
        c.minMessages = integer(o, QStringLiteral("minMessages"), path, -1, 0);
        c.maxMessages = integer(o, QStringLiteral("maxMessages"), path, -1, 0);
        if (c.noSubjectContaining.isEmpty() && c.minMessages < 0 && c.maxMessages < 0)
            fail(path,
                QStringLiteral(
                    "a mailbox check needs noSubjectContaining, minMessages or maxMessages"));
        break;
    default:
        break;
    }
    allowOnly(o, path, allowed);
    if (failed())
        return std::nullopt;
    return c;
}

std::optional<LessonQuestion> Parser::question(const QJsonObject &o, const QString &path)
{
    LessonQuestion q;
    allowOnly(o,
        path,
        {QStringLiteral("prompt"),
            QStringLiteral("answer"),
            QStringLiteral("choices"),
            QStringLiteral("explanation")});
    q.prompt = text(o, QStringLiteral("prompt"), path, true);
    q.explanation = text(o, QStringLiteral("explanation"), path, false);
    const QJsonObject a = o.value(QStringLiteral("answer")).toObject();
    const QString apath = path + QStringLiteral("answer.");
    if (!o.value(QStringLiteral("answer")).isObject()) {
        fail(
            path + QStringLiteral("answer"), QStringLiteral("missing (an object with a \"type\")"));
        return std::nullopt;
    }
    q.source = a;
    const QString type = a.value(QStringLiteral("type")).toString();
    bool known = false;
    for (const auto &[name, value] : answerTypes()) {
        if (name == type) {
            q.answer = value;
            known = true;
        }
    }
    if (!known) {
        fail(apath + QStringLiteral("type"),
            QStringLiteral("unknown answer type \"%1\" (expected one of: %2)")
                .arg(type, names(answerTypes()).join(QStringLiteral(", "))));
        return std::nullopt;
    }
    QStringList allowed{QStringLiteral("type")};
    switch (q.answer) {
    case AnswerType::MessageSize:
    case AnswerType::MessageLines:
    case AnswerType::MessageUid:
    case AnswerType::MessageHeader:
        allowed << QStringLiteral("message");
        q.message = integer(a, QStringLiteral("message"), apath, 0, 1);
        if (q.message == 0)
            fail(apath + QStringLiteral("message"),
                QStringLiteral("missing (the message number asked about)"));
        if (q.answer == AnswerType::MessageHeader) {
            allowed << QStringLiteral("header");
            q.header = a.value(QStringLiteral("header")).toString().toLower();
            if (q.header != QLatin1String("subject") && q.header != QLatin1String("from")
                && q.header != QLatin1String("date"))
                fail(apath + QStringLiteral("header"),
                    QStringLiteral("must be \"Subject\", \"From\" or \"Date\""));
        }
        break;
    case AnswerType::Choice:
        allowed << QStringLiteral("correct");
        q.choices = strings(o, QStringLiteral("choices"), path);
        q.correct = integer(a, QStringLiteral("correct"), apath, -1, 1) - 1;
        if (q.choices.size() < 2)
            fail(path + QStringLiteral("choices"),
                QStringLiteral("a choice question needs at least two choices"));
        else if (q.correct < 0 || q.correct >= q.choices.size())
            fail(apath + QStringLiteral("correct"),
                QStringLiteral("must be the number of the right choice, 1 to %1")
                    .arg(q.choices.size()));
        break;
    case AnswerType::Text:
        allowed << QStringLiteral("accept");
        q.accept = strings(a, QStringLiteral("accept"), apath);
        if (q.accept.isEmpty())
            fail(
                apath + QStringLiteral("accept"), QStringLiteral("missing (the accepted answers)"));
        break;
    default:
        break;
    }
    if (q.answer != AnswerType::Choice && o.contains(QStringLiteral("choices")))
        fail(path + QStringLiteral("choices"),
            QStringLiteral("only a \"choice\" answer has choices"));
    allowOnly(a, apath, allowed);
    if (failed())
        return std::nullopt;
    return q;
}

std::optional<LessonStep> Parser::step(const QJsonValue &v, const QString &path, bool quiz)
{
    if (!v.isObject()) {
        fail(path.chopped(1), QStringLiteral("must be an object"));
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    LessonStep s;
    s.quiz = quiz;
    allowOnly(o,
        path,
        {QStringLiteral("id"),
            QStringLiteral("title"),
            QStringLiteral("text"),
            QStringLiteral("check"),
            QStringLiteral("question"),
            QStringLiteral("hints"),
            QStringLiteral("optional"),
            QStringLiteral("action")});
    s.id = o.value(QStringLiteral("id")).toString();
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    if (!idPattern.match(s.id).hasMatch())
        fail(path + QStringLiteral("id"), QStringLiteral("missing or not lower-case-with-dashes"));
    s.title = text(o, QStringLiteral("title"), path, true);
    s.text = text(o, QStringLiteral("text"), path, o.contains(QStringLiteral("check")));
    s.hints = strings(o, QStringLiteral("hints"), path);
    s.optional = o.value(QStringLiteral("optional")).toBool();
    if (o.contains(QStringLiteral("check")) == o.contains(QStringLiteral("question")))
        fail(path,
            QStringLiteral("a step has either a \"check\" or a \"question\", not both or none"));
    if (quiz && o.contains(QStringLiteral("check")))
        fail(path + QStringLiteral("check"), QStringLiteral("a quiz item is a question"));
    if (o.value(QStringLiteral("check")).isObject())
        s.check =
            check(o.value(QStringLiteral("check")).toObject(), path + QStringLiteral("check."));
    else if (o.contains(QStringLiteral("check")))
        fail(path + QStringLiteral("check"), QStringLiteral("must be an object"));
    if (o.value(QStringLiteral("question")).isObject())
        s.question = question(
            o.value(QStringLiteral("question")).toObject(), path + QStringLiteral("question."));
    else if (o.contains(QStringLiteral("question")))
        fail(path + QStringLiteral("question"), QStringLiteral("must be an object"));
    if (o.contains(QStringLiteral("action"))) {
        const QJsonObject a = o.value(QStringLiteral("action")).toObject();
        const QString type = a.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("plant-stale-lock"))
            s.action.type = LessonAction::Type::PlantStaleLock;
        else if (type == QLatin1String("apop-digest"))
            s.action.type = LessonAction::Type::ApopDigest;
        else if (type == QLatin1String("personality"))
            s.action.type = LessonAction::Type::Personality;
        else
            fail(path + QStringLiteral("action.type"),
                QStringLiteral(
                    "unknown action \"%1\" (expected plant-stale-lock, apop-digest or personality)")
                    .arg(type));
        s.action.personality = a.value(QStringLiteral("personality")).toString();
        if (s.action.type == LessonAction::Type::Personality && s.action.personality.isEmpty())
            fail(path + QStringLiteral("action.personality"),
                QStringLiteral("missing (e.g. \"rfc1939\")"));
    }
    if (failed())
        return std::nullopt;
    return s;
}

QString normalized(const QJsonObject &o, const QStringList &drop = {})
{
    QJsonObject copy = o;
    for (const QString &key : drop)
        copy.remove(key);
    return QString::fromUtf8(QJsonDocument(copy).toJson(QJsonDocument::Compact));
}

} // namespace

QString LessonCheck::typeName(Type type)
{
    for (const auto &[name, value] : checkTypes()) {
        if (value == type)
            return name;
    }
    return {};
}

QString LessonQuestion::answerName(Answer answer)
{
    for (const auto &[name, value] : answerTypes()) {
        if (value == answer)
            return name;
    }
    return {};
}

QStringList lessonMistakeCodes()
{
    return {QStringLiteral("user-colon"),
        QStringLiteral("password-on-user-line"),
        QStringLiteral("wrong-state"),
        QStringLiteral("deleted-message"),
        QStringLiteral("bare-lf"),
        QStringLiteral("backspace"),
        QStringLiteral("forgot-quit"),
        QStringLiteral("wrong-password"),
        QStringLiteral("mailbox-in-use"),
        QStringLiteral("missing-number"),
        QStringLiteral("too-many-errors")};
}

int Lesson::indexOf(const QString &stepId) const
{
    for (int i = 0; i < steps.size(); ++i) {
        if (steps.at(i).id == stepId)
            return i;
    }
    return -1;
}

bool Lesson::watchesMistake(const QString &code) const
{
    return mistakes.isEmpty() || mistakes.contains(code);
}

std::optional<Lesson> Lesson::fromJson(
    const QByteArray &json, const QString &fileName, QString *error)
{
    const QString shown = QFileInfo(fileName).fileName();
    Parser p(shown);
    auto failWith = [&]() -> std::optional<Lesson> {
        if (error)
            *error = p.error();
        return std::nullopt;
    };
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        const int line = int(json.left(jsonError.offset).count('\n')) + 1;
        p.fail(QString(),
            QStringLiteral("line %1: not valid JSON: %2").arg(line).arg(jsonError.errorString()));
        return failWith();
    }
    if (!doc.isObject()) {
        p.fail(QString(), QStringLiteral("a lesson is one JSON object"));
        return failWith();
    }
    const QJsonObject o = doc.object();
    Lesson l;
    l.fileName = fileName;
    p.allowOnly(o,
        QString(),
        {QStringLiteral("format"),
            QStringLiteral("id"),
            QStringLiteral("language"),
            QStringLiteral("title"),
            QStringLiteral("account"),
            QStringLiteral("personality"),
            QStringLiteral("goals"),
            QStringLiteral("intro"),
            QStringLiteral("steps"),
            QStringLiteral("quiz"),
            QStringLiteral("summary"),
            QStringLiteral("mistakes"),
            QStringLiteral("timer")});
    const int format = p.integer(o, QStringLiteral("format"), QString(), 0, 1);
    if (format != currentFormat)
        p.fail(QStringLiteral("format"), QStringLiteral("must be %1").arg(currentFormat));
    l.id = o.value(QStringLiteral("id")).toString();
    l.language = o.value(QStringLiteral("language")).toString();
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    static const QRegularExpression langPattern(QStringLiteral("^[a-z]{2,3}$"));
    if (!idPattern.match(l.id).hasMatch())
        p.fail(QStringLiteral("id"), QStringLiteral("missing or not lower-case-with-dashes"));
    if (!langPattern.match(l.language).hasMatch())
        p.fail(QStringLiteral("language"),
            QStringLiteral("missing or not a language code such as \"en\""));
    const QString expectedName = QStringLiteral("%1.%2.json").arg(l.id, l.language);
    if (!p.failed() && shown.endsWith(QLatin1String(".json")) && shown != expectedName)
        p.fail(QStringLiteral("id"), QStringLiteral("the file must be named %1").arg(expectedName));
    l.title = p.text(o, QStringLiteral("title"), QString(), true);
    if (o.contains(QStringLiteral("account")))
        l.account = o.value(QStringLiteral("account")).toString();
    if (l.account.isEmpty())
        p.fail(QStringLiteral("account"), QStringLiteral("must name the account the lesson uses"));
    l.personality = o.value(QStringLiteral("personality")).toString();
    l.goals = p.strings(o, QStringLiteral("goals"), QString());
    if (l.goals.isEmpty() && !p.failed())
        p.fail(QStringLiteral("goals"),
            QStringLiteral("missing (what the student will be able to do)"));
    l.intro = p.text(o, QStringLiteral("intro"), QString(), false);
    l.summary = p.text(o, QStringLiteral("summary"), QString(), false);
    l.mistakes = p.strings(o, QStringLiteral("mistakes"), QString());
    for (const QString &code : std::as_const(l.mistakes)) {
        if (!lessonMistakeCodes().contains(code))
            p.fail(QStringLiteral("mistakes"),
                QStringLiteral("unknown mistake \"%1\" (expected some of: %2)")
                    .arg(code, lessonMistakeCodes().join(QStringLiteral(", "))));
    }
    const QJsonValue steps = o.value(QStringLiteral("steps"));
    if (!steps.isArray() || steps.toArray().isEmpty())
        p.fail(QStringLiteral("steps"), QStringLiteral("missing (an array of at least one step)"));
    const QJsonArray stepArray = steps.toArray();
    for (qsizetype i = 0; i < stepArray.size() && !p.failed(); ++i) {
        if (auto s = p.step(stepArray.at(i), QStringLiteral("steps[%1].").arg(i), false))
            l.steps.append(*s);
    }
    const QJsonArray quiz = o.value(QStringLiteral("quiz")).toArray();
    if (o.contains(QStringLiteral("quiz")) && !o.value(QStringLiteral("quiz")).isArray())
        p.fail(QStringLiteral("quiz"), QStringLiteral("must be an array of questions"));
    for (qsizetype i = 0; i < quiz.size() && !p.failed(); ++i) {
        if (auto s = p.step(quiz.at(i), QStringLiteral("quiz[%1].").arg(i), true))
            l.steps.append(*s);
    }
    for (qsizetype i = 0; i < l.steps.size() && !p.failed(); ++i) {
        if (l.indexOf(l.steps.at(i).id) != i)
            p.fail(QStringLiteral("steps"),
                QStringLiteral("the step id \"%1\" is used twice").arg(l.steps.at(i).id));
    }
    if (o.contains(QStringLiteral("timer"))) {
        const QJsonObject timer = o.value(QStringLiteral("timer")).toObject();
        l.timerFrom = timer.value(QStringLiteral("from")).toString();
        l.timerTo = timer.value(QStringLiteral("to")).toString();
        if (l.indexOf(l.timerFrom) < 0)
            p.fail(QStringLiteral("timer.from"), QStringLiteral("must be the id of a step"));
        if (l.indexOf(l.timerTo) < l.indexOf(l.timerFrom))
            p.fail(QStringLiteral("timer.to"), QStringLiteral("must be the id of a later step"));
    }
    if (p.failed())
        return failWith();
    return l;
}

std::optional<Lesson> Lesson::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read: %2")
                         .arg(QFileInfo(path).fileName(), file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, error);
}

QStringList Lesson::compareStructure(const Lesson &a, const Lesson &b)
{
    QStringList diffs;
    auto differ = [&](const QString &what, const QString &x, const QString &y) {
        if (x != y)
            diffs.append(
                QStringLiteral("%1: %2 (%3) vs %4 (%5)").arg(what, x, a.language, y, b.language));
    };
    differ(QStringLiteral("id"), a.id, b.id);
    differ(QStringLiteral("account"), a.account, b.account);
    differ(QStringLiteral("personality"), a.personality, b.personality);
    differ(QStringLiteral("mistakes"),
        a.mistakes.join(QLatin1Char(',')),
        b.mistakes.join(QLatin1Char(',')));
    differ(QStringLiteral("timer"),
        a.timerFrom + QLatin1Char('>') + a.timerTo,
        b.timerFrom + QLatin1Char('>') + b.timerTo);
    differ(QStringLiteral("number of steps"),
        QString::number(a.steps.size()),
        QString::number(b.steps.size()));
    for (qsizetype i = 0; i < qMin(a.steps.size(), b.steps.size()); ++i) {
        const LessonStep &x = a.steps.at(i);
        const LessonStep &y = b.steps.at(i);
        const QString where = QStringLiteral("step %1").arg(i + 1);
        differ(where + QStringLiteral(" id"), x.id, y.id);
        differ(where + QStringLiteral(" optional"),
            QString::number(x.optional),
            QString::number(y.optional));
        differ(where + QStringLiteral(" quiz"), QString::number(x.quiz), QString::number(y.quiz));
        differ(where + QStringLiteral(" action"),
            QString::number(int(x.action.type)) + x.action.personality,
            QString::number(int(y.action.type)) + y.action.personality);
        differ(where + QStringLiteral(" check"),
            x.check ? normalized(x.check->source) : QString(),
            y.check ? normalized(y.check->source) : QString());
        differ(where + QStringLiteral(" answer"),
            x.question ? normalized(x.question->source) : QString(),
            y.question ? normalized(y.question->source) : QString());
        differ(where + QStringLiteral(" choices"),
            QString::number(x.question ? x.question->choices.size() : 0),
            QString::number(y.question ? y.question->choices.size() : 0));
        differ(where + QStringLiteral(" hints"),
            QString::number(x.hints.size()),
            QString::number(y.hints.size()));
    }
    return diffs;
}

} // namespace pop3
