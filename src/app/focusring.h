#pragma once

#include <QPointer>
#include <QWidget>

// A ring drawn over a custom-painted widget while it has the keyboard focus (the style draws
// none on them, or one that vanishes on a dark background: the terminal, the sequence diagram).
// One ring serves several widgets: it moves to whichever watched widget gets the focus, as a
// sibling stacked above it, masked to the ring and transparent to the mouse.
class FocusRing final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusRing)

public:
    explicit FocusRing(QObject *owner);

    // Marks target: a ring is shown around it whenever it has the focus.
    static void watch(QWidget *target);

    // The widget the ring surrounds now (null when hidden).
    QWidget *target() const { return isVisible() ? m_target.data() : nullptr; }

    static constexpr int width = 3;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void follow(QWidget *focused);
    void place();

    QPointer<QWidget> m_target;
};
