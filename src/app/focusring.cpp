#include "app/focusring.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>

FocusRing::FocusRing(QObject *owner)
    : QWidget(nullptr)
{
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(owner, &QObject::destroyed, this, &QObject::deleteLater);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        follow(now);
    });
}

void FocusRing::watch(QWidget *target)
{
    target->setProperty("pop3labFocusRing", true);
}

void FocusRing::follow(QWidget *focused)
{
    // The focus may be on a watched widget's viewport or child.
    QWidget *target = focused;
    while (target && !target->property("pop3labFocusRing").toBool())
        target = target->parentWidget();
    if (m_target)
        m_target->removeEventFilter(this);
    m_target = target;
    if (!target || !target->parentWidget()) {
        hide();
        return;
    }
    target->installEventFilter(this);
    // On top of the target's window, never a sibling of the target: a QSplitter (the diagram's
    // parent) takes every child widget as a new pane, which squashed the diagram.
    if (parentWidget() != target->window()) {
        setParent(target->window());
        setAttribute(Qt::WA_TransparentForMouseEvents);
    }
    place();
}

void FocusRing::place()
{
    if (!m_target || !m_target->isVisible()) {
        hide();
        return;
    }
    const QRect r(m_target->mapTo(parentWidget(), QPoint(0, 0)), m_target->size());
    setGeometry(r);
    setMask(QRegion(rect()) - QRegion(rect().adjusted(width, width, -width, -width)));
    show();
    raise();
    update();
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_target) {
        switch (event->type()) {
        case QEvent::Move:
        case QEvent::Resize:
        case QEvent::Show:
        case QEvent::Hide:
        case QEvent::ZOrderChange:
            place();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QColor colour = palette().color(QPalette::Highlight);
    painter.fillRect(rect(), colour.lighter(130));
}
