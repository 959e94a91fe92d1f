// View > Language switches the window between English and French while it runs: the menus, the
// panes and the lessons retranslate at once (no restart), and the choice is remembered.

#include "app/labsettings.h"
#include "app/languagemenu.h"
#include "app/lessons/lessonpane.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "support/labfixture.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

class TestLanguageMenu : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void frenchFromTheMenuRetranslatesTheWindow();
    void theChoiceIsRememberedAndSystemForgetsIt();
    void theMenuSitsInViewAndNamesLanguagesInTheirOwnWords();

private:
    QStringList menuTitles() const;

    std::unique_ptr<LabFixture> m_lab;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<LanguageMenu> m_menu;
};

void TestLanguageMenu::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
    LabSettings().setLanguage(QString());
    m_translations = std::make_unique<Translations>();
    m_menu = std::make_unique<LanguageMenu>(m_translations.get());
    m_menu->apply(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(m_lab->services.get());
    m_window->viewMenu()->addMenu(m_menu.get());
    connect(m_menu.get(),
        &LanguageMenu::languageChanged,
        m_window->lessonPane(),
        &LessonPane::setLanguage);
    m_window->show();
}

void TestLanguageMenu::cleanup()
{
    m_window.reset();
    m_menu.reset();
    m_translations.reset();
    m_lab.reset();
    QLocale::setDefault(QLocale::c());
}

QStringList TestLanguageMenu::menuTitles() const
{
    QStringList titles;
    for (QAction *action : m_window->menuBar()->actions())
        titles.append(action->text().remove(QLatin1Char('&')));
    return titles;
}

void TestLanguageMenu::frenchFromTheMenuRetranslatesTheWindow()
{
    QVERIFY2(menuTitles().contains(QStringLiteral("View")), qPrintable(menuTitles().join(' ')));
    QSignalSpy changed(m_menu.get(), &LanguageMenu::languageChanged);
    m_menu->findChild<QAction *>(QStringLiteral("languageFrench"))->trigger();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("fr"));
    QVERIFY(m_translations->hasOwnWords());
    // The events of a retranslation are posted: the window answers them at once, no restart.
    QTRY_VERIFY2(
        menuTitles().contains(QStringLiteral("Affichage")), qPrintable(menuTitles().join(' ')));
    QTRY_COMPARE(m_menu->title().remove(QLatin1Char('&')), QStringLiteral("Langue"));
    QCOMPARE(QLocale().language(), QLocale::French);

    m_menu->findChild<QAction *>(QStringLiteral("languageEnglish"))->trigger();
    QTRY_VERIFY2(menuTitles().contains(QStringLiteral("View")), qPrintable(menuTitles().join(' ')));
    QTRY_COMPARE(m_menu->title().remove(QLatin1Char('&')), QStringLiteral("Language"));
}

void TestLanguageMenu::theChoiceIsRememberedAndSystemForgetsIt()
{
    QCOMPARE(LabSettings().language(), QString());
    m_menu->findChild<QAction *>(QStringLiteral("languageFrench"))->trigger();
    QCOMPARE(LabSettings().language(), QStringLiteral("fr"));
    QVERIFY(m_menu->findChild<QAction *>(QStringLiteral("languageFrench"))->isChecked());
    m_menu->findChild<QAction *>(QStringLiteral("languageSystem"))->trigger();
    QCOMPARE(LabSettings().language(), QString());
    QCOMPARE(m_menu->choice(), QString());
    QVERIFY(!m_menu->findChild<QAction *>(QStringLiteral("languageFrench"))->isChecked());
    // apply() (what --language does) is for one run: nothing is remembered.
    m_menu->apply(QStringLiteral("fr"));
    QCOMPARE(LabSettings().language(), QString());
    QVERIFY(m_menu->findChild<QAction *>(QStringLiteral("languageFrench"))->isChecked());
}

void TestLanguageMenu::theMenuSitsInViewAndNamesLanguagesInTheirOwnWords()
{
    QVERIFY(m_window->viewMenu()->actions().contains(m_menu->menuAction()));
    m_menu->apply(QStringLiteral("fr"));
    QTRY_COMPARE(m_menu->title().remove(QLatin1Char('&')), QStringLiteral("Langue"));
    QCOMPARE(m_menu->findChild<QAction *>(QStringLiteral("languageEnglish"))->text(),
        QStringLiteral("English"));
    QCOMPARE(m_menu->findChild<QAction *>(QStringLiteral("languageFrench"))->text(),
        QStringLiteral("Français"));
}

QTEST_MAIN(TestLanguageMenu)
#include "tst_languagemenu.moc"
