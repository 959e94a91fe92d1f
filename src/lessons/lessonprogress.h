#pragma once

#include "events/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pop3 {

class BackgroundWriter;

// How far one learner got in one lesson: what was ticked and when, the answers given, the
// mistakes made and the transcript, so the lesson resumes where it was left and the hand-in
// can be exported later.
struct LessonProgress
{
    struct Step
    {
        bool done = false;
        bool skipped = false;
        qint64 doneAtMs = 0;
        int tries = 0; // wrong answers, or -ERR replies while the step was current
        int hintsShown = 0;
        QString answer; // the right answer given (questions)
    };

    struct Mistake
    {
        QString code;
        QString bytes; // escaped: "USER: student\r\n"
        QString stepId;
        qint64 atMs = 0;
    };

    static constexpr qsizetype transcriptLimit = 4000; // lines kept for the hand-in

    QString lessonId;
    QString language;
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0;
    QHash<QString, Step> steps;
    QList<Mistake> mistakes;
    QStringList transcript; // "C: USER student\r\n", "S: +OK\r\n", "-- lock created …"
    qint64 transcriptOmitted = 0; // the earliest lines dropped to keep transcriptLimit

    bool isFinished() const { return finishedAtMs > 0; }

    QJsonObject toJson() const;
    static LessonProgress fromJson(const QJsonObject &o);
};

// One JSON file per learner in a folder (the default under AppDataLocation; tests give a
// temporary one). Written with QSaveFile, so a crash never leaves half a file.
class LessonProgressStore final
{
public:
    LessonProgressStore(QString folder, QString learner);

    static QString defaultFolder();
    static QString defaultLearner(); // the login name

    QString folder() const { return m_folder; }

    QString learner() const { return m_learner; }

    QString filePath() const;

    std::optional<LessonProgress> load(const QString &lessonId) const;
    Result save(const LessonProgress &progress);
    Result remove(const QString &lessonId);
    QStringList finishedLessons() const;

    // Writes through writer (its thread) instead of at once; reads see what it has queued.
    void setWriter(BackgroundWriter *writer) { m_writer = writer; }

private:
    QJsonObject readAll() const;
    Result writeAll(const QJsonObject &lessons);

    QString m_folder;
    QString m_learner;
    BackgroundWriter *m_writer = nullptr;
};

} // namespace pop3
