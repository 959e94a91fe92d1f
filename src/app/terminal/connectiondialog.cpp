#include "app/terminal/connectiondialog.h"

#include "ui_connectiondialog.h"

#include <QPushButton>

ConnectionDialog::ConnectionDialog(
    const ConnectionSettings &initial, const ConnectionSettings &builtin, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionDialog>())
    , m_builtin(builtin)
{
    m_ui->setupUi(this);
    m_ui->keyboardCombo->addItem(tr("Local echo and line editing (PuTTY)"));
    m_ui->keyboardCombo->addItem(tr("No echo, each key sent as typed (Windows telnet)"));
    m_ui->endingCombo->addItem(tr("CR LF (PuTTY, telnet: what RFC 1939 asks)"));
    m_ui->endingCombo->addItem(tr("LF only (netcat)"));
    m_ui->hostEdit->setText(initial.host);
    m_ui->portSpin->setValue(initial.port);
    m_ui->keyboardCombo->setCurrentIndex(
        initial.keyboard == ConnectionSettings::Keyboard::LineEditing ? 0 : 1);
    m_ui->endingCombo->setCurrentIndex(
        initial.lineEnding == ConnectionSettings::LineEnding::CrLf ? 0 : 1);
    m_ui->rawRadio->setChecked(initial.security == ConnectionSettings::Security::Raw);
    m_ui->stlsRadio->setChecked(initial.security == ConnectionSettings::Security::Stls);
    m_ui->tlsRadio->setChecked(initial.security == ConnectionSettings::Security::Tls);
    m_ui->alwaysRadio->setChecked(initial.closeOnExit == ConnectionSettings::CloseOnExit::Always);
    m_ui->neverRadio->setChecked(initial.closeOnExit == ConnectionSettings::CloseOnExit::Never);
    m_ui->cleanRadio->setChecked(
        initial.closeOnExit == ConnectionSettings::CloseOnExit::OnlyOnCleanExit);
    m_ui->builtinButton->setToolTip(
        tr("%1, the server built into pop3lab").arg(builtin.endpoint()));
    connect(m_ui->builtinButton, &QPushButton::clicked, this, [this] {
        m_ui->hostEdit->setText(m_builtin.host);
        m_ui->portSpin->setValue(m_builtin.port);
    });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttons->button(QDialogButtonBox::Open)->setDefault(true);
    m_ui->hostEdit->setFocus();
}

ConnectionDialog::~ConnectionDialog() = default;

ConnectionSettings ConnectionDialog::settings() const
{
    ConnectionSettings s;
    s.host = m_ui->hostEdit->text().trimmed();
    if (s.host.isEmpty())
        s.host = m_builtin.host;
    s.port = quint16(m_ui->portSpin->value());
    s.keyboard = m_ui->keyboardCombo->currentIndex() == 0
        ? ConnectionSettings::Keyboard::LineEditing
        : ConnectionSettings::Keyboard::WindowsTelnet;
    s.lineEnding = m_ui->endingCombo->currentIndex() == 0 ? ConnectionSettings::LineEnding::CrLf
                                                          : ConnectionSettings::LineEnding::Lf;
    s.security = m_ui->stlsRadio->isChecked() ? ConnectionSettings::Security::Stls
        : m_ui->tlsRadio->isChecked()         ? ConnectionSettings::Security::Tls
                                              : ConnectionSettings::Security::Raw;
    s.closeOnExit = m_ui->alwaysRadio->isChecked() ? ConnectionSettings::CloseOnExit::Always
        : m_ui->cleanRadio->isChecked() ? ConnectionSettings::CloseOnExit::OnlyOnCleanExit
                                        : ConnectionSettings::CloseOnExit::Never;
    return s;
}
