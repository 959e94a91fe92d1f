#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QRectF>
#include <QString>

#include <functional>

namespace pop3 {
class LessonRunner;
class SequenceModel;
} // namespace pop3

// The hand-in: one PDF with the learner's name, the lesson's goals, every step with when it was
// ticked, the answers given and the wrong tries, the mistakes met, the transcript (portrait A4,
// laid out as HTML by a QTextDocument), then the diagram of this lesson's sessions only, on
// landscape A4 pages cut between rows with the lane header on each. No password anywhere.
class LessonExport final
{
    Q_DECLARE_TR_FUNCTIONS(LessonExport)

public:
    // The name of a session's client in the live diagram ("Terminal 1"); empty: numbered.
    using SessionNamer = std::function<QString(int session)>;

    // "Hand-in of Ada Lovelace" in the language of the moment ("Rendu d'Elodie Müller").
    static QString handInOf(const QString &learner);
    static bool startsWithVowel(const QString &name);
    // mistakeTitles: the words of each mistake code in the lesson's language.
    static QString html(const pop3::LessonRunner &runner,
        const QString &learner,
        const QHash<QString, QString> &mistakeTitles = {});
    // The diagram of this lesson only: its events (LessonRunner::lessonEvents), with every
    // secret replaced by stars, in a model of its own (the live diagram is left as it is).
    static void buildDiagram(
        const pop3::LessonRunner &runner, const SessionNamer &namer, pop3::SequenceModel *model);
    static bool writePdf(const pop3::LessonRunner &runner,
        const QString &learner,
        const QHash<QString, QString> &mistakeTitles,
        const SessionNamer &namer,
        const QString &path,
        QString *error = nullptr);
    // Markdown (goals, choices) as an HTML fragment for the hand-in.
    static QString markdownHtml(const QString &markdown);
    // Markdown as plain text (a choice in a combo box): `STAT` reads STAT.
    static QString markdownPlain(const QString &markdown);
};
