#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class LabResultsModel;

// The lab results out of the teacher's window: CSV (pop3::LabResults::toCsv, for a spreadsheet)
// and a PDF to print or file (QPdfWriter and QTextDocument, as the lesson hand-in is made): a
// table of every student's answers, right or wrong in words, what was expected for that
// student's own mailbox, then the questions. Names as the overview shows them (anonymised or not).
class ResultsExport final
{
    Q_DECLARE_TR_FUNCTIONS(ResultsExport)

public:
    static bool writeCsv(const LabResultsModel &model, const QString &path, QString *error);
    static bool writePdf(const LabResultsModel &model,
        const QString &lessonTitle,
        const QString &server,
        const QString &path,
        QString *error);
    // The PDF's text, as HTML.
    static QString html(
        const LabResultsModel &model, const QString &lessonTitle, const QString &server);

private:
    // The PDF's text in pieces, so that pages break between rows only.
    struct Parts
    {
        QString head; // the title and what the table is
        QString tableHeader; // repeated on each page
        QStringList rows; // one <tr> per student
        QString tail; // the questions

        QString table(qsizetype from, qsizetype to) const;
    };

    static Parts parts(
        const LabResultsModel &model, const QString &lessonTitle, const QString &server);
};
