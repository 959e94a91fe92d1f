// French all the way: Qt's own buttons and dialogs speak French too when Qt's translations are
// installed (Debian: qt6-translations-l10n, which scripts/setup.sh installs).

#include "app/translations.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QPushButton>
#include <QTest>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void qtButtonsAreFrench();
    void englishStaysEnglish();
    void pluralsWithoutALanguage();
};

void TestTranslations::qtButtonsAreFrench()
{
    if (!QFileInfo::exists(Translations::qtFolder() + QStringLiteral("/qtbase_fr.qm")))
        QSKIP("Qt's French translations are missing: apt-get install qt6-translations-l10n");
    Translations translations;
    translations.install(QLocale(QLocale::French, QLocale::France));
    QVERIFY(translations.hasQtWords());
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
        QStringLiteral("Annuler"));
    QCOMPARE(box.button(QDialogButtonBox::Close)->text().remove(QLatin1Char('&')),
        QStringLiteral("Fermer"));
    translations.remove();
    QDialogButtonBox english(QDialogButtonBox::Cancel);
    QCOMPARE(english.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
        QStringLiteral("Cancel"));
}

void TestTranslations::englishStaysEnglish()
{
    Translations translations;
    translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
        QStringLiteral("Cancel"));
}

// A system without a language (LANG=C, a bare Xvfb session) reads English: with its plurals,
// never "1 message(s) of this session are marked".
void TestTranslations::pluralsWithoutALanguage()
{
    Translations translations;
    translations.install(QLocale::c());
    QVERIFY(translations.hasOwnWords());
    const QString text = QCoreApplication::translate("TerminalPane",
        "%n message(s) of this session are marked for deletion. Closing the tab drops the "
        "connection without QUIT: the server deletes nothing and the marks are lost. Close it "
        "anyway?",
        nullptr,
        1);
    QVERIFY2(
        text.startsWith(QStringLiteral("1 message of this session is marked")), qPrintable(text));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
