#include "app/diagram/sequenceview.h"

#include "diagram/sequencemodel.h"

#include <QFontInfo>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using pop3::SequenceModel;

namespace {

// Below this zoom, text would be smaller than about 7 px: lines and bands only.
constexpr qreal detailZoom = 0.45;
constexpr int frameMs = 16;

} // namespace

SequenceView::SequenceView(const SequenceModel *model, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_model(model)
    , m_painter(*model)
{
    setFocusPolicy(Qt::StrongFocus);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Sequence diagram"));
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(frameMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &SequenceView::flush);
    m_resume = new QToolButton(this);
    m_resume->setObjectName(QStringLiteral("diagramResumeFollow"));
    m_resume->setFocusPolicy(Qt::NoFocus); // End does the same from the keyboard
    m_resume->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_resume->hide();
    connect(m_resume, &QToolButton::clicked, this, [this] {
        setFollowing(true);
    });
    retranslate();
}

void SequenceView::retranslate()
{
    m_resume->setText(tr("↓ Follow the newest (End)"));
    m_resume->setToolTip(tr("Scroll to the newest step and keep it in view, as a terminal does"));
    placeResumeButton();
}

void SequenceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        placeResumeButton();
    QAbstractScrollArea::changeEvent(event);
}

void SequenceView::modelAppended()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void SequenceView::modelReset()
{
    if (m_selected >= m_model->rowCount())
        m_selected = -1;
    flush();
}

void SequenceView::setHighContrast(bool on)
{
    m_painter.setHighContrast(on);
    viewport()->update();
}

void SequenceView::setTimeColumn(bool shown)
{
    m_painter.setTimeColumn(shown);
    flush();
}

void SequenceView::setFitWidth(bool fit)
{
    m_fitWidth = fit;
    applyFitWidth();
}

void SequenceView::setFitLanes(bool fit)
{
    m_fitLanes = fit;
    if (fit)
        m_fitWidth = false;
    else
        m_painter.setCompact(false);
    flush();
}

void SequenceView::fitLanes()
{
    const int width = viewport()->width();
    if (!m_fitLanes || width <= 0)
        return;
    // The diagram's width is a fixed part (the time column) and a part that scales with the
    // spacing: the spacing that fills the pane follows.
    // Compact, part of it does not scale at all (the server's and the maildrop's boxes):
    // measured at two spacings, the width is fixed + scaled × spacing.
    m_painter.setCompact(true, 0.5);
    const qreal half = m_painter.size().width();
    m_painter.setCompact(true, 1.0);
    const qreal scaled = (m_painter.size().width() - half) * 2;
    const qreal fixed = m_painter.size().width() - scaled;
    m_painter.setCompact(true, (width / m_zoom - fixed - 1) / scaled);
}

int SequenceView::narrowestLanesWidth() const
{
    SequencePainter narrowest = m_painter;
    narrowest.setCompact(true, 0.5);
    const int scrollBar = verticalScrollBar()->isVisible()
        ? 0
        : style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    return int(std::ceil(narrowest.size().width() * m_zoom)) + width() - viewport()->width()
        + scrollBar + 2;
}

void SequenceView::applyFitWidth()
{
    if (m_fitLanes) {
        fitLanes();
        return;
    }
    const qreal view = viewport()->width();
    if (!m_fitWidth || view <= 0)
        return;
    m_painter.setCompact(false);
    const qreal width = m_painter.size().width();
    if (width <= 0)
        return;
    const qreal zoom = std::clamp(view / width, readableZoom(), 1.0);
    if (width * zoom > view + 0.5) {
        // Still wider than the pane with the labels as small as they can be read (two
        // terminals and the maildrop's notes at 1280×720): the lanes come closer together and
        // the maildrop's notes go between the server and the maildrop, as in presentation
        // mode, so that every lane is in view. The labels keep their size; a long one is
        // shortened where it matters least (SequencePainter::fittedLabel).
        m_painter.setCompact(true, 1.0);
        const qreal fixed = m_painter.hasTimeColumn() ? SequencePainter::timeWidth : 0;
        const qreal scaled = m_painter.size().width() - fixed;
        m_painter.setCompact(true, (view / zoom - fixed - 1) / scaled);
    }
    if (!qFuzzyCompare(zoom, m_zoom))
        setZoom(zoom);
}

qreal SequenceView::readableZoom() const
{
    // The labels as large as the window's own text (about 12 px at 9 pt, 96 dpi): at the 0.5 the
    // fitted zoom once went down to, they were 7 px and nobody could read them.
    const int wanted = std::max(minimumLabelPixels, QFontInfo(font()).pixelSize());
    return std::min(1.0, qreal(wanted) / m_painter.labelFont().pixelSize());
}

void SequenceView::flush()
{
    m_flushTimer.stop();
    applyFitWidth();
    updateScrollBars();
    if (m_following)
        scrollToEnd();
    placeResumeButton();
    viewport()->update();
    emit laidOut();
}

void SequenceView::updateScrollBars()
{
    const QSizeF size = m_painter.size() * m_zoom;
    const QSize view = viewport()->size();
    m_scrollingByCode = true;
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(size.height())) - view.height()));
    verticalScrollBar()->setPageStep(view.height());
    verticalScrollBar()->setSingleStep(int(m_painter.unit() * 2 * m_zoom));
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(size.width())) - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    horizontalScrollBar()->setSingleStep(40);
    m_scrollingByCode = false;
}

void SequenceView::scrollToEnd()
{
    m_scrollingByCode = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_scrollingByCode = false;
}

void SequenceView::setFollowing(bool follow)
{
    if (follow)
        scrollToEnd();
    setFollowingState(follow);
}

void SequenceView::setFollowingState(bool follow)
{
    if (follow != m_following) {
        m_following = follow;
        emit followingChanged(follow);
    }
    placeResumeButton();
}

void SequenceView::placeResumeButton()
{
    // The way back to following, where the eye is when new rows stop coming into view: a
    // button at the bottom right of the rows, shown only while not following.
    const bool shown = !m_following && verticalScrollBar()->maximum() > 0;
    if (shown) {
        m_resume->adjustSize();
        const QRect area = viewport()->geometry();
        const int margin = 8;
        m_resume->move(
            area.right() - m_resume->width() - margin, area.bottom() - m_resume->height() - margin);
        m_resume->raise();
    }
    m_resume->setVisible(shown);
}

void SequenceView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx);
    Q_UNUSED(dy);
    if (!m_scrollingByCode) {
        // The user moved: follow only while at the very end.
        const bool atEnd = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
        setFollowingState(atEnd);
    }
    viewport()->update();
}

void SequenceView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, minZoom, maxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    const QSize view = viewport()->size();
    // The anchor: the selected row where it is on screen (kept in view), else the centre.
    const qsizetype selected = m_selected >= 0 ? m_model->visibleIndexOf(m_selected) : -1;
    const bool anchorSelection = selected >= 0 && m_model->visibleRow(selected) == m_selected;
    qreal anchorY = (verticalScrollBar()->value() + view.height() / 2.0) / m_zoom;
    qreal anchorAt = view.height() / 2.0;
    if (anchorSelection) {
        anchorY = m_painter.arrowY(selected);
        const qreal header = SequencePainter::headerHeight * zoom;
        anchorAt = std::clamp(anchorY * m_zoom - verticalScrollBar()->value(),
            header + m_painter.unit() * zoom,
            std::max(
                header + m_painter.unit() * zoom, view.height() - m_painter.unit() * 2 * zoom));
    }
    const qreal anchorX = (horizontalScrollBar()->value() + view.width() / 2.0) / m_zoom;
    m_zoom = zoom;
    fitLanes();
    updateScrollBars();
    m_scrollingByCode = true;
    if (anchorSelection) {
        verticalScrollBar()->setValue(int(anchorY * m_zoom - anchorAt));
        const bool atEnd = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
        setFollowingState(atEnd);
    } else if (m_following) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    } else {
        verticalScrollBar()->setValue(int(anchorY * m_zoom - anchorAt));
    }
    horizontalScrollBar()->setValue(int(anchorX * m_zoom - view.width() / 2.0));
    m_scrollingByCode = false;
    viewport()->update();
    emit zoomChanged(m_zoom);
}

void SequenceView::zoomToFit()
{
    // The width, as the user guide says: fitting the height too shrank a long diagram to a
    // thumbnail nobody could read. The fit then follows the pane's width again.
    m_fitWidth = true;
    flush();
    m_scrollingByCode = true;
    horizontalScrollBar()->setValue(0);
    m_scrollingByCode = false;
}

std::pair<qsizetype, qsizetype> SequenceView::paintedRange() const
{
    if (m_model->visibleCount() == 0)
        return {-1, -1};
    const qreal top = verticalScrollBar()->value() / m_zoom;
    const qreal bottom = top + viewport()->height() / m_zoom;
    return {m_painter.visibleAt(top), m_painter.visibleAt(bottom)};
}

void SequenceView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), Qt::white);
    const auto [first, last] = paintedRange();
    const bool detail = m_zoom >= detailZoom;
    p.translate(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
    p.scale(m_zoom, m_zoom);
    if (first >= 0)
        m_painter.paintRows(&p, first, last, m_selected, detail);
    p.resetTransform();
    p.translate(-horizontalScrollBar()->value(), 0);
    p.scale(m_zoom, m_zoom);
    const qreal top = verticalScrollBar()->value() / m_zoom;
    const qsizetype at = m_painter.visibleAt(top + SequencePainter::headerHeight);
    m_painter.paintHeader(&p, 0, at, m_painter.size().width(), last);
    if (m_model->visibleCount() == 0) {
        p.resetTransform();
        p.setPen(Qt::darkGray);
        p.drawText(viewport()->rect(), Qt::AlignCenter | Qt::TextWordWrap, placeholderText());
    }
}

QString SequenceView::placeholderText() const
{
    if (!m_placeholder.isEmpty())
        return m_placeholder;
    // A student's diagram in the class overview shows the classroom server, not ours.
    return m_model->mainServerName().isEmpty()
        ? tr("No POP3 traffic yet.\nConnect a terminal to the built-in server, or open a trace.")
        : tr("No POP3 traffic yet.\nWhat the student types next appears here.");
}

void SequenceView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void SequenceView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    applyFitWidth();
    updateScrollBars();
    if (m_following)
        scrollToEnd();
    placeResumeButton();
}

qsizetype SequenceView::rowAt(QPoint pos) const
{
    if (pos.y() < SequencePainter::headerHeight * m_zoom || m_model->visibleCount() == 0)
        return -1;
    const qreal y = (pos.y() + verticalScrollBar()->value()) / m_zoom;
    const qsizetype v = m_painter.visibleAt(y);
    if (v < 0 || y < m_painter.rowTop(v) || y >= m_painter.rowTop(v) + m_painter.rowHeight(v))
        return -1;
    return m_model->visibleRow(v);
}

QPoint SequenceView::arrowPoint(qsizetype row) const
{
    const qsizetype v = m_model->visibleIndexOf(row);
    if (v < 0)
        return {};
    const SequenceModel::Row &r = m_model->row(row);
    const qreal cx =
        r.session ? m_painter.clientX(m_model->laneOf(r.session)) : m_painter.serverX();
    const qreal x = (cx + m_painter.serverXFor(r.session)) / 2;
    return QPoint(int(x * m_zoom) - horizontalScrollBar()->value(),
        int(m_painter.arrowY(v) * m_zoom) - verticalScrollBar()->value());
}

void SequenceView::selectRow(qsizetype row)
{
    if (m_flushTimer.isActive())
        flush();
    if (row != m_selected) {
        m_selected = row;
        emit rowSelected(row);
    }
    if (row >= 0)
        ensureRowVisible(row);
    viewport()->update();
}

void SequenceView::userSelect(qsizetype row, bool scroll)
{
    if (!scroll) {
        // A click: the row is where the pointer is, in view. The view does not move, so a
        // click never stops following (as a click in a terminal does not).
        if (m_flushTimer.isActive())
            flush();
        if (row != m_selected) {
            m_selected = row;
            emit rowSelected(row);
        }
        viewport()->update();
        if (row >= 0)
            emit rowActivated(m_model->row(row).seq);
        return;
    }
    selectRow(row);
    if (row >= 0)
        emit rowActivated(m_model->row(row).seq);
}

void SequenceView::ensureRowVisible(qsizetype row)
{
    const qsizetype v = m_model->visibleIndexOf(row);
    if (v < 0)
        return;
    const int header = int(SequencePainter::headerHeight * m_zoom);
    const int top = int(m_painter.rowTop(v) * m_zoom);
    const int bottom =
        int((m_painter.rowTop(v) + std::min<qreal>(m_painter.rowHeight(v), 6 * m_painter.unit()))
            * m_zoom);
    QScrollBar *bar = verticalScrollBar();
    int value = bar->value();
    if (top - header < value)
        value = top - header;
    else if (bottom > value + viewport()->height())
        value = bottom - viewport()->height();
    if (value != bar->value())
        bar->setValue(value); // a user-visible move: following updates in scrollContentsBy
}

void SequenceView::stepSelection(int delta)
{
    const qsizetype count = m_model->visibleCount();
    if (count == 0)
        return;
    qsizetype v = m_selected >= 0 ? m_model->visibleIndexOf(m_selected) : -1;
    if (v >= 0 && m_model->visibleRow(v) != m_selected && delta > 0)
        --v; // the selection is hidden: the next visible row is v itself
    // A selection scrolled out of sight (following went on without it) is not where the keys
    // start: they move from what the pane shows, as they do with no selection.
    const auto [first, last] = paintedRange();
    if (v >= 0 && (v < first || v > last))
        v = -1;
    if (v < 0)
        v = delta > 0 ? first - 1 : last + 1;
    v = std::clamp<qsizetype>(v + delta, 0, count - 1);
    userSelect(m_model->visibleRow(v));
}

void SequenceView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const qsizetype row = rowAt(event->position().toPoint());
    if (row >= 0)
        userSelect(row, false);
}

void SequenceView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const qsizetype row = rowAt(event->position().toPoint());
    if (row >= 0 && m_model->row(row).has(SequenceModel::MultiLine))
        emit expandToggled(row);
}

void SequenceView::keyPressEvent(QKeyEvent *event)
{
    const qsizetype count = m_model->visibleCount();
    switch (event->key()) {
    case Qt::Key_Down:
        stepSelection(1);
        break;
    case Qt::Key_Up:
        stepSelection(-1);
        break;
    // Page Up / Down scroll, as in a terminal: moving the selection a page onto another
    // session's row made the terminal show that session's tab (rowActivated).
    case Qt::Key_PageDown:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_PageUp:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
        break;
    case Qt::Key_Home:
        if (count > 0)
            userSelect(m_model->visibleRow(0));
        break;
    case Qt::Key_End:
        if (count > 0)
            userSelect(m_model->visibleRow(count - 1));
        setFollowing(true);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_selected >= 0 && m_model->row(m_selected).has(SequenceModel::MultiLine))
            emit expandToggled(m_selected);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void SequenceView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            setZoom(m_zoom * std::pow(1.25, steps));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool SequenceView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qsizetype row = rowAt(help->pos());
        if (row < 0) {
            QToolTip::hideText();
            return true;
        }
        QString tip =
            QStringLiteral("<b>%1</b><br>%2")
                .arg(m_model->label(row).toHtmlEscaped(), m_model->caption(row).toHtmlEscaped());
        const QString section = m_model->rfcSection(row);
        if (!section.isEmpty())
            tip += QStringLiteral("<br><i>%1</i>").arg(section.toHtmlEscaped());
        tip += QStringLiteral("<br>%1 · %2")
                   .arg(m_model->timeText(row),
                       m_model->sessionName(m_model->row(row).session).toHtmlEscaped());
        QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}
