#pragma once

#include <QLabel>

// What a screen reader should say when something happens away from the focus: a new arrow in
// the sequence diagram, a lesson step ticked. A label in the status bar carries the latest line
// (sighted users read it there too); each new line is sent to assistive technologies as a name
// change of that label (AT-SPI "accessible-name"), and, with Qt 6.8 or later, as an announcement.
class Announcer final : public QLabel
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
