#include "app/paneswitcher.h"

#include <QAction>
#include <QDockWidget>
#include <QWidget>

PaneSwitcher::PaneSwitcher(QObject *parent)
    : QObject(parent)
{ }

QAction *PaneSwitcher::addPane(QWidget *pane, std::function<QWidget *()> preferred)
{
    const int index = int(m_panes.size());
    m_panes.append({pane, std::move(preferred)});
    auto *action = new QAction(this);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    action->setShortcutContext(Qt::ApplicationShortcut);
    connect(action, &QAction::triggered, this, [this, index] {
        show(index);
    });
    m_actions.append(action);
    return action;
}

void PaneSwitcher::show(int index)
{
    const Pane &pane = m_panes.at(index);
    if (pane.widget->isHidden())
        pane.widget->show(); // the terminal, whose place a replay took in presentation mode
    for (QWidget *w = pane.widget; w; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            dock->show();
            dock->raise();
            break;
        }
    }
    QWidget *target = pane.preferred ? pane.preferred() : nullptr;
    if (!target)
        target = firstControl(pane.widget);
    (target ? target : pane.widget)->setFocus(Qt::ShortcutFocusReason);
}

QWidget *PaneSwitcher::firstControl(QWidget *content)
{
    // The focus chain runs through the whole window: the first of content's descendants on it.
    for (QWidget *w = content->nextInFocusChain(); w && w != content; w = w->nextInFocusChain()) {
        if (content->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus)
            && w->isVisibleTo(content->window()) && w->isEnabled())
            return w;
    }
    return nullptr;
}
