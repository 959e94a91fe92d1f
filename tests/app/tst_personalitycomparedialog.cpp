// The side-by-side dialog (offscreen): the lab sheet under Dovecot and UW ipop3d marks the
// greeting and the USER/PASS replies as different, and a capability toggle shows in CAPA.

#include "app/personalitycomparedialog.h"

#include <QCheckBox>
#include <QTableWidget>
#include <QTest>

class TestPersonalityCompareDialog : public QObject
{
    Q_OBJECT

private slots:
    void labSheetHighlightsGreetingAndLogin();
    void capabilityToggleShowsInCapa();
};

void TestPersonalityCompareDialog::labSheetHighlightsGreetingAndLogin()
{
    PersonalityCompareDialog dialog;
    dialog.setPersonality(PersonalityCompareDialog::Left, QStringLiteral("dovecot"));
    dialog.setPersonality(PersonalityCompareDialog::Right, QStringLiteral("uw-ipop3d"));
    dialog.compare();
    QTableWidget *t = dialog.table();
    QCOMPARE(t->rowCount(), 10); // the greeting and the lab sheet's nine lines
    const auto differs = [t](int row) {
        return t->item(row, 0)->data(PersonalityCompareDialog::DiffersRole).toBool();
    };
    QVERIFY(differs(0));
    QCOMPARE(t->item(0, 1)->text(), QStringLiteral("+OK Dovecot ready."));
    QCOMPARE(t->item(0, 2)->text(), QStringLiteral("+OK POP3 [127.0.0.1] v7.60 server ready"));
    QCOMPARE(t->item(2, 0)->text(), QStringLiteral("user student"));
    QVERIFY(differs(2));
    QCOMPARE(t->item(3, 0)->text(), QStringLiteral("pass hessovs!"));
    QVERIFY(differs(3));
    QCOMPARE(t->item(3, 3)->text(), QStringLiteral("≠")); // not colour alone
    QVERIFY(t->item(3, 1)->font().bold());
    QCOMPARE(t->horizontalHeaderItem(2)->text(), QStringLiteral("UW ipop3d 7.60"));
}

void TestPersonalityCompareDialog::capabilityToggleShowsInCapa()
{
    PersonalityCompareDialog dialog;
    dialog.setPersonality(PersonalityCompareDialog::Left, QStringLiteral("dovecot"));
    dialog.setPersonality(PersonalityCompareDialog::Right, QStringLiteral("dovecot"));
    dialog.setScript({"CAPA"});
    dialog.compare();
    QVERIFY(!dialog.table()->item(1, 0)->data(PersonalityCompareDialog::DiffersRole).toBool());
    QCheckBox *top = dialog.capabilityBox(PersonalityCompareDialog::Left, QStringLiteral("TOP"));
    QVERIFY(top && top->isChecked());
    top->setChecked(false);
    dialog.compare();
    QVERIFY(dialog.table()->item(1, 0)->data(PersonalityCompareDialog::DiffersRole).toBool());
    QVERIFY(!dialog.table()->item(1, 1)->toolTip().contains(QStringLiteral("\r\nTOP\r\n")));
    QVERIFY(dialog.table()->item(1, 2)->toolTip().contains(QStringLiteral("\r\nTOP\r\n")));
}

QTEST_MAIN(TestPersonalityCompareDialog)
#include "tst_personalitycomparedialog.moc"
