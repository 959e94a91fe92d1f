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

#include <algorithm>

namespace {

constexpr int pdfResolution = 144;
constexpr qreal pdfPointSize = 9;

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

ResultsExport::Parts ResultsExport::parts(
    const LabResultsModel &model, const QString &lessonTitle, const QString &server)
{
    const pop3::LabResults &results = model.results();
    Parts parts;
    parts.head =
        QStringLiteral("<h2>%1</h2>").arg(tr("Lab results: %1").arg(lessonTitle.toHtmlEscaped()));
    parts.head +=
        QStringLiteral("<p>%1</p>")
            .arg(tr("Server %1, %2. Each answer was checked against that student's own mailbox "
                    "when it was given; the latest answer counts.")
                     .arg(server.toHtmlEscaped(),
                         QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)));
    parts.tableHeader = QStringLiteral("<thead><tr><th align=\"left\">%1</th>").arg(tr("Student"));
    for (int c = 1; c <= results.questions().size(); ++c)
        parts.tableHeader += QStringLiteral("<th align=\"left\">%1</th>")
                                 .arg(model.questionTitle(c).toHtmlEscaped());
    parts.tableHeader += QStringLiteral("<th>%1</th></tr></thead>").arg(tr("Right"));
    for (int row = 0; row < results.students().size(); ++row) {
        const QString &user = results.students().at(row);
        QString h = QStringLiteral("<tr><td>%1</td>").arg(model.displayName(row).toHtmlEscaped());
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
        parts.rows.append(h);
    }
    parts.tail = QStringLiteral("<h3>%1</h3><ol>").arg(tr("The questions"));
    for (int c = 1; c <= results.questions().size(); ++c) {
        const pop3::LabQuestion &q = results.questions().at(c - 1);
        parts.tail += QStringLiteral("<li><b>%1</b> (<code>%2</code>): %3</li>")
                          .arg(model.questionTitle(c).toHtmlEscaped(),
                              q.id.toHtmlEscaped(),
                              q.prompt.toHtmlEscaped());
    }
    parts.tail += QStringLiteral("</ol>");
    return parts;
}

QString ResultsExport::Parts::table(qsizetype from, qsizetype to) const
{
    QString h =
        QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">")
        + tableHeader;
    for (qsizetype r = from; r < to; ++r)
        h += rows.at(r);
    return h + QStringLiteral("</table>");
}

QString ResultsExport::html(
    const LabResultsModel &model, const QString &lessonTitle, const QString &server)
{
    const Parts p = parts(model, lessonTitle, server);
    return p.head + p.table(0, p.rows.size()) + p.tail;
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
    // Each page gets as many whole rows as it holds, under the table's header: Qt's rich text
    // would break a row between two pages (a student's "tries" at the top of the next page).
    const Parts p = parts(model, lessonTitle, server);
    QStringList pages;
    for (qsizetype from = 0; from < p.rows.size() || pages.isEmpty();) {
        const QString head = pages.isEmpty() ? p.head : QString();
        qsizetype to = std::min(from + 1, p.rows.size()); // one row at least, whatever its size
        while (to < p.rows.size()
            && PdfPages::fitsOnePage(&pdf, head + p.table(from, to + 1), pdfPointSize))
            ++to;
        pages.append(head + p.table(from, to));
        from = to;
    }
    if (PdfPages::fitsOnePage(&pdf, pages.last() + p.tail, pdfPointSize))
        pages.last() += p.tail;
    else
        pages.append(p.tail);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            pdf.newPage();
        PdfPages::paintHtml(&pdf, &painter, pages.at(i), pdfPointSize);
    }
    painter.end();
    if (QFile(path).size() == 0) {
        if (error)
            *error = tr("the PDF could not be written");
        return false;
    }
    return true;
}
