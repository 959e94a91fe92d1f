#include "app/classroom/resultsexport.h"

#include "app/classroom/labresultsmodel.h"
#include "app/pdfpages.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace {

constexpr int pdfResolution = 144;

} // namespace

bool ResultsExport::writeCsv(const LabResultsModel &model, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // UTF-8 with its mark, so that a spreadsheet reads the accents of a name right.
    file.write("\xEF\xBB\xBF");
    file.write(model.results().toCsv([&model](int row) {
        return model.displayName(row);
    }));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QString ResultsExport::html(
    const LabResultsModel &model, const QString &lessonTitle, const QString &server)
{
    const pop3::LabResults &results = model.results();
    QString h =
        QStringLiteral("<h2>%1</h2>").arg(tr("Lab results: %1").arg(lessonTitle.toHtmlEscaped()));
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Server %1, %2. Each answer was checked against that student's own mailbox "
                     "when it was given; the latest answer counts.")
                      .arg(server.toHtmlEscaped(),
                          QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">");
    h += QStringLiteral("<thead><tr><th align=\"left\">%1</th>").arg(tr("Student"));
    for (int c = 1; c <= results.questions().size(); ++c)
        h += QStringLiteral("<th align=\"left\">%1</th>")
                 .arg(model.questionTitle(c).toHtmlEscaped());
    h += QStringLiteral("<th>%1</th></tr></thead>").arg(tr("Right"));
    for (int row = 0; row < results.students().size(); ++row) {
        const QString &user = results.students().at(row);
        h += QStringLiteral("<tr><td>%1</td>").arg(model.displayName(row).toHtmlEscaped());
        for (const pop3::LabQuestion &q : results.questions()) {
            const pop3::LabAnswer *a = results.answer(user, q.id);
            if (!a) {
                h += QStringLiteral("<td>%1</td>").arg(tr("no answer"));
                continue;
            }
            h += QStringLiteral("<td bgcolor=\"%1\">%2<br/><small>%3</small></td>")
                     .arg(a->correct ? QStringLiteral("#d4edda") : QStringLiteral("#f8d7da"),
                         model.cellText(*a, true).toHtmlEscaped(),
                         tr("tries: %1").arg(a->tries));
        }
        h += QStringLiteral("<td align=\"right\">%1</td></tr>")
                 .arg(tr("%1 of %2").arg(results.rightCount(user)).arg(results.questions().size()));
    }
    h += QStringLiteral("</table><h3>%1</h3><ol>").arg(tr("The questions"));
    for (int c = 1; c <= results.questions().size(); ++c) {
        const pop3::LabQuestion &q = results.questions().at(c - 1);
        h += QStringLiteral("<li><b>%1</b> (<code>%2</code>): %3</li>")
                 .arg(model.questionTitle(c).toHtmlEscaped(),
                     q.id.toHtmlEscaped(),
                     q.prompt.toHtmlEscaped());
    }
    return h + QStringLiteral("</ol>");
}

bool ResultsExport::writePdf(const LabResultsModel &model,
    const QString &lessonTitle,
    const QString &server,
    const QString &path,
    QString *error)
{
    if (!PdfPages::canWrite(path, error))
        return false;

    QPdfWriter pdf(path);
    pdf.setResolution(pdfResolution);
    pdf.setTitle(tr("Lab results: %1").arg(lessonTitle));
    pdf.setCreator(QStringLiteral("pop3lab"));
    // Landscape: a column per question.
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
        QPageLayout::Landscape,
        QMarginsF(12, 12, 12, 12),
        QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&pdf)) {
        if (error)
            *error = tr("the PDF could not be written");
        return false;
    }
    PdfPages::paintHtml(&pdf, &painter, html(model, lessonTitle, server), 9);
    painter.end();
    if (QFile(path).size() == 0) {
        if (error)
            *error = tr("the PDF could not be written");
        return false;
    }
    return true;
}
