#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QWidget;

// Ctrl+1, Ctrl+2...: one action per pane that shows the pane, raises it (a dock tabbed with
// another stays behind it otherwise, which is all a dock's own toggle does) and puts the keyboard
// focus in it: on the widget the pane prefers, or else on its first control.
class PaneSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaneSwitcher)

public:
    explicit PaneSwitcher(QObject *parent = nullptr);

    // The next pane (Ctrl+<number of panes so far + 1>); preferred may return null.
    QAction *addPane(QWidget *pane, std::function<QWidget *()> preferred = {});

    const QList<QAction *> &actions() const { return m_actions; }

    void show(int index);

    // The first widget inside content that Tab would stop at (null if none).
    static QWidget *firstControl(QWidget *content);

private:
    struct Pane
    {
        QWidget *widget;
        std::function<QWidget *()> preferred;
    };

    QList<Pane> m_panes;
    QList<QAction *> m_actions;
};
