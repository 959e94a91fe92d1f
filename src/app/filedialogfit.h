#pragma once

#include <QObject>

class QFileDialog;

// Qt's own file dialog (the one shown where the desktop offers none, as under a bare X server)
// opens at a size that cuts its columns: in French the last header read "Dernière modifica".
// Watching the application, this widens each column to its header's words and the dialog to its
// columns (within the screen) the first time a file dialog is shown. Native dialogs are left
// alone: they are not QWidgets to fit.
class FileDialogFit final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileDialogFit)

public:
    // Installs the watcher once on the application (later calls do nothing).
    static void install();

    // Fits dialog's columns and width now.
    static void fit(QFileDialog *dialog);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FileDialogFit(QObject *parent);
};
