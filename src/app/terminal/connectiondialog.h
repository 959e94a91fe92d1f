#pragma once

#include "app/terminal/connectionsettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ConnectionDialog;
}

// PuTTY's Session page: host and port (the built-in server by default), connection type Raw,
// "Close window on exit", plus how Enter and the keys behave.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    ConnectionDialog(const ConnectionSettings &initial,
        const ConnectionSettings &builtin,
        QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    ConnectionSettings settings() const;

private:
    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    ConnectionSettings m_builtin;
};
