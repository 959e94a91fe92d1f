#pragma once

#include "app/diagram/sequencepainter.h"

#include <QAbstractScrollArea>
#include <QTimer>

class QToolButton;

namespace pop3 {
class SequenceModel;
}

// Paints a SequenceModel: only the rows in the viewport, so 100,000 events cost what 30 do. Events
// arrive in bursts; modelAppended() only marks the view dirty and one flush per frame (16 ms)
// updates the scroll range, follows the end if following, and repaints once.
//
// Following, as a terminal does: on while the view is scrolled to the bottom; scrolling back
// (the wheel, the scroll bar, Page Up) turns it off, scrolling to the bottom again (or End, the
// "Follow the newest" button shown meanwhile, or setFollowing(true)) turns it on. A click selects
// a row and leaves following as it was.
class SequenceView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceView)

public:
    explicit SequenceView(const pop3::SequenceModel *model, QWidget *parent = nullptr);

    // New rows were appended (cheap: batched to one repaint per frame).
    void modelAppended();
    // The rows changed in place (filter, expansion, clear): lay out again now.
    void modelReset();
    // Lays out and repaints now instead of at the next frame (tests, benchmarks).
    void flush();

    qreal zoom() const { return m_zoom; }

    void setZoom(qreal zoom);

    void zoomIn()
    {
        m_fitWidth = false;
        setZoom(m_zoom * 1.25);
    }

    void zoomOut()
    {
        m_fitWidth = false;
        setZoom(m_zoom / 1.25);
    }

    // While on (the default), the zoom follows the width of the pane, from readableZoom() to 1,
    // so the lanes stay in view in a narrow dock as long as the labels can still be read; beyond
    // that the lanes come closer together (the painter's compact geometry, down to half its
    // gaps) and only then does the pane scroll sideways. An explicit zoom turns it off;
    // zoomToFit() (Ctrl+Alt+0) turns it back on.
    void setFitWidth(bool fit);
    // The smallest zoom at which the labels are as large as the widget's own font, and never
    // smaller than minimumLabelPixels.
    qreal readableZoom() const;
    static constexpr int minimumLabelPixels = 12;

    bool fitsWidth() const { return m_fitWidth; }

    // Presentation mode: the painter's compact geometry, its gaps narrowed (to half at most) so
    // that every lane fits the pane's width at the zoom set, which stays: the labels keep their
    // size, only the room between the lanes changes.
    void setFitLanes(bool fit);

    bool fitsLanes() const { return m_fitLanes; }

    // The view's width (frame and vertical scroll bar included) that shows every lane with the
    // compact geometry's gaps at their narrowest, at the zoom set.
    int narrowestLanesWidth() const;

    void zoomToFit();
    static constexpr qreal minZoom = 0.1;
    static constexpr qreal maxZoom = 4.0;

    bool isFollowing() const { return m_following; }

    void setFollowing(bool follow);

    // The selected model row (-1: none).
    qsizetype selectedRow() const { return m_selected; }

    // Selects a row and scrolls it into view; emits rowSelected, never rowActivated.
    void selectRow(qsizetype row);
    void ensureRowVisible(qsizetype row);
    // The visible indices [first, last] painted at the current scroll position.
    std::pair<qsizetype, qsizetype> paintedRange() const;
    // Where a model row's arrow is, in viewport coordinates (tests click there).
    QPoint arrowPoint(qsizetype row) const;
    // The model row under a viewport point (-1: none, or the header).
    qsizetype rowAt(QPoint viewportPos) const;

    // The words shown while there is no row; setPlaceholderText("") gives back the live ones
    // ("No POP3 traffic yet…"), which are wrong in a replay at its event 0.
    QString placeholderText() const;
    void setPlaceholderText(const QString &text);

    const SequencePainter &diagram() const { return m_painter; }

    // Darker inks for projectors; the exports keep the normal ones.
    void setHighContrast(bool on);
    // Shows or hides the diagram's time column (presentation mode hides it).
    void setTimeColumn(bool shown);

signals:
    void rowSelected(qsizetype row); // any selection change (caption panel)
    void rowActivated(quint64 seq); // the user picked a row (click or keys)
    void expandToggled(qsizetype row); // double-click or Enter on a multi-line reply
    void followingChanged(bool following);
    void zoomChanged(qreal zoom);
    void laidOut(); // after a flush: new rows are in the scroll range

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    void updateScrollBars();
    void applyFitWidth();
    void fitLanes();
    void userSelect(qsizetype row, bool scroll = true); // scroll: into view (keys), not clicks
    void stepSelection(int delta);
    void scrollToEnd();
    void setFollowingState(bool follow);
    void placeResumeButton();
    void retranslate();

    const pop3::SequenceModel *m_model;
    SequencePainter m_painter;
    QTimer m_flushTimer;
    qreal m_zoom = 1.0;
    qsizetype m_selected = -1;
    bool m_following = true;
    bool m_fitWidth = true;
    bool m_fitLanes = false;
    bool m_scrollingByCode = false;
    QString m_placeholder;
    QToolButton *m_resume = nullptr; // "Follow the newest", shown while not following
};
