#include "app/diagram/diagramexport.h"

#include "app/diagram/sequencepainter.h"
#include "diagram/sequencemodel.h"

#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#ifdef POP3LAB_HAVE_SVG
#include <QSvgGenerator>
#endif

#include <algorithm>

namespace {

void fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
}

} // namespace

QStringList DiagramExport::formats()
{
    QStringList list{QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("txt")};
#ifdef POP3LAB_HAVE_SVG
    list.insert(1, QStringLiteral("svg"));
#endif
    return list;
}

bool DiagramExport::write(const pop3::SequenceModel &model, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return writePng(model, path, error);
    if (suffix == QLatin1String("svg"))
        return writeSvg(model, path, error);
    if (suffix == QLatin1String("pdf"))
        return writePdf(model, path, error);
    if (suffix == QLatin1String("txt") || suffix == QLatin1String("text"))
        return writeText(model, path, error);
    fail(error,
        tr("Unknown export format “%1”: use one of %2.")
            .arg(suffix, formats().join(QStringLiteral(", "))));
    return false;
}

void DiagramExport::render(
    const pop3::SequenceModel &model, QPainter *painter, const QRectF &target)
{
    const SequencePainter diagram(model);
    const QSizeF size = diagram.size();
    const qreal scale = std::min(target.width() / size.width(), target.height() / size.height());
    painter->save();
    painter->translate(target.topLeft());
    painter->scale(scale, scale);
    painter->setClipRect(QRectF(QPointF(0, 0), size));
    diagram.paintAll(painter);
    painter->restore();
}

bool DiagramExport::writePng(const pop3::SequenceModel &model, const QString &path, QString *error)
{
    const SequencePainter diagram(model);
    const QSizeF size = diagram.size();
    const qreal scale = std::min(1.0, maxImageSide / std::max(size.width(), size.height()));
    if (scale < 0.2) {
        fail(error,
            tr("The diagram is too long for one image (%n row(s)): filter it by session, or export "
               "a PDF.",
                nullptr,
                int(model.visibleCount())));
        return false;
    }
    QImage image((size * scale).toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.scale(scale, scale);
        diagram.paintAll(&p);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        fail(error, file.errorString());
        return false;
    }
    return true;
}

bool DiagramExport::writeSvg(const pop3::SequenceModel &model, const QString &path, QString *error)
{
#ifdef POP3LAB_HAVE_SVG
    const SequencePainter diagram(model);
    const QSizeF size = diagram.size();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(tr("POP3 sequence diagram"));
    svg.setDescription(tr("Exported by pop3lab"));
    QPainter p;
    if (!p.begin(&svg)) {
        fail(error, tr("Cannot write %1.").arg(path));
        return false;
    }
    diagram.paintAll(&p);
    p.end();
    return QFileInfo(path).size() > 0;
#else
    Q_UNUSED(model);
    Q_UNUSED(path);
    fail(error, tr("This build of pop3lab has no SVG support (Qt Svg was not found)."));
    return false;
#endif
}

bool DiagramExport::writePdf(const pop3::SequenceModel &model, const QString &path, QString *error)
{
    const SequencePainter diagram(model);
    QPdfWriter pdf(path);
    pdf.setTitle(tr("POP3 sequence diagram"));
    pdf.setCreator(QStringLiteral("pop3lab"));
    pdf.setResolution(144);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
        QPageLayout::Landscape,
        QMarginsF(10, 10, 10, 10),
        QPageLayout::Millimeter));
    QPainter p;
    if (!p.begin(&pdf)) {
        fail(error, tr("Cannot write %1.").arg(path));
        return false;
    }
    const QRectF page = pdf.pageLayout().paintRectPixels(pdf.resolution()).translated(0, 0);
    const qreal width = diagram.size().width();
    const qreal scale = page.width() / width;
    const qreal rowsHeight = page.height() / scale - SequencePainter::headerHeight;
    const qsizetype count = model.visibleCount();
    qsizetype first = 0;
    do {
        qsizetype last = first;
        while (last + 1 < count
            && diagram.rowTop(last + 1) + diagram.rowHeight(last + 1) - diagram.rowTop(first)
                <= rowsHeight)
            ++last;
        if (first > 0)
            pdf.newPage();
        p.save();
        p.scale(scale, scale);
        if (count > 0) {
            p.save();
            p.translate(0, SequencePainter::headerHeight - diagram.rowTop(first));
            diagram.paintRows(&p, first, last, -1, true);
            p.restore();
        }
        diagram.paintHeader(&p, 0, first, width, last);
        p.restore();
        first = last + 1;
    } while (first < count);
    p.end();
    return true;
}

bool DiagramExport::writeText(const pop3::SequenceModel &model, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        fail(error, file.errorString());
        return false;
    }
    file.write(model.toText().toUtf8());
    if (!file.commit()) {
        fail(error, file.errorString());
        return false;
    }
    return true;
}
