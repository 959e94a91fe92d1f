#include "app/preferencesdialog.h"

#include "ui_preferencesdialog.h"

#include "app/translations.h"
#include "protocol/personality.h"

PreferencesDialog::PreferencesDialog(const Values &values, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    m_ui->endingCombo->addItem(tr("CR LF (PuTTY, telnet)"));
    m_ui->endingCombo->addItem(tr("LF only (netcat)"));
    for (const QString &id : pop3::Personality::builtinIds()) {
        const std::optional<pop3::Personality> p = pop3::Personality::load(id);
        m_ui->personalityCombo->addItem(p ? Translations::personalityName(id, p->name) : id, id);
        if (p)
            m_ui->personalityCombo->setItemData(
                m_ui->personalityCombo->count() - 1, p->description, Qt::ToolTipRole);
    }
    m_ui->fontSpin->setValue(values.fontPointSize);
    m_ui->endingCombo->setCurrentIndex(
        values.lineEnding == ConnectionSettings::LineEnding::CrLf ? 0 : 1);
    const int index = m_ui->personalityCombo->findData(values.personality);
    if (index >= 0)
        m_ui->personalityCombo->setCurrentIndex(index);
    m_ui->idleSpin->setValue(values.idleTimeoutSecs);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PreferencesDialog::~PreferencesDialog() = default;

PreferencesDialog::Values PreferencesDialog::values() const
{
    Values v;
    v.fontPointSize = m_ui->fontSpin->value();
    v.lineEnding = m_ui->endingCombo->currentIndex() == 0 ? ConnectionSettings::LineEnding::CrLf
                                                          : ConnectionSettings::LineEnding::Lf;
    v.personality = m_ui->personalityCombo->currentData().toString();
    v.idleTimeoutSecs = m_ui->idleSpin->value();
    return v;
}
