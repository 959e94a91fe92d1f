#include "app/helpdialog.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QUrl>
#include <QVBoxLayout>

HelpDialog::HelpDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("pop3lab Help"));
    resize(860, 680);
    m_browser->setObjectName(QStringLiteral("helpBrowser"));
    m_browser->setAccessibleName(tr("User guide"));
    m_browser->setOpenExternalLinks(true);
    // As a source (not setMarkdown), so that the pictures are found next to the guide.
    m_browser->setSource(guideUrlFor(QLocale()), QTextDocument::MarkdownResource);
    if (m_browser->document()->isEmpty())
        m_browser->setPlainText(tr("The user guide is not bundled in this build."));
    m_status->setObjectName(QStringLiteral("helpStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    if (!docsFolder().isEmpty()) {
        QPushButton *open =
            buttons->addButton(tr("Open the docs folder"), QDialogButtonBox::ActionRole);
        open->setObjectName(QStringLiteral("openDocsButton"));
        open->setAccessibleDescription(
            tr("The developer documentation: architecture, diagram, lessons, performance"));
        connect(open, &QPushButton::clicked, this, &HelpDialog::openDocsFolder);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    fitImages();
}

QUrl HelpDialog::guideUrlFor(const QLocale &locale)
{
    const QString language = locale.name().section(QLatin1Char('_'), 0, 0);
    const QString translated = QStringLiteral(":/docs/user-guide.%1.md").arg(language);
    if (language != QLatin1String("en") && QFileInfo::exists(translated))
        return QUrl(QStringLiteral("qrc") + translated);
    return QUrl(QString::fromLatin1(guideUrl));
}

QString HelpDialog::docsFolder()
{
#ifdef POP3LAB_INSTALLED_DOCS
    // Installed (cmake --install, the .deb): the docs sit beside the program, e.g. /usr/bin and
    // /usr/share/doc/pop3lab; the source tree it was built from is not on this machine.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral(POP3LAB_INSTALLED_DOCS));
    if (QFileInfo::exists(installed + QStringLiteral("/user-guide.md")))
        return QDir::cleanPath(installed);
#endif
    const QString docs = QStringLiteral(POP3LAB_DOCS_DIR);
    return QDir(docs).exists() ? docs : QString();
}

bool HelpDialog::openDocsFolder()
{
    const QString docs = docsFolder();
    if (!docs.isEmpty() && QDesktopServices::openUrl(QUrl::fromLocalFile(docs))) {
        m_status->hide();
        return true;
    }
    m_status->setText(
        tr("The docs folder could not be opened (no file manager answered). It is here: %1")
            .arg(QDir::toNativeSeparators(
                docs.isEmpty() ? QStringLiteral(POP3LAB_DOCS_DIR) : docs)));
    m_status->show();
    return false;
}

void HelpDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitImages();
}

// Screenshots are wider than the dialog: each picture is scaled to the width of the page.
void HelpDialog::fitImages()
{
    QTextDocument *document = m_browser->document();
    const qreal width = qMax(200, m_browser->viewport()->width() - 40);
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            const QVariant data =
                document->resource(QTextDocument::ImageResource, QUrl(image.name()));
            QImage picture = data.value<QImage>();
            if (picture.isNull())
                picture.loadFromData(data.toByteArray());
            if (picture.isNull() || picture.width() <= width) {
                continue;
            }
            image.setWidth(width);
            image.setHeight(picture.height() * width / picture.width());
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    }
}
