#pragma once

#include "lessons/lesson.h"

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace pop3 {

// Every lesson pop3lab knows: the bundled ones (:/lessons) and a teacher's folder, read at run
// time. A file in a later folder replaces the bundled lesson with the same id and language, so a
// teacher can fix or translate a lesson without rebuilding. Also holds the one-sentence
// explanations of the classic mistakes (mistakes.<language>.json), shared by every lesson.
class LessonLibrary final
{
public:
    struct MistakeText
    {
        QString title;
        QString explanation; // Markdown; {command}, {count}, {message} are filled in
    };

    // :/lessons, then $POP3LAB_LESSONS_DIR, then <AppDataLocation>/lessons.
    static QStringList defaultFolders();

    // Loads every lesson of the folders (missing folders are skipped). Bad files are left out
    // and reported in errors(), one line each naming the file and the field.
    void load(const QStringList &folders);

    QStringList errors() const { return m_errors; }

    // Lesson ids in order (file names start with their number).
    QStringList ids() const;
    QStringList languages(const QString &id) const;
    // The lesson in language, else English, else any language it exists in.
    std::optional<Lesson> lesson(const QString &id, const QString &language) const;
    // The mistake's words in language, else English.
    MistakeText mistake(const QString &code, const QString &language) const;

    QStringList mistakeLanguages() const { return m_mistakes.keys(); }

    QStringList mistakeCodes(const QString &language) const
    {
        return m_mistakes.value(language).keys();
    }

private:
    bool loadMistakes(const QString &path, const QString &language);

    QMap<QString, QMap<QString, Lesson>> m_lessons; // id -> language -> lesson
    QMap<QString, QMap<QString, MistakeText>> m_mistakes; // language -> code -> words
    QStringList m_errors;
};

} // namespace pop3
