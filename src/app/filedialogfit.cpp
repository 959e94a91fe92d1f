#include "app/filedialogfit.h"

#include <QApplication>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTimer>
#include <QTreeView>

FileDialogFit::FileDialogFit(QObject *parent)
    : QObject(parent)
{ }

void FileDialogFit::install()
{
    if (qApp->findChild<FileDialogFit *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    qApp->installEventFilter(new FileDialogFit(qApp));
}

bool FileDialogFit::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show) {
        if (auto *dialog = qobject_cast<QFileDialog *>(watched)) {
            // Once laid out and with its saved header state restored.
            QTimer::singleShot(0, dialog, [dialog] {
                fit(dialog);
            });
        }
    }
    return QObject::eventFilter(watched, event);
}

void FileDialogFit::fit(QFileDialog *dialog)
{
    auto *view = dialog->findChild<QTreeView *>(QStringLiteral("treeView"));
    if (!view || !view->model())
        return;
    QHeaderView *header = view->header();
    // Each column at least as wide as its header's words, measured as the style draws them
    // (margins and, on the sorted column, the arrow).
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section))
            continue;
        QStyleOptionHeader option;
        option.initFrom(header);
        option.section = section;
        option.text = view->model()->headerData(section, Qt::Horizontal).toString();
        option.fontMetrics = header->fontMetrics();
        option.sortIndicator =
            header->isSortIndicatorShown() && header->sortIndicatorSection() == section
            ? QStyleOptionHeader::SortDown
            : QStyleOptionHeader::None;
        const int needed =
            header->style()
                ->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header)
                .width();
        if (header->sectionSize(section) < needed)
            header->resizeSection(section, needed);
    }
    // The dialog as wide as its columns need, within the screen it is on.
    const int missing = header->length() - view->viewport()->width()
        + (view->verticalScrollBar()->isVisible() ? 0
                                                  : view->verticalScrollBar()->sizeHint().width());
    if (missing <= 0)
        return;
    const QScreen *screen = dialog->screen();
    const int room = screen ? screen->availableGeometry().width() : dialog->width() + missing;
    dialog->resize(qMin(dialog->width() + missing, room), dialog->height());
    if (screen && !screen->availableGeometry().contains(dialog->frameGeometry())) {
        const QRect area = screen->availableGeometry();
        QRect frame = dialog->frameGeometry();
        frame.moveRight(qMin(frame.right(), area.right()));
        frame.moveLeft(qMax(frame.left(), area.left()));
        dialog->move(frame.topLeft());
    }
}
