#include "lessons/lessonprogress.h"

#include "events/datafolder.h"
#include "lessons/backgroundwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace pop3 {

QJsonObject LessonProgress::toJson() const
{
    QJsonObject stepsJson;
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        QJsonObject s;
        s.insert(QStringLiteral("done"), it->done);
        if (it->skipped)
            s.insert(QStringLiteral("skipped"), true);
        if (it->doneAtMs)
            s.insert(QStringLiteral("doneAt"), double(it->doneAtMs));
        if (it->tries)
            s.insert(QStringLiteral("tries"), it->tries);
        if (it->hintsShown)
            s.insert(QStringLiteral("hintsShown"), it->hintsShown);
        if (!it->answer.isEmpty())
            s.insert(QStringLiteral("answer"), it->answer);
        stepsJson.insert(it.key(), s);
    }
    QJsonArray mistakesJson;
    for (const Mistake &m : mistakes) {
        mistakesJson.append(QJsonObject{{QStringLiteral("code"), m.code},
            {QStringLiteral("bytes"), m.bytes},
            {QStringLiteral("step"), m.stepId},
            {QStringLiteral("at"), double(m.atMs)}});
    }
    QJsonObject o;
    o.insert(QStringLiteral("language"), language);
    o.insert(QStringLiteral("startedAt"), double(startedAtMs));
    if (finishedAtMs)
        o.insert(QStringLiteral("finishedAt"), double(finishedAtMs));
    o.insert(QStringLiteral("steps"), stepsJson);
    o.insert(QStringLiteral("mistakes"), mistakesJson);
    o.insert(QStringLiteral("transcript"), QJsonArray::fromStringList(transcript));
    if (transcriptOmitted > 0)
        o.insert(QStringLiteral("transcriptOmitted"), double(transcriptOmitted));
    return o;
}

LessonProgress LessonProgress::fromJson(const QJsonObject &o)
{
    LessonProgress p;
    p.language = o.value(QStringLiteral("language")).toString();
    p.startedAtMs = qint64(o.value(QStringLiteral("startedAt")).toDouble());
    p.finishedAtMs = qint64(o.value(QStringLiteral("finishedAt")).toDouble());
    const QJsonObject stepsJson = o.value(QStringLiteral("steps")).toObject();
    for (auto it = stepsJson.begin(); it != stepsJson.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        Step step;
        step.done = s.value(QStringLiteral("done")).toBool();
        step.skipped = s.value(QStringLiteral("skipped")).toBool();
        step.doneAtMs = qint64(s.value(QStringLiteral("doneAt")).toDouble());
        step.tries = s.value(QStringLiteral("tries")).toInt();
        step.hintsShown = s.value(QStringLiteral("hintsShown")).toInt();
        step.answer = s.value(QStringLiteral("answer")).toString();
        p.steps.insert(it.key(), step);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("mistakes")).toArray()) {
        const QJsonObject m = v.toObject();
        p.mistakes.append({m.value(QStringLiteral("code")).toString(),
            m.value(QStringLiteral("bytes")).toString(),
            m.value(QStringLiteral("step")).toString(),
            qint64(m.value(QStringLiteral("at")).toDouble())});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("transcript")).toArray())
        p.transcript.append(v.toString());
    p.transcriptOmitted = qint64(o.value(QStringLiteral("transcriptOmitted")).toDouble());
    return p;
}

LessonProgressStore::LessonProgressStore(QString folder, QString learner)
    : m_folder(std::move(folder))
    , m_learner(std::move(learner))
{ }

QString LessonProgressStore::defaultFolder()
{
    return dataFolder() + QStringLiteral("/progress");
}

QString LessonProgressStore::defaultLearner()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("learner") : name;
}

QString LessonProgressStore::filePath() const
{
    static const QRegularExpression unsafe(QStringLiteral("[^\\p{L}\\p{N}._-]"));
    QString name = m_learner;
    name.replace(unsafe, QStringLiteral("_"));
    return QDir(m_folder).filePath(name + QStringLiteral(".json"));
}

QJsonObject LessonProgressStore::readAll() const
{
    if (m_writer) {
        if (const std::optional<QByteArray> queued = m_writer->pending(filePath()))
            return QJsonDocument::fromJson(*queued)
                .object()
                .value(QStringLiteral("lessons"))
                .toObject();
    }
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("lessons"))
        .toObject();
}

Result LessonProgressStore::writeAll(const QJsonObject &lessons)
{
    const QByteArray json = QJsonDocument(
        QJsonObject{{QStringLiteral("learner"), m_learner},
            {QStringLiteral("lessons"),
                lessons}}).toJson();
    if (m_writer) {
        m_writer->write(filePath(), json);
        return Result::success();
    }
    if (!QDir().mkpath(m_folder))
        return Result::failure(QStringLiteral("cannot create %1").arg(m_folder));
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return Result::failure(
            QStringLiteral("cannot write %1: %2").arg(filePath(), file.errorString()));
    file.write(json);
    if (!file.commit())
        return Result::failure(
            QStringLiteral("cannot write %1: %2").arg(filePath(), file.errorString()));
    return Result::success();
}

std::optional<LessonProgress> LessonProgressStore::load(const QString &lessonId) const
{
    const QJsonObject lessons = readAll();
    if (!lessons.contains(lessonId))
        return std::nullopt;
    LessonProgress p = LessonProgress::fromJson(lessons.value(lessonId).toObject());
    p.lessonId = lessonId;
    return p;
}

Result LessonProgressStore::save(const LessonProgress &progress)
{
    QJsonObject lessons = readAll();
    lessons.insert(progress.lessonId, progress.toJson());
    return writeAll(lessons);
}

Result LessonProgressStore::remove(const QString &lessonId)
{
    QJsonObject lessons = readAll();
    lessons.remove(lessonId);
    return writeAll(lessons);
}

QStringList LessonProgressStore::finishedLessons() const
{
    QStringList out;
    const QJsonObject lessons = readAll();
    for (auto it = lessons.begin(); it != lessons.end(); ++it) {
        if (it.value().toObject().value(QStringLiteral("finishedAt")).toDouble() > 0)
            out.append(it.key());
    }
    return out;
}

} // namespace pop3
