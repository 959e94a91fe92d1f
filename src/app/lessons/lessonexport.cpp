#include "app/lessons/lessonexport.h"

#include "lessons/lessonrunner.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace {

QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
                  : QString();
}

QString duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QString LessonExport::html(
    const pop3::LessonRunner &runner, const QString &learner, bool withDiagram)
{
    const pop3::Lesson &lesson = runner.lesson();
    const pop3::LessonProgress &p = runner.progress();
    QString h;
    h += QStringLiteral("<h1>%1</h1>").arg(lesson.title.toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Learner: %1 — started %2 — finished %3")
                      .arg(learner.toHtmlEscaped(),
                          when(p.startedAtMs),
                          p.finishedAtMs ? when(p.finishedAtMs) : tr("not yet")));
    if (runner.timerMs() >= 0)
        h += QStringLiteral("<p><b>%1</b></p>")
                 .arg(tr("Time: %1 (min:s)").arg(duration(runner.timerMs())));
    h += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Goals"));
    for (const QString &goal : lesson.goals)
        h += QStringLiteral("<li>%1</li>").arg(goal.toHtmlEscaped());
    h += QStringLiteral(
        "</ul><h2>%1</h2><table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" width=\"100%\">")
             .arg(tr("Steps and answers"));
    h += QStringLiteral("<tr><th>#</th><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
             .arg(tr("Step"), tr("Done"), tr("Answer"), tr("Wrong tries"));
    for (int i = 0; i < lesson.steps.size(); ++i) {
        const pop3::LessonStep &s = lesson.steps.at(i);
        const pop3::LessonProgress::Step r = p.steps.value(s.id);
        QString prompt = s.question ? s.question->prompt : QString();
        QString answer = r.answer;
        if (s.question && s.question->answer == pop3::LessonQuestion::Answer::Choice
            && !answer.isEmpty())
            answer = s.question->choices.value(answer.toInt() - 1, answer);
        h +=
            QStringLiteral("<tr><td>%1</td><td>%2%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                .arg(i + 1)
                .arg(s.title.toHtmlEscaped(),
                    prompt.isEmpty() ? QString()
                                     : QStringLiteral("<br/><i>%1</i>").arg(prompt.toHtmlEscaped()),
                    r.skipped    ? tr("skipped")
                        : r.done ? QStringLiteral("✔ ") + when(r.doneAtMs)
                                 : QStringLiteral("—"),
                    answer.toHtmlEscaped())
                .arg(r.tries);
    }
    h += QStringLiteral("</table>");
    if (!p.mistakes.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Mistakes met"));
        for (const pop3::LessonProgress::Mistake &m : p.mistakes)
            h += QStringLiteral("<li>%1: <code>%2</code></li>")
                     .arg(m.code.toHtmlEscaped(), m.bytes.toHtmlEscaped());
        h += QStringLiteral("</ul>");
    }
    if (withDiagram)
        h += QStringLiteral("<h2>%1</h2><p><img src=\"lesson-diagram\" width=\"640\"/></p>")
                 .arg(tr("Sequence diagram"));
    h += QStringLiteral("<h2>%1</h2><p>%2</p><pre>")
             .arg(tr("Transcript"),
                 tr("#n is the session; C: client, S: server; passwords are hidden."));
    for (const QString &line : p.transcript)
        h += line.toHtmlEscaped() + QLatin1Char('\n');
    h += QStringLiteral("</pre>");
    return h;
}

bool LessonExport::writePdf(const pop3::LessonRunner &runner,
    const QString &learner,
    const DiagramRenderer &diagram,
    const QString &path,
    QString *error)
{
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error)
            *error = probe.errorString();
        return false;
    }
    probe.close();
    QTextDocument doc;
    if (diagram) {
        QImage image(1600, 2000, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        diagram(&painter, QRectF(0, 0, image.width(), image.height()));
        painter.end();
        doc.addResource(
            QTextDocument::ImageResource, QUrl(QStringLiteral("lesson-diagram")), image);
    }
    doc.setHtml(html(runner, learner, bool(diagram)));
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(runner.lesson().title);
    writer.setCreator(QStringLiteral("pop3lab"));
    doc.print(&writer);
    if (QFile(path).size() == 0) {
        if (error)
            *error = tr("the PDF could not be written");
        return false;
    }
    return true;
}
