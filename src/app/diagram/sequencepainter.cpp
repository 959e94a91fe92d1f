#include "app/diagram/sequencepainter.h"

#include "diagram/sequencemodel.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using pop3::SequenceModel;
using pop3::State;
using Row = SequenceModel::Row;
using Kind = SequenceModel::RowKind;

namespace {

// A response code is one word: "[IN-USE]" wrapped after its hyphen read "[IN-" and "USE]". In
// text to be wrapped, its hyphens become non-breaking ones (U+2011, the same dash).
QString keepCodesWhole(const QString &text)
{
    static const QRegularExpression code(QStringLiteral("\\[[^\\]\\s]*-[^\\]\\s]*\\]"));
    QString out = text;
    for (auto it = code.globalMatch(text); it.hasNext();) {
        const QString found = it.next().captured(0);
        out.replace(found, QString(found).replace(QLatin1Char('-'), QChar(0x2011)));
    }
    return out;
}

// Colours are chosen here, never in the core; each also has a shape or a word so that colour is
// never the only cue (projectors wash colours out, and not everyone sees them).
const SequencePainter::Colours normalColours{QColor(0x1f, 0x4e, 0x9c),
    QColor(0x2e, 0x6b, 0x30),
    QColor(0xc6, 0x28, 0x28),
    QColor(0x5d, 0x40, 0x37),
    QColor(0xe6, 0x6a, 0x00),
    QColor(0x9e, 0x9e, 0x9e),
    QColor(0xd6, 0xe6, 0xff)};
// For a washed-out projector: darker inks, a grid that stays visible, an amber selection.
const SequencePainter::Colours strongColours{QColor(0x00, 0x2b, 0x80),
    QColor(0x00, 0x50, 0x00),
    QColor(0xa0, 0x00, 0x00),
    QColor(0x3e, 0x27, 0x23),
    QColor(0xb3, 0x47, 0x00),
    QColor(0x42, 0x42, 0x42),
    QColor(0xff, 0xe0, 0x82)};

const QColor serverInk(0x43, 0xa0, 0x47); // the built-in server's header

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
    , m_colours(&normalColours)
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

void SequencePainter::setHighContrast(bool on)
{
    m_colours = on ? &strongColours : &normalColours;
}

void SequencePainter::setTimeColumn(bool shown)
{
    m_timeColumn = shown;
}

void SequencePainter::setCompact(bool compact, qreal spacing)
{
    m_compact = compact;
    m_spacing = compact ? std::clamp(spacing, 0.5, 1.0) : 1.0;
}

bool SequencePainter::isHighContrast() const
{
    return m_colours == &strongColours;
}

qreal SequencePainter::contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](qreal v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor SequencePainter::headerFill(const QColor &ink)
{
    QColor fill = ink.lighter(185);
    // The high-contrast client blue gave 3.37:1: towards white, a tenth at a time.
    while (contrastRatio(fill, Qt::black) < 4.6) {
        fill = QColor::fromRgbF(fill.redF() + (1 - fill.redF()) * 0.1,
            fill.greenF() + (1 - fill.greenF()) * 0.1,
            fill.blueF() + (1 - fill.blueF()) * 0.1);
    }
    return fill;
}

QList<QColor> SequencePainter::headerInks() const
{
    return {m_colours->command, m_colours->grid.darker(150), serverInk, m_colours->lock};
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
    return serverX(0);
}

qreal SequencePainter::serverX(int server) const
{
    // Other servers first (nearest the clients), the built-in one last, beside its maildrop.
    const int others = m_model.serverCount() - 1;
    const int slot = server <= 0 || server > others ? others : server - 1;
    return clientX(m_model.clientLaneCount() - 1)
        + (m_compact ? 280 : toServer) * m_spacing * (slot + 1);
}

qreal SequencePainter::notesLeft() const
{
    return clientX(m_model.clientLaneCount() - 1) + bandWidth + 8;
}

qreal SequencePainter::serverXFor(int session) const
{
    return serverX(session != 0 ? m_model.serverOf(session) : 0);
}

QSizeF SequencePainter::size() const
{
    // Compact: the notes are left of the maildrop; only its header's half is right of it.
    const qreal right = m_compact ? 62 : notesWidth;
    return {maildropX() + right, headerHeight + m_model.totalUnits() * unit() + bottomMargin};
}

qreal SequencePainter::rowTop(qsizetype visible) const
{
    return headerHeight + m_model.visibleTop(visible) * unit();
}

qreal SequencePainter::arrowY(qsizetype visible) const
{
    // Rows with a note above their arrow (a dropped connection's) are that many units taller.
    const qreal above = unit() * m_model.unitsAbove(visible);
    return rowTop(visible) + above + (m_compact ? unit() * 2 - 14 : unitHeight * 1.25);
}

qreal SequencePainter::rowHeight(qsizetype visible) const
{
    return m_model.visibleHeight(visible) * unit();
}

qsizetype SequencePainter::visibleAt(qreal y) const
{
    return m_model.visibleAtUnit(int(std::floor((y - headerHeight) / unit())));
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
            p->fillRect(band, m_colours->selection);
            p->fillRect(QRectF(0, band.top(), 5, band.height()), m_colours->command);
        }
    }
    paintLifelines(p, first, last);
    for (qsizetype v = first; v <= last; ++v)
        paintRow(p, v, m_model.visibleRow(v) == selected, detail);
    p->restore();
}

void SequencePainter::paintLifelines(QPainter *p, qsizetype first, qsizetype last) const
{
    const qreal mx = maildropX();
    const qreal top0 = rowTop(first);
    const qreal bottom0 = rowTop(last) + rowHeight(last);
    // Servers: plain lifelines (the state belongs to each session, drawn on its lane).
    for (int server = 0; server < m_model.serverCount(); ++server) {
        const qreal x = serverX(server);
        p->fillRect(QRectF(x - 2, top0, 4, bottom0 - top0), m_colours->grid.darker(120));
    }
    // Maildrop: the lock band.
    for (qsizetype v = first; v <= last; ++v) {
        const qsizetype index = m_model.visibleRow(v);
        const Row &r = m_model.row(index);
        const qreal top = rowTop(v);
        const qreal mid = arrowY(v);
        const qreal bottom = top + rowHeight(v);
        const int locksBefore = index > 0 ? m_model.row(index - 1).locksAfter : 0;
        for (int half = 0; half < 2; ++half) {
            const QRectF rect(mx - 8, half ? mid : top, 16, half ? bottom - mid : mid - top);
            if ((half ? r.locksAfter : locksBefore) > 0) {
                p->fillRect(rect, m_colours->lock.lighter(150));
                p->fillRect(rect, QBrush(m_colours->lock, Qt::BDiagPattern));
            } else {
                p->fillRect(QRectF(mx - 1.5, rect.top(), 3, rect.height()), m_colours->grid);
            }
        }
    }
    // Clients: each lane's lifeline is its session's state band while the session lives, from
    // its connect arrow to its disconnect arrow; the colour changes on the row that changed it.
    const int lanes = m_model.clientLaneCount();
    const qreal half = bandWidth / 2;
    for (int lane = 0; lane < lanes; ++lane) {
        const qreal x = clientX(lane);
        for (qsizetype v = first; v <= last; ++v) {
            const qsizetype index = m_model.visibleRow(v);
            const int session = m_model.sessionInLaneAt(lane, index);
            if (session == 0)
                continue;
            const Row &r = m_model.row(index);
            const bool own = r.session == session;
            qreal top = rowTop(v);
            qreal bottom = top + rowHeight(v);
            const qreal mid = arrowY(v);
            if (own && r.kind == Kind::Connect)
                top = mid;
            if (own && r.kind == Kind::Disconnect)
                bottom = mid;
            const State after = own ? r.stateAfter : m_model.stateAt(session, index);
            const State before = own ? r.stateBefore : after;
            if (top < mid)
                p->fillRect(QRectF(x - half, top, bandWidth, std::min(mid, bottom) - top),
                    stateColor(int(before)));
            if (bottom > mid)
                p->fillRect(
                    QRectF(x - half, std::max(mid, top), bandWidth, bottom - std::max(mid, top)),
                    stateColor(int(after)));
            p->fillRect(QRectF(x - half, top, 1, bottom - top), m_colours->grid.darker(140));
            p->fillRect(QRectF(x + half - 1, top, 1, bottom - top), m_colours->grid.darker(140));
        }
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

QString SequencePainter::fittedLabel(
    qsizetype row, const QString &label, const QFont &font, qreal width) const
{
    const QFontMetricsF metrics(font);
    if (metrics.horizontalAdvance(label) <= width)
        return label;
    bool pathLike = false;
    const QString part = m_model.labelElidable(row, &pathLike);
    const qsizetype at = part.isEmpty() ? -1 : label.indexOf(part);
    if (at >= 0) {
        QString rest = label;
        rest.remove(at, part.size());
        const qreal room = width - metrics.horizontalAdvance(rest);
        const qsizetype slash = pathLike ? part.lastIndexOf(QLatin1Char('/')) : -1;
        if (slash > 0) {
            // A path: its folders' middle goes, the file's name stays whole.
            const QString file = part.mid(slash);
            const qreal dirRoom = room - metrics.horizontalAdvance(file);
            if (dirRoom >= metrics.horizontalAdvance(QStringLiteral("/…")) * 2)
                return label.left(at)
                    + metrics.elidedText(part.left(slash), Qt::ElideMiddle, dirRoom) + file
                    + label.mid(at + part.size());
        }
        // A path with no room for a folder: its file's name at least ("/t…ck exists" lost it).
        if (slash > 0 && room >= metrics.horizontalAdvance(QStringLiteral("…") + part.mid(slash)))
            return label.left(at) + QStringLiteral("…") + part.mid(slash)
                + label.mid(at + part.size());
        if (room >= metrics.horizontalAdvance(QStringLiteral("…")) * 2) {
            const QString shortened =
                metrics.elidedText(part, pathLike ? Qt::ElideMiddle : Qt::ElideRight, room);
            return label.left(at) + shortened + label.mid(at + part.size());
        }
        const QString without = label.left(at) + QStringLiteral("…") + label.mid(at + part.size());
        if (metrics.horizontalAdvance(without) <= width)
            return without;
        return keepingStatus(without, metrics, width);
    }
    // Still too long: the end holds the conclusion and the counts ("… message 1 kept",
    // "[206 lines, …]"), so the beginning goes, but a reply's status stays.
    return keepingStatus(label, metrics, width);
}

// The end of text in width, its beginning elided, except a reply's status ("+OK", "-ERR
// [IN-USE]"): after Ctrl++ in a room "+OK 376 octets [12 lines, 376 octets]" became "… [12
// lines, 376 octets]", and the class could not tell a success from an error.
QString SequencePainter::keepingStatus(
    const QString &text, const QFontMetricsF &metrics, qreal width)
{
    static const QRegularExpression status(QStringLiteral("^[+-][A-Z]+(\\s+\\[[^\\]]*\\])?"));
    const QString head = status.match(text).captured(0);
    if (head.isEmpty())
        return metrics.elidedText(text, Qt::ElideLeft, width);
    const QString tail = text.mid(head.size()).trimmed();
    const qreal room = width - metrics.horizontalAdvance(head + QLatin1Char(' '));
    if (tail.isEmpty() || room < metrics.horizontalAdvance(QStringLiteral("…")) * 2)
        return metrics.elidedText(text, Qt::ElideRight, width);
    return head + QLatin1Char(' ') + metrics.elidedText(tail, Qt::ElideLeft, room);
}

void SequencePainter::paintLabel(QPainter *p,
    const QRectF &rect,
    qsizetype row,
    const QString &label,
    const QFont &font,
    const QColor &color,
    Qt::Alignment align,
    bool wrap) const
{
    if (rect.width() < 8 || label.isEmpty())
        return;
    const QFontMetricsF metrics(font);
    if (metrics.horizontalAdvance(label) <= rect.width()) {
        paintText(p, rect, label, font, color, align);
        return;
    }
    // The stale-lock warning lost its file's name and who clears it ("…/tmp…"): when it does
    // not wrap whole, its short form has those facts (the caption, the whole text).
    if (const QString shorter = m_model.shortLabel(row);
        m_compact && !shorter.isEmpty() && shorter != label) {
        const QFontMetricsF device(font, p->device());
        const QRectF box = device.boundingRect(
            QRectF(0, 0, rect.width(), 1000), Qt::TextWordWrap | Qt::AlignLeft, label);
        if (box.height() > rect.height() || box.width() > rect.width() + 0.5) {
            paintLabel(p, rect, row, shorter, font, color, align, wrap);
            return;
        }
    }
    // Compact: whole on two lines or more at the label's size, else whole at the small size, and
    // only then shortened at the label's size ("connection dropped (mailbox i…)" on the second
    // client's lane had room for its whole words in the small font).
    if (m_compact) {
        QFont smaller = font;
        smaller.setPixelSize(m_small.pixelSize());
        // A protocol line (a command, a reply) keeps its size and loses its reason words first:
        // its words are in the terminal beside it and in the explanation, and at the small size
        // it was 13 px beside a 17 px terminal ("+OK 35 messages: [35 lignes, 276 octets]" in
        // French). Its status and counts stay whole either way.
        const bool protocol = font.styleHint() == QFont::Monospace || font.fixedPitch();
        if (paintWrapped(p, rect, row, label, font, color, align, false)
            || (protocol && paintWrapped(p, rect, row, label, font, color, align, true))
            || paintWrapped(p, rect, row, label, smaller, color, align, false)
            || paintWrapped(p, rect, row, label, font, color, align, true))
            return;
    }
    QFont small = font;
    small.setPixelSize(m_small.pixelSize());
    const QFontMetricsF smallMetrics(small);
    if (smallMetrics.horizontalAdvance(label) <= rect.width()) {
        paintText(p, rect, label, small, color, align);
        return;
    }
    if (font.styleHint() == QFont::Monospace || font.fixedPitch()) {
        // A protocol line (a command, a reply) drawn in a proportional face rather than cut: its
        // words whole matter more than the columns of a terminal ("-ERR [IN-USE] Mailbox is
        // locked by another POP3 session." lost "session." on the narrowest lane). Bold last:
        // an error also has its colour, its dash-dotted arrow and its ⊗.
        for (const bool bold : {true, false}) {
            QFont face = m_small;
            face.setBold(bold && font.bold());
            if (QFontMetricsF(face).horizontalAdvance(label) <= rect.width()) {
                paintText(p, rect, label, face, color, align);
                return;
            }
        }
    }
    if ((wrap || m_compact) && rect.height() >= 2 * smallMetrics.lineSpacing()) {
        // As many lines of the small font as the box holds: the whole text when it fits, else
        // shortened (the least important part first) until its wrapped lines fit inside the box,
        // never drawn past its top or bottom into the next row.
        // Measured as the target lays it out (a PDF page's metrics are not the screen's).
        const QFontMetricsF deviceMetrics(small, p->device());
        const int lines = std::max(2, int(rect.height() / deviceMetrics.lineSpacing()));
        // A word longer than the box (a path) is not broken by the wrap: it would overflow the
        // note sideways (the stale lock's path did in presentation mode), so it must fit too.
        auto fits = [&](const QString &text) {
            const QRectF box = deviceMetrics.boundingRect(QRectF(0, 0, rect.width(), 1000),
                Qt::TextWordWrap | Qt::AlignLeft,
                keepCodesWhole(text));
            return box.height() <= lines * deviceMetrics.lineSpacing() + 1
                && box.width() <= rect.width() + 0.5;
        };
        QString text = label;
        for (qreal room = lines * 0.9; !fits(text) && room > 0.3; room -= 0.15)
            text = fittedLabel(row, label, small, rect.width() * room);
        p->setFont(small);
        p->setPen(color);
        p->drawText(rect,
            int(align & ~Qt::AlignBottom) | Qt::AlignVCenter | Qt::TextWordWrap,
            keepCodesWhole(text));
        return;
    }
    p->setFont(small);
    p->setPen(color);
    p->drawText(
        rect, int(align) | Qt::TextSingleLine, fittedLabel(row, label, small, rect.width()));
}

bool SequencePainter::paintWrapped(QPainter *p,
    const QRectF &rect,
    qsizetype row,
    const QString &label,
    const QFont &font,
    const QColor &color,
    Qt::Alignment align,
    bool shorten) const
{
    // Compact (presentation mode): two lines or more at font's size. With shorten, only the
    // part the model says may go is shortened (a reply's reason words, a path's middle); the
    // status, the counts and the conclusion stay whole. A protocol line may also take the
    // proportional face, same size.
    QList<QFont> faces{font};
    if (font.styleHint() == QFont::Monospace || font.fixedPitch()) {
        QFont face = m_font;
        face.setPixelSize(font.pixelSize());
        face.setBold(font.bold());
        faces.append(face);
    }
    for (const QFont &face : std::as_const(faces)) {
        const QFontMetricsF metrics(face, p->device());
        const int lines = int(rect.height() / metrics.lineSpacing());
        if (lines < 2)
            return false;
        const auto fits = [&](const QString &text) {
            const QRectF box = metrics.boundingRect(QRectF(0, 0, rect.width(), 1000),
                Qt::TextWordWrap | Qt::AlignLeft,
                keepCodesWhole(text));
            return box.height() <= lines * metrics.lineSpacing() + 1
                && box.width() <= rect.width() + 0.5;
        };
        QString text = label;
        for (qreal room = lines * 0.95; shorten && !fits(text) && room > 0.3; room -= 0.1)
            text = fittedLabel(row, label, face, rect.width() * room);
        if (!fits(text) || text.startsWith(QStringLiteral("…")))
            continue; // the beginning (a status, a subject) would be lost: not this way
        p->setFont(face);
        p->setPen(color);
        p->drawText(rect, int(align) | Qt::TextWordWrap, keepCodesWhole(text));
        return true;
    }
    return false;
}

void SequencePainter::paintErrorMark(QPainter *p, QPointF c) const
{
    // A filled circle with a white cross: "refused", whatever the colour looks like.
    p->setPen(Qt::NoPen);
    p->setBrush(m_colours->error);
    p->drawEllipse(c, 8, 8);
    p->setPen(QPen(Qt::white, 2.2));
    p->drawLine(c + QPointF(-3.8, -3.8), c + QPointF(3.8, 3.8));
    p->drawLine(c + QPointF(-3.8, 3.8), c + QPointF(3.8, -3.8));
    p->setBrush(Qt::NoBrush);
}

void SequencePainter::paintLock(QPainter *p, QPointF c, bool open, bool crossed) const
{
    p->setPen(QPen(m_colours->note, 1.8));
    p->setBrush(m_colours->lock);
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
    const qreal sx = serverXFor(r.session);
    const qreal bx = serverX(); // the built-in server: notes and the maildrop are beside it
    const qreal mx = maildropX();
    const QRectF labelRect(cx + 14, top, sx - cx - 28, y - top - 2);
    const QString label = detail ? m_model.label(index) : QString();

    if (detail && m_timeColumn)
        paintText(p,
            QRectF(6, top, timeWidth - 8, y - top + 6),
            m_model.timeText(index).left(12),
            m_small,
            m_colours->grid.darker(160));

    switch (r.kind) {
    case Kind::Connect:
        paintArrow(p, cx, sx - 9, y, Solid, m_colours->command);
        if (detail) {
            // The lifeline's head: who this client is.
            const QString name = m_model.sessionName(r.session);
            const QFontMetricsF metrics(m_bold);
            // Compact: the name whole, even wider than the lane's step (the neighbour's box is
            // on another row).
            const qreal w = m_compact
                ? QFontMetricsF(m_small).horizontalAdvance(name) + 14
                : std::min(laneStep() - 12, metrics.horizontalAdvance(name) + 14);
            const QRectF box(cx - w / 2, y - unitHeight * 0.5, w, unitHeight);
            p->setPen(QPen(m_colours->command, 1.4));
            p->setBrush(Qt::white);
            p->drawRoundedRect(box, 4, 4);
            p->setBrush(Qt::NoBrush);
            paintText(
                p, box.adjusted(4, 0, -4, 0), name, m_small, m_colours->command, Qt::AlignCenter);
            // Compact: the address alone when the words would not fit on two lines (the
            // arrow and the name's box say the rest).
            // Compact: above the name's box, the whole gap wide (beside it, on the lane nearest
            // the server, not even the address fitted).
            const QRectF rect = m_compact
                ? QRectF(labelRect.left(), top, labelRect.width(), y - top - unitHeight * 0.5 - 1)
                : labelRect.adjusted(w / 2 - 6, 0, 0, 0);
            const bool narrow =
                m_compact && QFontMetricsF(m_font).horizontalAdvance(label) > rect.width() * 1.8;
            paintLabel(p, rect, index, narrow ? r.text : label, m_font, m_colours->command);
        }
        break;
    case Kind::Command: {
        const bool lost = r.has(SequenceModel::Unanswered);
        paintArrow(p, cx, sx - 9, y, lost ? Dotted : Solid, m_colours->command);
        if (lost && detail) {
            p->setPen(QPen(m_colours->error, 2));
            p->setBrush(Qt::white);
            p->drawEllipse(QPointF(sx - 24, y), 8, 8);
            paintText(p,
                QRectF(sx - 32, y - 8, 16, 16),
                QStringLiteral("?"),
                m_bold,
                m_colours->error,
                Qt::AlignCenter);
        }
        if (detail) {
            QString words = label;
            if (r.has(SequenceModel::Pipelined))
                words += tr("   (pipelined)");
            if (lost)
                words += tr("   (no reply)");
            paintLabel(p, labelRect, index, words, m_mono, m_colours->command);
        }
        break;
    }
    case Kind::Reply: {
        const bool err = r.has(SequenceModel::Err);
        const QColor color = err ? m_colours->error : m_colours->reply;
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
        paintLabel(p, rect, index, label, font, color);
        if (m_model.isExpanded(index)) {
            const QStringList body = m_model.expandedBody(index);
            const QRectF box(cx + 14,
                top + SequenceModel::rowUnits * unit(),
                sx - cx - 28,
                (body.size() + 0.6) * unitHeight);
            p->fillRect(box, QColor(0xf5, 0xf5, 0xf0));
            p->setPen(QPen(m_colours->grid, 1));
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
        p->setPen(QPen(m_colours->note, 1.2, Qt::DotLine));
        // Compact: the note spans the lanes from the clients' to the maildrop's, over the
        // server's lifeline (UML's note over several lanes) — a note's row has no arrow, and
        // the gap between the server and the maildrop alone was too narrow for its words at
        // the labels' size ("…arked deleted" lost its message number).
        const QRectF note = m_compact
            ? QRectF(notesLeft(), top + 3, std::max(20.0, mx - 22 - notesLeft()), rowHeight(v) - 6)
            : QRectF(mx + 22, top + 3, notesWidth - 40, rowHeight(v) - 6);
        p->drawLine(QPointF(m_compact ? note.right() : bx + 9, y), QPointF(mx - 10, y));
        if (detail) {
            QPainterPath path;
            path.moveTo(note.topLeft());
            path.lineTo(note.topRight() - QPointF(10, 0));
            path.lineTo(note.topRight() + QPointF(0, 10));
            path.lineTo(note.bottomRight());
            path.lineTo(note.bottomLeft());
            path.closeSubpath();
            p->setPen(QPen(err ? m_colours->error : m_colours->note, err ? 2.2 : 1.2));
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
            p->setPen(QPen(m_colours->note, 1.5));
            p->setBrush(Qt::white);
            p->drawEllipse(QPointF(mx, y), 5, 5);
            p->setBrush(Qt::NoBrush);
            break;
        }
        if (detail) {
            QFont font = err ? m_bold : m_font;
            paintLabel(p,
                note.adjusted(err ? 26 : 8, 0, -14, 0),
                index,
                label,
                font,
                err ? m_colours->error : m_colours->note,
                Qt::AlignLeft | Qt::AlignVCenter,
                true);
            if (err)
                paintErrorMark(p, QPointF(note.left() + 13, note.center().y()));
        }
        break;
    }
    case Kind::ServerNote: {
        const bool err = r.has(SequenceModel::Err);
        p->setPen(QPen(err ? m_colours->error : m_colours->note, 1.5));
        p->setBrush(Qt::white);
        p->drawEllipse(QPointF(sx, y), 5, 5);
        p->setBrush(Qt::NoBrush);
        if (detail) {
            // Compact: right of the server is only the maildrop's narrow lane. The words go in a
            // note over the server's lifeline, from the clients' side to the maildrop's band: left
            // of the server alone, two clients left "… teacher slowed the server" there.
            const QRectF rect = m_compact
                ? QRectF(notesLeft(), top + 2, mx - 16 - notesLeft(), rowHeight(v) - 4)
                : QRectF(sx + 16, top + 2, size().width() - sx - 24, rowHeight(v) - 4);
            if (m_compact) {
                p->setPen(QPen(err ? m_colours->error : m_colours->note, 1.2));
                p->setBrush(Qt::white);
                p->drawRoundedRect(rect, 4, 4);
                p->setBrush(Qt::NoBrush);
            }
            // The maildrop's lifeline runs under this text: a white ground keeps it readable.
            if (!m_compact) {
                const QFontMetricsF metrics(m_small, p->device());
                const qreal wide = std::min(rect.width(), metrics.horizontalAdvance(label) + 8);
                const qreal high = wide < rect.width() ? metrics.lineSpacing() + 4 : rect.height();
                p->fillRect(
                    QRectF(rect.left() - 4, rect.center().y() - high / 2, wide, high), Qt::white);
            }
            paintLabel(p,
                m_compact ? rect.adjusted(6, 0, -6, 0) : rect,
                index,
                label,
                m_compact ? m_font : m_small,
                err ? m_colours->error : m_colours->note,
                Qt::AlignLeft | Qt::AlignVCenter,
                true);
        }
        break;
    }
    case Kind::Disconnect: {
        // The close after [IN-USE] is the server's choice (Dovecot's), drawn as a close.
        const bool dropped = r.has(SequenceModel::Dropped)
            && r.text != pop3::disconnectReasonName(pop3::DisconnectReason::MailboxInUse);
        const QColor color = dropped ? m_colours->error : m_colours->grid.darker(150);
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
        // A dropped connection's row has a second line above its arrow: the label wraps there.
        // Compact: as far as the maildrop's band, over the server's lifeline (the second
        // client's lane alone left "connection dropped (mailbox in …)").
        if (detail)
            paintLabel(p,
                labelRect.adjusted(
                    10, 0, dropped && m_compact ? mx - 16 - labelRect.right() : 0, 0),
                index,
                label,
                dropped ? m_bold : m_font,
                color,
                Qt::AlignLeft | (dropped && m_compact ? Qt::AlignTop : Qt::AlignBottom),
                dropped);
        break;
    }
    case Kind::LoginSummary:
        paintArrow(p, cx + 1, sx - 9, y, Double, m_colours->command);
        if (detail)
            paintLabel(
                p, labelRect, index, QStringLiteral("⋯ ") + label, m_font, m_colours->command);
        break;
    }

    // The session's state changes exactly here, on its own lane: a tick across its band and the
    // new state's name beside it, under the arrow of the reply that caused it.
    if (r.stateAfter != r.stateBefore && r.session != 0) {
        const QColor c = stateColor(int(r.stateAfter));
        p->setPen(QPen(Qt::black, 2));
        p->drawLine(QPointF(cx - bandWidth, y), QPointF(cx + bandWidth, y));
        if (detail) {
            const QString text = QStringLiteral("→ ") + pop3::stateName(r.stateAfter);
            // In a room (compact) the state is one of the lesson's points: as large as the
            // labels, not the small 12 px beside a 17 px terminal.
            QFont font = m_compact ? m_font : m_small;
            font.setBold(true);
            const QFontMetricsF metrics(font);
            const qreal left = cx + bandWidth + (r.has(SequenceModel::Err) ? 32 : 4);
            const QRectF pill(left,
                y + 2,
                metrics.horizontalAdvance(text) + 12,
                std::max(unitHeight * 0.8, metrics.height() + 2));
            p->setPen(QPen(c.darker(130), 1.2));
            p->setBrush(c.lighter(170));
            p->drawRoundedRect(pill, 5, 5);
            p->setBrush(Qt::NoBrush);
            paintText(p, pill, text, font, Qt::black, Qt::AlignCenter);
        }
    }
}

int SequencePainter::headerSession(int lane, qsizetype at, qsizetype until) const
{
    if (at < 0 || at >= m_model.visibleCount())
        return 0;
    // The client of most of the rows below the header, not the one of the top row: a tab closed
    // near the top of the view leaves its lane to the tab opened after it, which the header
    // names (the later one when they share the rows evenly).
    const qsizetype last = std::min(until < 0 ? at + 60 : until, m_model.visibleCount() - 1);
    QHash<int, int> rows;
    int named = 0;
    int most = 0;
    for (qsizetype v = at; v <= last; ++v) {
        const int session = m_model.sessionInLaneAt(lane, m_model.visibleRow(v));
        if (session == 0)
            continue;
        const int count = ++rows[session];
        if (count >= most) {
            most = count;
            named = session;
        }
    }
    return named;
}

void SequencePainter::paintHeader(
    QPainter *p, qreal y, qsizetype at, qreal width, qsizetype until) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->fillRect(QRectF(0, y, width, headerHeight), Qt::white);
    p->setPen(QPen(m_colours->grid, 1));
    p->drawLine(QPointF(0, y + headerHeight - 0.5), QPointF(width, y + headerHeight - 0.5));
    auto box = [&](qreal x,
                   qreal w,
                   const QString &title,
                   QString subtitle,
                   const QColor &color,
                   const QString &shortSubtitle = QString()) {
        const QRectF rect(x - w / 2, y + 6, w, headerHeight - 12);
        p->setPen(QPen(color, 1.6));
        p->setBrush(headerFill(color));
        p->drawRoundedRect(rect, 6, 6);
        p->setBrush(Qt::NoBrush);
        const qreal room = rect.width() - 12;
        if (m_compact) {
            // A lane's name is never cut (presentation mode's narrow lanes, French's longer
            // words): a long subtitle gives way to its short form; a title too long for one
            // line takes the whole box on two lines, the subtitle left out.
            if (QFontMetricsF(m_small).horizontalAdvance(subtitle) > room)
                subtitle = shortSubtitle;
            if (QFontMetricsF(m_bold).horizontalAdvance(title) > room) {
                // An address breaks after its colon ("127.0.0.1:" / "33950").
                QString breakable = title;
                breakable.replace(QLatin1Char(':'), QStringLiteral(":\u200b"));
                for (QFont face : {m_bold, m_small}) {
                    face.setBold(true);
                    const QRectF wrapped = QFontMetricsF(face).boundingRect(
                        QRectF(0, 0, room, 1000), Qt::TextWordWrap, breakable);
                    if (wrapped.width() <= room + 0.5 && wrapped.height() <= rect.height()) {
                        p->setFont(face);
                        p->setPen(Qt::black);
                        p->drawText(rect.adjusted(6, 0, -6, 0),
                            Qt::AlignCenter | Qt::TextWordWrap,
                            breakable);
                        return;
                    }
                }
            }
        }
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
    if (m_timeColumn)
        paintText(p,
            QRectF(6, y + 6, timeWidth, headerHeight - 12),
            tr("time (UTC)"),
            m_small,
            m_colours->grid.darker(160),
            Qt::AlignLeft | Qt::AlignVCenter);
    const int lanes = m_model.clientLaneCount();
    // Compact (presentation mode): the boxes of the last client lane and of the maildrop take the
    // room up to the server's box, so that their names (longer in French) are not cut short.
    const qreal serverHalf = (m_compact ? 110 : 190) / 2;
    for (int lane = 0; lane < lanes; ++lane) {
        const int session = headerSession(lane, at, until);
        if (session == 0)
            continue; // no client in this lane here: an empty lane is named by nobody
        qreal left = clientX(lane) - (laneStep() - 14) / 2;
        qreal right = clientX(lane) + (laneStep() - 14) / 2;
        if (m_compact) {
            // Each box from just left of its lifeline to just left of the next one (the first
            // from the edge): the narrow lanes' names were cut ("T…1") with two clients.
            left = lane == 0 ? 4 : clientX(lane) - 6;
            right = clientX(lane + 1) - 12;
        }
        if (m_compact && lane == lanes - 1 && m_model.serverCount() == 1)
            right = std::max(right, serverX() - serverHalf - 8);
        box((left + right) / 2,
            right - left,
            m_model.sessionName(session),
            tr("session %1 · bar: state", "the lane's bar is coloured by the session's state")
                .arg(session),
            m_colours->command,
            tr("session %1").arg(session));
    }
    for (int server = 1; server < m_model.serverCount(); ++server)
        box(serverX(server),
            200,
            m_model.serverName(server),
            tr("other server"),
            m_colours->grid.darker(150));
    const bool builtIn = m_model.mainServerName().isEmpty();
    if (builtIn)
        box(serverX(),
            serverHalf * 2,
            tr("server"),
            tr("built into pop3lab"),
            serverInk,
            tr("built-in", "the server's lane, short for: built into pop3lab"));
    else
        box(serverX(),
            serverHalf * 2,
            m_model.mainServerName(),
            m_model.mainServerWords(),
            serverInk);
    const qreal maildropRight = maildropX() + (m_compact ? 58 : 100);
    const qreal maildropLeft = m_compact ? serverX() + serverHalf + 8 : maildropX() - 100;
    box((maildropLeft + maildropRight) / 2,
        maildropRight - maildropLeft,
        tr("maildrop"),
        tr("lock file band"),
        m_colours->lock,
        tr("lock band", "the maildrop's lane, short for: lock file band"));
    p->restore();
}
