#include "app/announcer.h"

#include <QAccessible>
#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

#include <algorithm>

ElidingLabel::ElidingLabel(QWidget *parent)
    : QLabel(parent)
{ }

QString ElidingLabel::shownText() const
{
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

QSize ElidingLabel::minimumSizeHint() const
{
    // A few letters and "…": the bar may make it that narrow rather than overflow.
    const QSize whole = QLabel::minimumSizeHint();
    return {std::min(whole.width(), fontMetrics().horizontalAdvance(QStringLiteral("Xxxx…"))),
        whole.height()};
}

bool ElidingLabel::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && toolTip().isEmpty() && shownText() != text()) {
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), text(), this);
        return true;
    }
    return QLabel::event(event);
}

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    style()->drawItemText(&painter,
        contentsRect(),
        int(alignment()) | Qt::TextSingleLine,
        palette(),
        isEnabled(),
        shownText(),
        foregroundRole());
}

Announcer::Announcer(QWidget *parent)
    : ElidingLabel(parent)
{
    setObjectName(QStringLiteral("announcer"));
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setMinimumWidth(0);
    setAccessibleDescription(tr("The latest thing that happened: a diagram arrow, a lesson step"));
}

void Announcer::say(const QString &text)
{
    setToolTip(text);
    if (text != this->text()) {
        setText(text); // QLabel sends NameChanged itself
    } else { // the same words again (a second +OK): said again
        QAccessibleEvent changed(this, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&changed);
    }
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QAccessibleAnnouncementEvent announcement(this, text);
    QAccessible::updateAccessibility(&announcement);
#endif
    emit said(text);
}

void Announcer::announce(const QWidget *from, const QString &text)
{
    if (!from)
        return;
    if (auto *announcer = from->window()->findChild<Announcer *>(QStringLiteral("announcer")))
        announcer->say(text);
}

void Announcer::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        setAccessibleDescription(
            tr("The latest thing that happened: a diagram arrow, a lesson step"));
}
