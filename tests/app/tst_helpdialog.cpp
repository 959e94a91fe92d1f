// Help shows the user guide written for students and teachers, with its pictures, and says so
// when the docs folder cannot be opened.

#include "app/helpdialog.h"

#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>

class TestHelpDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheUserGuide();
    void frenchWindowShowsTheFrenchGuide();
    void everyPictureOfTheGuideIsFound_data();
    void everyPictureOfTheGuideIsFound();
    void openDocsFolderFailureIsSaid();
};

void TestHelpDialog::showsTheUserGuide()
{
    HelpDialog dialog;
    const QString text = dialog.browser()->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("pop3lab user guide")), qPrintable(text.left(80)));
    for (const QString &section : {QStringLiteral("Connecting"),
             QStringLiteral("Commands"),
             QStringLiteral("Reading the diagram"),
             QStringLiteral("The maildrop pane"),
             QStringLiteral("Lessons"),
             QStringLiteral("Hand-ins"),
             QStringLiteral("Keyboard"),
             QStringLiteral("The classroom server"),
             QStringLiteral("French"),
             QStringLiteral("Ctrl+U")})
        QVERIFY2(text.contains(section), qPrintable(section));
    // Not the README: no build instructions for a student.
    QVERIFY(!text.contains(QStringLiteral("scripts/test.sh")));
    QVERIFY(!text.contains(QStringLiteral("cmake")));
}

// F1 in a French window: the French guide, with the same sections and the same pictures.
void TestHelpDialog::frenchWindowShowsTheFrenchGuide()
{
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    HelpDialog dialog;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QString text = dialog.browser()->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("Guide de l'utilisateur de pop3lab")),
        qPrintable(text.left(80)));
    for (const QString &section : {QStringLiteral("Se connecter"),
             QStringLiteral("Les commandes"),
             QStringLiteral("Lire le diagramme"),
             QStringLiteral("Le volet de la boîte aux lettres"),
             QStringLiteral("Les leçons"),
             QStringLiteral("Les rendus"),
             QStringLiteral("Le clavier"),
             QStringLiteral("Le serveur de classe"),
             QStringLiteral("Ctrl+U")})
        QVERIFY2(text.contains(section), qPrintable(section));
    QCOMPARE(HelpDialog::guideUrlFor(QLocale(QLocale::German)).toString(),
        QString::fromLatin1(HelpDialog::guideUrl));
}

void TestHelpDialog::everyPictureOfTheGuideIsFound_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void TestHelpDialog::everyPictureOfTheGuideIsFound()
{
    QFETCH(QString, language);
    QLocale::setDefault(QLocale(language));
    HelpDialog dialog;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    dialog.resize(860, 680);
    dialog.show();
    QTextDocument *document = dialog.browser()->document();
    int pictures = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (!format.isImageFormat())
                continue;
            ++pictures;
            const QString name = format.toImageFormat().name();
            const QVariant data = document->resource(QTextDocument::ImageResource, QUrl(name));
            QImage image = data.value<QImage>();
            if (image.isNull())
                image.loadFromData(data.toByteArray());
            QVERIFY2(!image.isNull(), qPrintable(QStringLiteral("broken picture: ") + name));
            // Scaled to the page: no picture wider than the dialog.
            const qreal width = format.toImageFormat().width();
            QVERIFY2(width > 0 && width <= dialog.browser()->viewport()->width(),
                qPrintable(QStringLiteral("%1 is %2 pixels wide").arg(name).arg(width)));
        }
    }
    QVERIFY(pictures >= 3);
}

void TestHelpDialog::openDocsFolderFailureIsSaid()
{
    if (HelpDialog::docsFolder().isEmpty())
        QSKIP("this build has no docs folder");
    HelpDialog dialog;
    dialog.show();
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("helpStatus"));
    QVERIFY(status);
    QVERIFY(!status->isVisible());
    auto *open = dialog.findChild<QPushButton *>(QStringLiteral("openDocsButton"));
    QVERIFY(open);
    // The offscreen platform has no file manager: opening fails, as on a machine without one.
    open->click();
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(HelpDialog::docsFolder()), qPrintable(status->text()));
}

QTEST_MAIN(TestHelpDialog)
#include "tst_helpdialog.moc"
