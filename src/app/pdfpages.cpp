#include "app/pdfpages.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextOption>
#include <QTextTable>

#include <limits>

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

// The page a document y falls on.
int pageOf(const QTextDocument *doc, qreal y)
{
    return int(y / doc->pageSize().height());
}

// Where a block's first and last lines are, in the document (a table cell's blocks too).
std::pair<qreal, qreal> linesOf(const QTextDocument *doc, const QTextBlock &block)
{
    const QRectF box = doc->documentLayout()->blockBoundingRect(block);
    const QTextLayout *layout = block.layout();
    if (!layout || layout->lineCount() == 0)
        return {box.top(), box.bottom()};
    const QTextLine first = layout->lineAt(0);
    const QTextLine last = layout->lineAt(layout->lineCount() - 1);
    return {box.top() + first.y(), box.top() + last.y() + last.height()};
}

// A table row cut by the page's foot (Qt moves a row to the next page only when none of its
// cells' first lines fits: a cell of several lines is cut, its last lines in a row of empty
// cells on the next page): the row before it then ends its page, as Qt's own move does. The
// last block of each of that row's cells breaks the page after it. False when no row is cut.
bool keepRowsWhole(QTextDocument *doc)
{
    const qreal pageHeight = doc->pageSize().height();
    QTextTable *cutTable = nullptr;
    int cutRow = -1;
    qreal rowTop = 0;
    qreal rowBottom = 0;
    QTextTable *table = nullptr;
    int row = -1;
    auto cut = [&] {
        return table && row > 0 && pageOf(doc, rowTop) != pageOf(doc, rowBottom - 1)
            && rowBottom - rowTop < pageHeight / 3;
    };
    for (QTextBlock b = doc->begin(); b.isValid() && !cutTable; b = b.next()) {
        QTextTable *t = QTextCursor(b).currentTable();
        const int r = t ? t->cellAt(b.position()).row() : -1;
        if (t != table || r != row) {
            if (cut()) {
                cutTable = table;
                cutRow = row;
                break;
            }
            table = t;
            row = r;
            rowTop = std::numeric_limits<qreal>::max();
            rowBottom = 0;
        }
        if (!t)
            continue;
        const auto [top, bottom] = linesOf(doc, b);
        rowTop = std::min(rowTop, top);
        rowBottom = std::max(rowBottom, bottom);
    }
    if (!cutTable && cut()) {
        cutTable = table;
        cutRow = row;
    }
    if (!cutTable)
        return false;
    bool changed = false;
    for (int c = 0; c < cutTable->columns(); ++c) {
        QTextCursor last = cutTable->cellAt(cutRow - 1, c).lastCursorPosition();
        QTextBlockFormat format = last.blockFormat();
        if (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysAfter)
            continue;
        format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysAfter);
        last.setBlockFormat(format);
        changed = true;
    }
    return changed;
}

// What QTextDocument's pagination does not do: a heading is never left alone at the foot of a
// page (it goes on the next, with what it heads), a short paragraph that wraps (a long lock
// path in the transcript) is never split between two pages, nor is a table row. Each fix moves
// what follows, so the document is looked at again from the start after each one.
void keepTogether(QTextDocument *doc)
{
    const qreal pageHeight = doc->pageSize().height();
    const qreal followRoom = 3 * QFontMetricsF(doc->defaultFont()).lineSpacing();
    for (int moved = 0; moved < 200; ++moved) {
        // The layout is lazy: laid out to the end before its blocks are measured, else what
        // follows a moved block is measured (and painted) from a layout that stopped short.
        doc->size();
        QTextBlock fix;
        for (QTextBlock b = doc->begin(); b.isValid() && !fix.isValid(); b = b.next()) {
            if (QTextCursor(b).currentTable())
                continue;
            if (b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                continue;
            const auto [top, bottom] = linesOf(doc, b);
            if (top < 1 || bottom - top > pageHeight / 3)
                continue;
            if (pageOf(doc, top) != pageOf(doc, bottom - 1)) {
                fix = b; // split between two pages
                // With the heading just above it, if any: moved alone, the paragraph left the
                // heading at the foot of the page, and moving the heading next left it alone on
                // a page of its own (lesson 2's "Transcript").
                for (QTextBlock above = fix.previous(); above.isValid()
                     && above.blockFormat().headingLevel() > 0 && !QTextCursor(above).currentTable()
                     && !(above.blockFormat().pageBreakPolicy()
                         & QTextFormat::PageBreak_AlwaysBefore)
                     && pageOf(doc, linesOf(doc, above).first) == pageOf(doc, top);
                     above = above.previous())
                    fix = above;
            } else if (b.blockFormat().headingLevel() > 0) {
                // What it heads must start on the same page, with a few lines of it.
                const QTextBlock next = b.next();
                const qreal pageEnd = (pageOf(doc, top) + 1) * pageHeight;
                const bool nextElsewhere = next.isValid() && !QTextCursor(next).currentTable()
                    && pageOf(doc, linesOf(doc, next).first) != pageOf(doc, top);
                if (nextElsewhere || pageEnd - bottom < followRoom)
                    fix = b;
            }
        }
        if (!fix.isValid()) {
            if (keepRowsWhole(doc))
                continue;
            return;
        }
        QTextBlockFormat format = fix.blockFormat();
        format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(fix).setBlockFormat(format);
    }
}

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
    keepTogether(doc);
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
