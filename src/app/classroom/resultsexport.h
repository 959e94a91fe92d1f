#pragma once

#include <QCoreApplication>
#include <QString>

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
};
