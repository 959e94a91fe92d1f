#pragma once

#include <QWidget>

class DiagramPane;
class QPlainTextEdit;

namespace pop3 {
class EventLog;
struct Event;
} // namespace pop3

// One student's sessions, live: the sequence diagram (the window's own DiagramPane) and a
// transcript, both fed from that student's log, which the class overview fills from the stream.
class StudentWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StudentWindow)

public:
    StudentWindow(pop3::EventLog *log, const QString &name, QWidget *parent = nullptr);

    DiagramPane *diagram() const { return m_diagram; }

    QString transcript() const;

    // Renames the window (the overview's names, anonymised or not).
    void setStudentName(const QString &name);

signals:
    // Shown or hidden: the overview asks the stream for the mail bodies of open windows only.
    void shownChanged(bool shown);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void appendLine(const pop3::Event &event);
    void retranslateUi();

    DiagramPane *m_diagram;
    QPlainTextEdit *m_transcript;
    QString m_name;
};
