#pragma once

#include <QWidget>

class LabResultsModel;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// The overview's "Lab results" tab: the table of every student's answers (LabResultsModel),
// sortable, and its export as CSV and as PDF (ResultsExport).
class ResultsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPane)

public:
    explicit ResultsPane(LabResultsModel *model, QWidget *parent = nullptr);

    // The lesson's title and the server, for the PDF's heading; an empty title: no lesson.
    void setLesson(const QString &title, const QString &server);

    QString server() const { return m_server; }

    QTableView *table() const { return m_table; }

    QSortFilterProxyModel *proxy() const { return m_proxy; }

    bool exportCsv(const QString &path, QString *error = nullptr);
    bool exportPdf(const QString &path, QString *error = nullptr);

    QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateWidgets();
    void fitColumns();
    void askAndExport(bool pdf);

    LabResultsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_heading;
    QTableView *m_table;
    QPushButton *m_csv;
    QPushButton *m_pdf;
    QLabel *m_status;
    QString m_lessonTitle;
    QString m_server;
};
