#pragma once

#include "app/terminal/terminalsession.h"

#include <QPlainTextEdit>
#include <QStringList>
#include <QTextCharFormat>
#include <QTimer>

// One tab of the terminal: PuTTY's black window, showing what a raw connection shows — and what
// it hides when asked (CR, LF, byte-stuffing dots). In line-editing mode the line being typed is
// edited here (Backspace, Delete, Left/Right, Home/End, Up/Down history) and sent on Enter; in
// Windows-telnet mode every key goes to the session at once and nothing is echoed.
//
// Received lines are rendered in batches (a single-shot timer), only the newest maxBlocks are
// kept, and a burst larger than that is summarised, so a 50 MB RETR never freezes the window.
// The document ends with a "provisional" block — a partial received line and the edit line with
// its block cursor — rewritten on every keystroke.
class TerminalView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalView)

public:
    explicit TerminalView(TerminalSession *session, QWidget *parent = nullptr);

    // The actions of its context menu beyond Copy and Select All (tests use them).
    QList<QAction *> sessionActions() const;

    TerminalSession *session() const { return m_session; }

    void setShowControlCharacters(bool show);

    bool showControlCharacters() const { return m_showControl; }

    QString editLine() const { return m_edit; }

    // Puts text in the input line, unsent (what was typed in the closed tab it restarts).
    void setEditLine(const QString &text);

    // Restarted in this tab (PuTTY's Restart Session): what the ended session's view showed, above
    // a separator, and the commands typed there (Up brings them back). Those lines belong to no
    // session of the diagram: a click on them highlights nothing.
    void keepHistoryOf(TerminalView *ended);

    const QStringList &history() const { return m_history; }

    // Marks the nth line sent (reply false) or the status line of the nth reply (reply true).
    bool highlightLine(bool reply, int ordinal);
    // Renders what is pending now (tests and scripts; the timer does it otherwise).
    void flush();

    static constexpr int maxBlocks = 20000;
    static constexpr int flushDelayMs = 25;
    static constexpr int flushBudgetMs = 12; // then the event loop gets its turn

signals:
    void linePicked(bool reply, int ordinal);
    // Enter in a closed tab, or "Restart session" in its menu (as PuTTY offers).
    void restartRequested();
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void scheduleFlush();
    void insertTyped(const QString &text);
    void editChanged();
    void renderProvisional(QTextCursor &cursor);
    void removeProvisional(QTextCursor &cursor);
    void appendLine(QTextCursor &cursor, const TerminalSession::Line &line);
    void insertBytes(
        QTextCursor &cursor, const QByteArray &bytes, const QTextCharFormat &format, bool stuffed);
    void insertEnding(QTextCursor &cursor, const QByteArray &bytes);
    void rebuild();
    void setupFormats();
    void updateAccessibleText();

    TerminalSession *m_session;
    QTimer m_flushTimer;
    QList<TerminalSession::Line> m_kept; // what is on screen, to render again
    QList<TerminalSession::Line> m_backlog; // taken from the session, not rendered yet
    qsizetype m_skipped = 0;
    QString m_edit;
    int m_cursor = 0;
    QStringList m_history;
    int m_historyIndex = -1;
    QString m_historyDraft;
    QByteArray m_keysSent; // Windows-telnet mode: keys sent since the last line ending
    int m_keyLines = 0;
    int m_provisionalLength = 0;
    bool m_empty = true;
    bool m_showControl = false;
    QAction *m_restartAction;
    QAction *m_closeAction;
    QTextCharFormat m_plain, m_sent, m_ok, m_err, m_note, m_control, m_stuffing, m_caret, m_keys;
};
