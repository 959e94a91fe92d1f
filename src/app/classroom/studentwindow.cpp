#include "app/classroom/studentwindow.h"

#include "app/diagram/diagrampane.h"
#include "events/eventlog.h"
#include "protocol/commands.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

StudentWindow::StudentWindow(pop3::EventLog *log, const QString &name, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_diagram(new DiagramPane(log, this))
    , m_transcript(new QPlainTextEdit(this))
    , m_name(name)
{
    m_transcript->setReadOnly(true);
    m_transcript->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_transcript->setObjectName(QStringLiteral("studentTranscript"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_diagram);
    splitter->addWidget(m_transcript);
    m_transcript->setLineWrapMode(QPlainTextEdit::NoWrap); // one line of the wire, one line here
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({660, 440});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    for (qsizetype i = 0; i < log->size(); ++i)
        appendLine(log->at(i));
    connect(log, &pop3::EventLog::eventAppended, this, &StudentWindow::appendLine);
    resize(1100, 650);
    retranslateUi();
}

QString StudentWindow::transcript() const
{
    return m_transcript->toPlainText();
}

void StudentWindow::setStudentName(const QString &name)
{
    m_name = name;
    retranslateUi();
}

void StudentWindow::appendLine(const pop3::Event &event)
{
    // What the student typed and what the server said, as the stream gives it (credentials are
    // hidden there, and again here by the same rule).
    QString line;
    if (event.kind == pop3::EventKind::ClientLine) {
        line = QStringLiteral("[%1] C: %2")
                   .arg(event.session)
                   .arg(QString::fromUtf8(
                       pop3::withoutLineEnding(pop3::maskSecret(event.withoutSecret().bytes))));
    } else if (event.kind == pop3::EventKind::ServerReply) {
        line = QStringLiteral("[%1] S: %2")
                   .arg(event.session)
                   .arg(QString::fromUtf8(pop3::withoutLineEnding(event.bytes)));
    } else if (event.kind == pop3::EventKind::Disconnected) {
        line = tr("[%1] (connection closed)").arg(event.session);
    } else {
        return;
    }
    m_transcript->appendPlainText(line);
}

void StudentWindow::retranslateUi()
{
    setWindowTitle(tr("%1: live diagram and transcript").arg(m_name));
    m_transcript->setPlaceholderText(tr("Nothing typed yet."));
}

void StudentWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    emit shownChanged(true);
}

void StudentWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    emit shownChanged(false);
}

void StudentWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}
