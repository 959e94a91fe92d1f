#pragma once

#include "app/terminal/connectionsettings.h"

#include <QSslCertificate>
#include <QSslError>
#include <QWidget>

#include <memory>

namespace Ui {
class TerminalPane;
}

class QMenu;
class TerminalSession;
class TerminalView;

namespace pop3 {
class Lab;
}

// The terminal dock: one tab per connection (so a second login can be tried while the first holds
// the lock), each a TerminalView over its TerminalSession. Maps the event stream's seqs to lines
// both ways, for the diagram's click-to-highlight.
class TerminalPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalPane)

public:
    explicit TerminalPane(pop3::Lab *lab, QWidget *parent = nullptr);
    ~TerminalPane() override;

    // Opens a connection in a new tab and makes it current.
    TerminalView *openSession(const ConnectionSettings &settings);
    // Asks like PuTTY's Session page, then opens; false when cancelled.
    bool openSessionWithDialog();
    // Closes tab index; asks first when its session holds deletion marks (ask false: never).
    bool closeSession(int index, bool ask = true);
    void closeCurrentSession();
    // Opens the closed tab's connection again, in the same tab (PuTTY's "Restart Session").
    TerminalView *restartSession(int index);
    // Closes every tab whose connection has ended; returns how many.
    int closeEndedSessions();
    // Sends QUIT in the connected terminals of these built-in server sessions; how many.
    int quitSessions(const QList<int> &sessionIds);
    int endedCount() const;
    // The menu of tab index (restart, close, close all closed tabs); the caller owns it.
    QMenu *tabMenu(int index);

    int count() const;
    TerminalView *view(int index) const;
    TerminalView *currentView() const;
    TerminalSession *currentSession() const;
    // The current tab's title ("Terminal 1"); empty without a tab.
    QString currentTitle() const;
    int connectedCount() const;

    // The built-in server as a destination, and the settings the dialog starts from.
    ConnectionSettings builtinSettings() const;

    ConnectionSettings lastSettings() const { return m_last; }

    void setLastSettings(const ConnectionSettings &settings) { m_last = settings; }

    void setFontPointSize(int points);

    int fontPointSize() const { return m_fontPointSize; }

    void setShowControlCharacters(bool show);

    bool showControlCharacters() const { return m_showControl; }

    // Writes the current tab's transcript as text; hidePassword: PASS ********.
    bool saveTranscript(const QString &path, bool hidePassword, QString *error = nullptr) const;

    // The line of event seq, in whichever tab shows that session, is marked and shown.
    bool highlightEvent(quint64 seq);

signals:
    void eventPicked(quint64 seq);
    // A tab's connection is up: peer is its local "address:port" as the server sees it.
    void sessionLabelled(const QString &peer, const QString &label);
    void currentSessionChanged(TerminalSession *session);
    void sessionsChanged();
    void lastSettingsChanged(const ConnectionSettings &settings);
    void showControlCharactersChanged(bool show);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateWidgets();
    void showModeText();
    TerminalView *createView(const ConnectionSettings &settings, int number, int index);
    // Explains an untrusted certificate and asks whether to go on (true: continue).
    bool askTrust(const ConnectionSettings &settings,
        const QSslCertificate &certificate,
        const QList<QSslError> &errors);
    void sessionEnded(TerminalView *view, bool clean);
    void linePicked(TerminalView *view, bool reply, int ordinal);

    std::unique_ptr<Ui::TerminalPane> m_ui;
    pop3::Lab *m_lab;
    ConnectionSettings m_last;
    int m_fontPointSize = 13;
    bool m_showControl = false;
    int m_opened = 0;
    QString m_modeText; // the mode label's whole text
    QString m_shortModeText; // what it says when the whole text does not fit
};
