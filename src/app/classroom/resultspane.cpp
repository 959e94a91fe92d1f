#include "app/classroom/resultspane.h"

#include "app/classroom/labresultsmodel.h"
#include "app/classroom/resultsexport.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

ResultsPane::ResultsPane(LabResultsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_heading(new QLabel(this))
    , m_table(new QTableView(this))
    , m_csv(new QPushButton(this))
    , m_pdf(new QPushButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("labResults"));
    m_table->setObjectName(QStringLiteral("labResultsTable"));
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_pdf->setObjectName(QStringLiteral("exportPdf"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LabResultsModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_csv);
    buttons->addWidget(m_pdf);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_csv, &QPushButton::clicked, this, [this] {
        askAndExport(false);
    });
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        askAndExport(true);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultsPane::updateWidgets);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultsPane::fitColumns);
    retranslateUi();
    updateWidgets();
}

void ResultsPane::setLesson(const QString &title, const QString &server)
{
    m_lessonTitle = title;
    m_server = server;
    retranslateUi();
    updateWidgets();
}

QString ResultsPane::statusText() const
{
    return m_status->text();
}

bool ResultsPane::exportCsv(const QString &path, QString *error)
{
    QString why;
    const bool ok = ResultsExport::writeCsv(*m_model, path, &why);
    m_status->setText(ok ? tr("Results written to %1.").arg(QDir::toNativeSeparators(path))
                         : tr("The results could not be written: %1").arg(why));
    if (error)
        *error = why;
    return ok;
}

bool ResultsPane::exportPdf(const QString &path, QString *error)
{
    QString why;
    const bool ok = ResultsExport::writePdf(*m_model, m_lessonTitle, m_server, path, &why);
    m_status->setText(ok ? tr("Results written to %1.").arg(QDir::toNativeSeparators(path))
                         : tr("The results could not be written: %1").arg(why));
    if (error)
        *error = why;
    return ok;
}

void ResultsPane::askAndExport(bool pdf)
{
    const QString suggested =
        QDir::home().filePath(pdf ? tr("lab-results.pdf") : tr("lab-results.csv"));
    const QString path = QFileDialog::getSaveFileName(this,
        pdf ? tr("Export the Results as PDF") : tr("Export the Results as CSV"),
        suggested,
        pdf ? tr("PDF (*.pdf)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (pdf)
        exportPdf(path);
    else
        exportCsv(path);
}

// The names and the score as wide as they need; the questions share the rest (a long title is
// elided, its tooltip has the whole question), so that a class fits a projector without scrolling.
void ResultsPane::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    const int columns = m_model->columnCount();
    for (int c = 0; c < columns; ++c)
        header->setSectionResizeMode(
            c, c == 0 || c == columns - 1 ? QHeaderView::ResizeToContents : QHeaderView::Stretch);
}

void ResultsPane::updateWidgets()
{
    const bool any = !m_lessonTitle.isEmpty();
    m_csv->setEnabled(any);
    m_pdf->setEnabled(any);
}

void ResultsPane::retranslateUi()
{
    m_heading->setText(m_lessonTitle.isEmpty()
            ? tr("No lesson yet: a server that follows one sends it when the overview connects "
                 "(pop3lab-server --class-lesson).")
            : tr("Lesson: %1. Each answer is checked by the server against that student's own "
                 "mailbox; the latest answer counts.")
                  .arg(m_lessonTitle));
    m_table->setAccessibleName(tr("Lab results"));
    m_csv->setText(tr("Export &CSV..."));
    m_pdf->setText(tr("Export P&DF..."));
}

void ResultsPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}
