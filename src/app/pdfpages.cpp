#include "app/pdfpages.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextOption>

namespace PdfPages {

bool canWrite(const QString &path, QString *error)
{
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error)
            *error = probe.errorString();
        return false;
    }
    return true;
}

namespace {

// Lays html out on pdf's page size, as it is printed.
void layOut(QTextDocument *doc, QPdfWriter *pdf, const QString &html, qreal pointSize)
{
    doc->documentLayout()->setPaintDevice(pdf);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(pointSize);
    doc->setDefaultFont(font);
    QTextOption option = doc->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(option);
    doc->setHtml(html);
    doc->setPageSize(pdf->pageLayout().paintRectPixels(pdf->resolution()).size());
}

} // namespace

bool fitsOnePage(QPdfWriter *pdf, const QString &html, qreal pointSize)
{
    QTextDocument doc;
    layOut(&doc, pdf, html, pointSize);
    return doc.pageCount() <= 1;
}

int paintHtml(QPdfWriter *pdf, QPainter *painter, const QString &html, qreal pointSize)
{
    QTextDocument doc;
    layOut(&doc, pdf, html, pointSize);
    const QRectF page = pdf->pageLayout().paintRectPixels(pdf->resolution());
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            pdf->newPage();
        painter->save();
        const QRectF clip(0, i * page.height(), page.width(), page.height());
        painter->translate(0, -clip.top());
        doc.drawContents(painter, clip);
        painter->restore();
    }
    return pages;
}

} // namespace PdfPages
