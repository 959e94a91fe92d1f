#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>

class QFontMetricsF;
#include <QRectF>

class QPainter;

namespace pop3 {
class SequenceModel;
}

// Draws a SequenceModel in diagram coordinates (zoom 1, origin at the top left of the whole
// diagram). The view, the image/SVG/PDF exports and the benchmark all paint through here, so what
// is exported is what is seen. Only the rows asked for are touched: a frame costs the visible rows.
//
//   x: | time | client lanes, each with its session's state band ... |── arrows ──|
//      other servers (host:port) ... | built-in server |── notes ──| maildrop (lock band) | notes
//   y: | header | row 0 | row 1 | ...  (a row is SequenceModel::rowUnits units of unitHeight)
//
// Labels never lose their facts: when one is too long, the small font is tried, then only the
// part the model says may go (a path's middle, a status line's echo) is shortened.
class SequencePainter final
{
    Q_DECLARE_TR_FUNCTIONS(SequencePainter)

public:
    static constexpr qreal unitHeight = 17;
    static constexpr qreal compactUnitHeight = 26;
    static constexpr qreal headerHeight = 52;
    static constexpr qreal timeWidth = 108;
    static constexpr qreal laneGap = 170;
    static constexpr qreal toServer = 430;
    static constexpr qreal toMaildrop = 250;
    static constexpr qreal notesWidth = 400;
    static constexpr qreal bandWidth = 10;
    static constexpr qreal bottomMargin = 24;

    explicit SequencePainter(const pop3::SequenceModel &model);

    // The inks; each also has a shape or a word, so that colour is never the only cue.
    struct Colours
    {
        QColor command, reply, error, note, lock, grid, selection;
    };

    // Darker inks for projectors (presentation mode's high contrast).
    void setHighContrast(bool on);
    bool isHighContrast() const;

    // A lane header's box: filled with a light tint of its ink, black words on it. The tint is
    // lightened until black on it reaches WCAG's 4.5:1 (a projector washes colours out).
    static QColor headerFill(const QColor &ink);
    // The inks of the header boxes in use (clients, other servers, the server, the maildrop).
    QList<QColor> headerInks() const;
    // WCAG 2 contrast ratio of two colours, 1 to 21.
    static qreal contrastRatio(const QColor &a, const QColor &b);

    // The time column (on by default) may go where width is short (presentation mode).
    void setTimeColumn(bool shown);

    bool hasTimeColumn() const { return m_timeColumn; }

    // Presentation mode's geometry: the lanes closer together and the maildrop's notes between
    // the server and the maildrop (not to its right), so that every lane fits beside the terminal
    // at a size a class can read; spacing (at most 1) narrows every gap further. The fonts do not
    // change: the labels keep their size.
    void setCompact(bool compact, qreal spacing = 1.0);

    bool isCompact() const { return m_compact; }

    qreal spacing() const { return m_spacing; }

    qreal laneStep() const { return (m_compact ? 130 : laneGap) * m_spacing; } // client lanes

    qreal clientX(int lane) const
    {
        return (m_timeColumn ? timeWidth : 0) + (m_compact ? 62 : 90) * m_spacing
            + lane * laneStep();
    }

    qreal serverX() const; // the built-in server
    qreal serverX(int server) const; // SequenceModel::serverOf: 0 built-in, 1.. others

    qreal serverXFor(int session) const;

    // Compact: the server's and the maildrop's boxes keep their width whatever the spacing (their
    // names whole); only the clients' side narrows.
    qreal maildropX() const { return serverX() + (m_compact ? 110 : toMaildrop * m_spacing); }

    // Compact: where the notes spanning the lanes start (right of the last client's band).
    qreal notesLeft() const;

    QSizeF size() const; // the whole diagram
    qreal rowTop(qsizetype visible) const;
    qreal rowHeight(qsizetype visible) const;

    // A layout unit's height: taller in compact mode, where a label too long for one line at the
    // label font takes two above its arrow instead of a smaller font (presentation mode: the
    // labels stay as large as the terminal's text).
    qreal unit() const { return m_compact ? compactUnitHeight : unitHeight; }

    qreal arrowY(qsizetype visible) const;

    // The visible index at diagram y (clamped; -1 when empty).
    qsizetype visibleAt(qreal y) const;

    // Rows [first, last] (visible indices); selected: a model row or -1. detail: false draws
    // lines only (far zoomed out, where text would not be readable anyway).
    void paintRows(
        QPainter *p, qsizetype first, qsizetype last, qsizetype selected, bool detail) const;
    // The lane names for the rows [at, until] below the header, in a band of headerHeight from y.
    void paintHeader(QPainter *p, qreal y, qsizetype at, qreal width, qsizetype until = -1) const;
    // The session a lane's header names for the visible rows [at, until]: the one whose lifeline
    // runs along most of them (0: none).
    int headerSession(int lane, qsizetype at, qsizetype until) const;
    // The label as painted in width with font (shortened only where the model allows).
    QString fittedLabel(qsizetype row, const QString &label, const QFont &font, qreal width) const;
    // text elided at its start to fit width, a reply's status ("+OK", "-ERR [IN-USE]") kept.
    static QString keepingStatus(const QString &text, const QFontMetricsF &metrics, qreal width);

    const QFont &labelFont() const { return m_font; }

    const QFont &monoFont() const { return m_mono; }

    // Everything in diagram coordinates (exports).
    void paintAll(QPainter *p) const;

    static QColor stateColor(int state);

private:
    void paintLifelines(QPainter *p, qsizetype first, qsizetype last) const;
    void paintRow(QPainter *p, qsizetype visible, bool selected, bool detail) const;
    void paintArrow(QPainter *p, qreal x1, qreal x2, qreal y, int style, const QColor &color) const;
    void paintLabel(QPainter *p,
        const QRectF &rect,
        qsizetype row,
        const QString &label,
        const QFont &font,
        const QColor &color,
        Qt::Alignment align = Qt::AlignLeft | Qt::AlignBottom,
        bool wrap = false) const;
    bool paintWrapped(QPainter *p,
        const QRectF &rect,
        qsizetype row,
        const QString &label,
        const QFont &font,
        const QColor &color,
        Qt::Alignment align,
        bool shorten) const;
    void paintText(QPainter *p,
        const QRectF &rect,
        const QString &text,
        const QFont &font,
        const QColor &color,
        Qt::Alignment align = Qt::AlignLeft | Qt::AlignBottom) const;
    void paintErrorMark(QPainter *p, QPointF center) const;
    void paintLock(QPainter *p, QPointF center, bool open, bool crossed) const;

    const pop3::SequenceModel &m_model;
    const Colours *m_colours;
    QFont m_font;
    QFont m_mono;
    QFont m_small;
    QFont m_bold;
    bool m_timeColumn = true;
    bool m_compact = false;
    qreal m_spacing = 1.0;
};
