#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPlainTextEdit;

// The replay's transcript in the live terminal's colours (TerminalView::setupFormats): what the
// client sent in bold amber, +OK in bold green, -ERR in bold red, the lock's and the
// connection's words in italic blue, on the terminal's dark ground. A class watching a replay
// reads it as it read the live session (it was plain black on white, the colours gone).
// A highlighter, not coloured insertions: the transcript is brought forward and back by
// difference (ReplayPane::syncTranscript), each line coloured as it is laid out.
class TranscriptHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptHighlighter)

public:
    // Colours view's document and gives view the terminal's ground.
    explicit TranscriptHighlighter(QPlainTextEdit *view);

    // The format a transcript line gets (tests).
    QTextCharFormat formatFor(const QString &line) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_sent, m_ok, m_err, m_note;
};
