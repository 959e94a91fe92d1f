#include "app/lessons/lessonexport.h"

#include "app/diagram/sequencepainter.h"
#include "app/pdfpages.h"
#include "diagram/sequencemodel.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>

namespace {

constexpr int pdfResolution = 144;

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

QPageLayout a4(QPageLayout::Orientation orientation)
{
    return QPageLayout(
        QPageSize(QPageSize::A4), orientation, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
}

// The diagram rows [first, last] on one page: as wide as the page, the lane header on top.
void paintDiagramPage(QPainter *p,
    const SequencePainter &diagram,
    const QRectF &page,
    qsizetype first,
    qsizetype last)
{
    const qreal scale = page.width() / diagram.size().width();
    p->save();
    p->scale(scale, scale);
    if (last >= first) {
        p->save();
        p->translate(0, SequencePainter::headerHeight - diagram.rowTop(first));
        p->setClipRect(QRectF(0,
            diagram.rowTop(first),
            diagram.size().width(),
            diagram.rowTop(last) + diagram.rowHeight(last) - diagram.rowTop(first)));
        diagram.paintRows(p, first, last, -1, true);
        p->restore();
    }
    diagram.paintHeader(p, 0, qMax<qsizetype>(first, 0), diagram.size().width());
    p->restore();
}

} // namespace

QString LessonExport::markdownHtml(const QString &markdown)
{
    QTextDocument doc;
    doc.setMarkdown(markdown);
    const QString html = doc.toHtml();
    const qsizetype body = html.indexOf(QLatin1String("<body"));
    const qsizetype start = html.indexOf(QLatin1Char('>'), body) + 1;
    const qsizetype end = html.lastIndexOf(QLatin1String("</body>"));
    QString inner = html.mid(start, end - start).trimmed();
    static const QRegularExpression paragraph(
        QStringLiteral("^<p[^>]*>(.*)</p>$"), QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = paragraph.match(inner);
    if (m.hasMatch() && inner.count(QLatin1String("<p")) == 1)
        inner = m.captured(1);
    return inner;
}

QString LessonExport::markdownPlain(const QString &markdown)
{
    QTextDocument doc;
    doc.setMarkdown(markdown);
    return doc.toPlainText().simplified();
}

// French elides "de" before a vowel ("Rendu d'Elodie"): the words for such a name are asked
// for apart (the disambiguation), so each language says it its own way.
bool LessonExport::startsWithVowel(const QString &name)
{
    const QString first = name.trimmed().normalized(QString::NormalizationForm_D).left(1).toLower();
    return !first.isEmpty() && QStringLiteral("aeiou").contains(first);
}

QString LessonExport::handInOf(const QString &learner)
{
    return startsWithVowel(learner)
        ? tr("Hand-in of %1", "the name starts with a vowel").arg(learner)
        : tr("Hand-in of %1").arg(learner);
}

QString LessonExport::html(const pop3::LessonRunner &runner,
    const QString &learner,
    const QHash<QString, QString> &mistakeTitles)
{
    const pop3::Lesson &lesson = runner.lesson();
    const pop3::LessonProgress &p = runner.progress();
    QString h;
    h += QStringLiteral("<h1>%1</h1>").arg(lesson.title.toHtmlEscaped());
    h += QStringLiteral("<p style=\"font-size: large\"><b>%1</b></p>")
             .arg(handInOf(learner).toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Started %1 — finished %2")
                      .arg(when(p.startedAtMs),
                          p.finishedAtMs ? when(p.finishedAtMs) : tr("not yet")));
    if (runner.timerMs() >= 0)
        h += QStringLiteral("<p><b>%1</b></p>")
                 .arg(tr("Time: %1 (min:s)").arg(duration(runner.timerMs())));
    h += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Goals"));
    for (const QString &goal : lesson.goals)
        h += QStringLiteral("<li>%1</li>").arg(markdownHtml(goal));
    h += QStringLiteral(
        "</ul><h2>%1</h2><table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" width=\"100%\">")
             .arg(tr("Steps and answers"));
    h += QStringLiteral("<tr><th>#</th><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
             .arg(tr("Step"), tr("Done"), tr("Answer"), tr("Wrong tries"));
    for (int i = 0; i < lesson.steps.size(); ++i) {
        const pop3::LessonStep &s = lesson.steps.at(i);
        const pop3::LessonProgress::Step r = p.steps.value(s.id);
        const QString prompt = s.question ? s.question->prompt : QString();
        QString answer = r.answer.toHtmlEscaped();
        if (s.question && s.question->answer == pop3::LessonQuestion::Answer::Choice
            && !r.answer.isEmpty()) {
            const int n = r.answer.toInt();
            if (n >= 1 && n <= s.question->choices.size())
                answer = markdownHtml(s.question->choices.at(n - 1));
        }
        h += QStringLiteral("<tr><td>%1</td><td>%2%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                 .arg(i + 1)
                 .arg(s.title.toHtmlEscaped(),
                     prompt.isEmpty() ? QString()
                                      : QStringLiteral("<br/><i>%1</i>").arg(markdownHtml(prompt)),
                     r.skipped    ? tr("skipped")
                         : r.done ? QStringLiteral("✔ ") + when(r.doneAtMs)
                                  : QStringLiteral("—"),
                     answer)
                 .arg(r.tries);
    }
    h += QStringLiteral("</table>");
    if (!p.mistakes.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Mistakes met"));
        for (const pop3::LessonProgress::Mistake &m : p.mistakes)
            h += QStringLiteral("<li>%1: <code>%2</code></li>")
                     .arg(mistakeTitles.value(m.code, m.code).toHtmlEscaped(),
                         m.bytes.toHtmlEscaped());
        h += QStringLiteral("</ul>");
    }
    QString legend = tr("#n is the session; C: client, S: server; passwords are hidden.");
    if (!runner.lessonEvents().isEmpty())
        legend += QLatin1Char(' ')
            + tr("The sequence diagram of this lesson's sessions follows on landscape pages.");
    h += QStringLiteral("<h2>%1</h2><p>%2</p>").arg(tr("Transcript"), legend);
    if (p.transcriptOmitted > 0)
        h += QStringLiteral("<p><b>%1</b></p>")
                 .arg(tr("[… %n earlier line(s) omitted: only the last %1 lines are kept …]",
                     nullptr,
                     int(p.transcriptOmitted))
                          .arg(pop3::LessonProgress::transcriptLimit));
    // One paragraph a line: a line that wraps (a long lock path) is kept on one page.
    for (const QString &line : p.transcript)
        h += QStringLiteral("<p style=\"white-space: pre-wrap; font-family: 'DejaVu Sans Mono', "
                            "monospace; margin-top: 0; margin-bottom: 0\">%1</p>")
                 .arg(line.toHtmlEscaped());
    // A quiz choice or a question may quote a password (lessons 8 and 9 do): the hand-in hides
    // the sample accounts' passwords and every password typed in this lesson, as the transcript
    // and the diagram do.
    QStringList secrets{QString::fromLatin1(pop3::MailStore::sampleStudentPassword),
        QString::fromLatin1(pop3::MailStore::sampleBarakirsPassword)};
    for (const pop3::Event &e : runner.lessonEvents()) {
        if (e.kind != pop3::EventKind::ClientLine)
            continue;
        const QByteArray line = e.bytes.trimmed();
        if (line.size() > 5 && line.first(5).toUpper() == "PASS ") {
            const QString typed = QString::fromUtf8(line.mid(5)).trimmed();
            if (typed.size() >= 4)
                secrets.append(typed);
        }
    }
    for (const QString &secret : std::as_const(secrets))
        h.replace(secret.toHtmlEscaped(), QStringLiteral("********"));
    return h;
}

void LessonExport::buildDiagram(
    const pop3::LessonRunner &runner, const SessionNamer &namer, pop3::SequenceModel *model)
{
    model->clear();
    QSet<int> answering; // sessions whose next line answers a SASL challenge (a credential)
    for (pop3::Event e : runner.lessonEvents()) {
        if (e.kind == pop3::EventKind::ClientLine) {
            if (answering.contains(e.session))
                e.bytes = QByteArray("********") + (e.bytes.endsWith("\r\n") ? "\r\n" : "");
            else
                e.bytes = pop3::LessonTracker::hideSecret(e.bytes);
            answering.remove(e.session);
        } else if (e.kind == pop3::EventKind::ServerReply && e.bytes.startsWith("+ ")) {
            answering.insert(e.session);
        }
        model->append(e);
    }
    if (!namer)
        return;
    for (int session : model->sessions()) {
        const QString name = namer(session);
        if (!name.isEmpty())
            model->setSessionLabel(session, name);
    }
}

bool LessonExport::writePdf(const pop3::LessonRunner &runner,
    const QString &learner,
    const QHash<QString, QString> &mistakeTitles,
    const SessionNamer &namer,
    const QString &path,
    QString *error)
{
    if (!PdfPages::canWrite(path, error))
        return false;

    QPdfWriter pdf(path);
    pdf.setResolution(pdfResolution);
    pdf.setTitle(startsWithVowel(learner)
            ? tr("%1 — hand-in of %2", "the name starts with a vowel")
                  .arg(runner.lesson().title, learner)
            : tr("%1 — hand-in of %2").arg(runner.lesson().title, learner));
    pdf.setCreator(QStringLiteral("pop3lab"));
    pdf.setPageLayout(a4(QPageLayout::Portrait));
    QPainter painter;
    if (!painter.begin(&pdf)) {
        if (error)
            *error = tr("the PDF could not be written");
        return false;
    }

    // The text pages, then the diagram's.
    PdfPages::paintHtml(&pdf, &painter, html(runner, learner, mistakeTitles), 10);

    // The diagram pages: this lesson's sessions only, landscape, cut between rows.
    pop3::SequenceModel model;
    buildDiagram(runner, namer, &model);
    if (model.visibleCount() > 0) {
        pdf.setPageLayout(a4(QPageLayout::Landscape));
        const SequencePainter diagram(model);
        const QRectF page = pdf.pageLayout().paintRectPixels(pdf.resolution());
        const qreal scale = page.width() / diagram.size().width();
        const qreal rowsHeight = page.height() / scale - SequencePainter::headerHeight;
        const qsizetype count = model.visibleCount();
        for (qsizetype first = 0; first < count;) {
            qsizetype last = first;
            while (last + 1 < count
                && diagram.rowTop(last + 1) + diagram.rowHeight(last + 1) - diagram.rowTop(first)
                    <= rowsHeight)
                ++last;
            pdf.newPage();
            paintDiagramPage(&painter, diagram, page, first, last);
            first = last + 1;
        }
    }
    painter.end();
    if (QFile(path).size() == 0) {
        if (error)
            *error = tr("the PDF could not be written");
        return false;
    }
    return true;
}
