#pragma once

#include <QWidget>

namespace pop3 {
class EventLog;
}

// The sequence diagram dock (issue 4). Placeholder until the diagram lands: the contract is the
// constructor, highlightEvent() and the eventActivated() signal.
class DiagramPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagramPane)

public:
    explicit DiagramPane(pop3::EventLog *log, QWidget *parent = nullptr);

    // Selects and shows the arrow or note of event seq (e.g. a line clicked in the terminal).
    void highlightEvent(quint64 seq);

signals:
    // The user picked the arrow/note of event seq (the terminal highlights the matching line).
    void eventActivated(quint64 seq);
};
