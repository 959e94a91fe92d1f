#pragma once

#include "diagram/sequencemodel.h"
#include "events/checkpoints.h"

#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QMenu;
class QPushButton;
class QPainter;
class QSplitter;
class QTextBrowser;
class QToolButton;
class SequenceView;

namespace pop3 {
class EventLog;
struct Event;
} // namespace pop3

// The sequence diagram dock (issue 4): a toolbar, the SequenceView, and a panel with the caption,
// the RFC 1939 section and the reply body of the selected step.
//
//   EventLog ──eventAppended──► SequenceModel::append ──► SequenceView::modelAppended (one frame)
//
// The pane shows the live log it is given, or a trace opened from a file (its own log), until
// "Back to live". The contract with the window: the constructor, highlightEvent(), eventActivated.
class DiagramPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagramPane)

public:
    explicit DiagramPane(pop3::EventLog *log, QWidget *parent = nullptr);
    ~DiagramPane() override;

    // Selects and shows the arrow or note of event seq (e.g. a line clicked in the terminal).
    void highlightEvent(quint64 seq);

    // Names the client lane of the session connected from peer "address:port" ("Terminal 1").
    void setPeerLabel(const QString &peer, const QString &label);

    // Names the server lifeline when it is not the one built into pop3lab (a student's diagram
    // in the class overview: the classroom server, and where it listens); empty: the built-in one.
    void setServerName(const QString &name, const QString &words);

    // Writes the diagram as shown (filters applied) to path: .png, .svg, .pdf or .txt.
    bool exportTo(const QString &path, QString *error = nullptr) const;
    // Paints the whole diagram scaled into target (the lessons' hand-in, printing); hideSecrets:
    // passwords as ******** (the command table's `secret` column, as the transcript hides them).
    void render(QPainter *painter, const QRectF &target, bool hideSecrets = false) const;

    // Shows a saved trace (JSON Lines) instead of the live log; saves the one shown.
    bool openTrace(const QString &path, QString *error = nullptr);
    bool saveTrace(const QString &path, QString *error = nullptr) const;
    void showLive();
    // Shows a replay's log (its own, never the live one) under the banner, saying what it is.
    void showReplay(pop3::EventLog *log, const QString &what);

    // Where the replay shown is (from its replayer): at event 0 the empty diagram says so
    // instead of "No POP3 traffic yet", and at its end the banner says it is finished.
    void setReplayPosition(qsizetype position, qsizetype count);

    bool isShowingTrace() const { return m_trace != nullptr || m_replay != nullptr; }

    bool isShowingReplay() const { return m_replay != nullptr; }

    QString bannerText() const;
    // The explanation under the diagram (the selected step's words), as plain text.
    QString detailsText() const;

    const pop3::SequenceModel &model() const { return m_model; }

    SequenceView *view() const { return m_view; }

    // Every toolbar action, with its shortcut, for the window's View menu: the toolbar's tool
    // buttons are no Tab stops, so the menu (and the shortcuts) are how a keyboard reaches them.
    QMenu *menu() const { return m_menu; }

    void setFilter(const pop3::SequenceModel::Filter &filter);
    // Presentation mode: the explanation under the diagram takes the height its text needs
    // (up to 45 % of the pane); off, the pane's own split comes back.
    void setDetailsFitText(bool on);
    // Expands or folds the body of a multi-line reply row (the body comes from the log).
    void setExpanded(qsizetype row, bool expanded);

signals:
    // The user picked the arrow/note of event seq (the terminal highlights the matching line).
    void eventActivated(quint64 seq);
    // Back to the live log ("Back to live", or the window leaving a replay).
    void liveShown();

protected:
    void changeEvent(QEvent *event) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildToolBar();
    void retranslateUi();
    void updateWidgets();
    void attach(pop3::EventLog *log);
    void appendEvent(const pop3::Event &event);
    void resetModel();
    void rewind(qsizetype size); // the log was truncated (a replay stepping back)
    void refreshSessions();
    void showDetails(qsizetype row);
    void fitDetails();
    void applyFilterFromUi();
    void chooseExport();
    void chooseOpenTrace();
    void chooseSaveTrace();

    pop3::EventLog *m_live;
    std::unique_ptr<pop3::EventLog> m_trace;
    pop3::EventLog *m_source = nullptr;
    QString m_tracePath;
    pop3::EventLog *m_replay = nullptr; // a replay's log, owned by the replay pane
    QString m_replayWhat;
    qsizetype m_replayPosition = 0;
    qsizetype m_replayCount = 0;
    pop3::SequenceModel m_model;
    pop3::Checkpoints<pop3::SequenceModel> m_checkpoints; // of a replay's log
    SequenceView *m_view = nullptr;
    QTextBrowser *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_fitDetails = false;
    QByteArray m_splitterState; // before presentation mode
    QComboBox *m_sessionCombo = nullptr;
    QFrame *m_traceBanner = nullptr; // "this is a saved trace", with Back to live
    QLabel *m_traceLabel = nullptr;
    QPushButton *m_liveButton = nullptr;
    QAction *m_exportAction = nullptr; // an action with a menu: also in the toolbar's ›› menu
    QAction *m_collapseAction = nullptr;
    QAction *m_hideNoopAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_expandAction = nullptr;
    QMenu *m_menu = nullptr; // View › Diagram
    qsizetype m_knownSessions = 0;
};
