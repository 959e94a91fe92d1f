#include "app/terminal/terminalview.h"

#include "protocol/commands.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QStringDecoder>
#include <QTextBlock>

#include <memory>
#include <utility>

namespace {

// Sent line n → 2n, reply n → 2n + 1 (-1: a note or the provisional block).
int blockCode(bool reply, int ordinal)
{
    return ordinal < 0 ? -1 : ordinal * 2 + (reply ? 1 : 0);
}

QString decodeLine(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    return utf8.hasError() ? QString::fromLatin1(bytes) : text;
}

QByteArray withoutEnding(const QByteArray &bytes)
{
    QByteArray b = bytes;
    if (b.endsWith('\n'))
        b.chop(1);
    if (b.endsWith('\r'))
        b.chop(1);
    return b;
}

// Control characters spelled as everywhere else (pop3::escapeControls: \r, \n, \t, \xNN):
// readable in any font. A tab is kept as a tab unless showAll.
QString visible(const QString &text, bool showAll)
{
    pop3::EscapeOptions options;
    options.keepTab = !showAll;
    return pop3::escapeControls(text, options);
}

} // namespace

TerminalView::TerminalView(TerminalSession *session, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_session(session)
    , m_restartAction(new QAction(this))
    , m_closeAction(new QAction(this))
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    setUndoRedoEnabled(false);
    setMaximumBlockCount(maxBlocks);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setCenterOnScroll(false);
    QPalette p = palette();
    p.setColor(QPalette::Base, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x5f, 0xaf));
    p.setColor(QPalette::HighlightedText, Qt::white);
    setPalette(p);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(13);
    setFont(font);
    setupFormats();

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &TerminalView::flush);
    connect(session, &TerminalSession::linesAvailable, this, &TerminalView::scheduleFlush);
    connect(session, &TerminalSession::connectedChanged, this, &TerminalView::scheduleFlush);
    connect(session, &TerminalSession::connectedChanged, this, &TerminalView::updateAccessibleText);
    connect(m_restartAction, &QAction::triggered, this, &TerminalView::restartRequested);
    connect(m_closeAction, &QAction::triggered, this, &TerminalView::closeRequested);
    updateAccessibleText();
    scheduleFlush();
}

QList<QAction *> TerminalView::sessionActions() const
{
    return {m_restartAction, m_closeAction};
}

void TerminalView::updateAccessibleText()
{
    m_restartAction->setText(tr("&Restart session"));
    m_restartAction->setToolTip(tr("Open the same connection again in this tab (Enter)"));
    m_restartAction->setEnabled(m_session->hasEnded());
    m_closeAction->setText(tr("Close &tab"));
    const QString endpoint = m_session->settings().endpoint();
    setAccessibleName(m_session->hasEnded() ? tr("Terminal to %1, closed").arg(endpoint)
                                            : tr("Terminal to %1").arg(endpoint));
    setAccessibleDescription(m_session->hasEnded()
            ? tr("The connection is closed. Press Enter to restart the session.")
            : tr("Type a POP3 command and press Enter to send it. The server's replies are "
                 "shown below what you typed; +OK in green, -ERR in red."));
}

void TerminalView::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    menu->addSeparator();
    menu->addActions(sessionActions());
    menu->exec(event->globalPos());
}

void TerminalView::setupFormats()
{
    m_plain.setForeground(QColor(0xe8, 0xe8, 0xe8));
    m_sent = m_plain;
    m_sent.setForeground(QColor(0xff, 0xd7, 0x5f));
    m_sent.setFontWeight(QFont::Bold);
    m_ok = m_plain;
    m_ok.setForeground(QColor(0x6f, 0xe0, 0x6f));
    m_ok.setFontWeight(QFont::Bold);
    m_err = m_plain;
    m_err.setForeground(QColor(0xff, 0x7a, 0x7a));
    m_err.setFontWeight(QFont::Bold);
    m_note = m_plain;
    m_note.setForeground(QColor(0x7a, 0xb8, 0xff));
    m_note.setFontItalic(true);
    m_control = m_plain;
    m_control.setForeground(QColor(0x9a, 0x9a, 0x9a));
    m_stuffing = m_plain;
    m_stuffing.setForeground(QColor(0x10, 0x10, 0x10));
    m_stuffing.setBackground(QColor(0xff, 0xaf, 0x00));
    m_stuffing.setFontWeight(QFont::Bold);
    m_keys = m_control;
    m_keys.setForeground(QColor(0xd0, 0xb0, 0x60));
    m_caret = m_plain;
    m_caret.setForeground(QColor(0x10, 0x10, 0x10));
    m_caret.setBackground(QColor(0xe8, 0xe8, 0xe8));
}

void TerminalView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        updateAccessibleText();
        rebuild();
    }
}

void TerminalView::setShowControlCharacters(bool show)
{
    if (show == m_showControl)
        return;
    m_showControl = show;
    rebuild();
}

void TerminalView::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start(flushDelayMs);
}

void TerminalView::flush()
{
    m_flushTimer.stop();
    qsizetype skipped = 0;
    m_backlog += m_session->takeLines(maxBlocks, &skipped);
    m_skipped += skipped;
    if (m_backlog.size() > maxBlocks) { // they would scroll out of the document unseen anyway
        m_skipped += m_backlog.size() - maxBlocks;
        m_backlog.remove(0, m_backlog.size() - maxBlocks);
    }
    QScrollBar *bar = verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum() - 2;
    QElapsedTimer clock;
    clock.start();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    removeProvisional(cursor);
    if (m_skipped > 0) {
        TerminalSession::Line note;
        note.bytes = tr("... %n line(s) scrolled past faster than anyone can read (Save transcript "
                        "keeps them) ...",
            nullptr,
            int(m_skipped))
                         .toUtf8();
        m_skipped = 0;
        appendLine(cursor, note);
        m_kept.append(note);
    }
    qsizetype done = 0;
    while (done < m_backlog.size()) {
        appendLine(cursor, m_backlog.at(done));
        m_kept.append(m_backlog.at(done));
        ++done;
        if (done % 256 == 0 && clock.elapsed() > flushBudgetMs)
            break;
    }
    m_backlog.remove(0, done);
    if (m_kept.size() > maxBlocks + maxBlocks / 4)
        m_kept.remove(0, m_kept.size() - maxBlocks);
    renderProvisional(cursor);
    cursor.endEditBlock();
    if (follow)
        bar->setValue(bar->maximum());
    if (!m_backlog.isEmpty())
        m_flushTimer.start(5); // the rest after the pending paint and input events
}

void TerminalView::keepHistoryOf(TerminalView *ended)
{
    ended->flush();
    QList<TerminalSession::Line> lines;
    lines.reserve(ended->m_kept.size() + ended->m_backlog.size() + m_kept.size() + 1);
    QByteArray keys; // keys sent one at a time (Windows-telnet mode), put together by line
    for (const QList<TerminalSession::Line> *from : {&ended->m_kept, &ended->m_backlog}) {
        for (TerminalSession::Line line : *from) {
            line.ordinal = -1; // linked to no diagram row: that session is gone
            line.history = true;
            if (line.kind == TerminalSession::Line::Kind::SentBytes) {
                // Shown as that view showed them: a whole line, with control characters only.
                keys += line.bytes;
                if (!keys.endsWith('\n'))
                    continue;
                line.bytes = std::exchange(keys, {});
            }
            lines.append(std::move(line));
        }
    }
    if (lines.isEmpty())
        return;
    TerminalSession::Line separator;
    separator.bytes = tr("Session restarted: a new connection below.").toUtf8();
    lines.append(separator);
    lines.append(m_kept);
    m_kept = std::move(lines);
    m_history = ended->m_history + m_history;
    m_historyIndex = -1;
    rebuild();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TerminalView::rebuild()
{
    QScrollBar *bar = verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum() - 2;
    document()->clear();
    m_provisionalLength = 0;
    m_empty = true;
    m_keyLines = 0;
    m_keysSent.clear();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    const qsizetype from = qMax<qsizetype>(0, m_kept.size() - maxBlocks);
    for (qsizetype i = from; i < m_kept.size(); ++i)
        appendLine(cursor, m_kept.at(i));
    renderProvisional(cursor);
    cursor.endEditBlock();
    if (follow)
        bar->setValue(bar->maximum());
}

void TerminalView::removeProvisional(QTextCursor &cursor)
{
    cursor.movePosition(QTextCursor::End);
    if (m_provisionalLength > 0) {
        // Removing the separator merges the last line with the provisional block, which takes
        // the provisional block's state: the line's own is put back.
        const QTextBlock last = document()->lastBlock();
        const int state = !m_empty && last.previous().isValid() ? last.previous().userState() : -1;
        cursor.setPosition(cursor.position() - m_provisionalLength, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        if (!m_empty)
            document()->lastBlock().setUserState(state);
    }
    m_provisionalLength = 0;
}

void TerminalView::renderProvisional(QTextCursor &cursor)
{
    cursor.movePosition(QTextCursor::End);
    const int start = cursor.position();
    if (!m_empty)
        cursor.insertBlock();
    cursor.block().setUserState(-1);
    const QByteArray partial = m_session->partialLine();
    if (!partial.isEmpty())
        cursor.insertText(visible(decodeLine(partial), m_showControl), m_plain);
    const bool editing =
        m_session->settings().keyboard == ConnectionSettings::Keyboard::LineEditing;
    // A closed tab shows the line typed in it (kept for the restarted session), else nothing.
    if (!m_session->hasEnded() || (editing && !m_edit.isEmpty())) {
        if (editing) {
            cursor.insertText(visible(m_edit.left(m_cursor), false), m_sent);
            QTextCharFormat caret = m_caret;
            if (!hasFocus())
                caret.setBackground(QColor(0x70, 0x70, 0x70));
            cursor.insertText(
                m_cursor < m_edit.size() ? m_edit.mid(m_cursor, 1) : QStringLiteral(" "), caret);
            if (m_cursor + 1 < m_edit.size())
                cursor.insertText(visible(m_edit.mid(m_cursor + 1), false), m_sent);
        } else {
            if (m_showControl && !m_keysSent.isEmpty())
                cursor.insertText(
                    QStringLiteral("→ ") + visible(decodeLine(m_keysSent), true), m_keys);
            cursor.insertText(QStringLiteral(" "), m_caret);
        }
    }
    cursor.movePosition(QTextCursor::End);
    m_provisionalLength = cursor.position() - start;
}

void TerminalView::appendLine(QTextCursor &cursor, const TerminalSession::Line &line)
{
    using Kind = TerminalSession::Line::Kind;
    if (line.kind == Kind::SentBytes) {
        m_keysSent += line.bytes;
        if (!m_keysSent.endsWith('\n'))
            return;
        if (m_showControl) { // the line the server will see, keys and all
            TerminalSession::Line shown;
            shown.kind = Kind::Sent;
            shown.bytes = m_keysSent;
            shown.ordinal = line.history ? -1 : m_keyLines; // an ended session's: no link
            m_keysSent.clear();
            m_keyLines += line.history ? 0 : 1;
            if (!m_empty)
                cursor.insertBlock();
            m_empty = false;
            cursor.block().setUserState(blockCode(false, shown.ordinal));
            cursor.insertText(QStringLiteral("→ "), m_keys);
            insertBytes(cursor, withoutEnding(shown.bytes), m_keys, false);
            insertEnding(cursor, shown.bytes);
            return;
        }
        m_keysSent.clear();
        m_keyLines += line.history ? 0 : 1;
        return;
    }
    if (!m_empty)
        cursor.insertBlock();
    m_empty = false;
    const QByteArray content = withoutEnding(line.bytes);
    switch (line.kind) {
    case Kind::Note:
        cursor.block().setUserState(-1);
        cursor.insertText(QStringLiteral("[%1]").arg(QString::fromUtf8(line.bytes)), m_note);
        return;
    case Kind::Sent:
        cursor.block().setUserState(blockCode(false, line.ordinal));
        insertBytes(cursor, content, m_sent, false);
        break;
    case Kind::Status: {
        cursor.block().setUserState(blockCode(true, line.ordinal));
        const bool looksOk = line.ok;
        const bool looksErr = content.startsWith("-ERR");
        const QTextCharFormat &format = looksOk ? m_ok : looksErr ? m_err : m_plain;
        cursor.insertText(looksOk ? QStringLiteral("✔ ")
                : looksErr        ? QStringLiteral("✘ ")
                                  : QStringLiteral("  "),
            format);
        insertBytes(cursor, content, format, false);
        break;
    }
    case Kind::Continuation:
        cursor.block().setUserState(blockCode(true, line.ordinal));
        cursor.insertText(QStringLiteral("→ "), m_ok);
        insertBytes(cursor, content, m_plain, false);
        break;
    case Kind::Body:
        cursor.block().setUserState(blockCode(true, line.ordinal));
        cursor.insertText(QStringLiteral("  "), m_plain);
        insertBytes(cursor, content, m_plain, line.stuffed && m_showControl);
        break;
    case Kind::Terminator:
        cursor.block().setUserState(blockCode(true, line.ordinal));
        cursor.insertText(QStringLiteral("  ."), m_plain);
        if (m_showControl) {
            insertEnding(cursor, line.bytes);
            cursor.insertText(
                QStringLiteral("   ← ") + tr("end of the multi-line reply"), m_control);
            return;
        }
        break;
    case Kind::SentBytes:
        break;
    }
    insertEnding(cursor, line.bytes);
}

void TerminalView::insertBytes(
    QTextCursor &cursor, const QByteArray &bytes, const QTextCharFormat &format, bool stuffed)
{
    if (stuffed && bytes.startsWith('.')) {
        cursor.insertText(QStringLiteral("."), m_stuffing);
        cursor.insertText(visible(decodeLine(bytes.mid(1)), m_showControl), format);
        return;
    }
    cursor.insertText(visible(decodeLine(bytes), m_showControl), format);
}

void TerminalView::insertEnding(QTextCursor &cursor, const QByteArray &bytes)
{
    if (!m_showControl)
        return;
    if (bytes.endsWith("\r\n"))
        cursor.insertText(QStringLiteral("\\r\\n"), m_control);
    else if (bytes.endsWith('\n'))
        cursor.insertText(QStringLiteral("\\n"), m_err); // a bare LF stands out
}

void TerminalView::editChanged()
{
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    removeProvisional(cursor);
    renderProvisional(cursor);
    cursor.endEditBlock();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TerminalView::setEditLine(const QString &text)
{
    m_edit = text;
    m_cursor = int(text.size());
    m_historyIndex = -1;
    editChanged();
}

void TerminalView::insertTyped(const QString &text)
{
    if (text.isEmpty())
        return;
    if (m_session->settings().keyboard == ConnectionSettings::Keyboard::WindowsTelnet) {
        m_session->sendKey(text.toUtf8());
        return;
    }
    m_edit.insert(m_cursor, text);
    m_cursor += int(text.size());
    m_historyIndex = -1;
    editChanged();
}

void TerminalView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy) || event->matches(QKeySequence::SelectAll)) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        insertFromMimeData(QApplication::clipboard()->mimeData());
        return;
    }
    // Page Up / Page Down (with Shift, as in a terminal) scroll the scrollback and nothing else:
    // the text editor's own handling moved its cursor, and with Shift selected what it passed,
    // a selection that then spread over every new line.
    if ((event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)
        && (event->modifiers() & ~Qt::ShiftModifier) == Qt::NoModifier) {
        verticalScrollBar()->triggerAction(event->key() == Qt::Key_PageUp
                ? QAbstractSlider::SliderPageStepSub
                : QAbstractSlider::SliderPageStepAdd);
        return;
    }
    if (m_session->hasEnded()) {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            emit restartRequested(); // what is typed is kept in the new session's input line
            return;
        }
        // Typing goes on in the input line (it was thrown away, and the student's `retr 1`
        // then vanished with the Enter that restarted the session).
        if (m_session->settings().keyboard != ConnectionSettings::Keyboard::LineEditing) {
            QPlainTextEdit::keyPressEvent(event); // scrolling keys still work
            return;
        }
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (m_session->settings().keyboard == ConnectionSettings::Keyboard::WindowsTelnet) {
        if (enter)
            m_session->sendKey("\r\n");
        else if (event->key() == Qt::Key_Backspace)
            m_session->sendKey("\x08");
        else if (!event->text().isEmpty() && !(event->modifiers() & Qt::ControlModifier))
            m_session->sendKey(event->text().toUtf8());
        else
            QPlainTextEdit::keyPressEvent(event);
        return;
    }
    // Ctrl+U, as in a shell (readline's unix-line-discard): erases what is typed before the
    // cursor, so a wrong line can be dropped without a Backspace per character.
    if (event->key() == Qt::Key_U && event->modifiers() == Qt::ControlModifier) {
        m_edit.remove(0, m_cursor);
        m_cursor = 0;
        editChanged();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const QString line = m_edit;
        if (!line.isEmpty() && (m_history.isEmpty() || m_history.last() != line))
            m_history.append(line);
        m_historyIndex = -1;
        m_edit.clear();
        m_cursor = 0;
        m_session->sendLine(line);
        flush(); // the echo is shown before the reply arrives
        return;
    }
    case Qt::Key_Backspace:
        if (m_cursor > 0) {
            m_edit.remove(--m_cursor, 1);
            editChanged();
        }
        return;
    case Qt::Key_Delete:
        if (m_cursor < m_edit.size()) {
            m_edit.remove(m_cursor, 1);
            editChanged();
        }
        return;
    case Qt::Key_Left:
        m_cursor = qMax(0, m_cursor - 1);
        editChanged();
        return;
    case Qt::Key_Right:
        m_cursor = qMin(int(m_edit.size()), m_cursor + 1);
        editChanged();
        return;
    case Qt::Key_Home:
        m_cursor = 0;
        editChanged();
        return;
    case Qt::Key_End:
        m_cursor = int(m_edit.size());
        editChanged();
        return;
    case Qt::Key_Up:
        if (m_history.isEmpty())
            return;
        if (m_historyIndex < 0) {
            m_historyDraft = m_edit;
            m_historyIndex = int(m_history.size()) - 1;
        } else if (m_historyIndex > 0) {
            --m_historyIndex;
        }
        m_edit = m_history.at(m_historyIndex);
        m_cursor = int(m_edit.size());
        editChanged();
        return;
    case Qt::Key_Down:
        if (m_historyIndex < 0)
            return;
        if (++m_historyIndex >= m_history.size()) {
            m_historyIndex = -1;
            m_edit = m_historyDraft;
        } else {
            m_edit = m_history.at(m_historyIndex);
        }
        m_cursor = int(m_edit.size());
        editChanged();
        return;
    default:
        break;
    }
    const QString text = event->text();
    if (!text.isEmpty() && text.at(0).isPrint() && !(event->modifiers() & Qt::ControlModifier)) {
        insertTyped(text);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void TerminalView::inputMethodEvent(QInputMethodEvent *event)
{
    insertTyped(event->commitString());
    event->accept();
}

bool TerminalView::canInsertFromMimeData(const QMimeData *source) const
{
    return source && source->hasText();
}

void TerminalView::insertFromMimeData(const QMimeData *source)
{
    if (!source || !source->hasText() || m_session->hasEnded())
        return;
    QString text = source->text();
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (m_session->settings().keyboard == ConnectionSettings::Keyboard::WindowsTelnet) {
        text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
        m_session->sendKey(text.toUtf8());
        return;
    }
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i + 1 < lines.size()) {
            m_edit.insert(m_cursor, lines.at(i));
            m_session->sendLine(m_edit);
            m_history.append(m_edit);
            m_edit.clear();
            m_cursor = 0;
        } else {
            insertTyped(lines.at(i));
        }
    }
    flush();
}

void TerminalView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    if (textCursor().hasSelection())
        return;
    const QTextBlock block = cursorForPosition(event->position().toPoint()).block();
    const int code = block.userState();
    if (code < 0)
        return;
    highlightLine(code % 2 == 1, code / 2);
    emit linePicked(code % 2 == 1, code / 2);
}

bool TerminalView::highlightLine(bool reply, int ordinal)
{
    flush();
    const int code = blockCode(reply, ordinal);
    for (QTextBlock block = document()->lastBlock(); block.isValid(); block = block.previous()) {
        if (block.userState() != code)
            continue;
        // The first block of a reply is its status line.
        while (block.previous().isValid() && block.previous().userState() == code)
            block = block.previous();
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(QColor(0x2f, 0x4f, 0x8f));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(block);
        setExtraSelections({selection});
        QTextCursor cursor(block);
        setTextCursor(cursor);
        centerCursor();
        return true;
    }
    return false;
}

void TerminalView::focusInEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusInEvent(event);
    editChanged();
}

void TerminalView::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    editChanged();
}
