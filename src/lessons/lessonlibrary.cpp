#include "lessons/lessonlibrary.h"

#include "events/datafolder.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace pop3 {

QStringList LessonLibrary::defaultFolders()
{
    QStringList folders{QStringLiteral(":/lessons")};
    const QString fromEnv = qEnvironmentVariable("POP3LAB_LESSONS_DIR");
    if (!fromEnv.isEmpty())
        folders.append(fromEnv);
    folders.append(dataFolder() + QStringLiteral("/lessons"));
    return folders;
}

void LessonLibrary::load(const QStringList &folders)
{
    m_lessons.clear();
    m_mistakes.clear();
    m_errors.clear();
    for (const QString &folder : folders) {
        const QDir dir(folder);
        if (!dir.exists())
            continue;
        const QStringList files =
            dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &name : files) {
            const QString path = dir.filePath(name);
            const QStringList parts = name.split(QLatin1Char('.'));
            if (parts.size() == 3 && parts.at(0) == QLatin1String("mistakes")) {
                loadMistakes(path, parts.at(1));
                continue;
            }
            QString error;
            if (auto lesson = Lesson::load(path, &error))
                m_lessons[lesson->id].insert(lesson->language, *lesson);
            else
                m_errors.append(error);
        }
    }
}

bool LessonLibrary::loadMistakes(const QString &path, const QString &language)
{
    QFile file(path);
    const QString shown = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors.append(QStringLiteral("%1: cannot read: %2").arg(shown, file.errorString()));
        return false;
    }
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_errors.append(
            QStringLiteral("%1: not valid JSON: %2").arg(shown, jsonError.errorString()));
        return false;
    }
    const QJsonObject all = doc.object();
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (!lessonMistakeCodes().contains(it.key())) {
            m_errors.append(
                QStringLiteral("%1: %2: unknown mistake (expected one of: %3)")
                    .arg(shown, it.key(), lessonMistakeCodes().join(QStringLiteral(", "))));
            continue;
        }
        const QJsonObject o = it.value().toObject();
        MistakeText words{o.value(QStringLiteral("title")).toString(),
            o.value(QStringLiteral("explanation")).toString()};
        if (words.title.isEmpty() || words.explanation.isEmpty()) {
            m_errors.append(QStringLiteral("%1: %2: needs a \"title\" and an \"explanation\"")
                                .arg(shown, it.key()));
            continue;
        }
        m_mistakes[language].insert(it.key(), words);
    }
    return true;
}

QStringList LessonLibrary::ids() const
{
    return m_lessons.keys();
}

QStringList LessonLibrary::languages(const QString &id) const
{
    return m_lessons.value(id).keys();
}

std::optional<Lesson> LessonLibrary::lesson(const QString &id, const QString &language) const
{
    const auto byLanguage = m_lessons.constFind(id);
    if (byLanguage == m_lessons.cend() || byLanguage->isEmpty())
        return std::nullopt;
    for (const QString &lang : {language, QStringLiteral("en")}) {
        const auto it = byLanguage->constFind(lang);
        if (it != byLanguage->cend())
            return *it;
    }
    return byLanguage->first();
}

LessonLibrary::MistakeText LessonLibrary::mistake(
    const QString &code, const QString &language) const
{
    for (const QString &lang : {language, QStringLiteral("en")}) {
        const QMap<QString, MistakeText> words = m_mistakes.value(lang);
        if (words.contains(code))
            return words.value(code);
    }
    return {code, code};
}

} // namespace pop3
