#pragma once

#include <QString>

class QPainter;
class QPdfWriter;

// What the window's PDF exports share (the lesson hand-in, the class's lab results): the HTML
// laid out on the page's own size and painted page after page, so that no line is cut between
// two pages and none runs past the margin (long words are broken anywhere).
namespace PdfPages {

// Whether path can be written at all: QPdfWriter itself says nothing when it cannot.
bool canWrite(const QString &path, QString *error);

// Paints html in DejaVu Sans of pointSize on pdf's current page layout, starting on the page the
// painter is on; returns the number of pages painted.
int paintHtml(QPdfWriter *pdf, QPainter *painter, const QString &html, qreal pointSize);

// Whether html, laid out as paintHtml does, takes one page at most.
bool fitsOnePage(QPdfWriter *pdf, const QString &html, qreal pointSize);

} // namespace PdfPages
