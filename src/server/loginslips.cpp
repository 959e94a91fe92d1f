#include "loginslips.h"

#include <QCoreApplication>
#include <QFile>
#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace {

// One card in rect (device units): a title, the four facts in two columns, the first commands.
void drawCard(QPainter &p,
    const QRectF &rect,
    const LoginSlips::Card &card,
    const QString &host,
    quint16 port,
    quint16 answersPort,
    int number,
    int total)
{
    const qreal mm = p.device()->logicalDpiX() / 25.4;
    p.save();
    QPen cut(Qt::gray, 0.2 * mm, Qt::DashLine);
    p.setPen(cut);
    p.drawRect(rect);
    p.setPen(Qt::black);
    const QRectF inner = rect.adjusted(5 * mm, 4 * mm, -5 * mm, -4 * mm);

    QFont title(QStringLiteral("DejaVu Sans"));
    title.setPixelSize(int(4.2 * mm));
    title.setBold(true);
    QFont label(QStringLiteral("DejaVu Sans"));
    label.setPixelSize(int(3.2 * mm));
    QFont fixed(QStringLiteral("DejaVu Sans Mono"));
    fixed.setStyleHint(QFont::Monospace);
    fixed.setPixelSize(int(4.2 * mm));
    fixed.setBold(true);

    p.setFont(title);
    p.drawText(inner.left(),
        inner.top() + 4.5 * mm,
        QCoreApplication::translate("LoginSlips", "POP3 lab: your account"));
    p.setFont(label);
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), 6 * mm),
        Qt::AlignRight | Qt::AlignTop,
        QStringLiteral("%1/%2").arg(number).arg(total));

    const QList<std::pair<QString, QString>> facts{
        {QCoreApplication::translate("LoginSlips", "Server"), host},
        {QCoreApplication::translate("LoginSlips", "Port"), QString::number(port)},
        {QCoreApplication::translate("LoginSlips", "User"), card.user},
        {QCoreApplication::translate("LoginSlips", "Password"), card.password}};
    const QString answersLabel = QCoreApplication::translate("LoginSlips", "Your answers:");
    // The values start after the widest label ("Vos réponses :" is wider than "Your answers:").
    p.setFont(label);
    qreal labels = p.fontMetrics().horizontalAdvance(answersLabel);
    for (const auto &fact : facts)
        labels = std::max<qreal>(labels, p.fontMetrics().horizontalAdvance(fact.first));
    const qreal valueX = inner.left() + std::max(24 * mm, labels + 3 * mm);
    qreal y = inner.top() + 13 * mm;
    for (const auto &[name, value] : facts) {
        p.setFont(label);
        p.drawText(QPointF(inner.left(), y), name);
        p.setFont(fixed);
        p.drawText(QPointF(valueX, y), value);
        y += 7 * mm;
    }
    y += 1.5 * mm;
    p.setFont(label);
    p.drawText(
        QPointF(inner.left(), y), QCoreApplication::translate("LoginSlips", "First commands:"));
    p.setFont(fixed);
    QFont small = fixed;
    small.setPixelSize(int(3.4 * mm));
    small.setBold(false);
    p.setFont(small);
    y += 5.5 * mm;
    p.drawText(
        QPointF(inner.left() + 3 * mm, y), QStringLiteral("telnet %1 %2").arg(host).arg(port));
    y += 5 * mm;
    p.drawText(QPointF(inner.left() + 3 * mm, y), QStringLiteral("USER %1").arg(card.user));
    if (answersPort != 0) {
        y += 6.5 * mm;
        p.setFont(label);
        p.drawText(QPointF(inner.left(), y), answersLabel);
        p.setFont(small);
        p.drawText(QPointF(valueX, y), QStringLiteral("telnet %1 %2").arg(host).arg(answersPort));
    }
    p.restore();
}

} // namespace

pop3::Result LoginSlips::write(const QString &pdfPath,
    const QList<Card> &cards,
    const QString &host,
    quint16 port,
    quint16 answersPort)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return pop3::Result::failure(QStringLiteral("login slips need Qt GUI (a QGuiApplication)"));
    if (cards.isEmpty())
        return pop3::Result::failure(QStringLiteral("no account to print a slip for"));
    {
        // Created owner-only before the writer opens it: the slips hold every password.
        QFile file(pdfPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return pop3::Result::failure(
                QStringLiteral("cannot write the slips %1: %2").arg(pdfPath, file.errorString()));
    }
    QPdfWriter pdf(pdfPath);
    pdf.setResolution(300);
    pdf.setTitle(QStringLiteral("pop3lab login slips"));
    pdf.setCreator(QStringLiteral("pop3lab-server"));
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
        QPageLayout::Portrait,
        QMarginsF(10, 10, 10, 10),
        QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&pdf))
        return pop3::Result::failure(QStringLiteral("cannot write the slips %1").arg(pdfPath));
    const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    const qreal w = page.width() / 2.0;
    const qreal h = page.height() / 4.0;
    for (int i = 0; i < cards.size(); ++i) {
        const int slot = i % cardsPerPage;
        if (i > 0 && slot == 0)
            pdf.newPage();
        const QRectF rect(QPointF((slot % 2) * w, (slot / 2) * h), QSizeF(w, h));
        drawCard(painter, rect, cards.at(i), host, port, answersPort, i + 1, int(cards.size()));
    }
    if (!painter.end())
        return pop3::Result::failure(QStringLiteral("cannot write the slips %1").arg(pdfPath));
    return pop3::Result::success();
}
