#include "app/helpdialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

HelpDialog::HelpDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("pop3lab Help"));
    resize(820, 640);
    m_browser->setOpenExternalLinks(true);
    QFile readme(QStringLiteral(":/docs/README.md"));
    if (readme.open(QIODevice::ReadOnly))
        m_browser->setMarkdown(QString::fromUtf8(readme.readAll()));
    else
        m_browser->setPlainText(tr("The README is not bundled in this build."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    const QString docs = QStringLiteral(POP3LAB_DOCS_DIR);
    if (QDir(docs).exists()) {
        QPushButton *open =
            buttons->addButton(tr("Open the docs folder"), QDialogButtonBox::ActionRole);
        connect(open, &QPushButton::clicked, this, [docs] {
            QDesktopServices::openUrl(QUrl::fromLocalFile(docs));
        });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
}
