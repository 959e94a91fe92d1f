#include "app/replay/transcripthighlighter.h"

#include <QPlainTextEdit>
#include <QRegularExpression>

TranscriptHighlighter::TranscriptHighlighter(QPlainTextEdit *view)
    : QSyntaxHighlighter(view->document())
{
    // The terminal's inks (TerminalView::setupFormats) and ground.
    QPalette p = view->palette();
    p.setColor(QPalette::Base, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x5f, 0xaf));
    p.setColor(QPalette::HighlightedText, Qt::white);
    view->setPalette(p);
    m_sent.setForeground(QColor(0xff, 0xd7, 0x5f));
    m_sent.setFontWeight(QFont::Bold);
    m_ok.setForeground(QColor(0x6f, 0xe0, 0x6f));
    m_ok.setFontWeight(QFont::Bold);
    m_err.setForeground(QColor(0xff, 0x7a, 0x7a));
    m_err.setFontWeight(QFont::Bold);
    m_note.setForeground(QColor(0x7a, 0xb8, 0xff));
    m_note.setFontItalic(true);
}

QTextCharFormat TranscriptHighlighter::formatFor(const QString &line) const
{
    // "[1] C: USER student", "[1] S: +OK …" (French "C :", "S :"), anything else a note.
    static const QRegularExpression shape(QStringLiteral("^\\[\\d+\\]\\s+([CS])\\s?:\\s*(\\S?)"));
    const QRegularExpressionMatch m = shape.match(line);
    if (!m.hasMatch())
        return m_note;
    if (m.captured(1) == QLatin1String("C"))
        return m_sent;
    return m.captured(2) == QLatin1String("-") ? m_err : m_ok;
}

void TranscriptHighlighter::highlightBlock(const QString &text)
{
    setFormat(0, int(text.size()), formatFor(text));
}
