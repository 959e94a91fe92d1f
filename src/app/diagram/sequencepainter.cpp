#include "app/diagram/sequencepainter.h"

#include "diagram/sequencemodel.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using pop3::SequenceModel;
using pop3::State;
using Row = SequenceModel::Row;
using Kind = SequenceModel::RowKind;

namespace {

// Colours are chosen here, never in the core; each also has a shape or a word so that colour is
// never the only cue (projectors wash colours out, and not everyone sees them).
const QColor commandColor(0x1f, 0x4e, 0x9c);
const QColor replyColor(0x2e, 0x6b, 0x30);
const QColor errorColor(0xc6, 0x28, 0x28);
const QColor noteColor(0x5d, 0x40, 0x37);
const QColor lockColor(0xe6, 0x6a, 0x00);
const QColor gridColor(0x9e, 0x9e, 0x9e);
const QColor selectionColor(0xd6, 0xe6, 0xff);

enum ArrowStyle {
    Solid,
    Dashed,
    ErrorLine,
    Dotted,
    Double,
};

} // namespace

SequencePainter::SequencePainter(const SequenceModel &model)
    : m_model(model)
{
    m_font.setFamily(QStringLiteral("DejaVu Sans"));
    m_font.setPixelSize(15);
    m_mono.setFamily(QStringLiteral("DejaVu Sans Mono"));
    m_mono.setStyleHint(QFont::Monospace);
    m_mono.setPixelSize(15);
    m_small = m_font;
    m_small.setPixelSize(12);
    m_bold = m_font;
    m_bold.setBold(true);
}

QColor SequencePainter::stateColor(int state)
{
    switch (State(state)) {
    case State::Connecting:
        return QColor(0xbd, 0xbd, 0xbd);
    case State::Authorization:
        return QColor(0xf9, 0xa8, 0x25);
    case State::Transaction:
        return QColor(0x43, 0xa0, 0x47);
    case State::Update:
        return QColor(0x8e, 0x24, 0xaa);
    case State::Closed:
        return QColor(0x75, 0x75, 0x75);
    }
    return Qt::gray;
}

qreal SequencePainter::serverX() const
{
    return clientX(m_model.clientLaneCount() - 1) + toServer;
}

QSizeF SequencePainter::size() const
{
    return {
        maildropX() + notesWidth, headerHeight + m_model.totalUnits() * unitHeight + bottomMargin};
}

qreal SequencePainter::rowTop(qsizetype visible) const
{
    return headerHeight + m_model.visibleTop(visible) * unitHeight;
}

qreal SequencePainter::rowHeight(qsizetype visible) const
{
    return m_model.visibleHeight(visible) * unitHeight;
}

qsizetype SequencePainter::visibleAt(qreal y) const
{
    return m_model.visibleAtUnit(int(std::floor((y - headerHeight) / unitHeight)));
}

void SequencePainter::paintAll(QPainter *p) const
{
    const QSizeF s = size();
    p->fillRect(QRectF(QPointF(0, 0), s), Qt::white);
    if (m_model.visibleCount() > 0)
        paintRows(p, 0, m_model.visibleCount() - 1, -1, true);
    paintHeader(p, 0, 0, s.width());
}

void SequencePainter::paintRows(
    QPainter *p, qsizetype first, qsizetype last, qsizetype selected, bool detail) const
{
    if (first < 0 || last < first)
        return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing, detail);
    if (selected >= 0) {
        const qsizetype v = m_model.visibleIndexOf(selected);
        if (v >= first && v <= last && m_model.visibleRow(v) == selected) {
            const QRectF band(0, rowTop(v), size().width(), rowHeight(v));
            p->fillRect(band, selectionColor);
            p->fillRect(QRectF(0, band.top(), 5, band.height()), commandColor);
        }
    }
    paintLifelines(p, first, last);
    for (qsizetype v = first; v <= last; ++v)
        paintRow(p, v, m_model.visibleRow(v) == selected, detail);
    p->restore();
}

void SequencePainter::paintLifelines(QPainter *p, qsizetype first, qsizetype last) const
{
    const qreal sx = serverX();
    const qreal mx = maildropX();
    // Server: the state band of the session on each row; maildrop: the lock band.
    for (qsizetype v = first; v <= last; ++v) {
        const qsizetype index = m_model.visibleRow(v);
        const Row &r = m_model.row(index);
        const qreal top = rowTop(v);
        const qreal mid = arrowY(v);
        const qreal bottom = top + rowHeight(v);
        if (r.session == 0) {
            p->fillRect(QRectF(sx - 1.5, top, 3, bottom - top), gridColor);
        } else {
            p->fillRect(QRectF(sx - 8, top, 16, mid - top), stateColor(int(r.stateBefore)));
            p->fillRect(QRectF(sx - 8, mid, 16, bottom - mid), stateColor(int(r.stateAfter)));
        }
        const int locksBefore = index > 0 ? m_model.row(index - 1).locksAfter : 0;
        for (int half = 0; half < 2; ++half) {
            const QRectF rect(mx - 8, half ? mid : top, 16, half ? bottom - mid : mid - top);
            if ((half ? r.locksAfter : locksBefore) > 0) {
                p->fillRect(rect, lockColor.lighter(150));
                p->fillRect(rect, QBrush(lockColor, Qt::BDiagPattern));
            } else {
                p->fillRect(QRectF(mx - 1.5, rect.top(), 3, rect.height()), gridColor);
            }
        }
    }
    // Clients: one dashed lifeline per lane while its session is alive, merged over rows.
    QPen pen(gridColor, 1.5, Qt::DashLine);
    p->setPen(pen);
    const int lanes = m_model.clientLaneCount();
    for (int lane = 0; lane < lanes; ++lane) {
        const qreal x = clientX(lane);
        int current = 0;
        qreal start = 0;
        auto flush = [&](qreal end) {
            if (current != 0 && end > start)
                p->drawLine(QPointF(x, start), QPointF(x, end));
        };
        for (qsizetype v = first; v <= last; ++v) {
            const qsizetype index = m_model.visibleRow(v);
            const int session = m_model.sessionInLaneAt(lane, index);
            const qreal top = rowTop(v);
            if (session != current) {
                flush(top);
                current = session;
                start = m_model.row(index).kind == Kind::Connect
                        && m_model.row(index).session == session
                    ? arrowY(v)
                    : top;
            }
            if (current != 0 && m_model.row(index).kind == Kind::Disconnect
                && m_model.row(index).session == current) {
                flush(arrowY(v));
                current = 0;
            }
        }
        flush(rowTop(last) + rowHeight(last));
    }
}

void SequencePainter::paintArrow(
    QPainter *p, qreal x1, qreal x2, qreal y, int style, const QColor &color) const
{
    QPen pen(color, style == ErrorLine ? 2.8 : 2.0);
    switch (style) {
    case Dashed:
        pen.setStyle(Qt::DashLine);
        break;
    case ErrorLine:
        pen.setStyle(Qt::DashDotLine);
        break;
    case Dotted:
        pen.setStyle(Qt::DotLine);
        break;
    default:
        break;
    }
    p->setPen(pen);
    p->drawLine(QPointF(x1, y), QPointF(x2, y));
    const qreal dir = x2 > x1 ? 1 : -1;
    const qreal head = 11;
    QPolygonF tip;
    tip << QPointF(x2, y) << QPointF(x2 - dir * head, y - head * 0.45)
        << QPointF(x2 - dir * head, y + head * 0.45);
    p->setPen(QPen(color, 1.6));
    if (style == Solid || style == Double)
        p->setBrush(color);
    else
        p->setBrush(Qt::white);
    p->drawPolygon(tip);
    if (style == Double) {
        QPolygonF back;
        back << QPointF(x1, y) << QPointF(x1 + dir * head, y - head * 0.45)
             << QPointF(x1 + dir * head, y + head * 0.45);
        p->drawPolygon(back);
    }
    p->setBrush(Qt::NoBrush);
}

void SequencePainter::paintText(QPainter *p,
    const QRectF &rect,
    const QString &text,
    const QFont &font,
    const QColor &color,
    Qt::Alignment align) const
{
    if (rect.width() < 8)
        return;
    p->setFont(font);
    p->setPen(color);
    const QFontMetricsF metrics(font);
    p->drawText(rect,
        int(align) | Qt::TextSingleLine,
        metrics.elidedText(text, Qt::ElideMiddle, rect.width()));
}

void SequencePainter::paintErrorMark(QPainter *p, QPointF c) const
{
    // A filled circle with a white cross: "refused", whatever the colour looks like.
    p->setPen(Qt::NoPen);
    p->setBrush(errorColor);
    p->drawEllipse(c, 8, 8);
    p->setPen(QPen(Qt::white, 2.2));
    p->drawLine(c + QPointF(-3.8, -3.8), c + QPointF(3.8, 3.8));
    p->drawLine(c + QPointF(-3.8, 3.8), c + QPointF(3.8, -3.8));
    p->setBrush(Qt::NoBrush);
}

void SequencePainter::paintLock(QPainter *p, QPointF c, bool open, bool crossed) const
{
    p->setPen(QPen(noteColor, 1.8));
    p->setBrush(lockColor);
    p->drawRoundedRect(QRectF(c.x() - 7, c.y() - 2, 14, 11), 2, 2);
    p->setBrush(Qt::NoBrush);
    const QRectF shackle(c.x() - 4.5, c.y() - 10, 9, 14);
    if (open)
        p->drawArc(shackle.translated(5, -3), 0, 180 * 16);
    else
        p->drawArc(shackle, 0, 180 * 16);
    if (crossed)
        paintErrorMark(p, c + QPointF(10, 6));
}

void SequencePainter::paintRow(QPainter *p, qsizetype v, bool selected, bool detail) const
{
    Q_UNUSED(selected);
    const qsizetype index = m_model.visibleRow(v);
    const Row &r = m_model.row(index);
    const qreal top = rowTop(v);
    const qreal y = arrowY(v);
    const qreal cx = r.session != 0 ? clientX(m_model.laneOf(r.session)) : serverX();
    const qreal sx = serverX();
    const qreal mx = maildropX();
    const QRectF labelRect(cx + 14, top, sx - cx - 28, y - top - 2);
    const QString label = detail ? m_model.label(index) : QString();

    if (detail)
        paintText(p,
            QRectF(6, top, timeWidth - 8, y - top + 6),
            m_model.timeText(index).left(12),
            m_small,
            gridColor.darker(160));

    switch (r.kind) {
    case Kind::Connect:
        paintArrow(p, cx, sx - 9, y, Solid, commandColor);
        if (detail) {
            // The lifeline's head: who this client is.
            const QString name = m_model.sessionName(r.session);
            const QFontMetricsF metrics(m_bold);
            const qreal w = std::min(laneGap - 12, metrics.horizontalAdvance(name) + 14);
            const QRectF box(cx - w / 2, y - unitHeight * 0.5, w, unitHeight);
            p->setPen(QPen(commandColor, 1.4));
            p->setBrush(Qt::white);
            p->drawRoundedRect(box, 4, 4);
            p->setBrush(Qt::NoBrush);
            paintText(p, box.adjusted(4, 0, -4, 0), name, m_small, commandColor, Qt::AlignCenter);
            paintText(p, labelRect.adjusted(w / 2 - 6, 0, 0, 0), label, m_font, commandColor);
        }
        break;
    case Kind::Command: {
        const bool lost = r.has(SequenceModel::Unanswered);
        paintArrow(p, cx, sx - 9, y, lost ? Dotted : Solid, commandColor);
        if (lost && detail) {
            p->setPen(QPen(errorColor, 2));
            p->setBrush(Qt::white);
            p->drawEllipse(QPointF(sx - 24, y), 8, 8);
            paintText(p,
                QRectF(sx - 32, y - 8, 16, 16),
                QStringLiteral("?"),
                m_bold,
                errorColor,
                Qt::AlignCenter);
        }
        if (detail)
            paintText(
                p, labelRect, lost ? label + tr("   (no reply)") : label, m_mono, commandColor);
        break;
    }
    case Kind::Reply: {
        const bool err = r.has(SequenceModel::Err);
        const QColor color = err ? errorColor : replyColor;
        paintArrow(p, sx - 9, cx, y, err ? ErrorLine : Dashed, color);
        if (err)
            paintErrorMark(p, QPointF(cx + 22, y));
        if (r.has(SequenceModel::Truncated))
            paintErrorMark(p, QPointF((cx + sx) / 2, y));
        if (!detail)
            break;
        QFont font = m_mono;
        font.setBold(err);
        QRectF rect = labelRect;
        if (err)
            rect.setLeft(rect.left() + 22);
        paintText(p, rect, label, font, color);
        if (m_model.isExpanded(index)) {
            const QStringList body = m_model.expandedBody(index);
            const QRectF box(cx + 14,
                top + SequenceModel::rowUnits * unitHeight,
                sx - cx - 28,
                (body.size() + 0.6) * unitHeight);
            p->fillRect(box, QColor(0xf5, 0xf5, 0xf0));
            p->setPen(QPen(gridColor, 1));
            p->drawRect(box);
            QFont small = m_mono;
            small.setPixelSize(13);
            for (qsizetype i = 0; i < body.size(); ++i)
                paintText(p,
                    QRectF(
                        box.left() + 8, box.top() + i * unitHeight, box.width() - 16, unitHeight),
                    body.at(i),
                    small,
                    Qt::black,
                    Qt::AlignLeft | Qt::AlignVCenter);
        }
        break;
    }
    case Kind::MaildropNote: {
        const bool err = r.has(SequenceModel::Err) || r.has(SequenceModel::MarksLost);
        // The server acts on the maildrop: a thin connector from its lifeline.
        p->setPen(QPen(noteColor, 1.2, Qt::DotLine));
        p->drawLine(QPointF(sx + 9, y), QPointF(mx - 10, y));
        const QRectF note(mx + 22, top + 3, notesWidth - 40, rowHeight(v) - 6);
        if (detail) {
            QPainterPath path;
            path.moveTo(note.topLeft());
            path.lineTo(note.topRight() - QPointF(10, 0));
            path.lineTo(note.topRight() + QPointF(0, 10));
            path.lineTo(note.bottomRight());
            path.lineTo(note.bottomLeft());
            path.closeSubpath();
            p->setPen(QPen(err ? errorColor : noteColor, err ? 2.2 : 1.2));
            p->setBrush(err ? QColor(0xff, 0xeb, 0xee) : QColor(0xff, 0xf8, 0xe1));
            p->drawPath(path);
            p->setBrush(Qt::NoBrush);
        }
        switch (r.event) {
        case pop3::EventKind::LockCreated:
            paintLock(p, QPointF(mx, y), false, false);
            break;
        case pop3::EventKind::LockRemoved:
        case pop3::EventKind::StaleLockCleared:
            paintLock(p, QPointF(mx, y), true, false);
            break;
        case pop3::EventKind::LockRefused:
            paintLock(p, QPointF(mx, y), false, true);
            break;
        default:
            p->setPen(QPen(noteColor, 1.5));
            p->setBrush(Qt::white);
            p->drawEllipse(QPointF(mx, y), 5, 5);
            p->setBrush(Qt::NoBrush);
            break;
        }
        if (detail) {
            QFont font = err ? m_bold : m_font;
            paintText(p,
                note.adjusted(err ? 26 : 8, 0, -14, 0),
                label,
                font,
                err ? errorColor : noteColor,
                Qt::AlignLeft | Qt::AlignVCenter);
            if (err)
                paintErrorMark(p, QPointF(note.left() + 13, note.center().y()));
        }
        break;
    }
    case Kind::ServerNote:
        p->setPen(QPen(noteColor, 1.5));
        p->drawEllipse(QPointF(sx, y), 5, 5);
        if (detail)
            paintText(p,
                QRectF(sx + 16, top, toMaildrop + notesWidth - 30, y - top + 8),
                label,
                m_small,
                noteColor);
        break;
    case Kind::Disconnect: {
        const bool dropped = r.has(SequenceModel::Dropped);
        const QColor color = dropped ? errorColor : gridColor.darker(150);
        if (dropped) {
            // A broken line: the connection snapped.
            QPainterPath zigzag;
            zigzag.moveTo(cx, y);
            const qreal step = 14;
            int i = 0;
            for (qreal x = cx + step; x < sx; x += step, ++i)
                zigzag.lineTo(x, y + ((i % 2) ? -5 : 5));
            zigzag.lineTo(sx, y);
            p->setPen(QPen(color, 2.4));
            p->drawPath(zigzag);
        } else {
            p->setPen(QPen(color, 1.5));
            p->drawLine(QPointF(cx, y), QPointF(sx, y));
        }
        // UML's end of a lifeline: a cross.
        p->setPen(QPen(color, 3));
        p->drawLine(QPointF(cx - 9, y - 9), QPointF(cx + 9, y + 9));
        p->drawLine(QPointF(cx - 9, y + 9), QPointF(cx + 9, y - 9));
        if (detail)
            paintText(p, labelRect.adjusted(10, 0, 0, 0), label, dropped ? m_bold : m_font, color);
        break;
    }
    case Kind::LoginSummary:
        paintArrow(p, cx + 1, sx - 9, y, Double, commandColor);
        if (detail)
            paintText(p, labelRect, QStringLiteral("⋯ ") + label, m_font, commandColor);
        break;
    }

    // The state changes exactly here: a tick across the band and the new state's name.
    if (r.stateAfter != r.stateBefore && r.session != 0) {
        const QColor c = stateColor(int(r.stateAfter));
        p->setPen(QPen(Qt::black, 2));
        p->drawLine(QPointF(sx - 12, y), QPointF(sx + 12, y));
        if (detail) {
            const QString text = QStringLiteral("→ ") + pop3::stateName(r.stateAfter);
            const QFontMetricsF metrics(m_bold);
            const QRectF pill(
                sx + 16, y - 2, metrics.horizontalAdvance(text) + 14, unitHeight * 1.1);
            p->setPen(QPen(c.darker(130), 1.4));
            p->setBrush(c.lighter(170));
            p->drawRoundedRect(pill, 6, 6);
            p->setBrush(Qt::NoBrush);
            paintText(p, pill, text, m_bold, Qt::black, Qt::AlignCenter);
        }
    }
}

void SequencePainter::paintHeader(QPainter *p, qreal y, qsizetype at, qreal width) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->fillRect(QRectF(0, y, width, headerHeight), Qt::white);
    p->setPen(QPen(gridColor, 1));
    p->drawLine(QPointF(0, y + headerHeight - 0.5), QPointF(width, y + headerHeight - 0.5));
    const qsizetype row = at >= 0 && at < m_model.visibleCount() ? m_model.visibleRow(at) : -1;
    auto box =
        [&](qreal x, qreal w, const QString &title, const QString &subtitle, const QColor &color) {
            const QRectF rect(x - w / 2, y + 6, w, headerHeight - 12);
            p->setPen(QPen(color, 1.6));
            p->setBrush(color.lighter(185));
            p->drawRoundedRect(rect, 6, 6);
            p->setBrush(Qt::NoBrush);
            if (subtitle.isEmpty()) {
                paintText(p, rect.adjusted(6, 0, -6, 0), title, m_bold, Qt::black, Qt::AlignCenter);
            } else {
                paintText(p,
                    rect.adjusted(6, 2, -6, -rect.height() / 2),
                    title,
                    m_bold,
                    Qt::black,
                    Qt::AlignHCenter | Qt::AlignBottom);
                paintText(p,
                    rect.adjusted(6, rect.height() / 2, -6, 0),
                    subtitle,
                    m_small,
                    Qt::black,
                    Qt::AlignHCenter | Qt::AlignTop);
            }
        };
    paintText(p,
        QRectF(6, y + 6, timeWidth, headerHeight - 12),
        tr("time (UTC)"),
        m_small,
        gridColor.darker(160),
        Qt::AlignLeft | Qt::AlignVCenter);
    const int lanes = m_model.clientLaneCount();
    for (int lane = 0; lane < lanes; ++lane) {
        const int session = row >= 0 ? m_model.sessionInLaneAt(lane, row) : 0;
        box(clientX(lane),
            laneGap - 14,
            session ? m_model.sessionName(session) : tr("client"),
            session ? tr("client, session %1").arg(session) : QString(),
            commandColor);
    }
    box(serverX(), 190, tr("server"), tr("state band"), QColor(0x43, 0xa0, 0x47));
    box(maildropX(), 200, tr("maildrop"), tr("lock file band"), lockColor);
    p->restore();
}
