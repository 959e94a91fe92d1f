#pragma once

#include <QLabel>

// A one-line label of the status bar that, when the bar is too narrow for it (presentation
// mode's Ctrl++), ends its words with "…" and says them all in its tooltip: a QLabel cut them
// mid-word against the next one ("…/mail/stud Server sessions").
class ElidingLabel : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidingLabel)

public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    // The words as drawn.
    QString shownText() const;

    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
};

// What a screen reader should say when something happens away from the focus: a new arrow in
// the sequence diagram, a lesson step ticked. A label in the status bar carries the latest line
// (sighted users read it there too); each new line is sent to assistive technologies as a name
// change of that label (AT-SPI "accessible-name"), and, with Qt 6.8 or later, as an announcement.
class Announcer final : public ElidingLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Announcer)

public:
    explicit Announcer(QWidget *parent = nullptr);

    // Says text now (replaces the previous line).
    void say(const QString &text);

    // The Announcer of from's window, if it has one, says text (panes call this; a pane shown
    // alone in a test has none and stays silent).
    static void announce(const QWidget *from, const QString &text);

    QString lastText() const { return text(); }

signals:
    void said(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
};
