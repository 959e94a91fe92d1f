#pragma once

#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QPainter;
class SequencePainter;

namespace pop3 {
class SequenceModel;
}

// Writes the diagram (the rows the filter keeps) to a file for hand-ins and slides: PNG, SVG
// (when Qt Svg is there), PDF (A4 landscape, paginated between rows, the lane header on each page)
// and plain text (SequenceModel::toText). The format follows the file's extension.
class DiagramExport final
{
    Q_DECLARE_TR_FUNCTIONS(DiagramExport)

public:
    // The largest PNG side written; a taller diagram is scaled down (PDF paginates instead).
    static constexpr int maxImageSide = 16000;

    static bool write(const pop3::SequenceModel &model, const QString &path, QString *error);
    // The whole diagram scaled to fit target, aspect ratio kept.
    static void render(const pop3::SequenceModel &model, QPainter *painter, const QRectF &target);
    // Extensions write() understands, e.g. {"png", "svg", "pdf", "txt"}.
    static QStringList formats();

private:
    static bool writePng(const pop3::SequenceModel &model, const QString &path, QString *error);
    static bool writeSvg(const pop3::SequenceModel &model, const QString &path, QString *error);
    static bool writePdf(const pop3::SequenceModel &model, const QString &path, QString *error);
    static bool writeText(const pop3::SequenceModel &model, const QString &path, QString *error);
};
