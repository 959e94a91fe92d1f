#include "app/eavesdropper/eavesdropperpane.h"

#include "app/terminal/terminalsession.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace {

using Entry = WireCapture::Entry;
using Leak = WireCapture::Leak;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// text escaped, with every occurrence of secret marked as leaked.
QString marked(const QString &text, const QString &secret)
{
    if (secret.isEmpty() || !text.contains(secret))
        return esc(text);
    const QString mark = QStringLiteral(
        "<span style=\"background-color:#ffd0d0; color:#8b0000; font-weight:bold;\">%1</span>");
    QStringList parts = text.split(secret);
    for (QString &p : parts)
        p = esc(p);
    return parts.join(mark.arg(esc(secret)));
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString arrow(const Entry &e)
{
    return e.direction == WireTap::Direction::ClientToServer ? EavesdropperPane::tr("C→S")
                                                             : EavesdropperPane::tr("S→C");
}

QString handshakeName(int type)
{
    switch (type) {
    case 1:
        return QStringLiteral("ClientHello");
    case 2:
        return QStringLiteral("ServerHello");
    case 4:
        return QStringLiteral("NewSessionTicket");
    case 11:
        return QStringLiteral("Certificate");
    case 12:
        return QStringLiteral("ServerKeyExchange");
    case 13:
        return QStringLiteral("CertificateRequest");
    case 14:
        return QStringLiteral("ServerHelloDone");
    case 15:
        return QStringLiteral("CertificateVerify");
    case 16:
        return QStringLiteral("ClientKeyExchange");
    default:
        return {};
    }
}

QString recordWords(const Entry &e)
{
    const QString payload = number(e.size - 5);
    switch (e.recordType) {
    case 20:
        return EavesdropperPane::tr("change cipher spec · %1 bytes").arg(payload);
    case 21:
        return EavesdropperPane::tr("alert · %1 bytes, encrypted").arg(payload);
    case 22:
        return e.handshakeType >= 0
            ? EavesdropperPane::tr("handshake: %1 · %2 bytes (TLS parameters, no POP3)")
                  .arg(handshakeName(e.handshakeType), payload)
            : EavesdropperPane::tr("handshake · %1 bytes, encrypted").arg(payload);
    default:
        return EavesdropperPane::tr("application data · %1 bytes, encrypted").arg(payload);
    }
}

QString leakWords(const Entry &e)
{
    const QString secret = marked(e.secret, e.secret);
    switch (e.leak) {
    case Leak::Password:
        if (e.bytes.trimmed().toUpper().startsWith("PASS "))
            return EavesdropperPane::tr(
                "⚠ The password, in clear: %1. Anyone on the path can log in with it.")
                .arg(secret);
        return EavesdropperPane::tr(
            "⚠ Base64 is not encryption: decoded, this is %1. The password %2 of %3 "
            "leaks as surely as after PASS.")
            .arg(marked(e.shown, e.secret), secret, esc(e.user));
    case Leak::UserName:
        return EavesdropperPane::tr("The user name, in clear: %1.").arg(esc(e.user));
    case Leak::ApopDigest:
        return EavesdropperPane::tr(
            "APOP digest of %1: readable but not reusable. It is MD5(timestamp + password) "
            "and the next greeting has another timestamp, so a replay fails. MD5 is fast, "
            "though: with this line and the greeting, a weak password is guessed offline.")
            .arg(esc(e.user));
    case Leak::CramMd5:
        return EavesdropperPane::tr(
            "Base64 decoded: %1. The user %2 and an HMAC-MD5 digest: readable but not "
            "reusable, it answers this connection's one-time challenge. A weak password "
            "can still be guessed offline from it.")
            .arg(esc(e.shown), esc(e.user));
    case Leak::Scram:
        return EavesdropperPane::tr(
            "SCRAM-SHA-256 (%1): a salted, one-time proof. Readable but not reusable, and "
            "the password cannot be read from it.")
            .arg(esc(e.shown));
    case Leak::Mechanism:
        return EavesdropperPane::tr("The SASL mechanism, in clear.");
    case Leak::None:
        break;
    }
    return {};
}

QString entryHtml(const Entry &e)
{
    const QString prefix =
        QStringLiteral("<span style=\"color:#606060;\">%1</span>&nbsp;&nbsp;").arg(esc(arrow(e)));
    const QString note =
        QStringLiteral("<br>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<span style=\"color:%1;\">%2</span>");
    switch (e.kind) {
    case Entry::Kind::Line: {
        QString line = QString::fromUtf8(e.bytes);
        while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        // The client's lines in bold: what was typed stands out from the server's replies.
        const QString text = marked(line, e.secret);
        QString html = prefix
            + (e.direction == WireTap::Direction::ClientToServer
                    ? QStringLiteral("<b>%1</b>").arg(text)
                    : text);
        if (const QString words = leakWords(e); !words.isEmpty()) {
            const bool bad = e.leak == Leak::Password;
            html += note.arg(bad ? QStringLiteral("#8b0000") : QStringLiteral("#6a4a00"), words);
        }
        return html;
    }
    case Entry::Kind::Record:
        return prefix
            + EavesdropperPane::tr("TLS record %1 │ %2 … — %3")
                  .arg(QStringLiteral("<b>%1</b>").arg(hex(e.bytes.left(5))),
                      hex(e.bytes.mid(5)),
                      esc(recordWords(e)));
    case Entry::Kind::Folded:
        return prefix
            + QStringLiteral("<i>%1</i>")
                  .arg(e.folds == Entry::Kind::Line
                          ? (e.count == 1
                                  ? EavesdropperPane::tr("… 1 more line in clear (%1 bytes)")
                                        .arg(number(e.size))
                                  : EavesdropperPane::tr("… %1 more lines in clear (%2 bytes)")
                                        .arg(number(e.count), number(e.size)))
                          : (e.count == 1
                                  ? EavesdropperPane::tr("… 1 more encrypted record (%1 bytes)")
                                        .arg(number(e.size))
                                  : EavesdropperPane::tr("… %1 more encrypted records (%2 bytes)")
                                        .arg(number(e.count), number(e.size))));
    case Entry::Kind::Unparsed:
        return prefix
            + EavesdropperPane::tr("%1 bytes that are not TLS records: %2 …")
                  .arg(number(e.size), hex(e.bytes));
    }
    return {};
}

} // namespace

EavesdropperPane::EavesdropperPane(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_text(new QTextEdit(this))
    , m_how(new QLabel(this))
    , m_renderTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("eavesdropperPane"));
    auto *layout = new QVBoxLayout(this);
    for (QLabel *label : {m_heading, m_summary, m_how}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_text->setObjectName(QStringLiteral("eavesdropperText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setTabChangesFocus(true); // Tab leaves the view, as in the other panes
    m_text->setLineWrapMode(QTextEdit::WidgetWidth);
    m_text->document()->setDefaultFont(QFont(QStringLiteral("monospace")));
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_how);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(150); // a burst of records is drawn once
    connect(m_renderTimer, &QTimer::timeout, this, &EavesdropperPane::render);
    retranslateUi();
}

void EavesdropperPane::setSession(TerminalSession *session, const QString &title)
{
    if (m_session == session && m_title == title)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_title = title;
    if (session) {
        connect(session, &TerminalSession::captureChanged, this, &EavesdropperPane::scheduleRender);
        connect(session, &TerminalSession::sessionIdentified, this, &EavesdropperPane::render);
        connect(session, &QObject::destroyed, this, &EavesdropperPane::render);
    }
    render();
}

void EavesdropperPane::scheduleRender()
{
    if (!m_renderTimer->isActive())
        m_renderTimer->start();
}

void EavesdropperPane::refresh()
{
    m_renderTimer->stop();
    render();
}

QString EavesdropperPane::plainText() const
{
    QTextDocument summary;
    summary.setHtml(m_summary->text());
    return summary.toPlainText() + QLatin1Char('\n') + m_text->toPlainText();
}

void EavesdropperPane::render()
{
    m_renderTimer->stop();
    const TerminalSession *s = m_session;
    if (!s) {
        m_heading->setText(tr("<b>No terminal tab.</b> Open a session (File > New Session) to "
                              "see what crosses the wire."));
        m_summary->clear();
        m_text->clear();
        return;
    }
    const QString local = s->localEndpoint();
    m_heading->setText(local.isEmpty() ? tr("<b>%1</b>: not connected yet").arg(esc(m_title))
                                       : tr("<b>%1</b>: %2 → %3 (%4)")
                                             .arg(esc(m_title),
                                                 esc(local),
                                                 esc(s->settings().endpoint()),
                                                 esc(s->settings().securityName())));
    const WireCapture &c = s->capture();
    QStringList summary;
    summary << tr("In clear: %1 bytes. Encrypted: %2 TLS records, %3 bytes.")
                   .arg(number(c.clearBytes()), number(c.tlsRecords()), number(c.tlsBytes()));
    QStringList passwords;
    for (const Entry &leak : c.leaks()) {
        if (leak.leak == Leak::Password && !passwords.contains(leak.secret))
            passwords << leak.secret;
    }
    if (!passwords.isEmpty()) {
        QStringList shown;
        for (const QString &p : std::as_const(passwords))
            shown << marked(p, p);
        summary << tr("⚠ Password readable on the wire: %1").arg(shown.join(QStringLiteral(", ")));
    } else if (!c.leaks().isEmpty()) {
        summary << tr("No password in clear: only digests an eavesdropper cannot reuse.");
    } else if (c.tlsSeen()) {
        summary << tr("No password readable on the wire.");
    }
    m_summary->setText(summary.join(QStringLiteral("<br>")));

    QStringList html;
    if (c.droppedEntries() > 0)
        html << QStringLiteral("<i>%1</i>")
                    .arg(tr("(%1 older entries not shown)").arg(number(c.droppedEntries())));
    for (const Entry &e : c.entries())
        html << entryHtml(e);
    QScrollBar *bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    const int keep = bar->value();
    m_text->setHtml(QStringLiteral("<p style=\"white-space:pre-wrap;\">%1</p>")
                        .arg(html.join(QStringLiteral("<br>"))));
    bar->setValue(atEnd ? bar->maximum() : keep);
}

void EavesdropperPane::retranslateUi()
{
    m_text->setAccessibleName(tr("What an eavesdropper sees"));
    m_text->setAccessibleDescription(
        tr("The bytes of the current terminal tab's connection as a capture on the path shows "
           "them: lines in clear before TLS, then only encrypted TLS records."));
    m_summary->setAccessibleName(tr("Eavesdropper summary"));
    m_how->setText(
        tr("<small>Captured by a relay on 127.0.0.1 between this tab and the server: these are "
           "the bytes that really crossed the connection, as Wireshark would show them on the "
           "path. C→S: client to server; S→C: server to client.</small>"));
    render();
}

void EavesdropperPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
