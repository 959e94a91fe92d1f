#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTextEdit;
class QTimer;
class TerminalSession;

// The eavesdropper view: the current terminal tab's connection as a capture on the path shows it
// (the WireTap's bytes, worded by WireCapture): lines in clear before TLS with the password
// highlighted where it leaked and base64 decoded, then only TLS records with their real headers
// and sizes. It follows the terminal's current tab.
class EavesdropperPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EavesdropperPane)

public:
    explicit EavesdropperPane(QWidget *parent = nullptr);

    // The session to show (null: none); title names it ("Terminal 1").
    void setSession(TerminalSession *session, const QString &title);

    TerminalSession *session() const { return m_session; }

    QTextEdit *view() const { return m_text; }

    // What the view shows, as plain text (the summary and every entry).
    QString plainText() const;

    // Renders now instead of at the next tick (tests, screenshots).
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void scheduleRender();
    void render();

    QPointer<TerminalSession> m_session;
    QString m_title;
    QLabel *m_heading;
    QLabel *m_summary;
    QTextEdit *m_text;
    QLabel *m_how;
    QTimer *m_renderTimer;
};
