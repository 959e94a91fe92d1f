#pragma once

#include <QCoreApplication>
#include <QPainter>
#include <QRectF>
#include <QString>

#include <functional>

namespace pop3 {
class LessonRunner;
}

// The hand-in: one PDF with the lesson's goals, every step with when it was ticked, the answers
// given, the mistakes met, the diagram (when a renderer is given) and the transcript. Built as
// HTML in a QTextDocument and printed with QPdfWriter, so no layout code of our own.
class LessonExport final
{
    Q_DECLARE_TR_FUNCTIONS(LessonExport)

public:
    using DiagramRenderer = std::function<void(QPainter *painter, const QRectF &target)>;

    static QString html(const pop3::LessonRunner &runner, const QString &learner, bool withDiagram);
    static bool writePdf(const pop3::LessonRunner &runner,
        const QString &learner,
        const DiagramRenderer &diagram,
        const QString &path,
        QString *error = nullptr);
};
